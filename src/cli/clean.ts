/** `kehu clean <file.xlsx|file.csv> -o <out.xlsx> [--sheet NAME]`: cleaned columns beside the originals + 数据质量报告. */
import * as path from 'path';
import { CleanError, CleanResult, DEFAULT_KEY_FIELDS, cleanSheet } from '../core/pipeline/clean';
import { Locale } from '../core/report/quality-sheet';
import { openWorkbookFile } from '../host/file/node';
import { UsageError, parseArgs } from './args';

export const CLEAN_USAGE = `usage: kehu clean <file.xlsx|file.csv> -o <out.xlsx> [--sheet NAME] [--keys a,b,c] [--asof YYYY-MM-DD] [--lang zh-CN|en-US]
  maps the columns to standard fields, writes cleaned columns beside the originals and a 数据质量报告 sheet.
  --keys   key fields; a row missing all of them is excluded from analysis (default ${DEFAULT_KEY_FIELDS.join(',')})
  --asof   "today" for future-date and recency checks (default: today)`;

export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export async function runClean(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['-o', '--out', '--sheet', '--keys', '--asof', '--lang'], ['--help', '-h']);
  if (args.flags.has('--help') || args.flags.has('-h')) {
    process.stdout.write(`${CLEAN_USAGE}\n`);
    return 0;
  }
  const [input] = args.positionals;
  const out = args.options.get('-o') ?? args.options.get('--out');
  if (!input || !out || args.positionals.length > 1) throw new UsageError(CLEAN_USAGE);
  const asOf = args.options.get('--asof') ?? today();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new UsageError(`--asof must be YYYY-MM-DD, got '${asOf}'`);
  const lang = args.options.get('--lang') ?? 'zh-CN';
  if (lang !== 'zh-CN' && lang !== 'en-US') throw new UsageError(`--lang must be zh-CN or en-US`);
  const locale = lang as Locale;

  let result: CleanResult;
  let sheet: string;
  try {
    ({ result, sheet } = await cleanFile(input, out, {
      sheet: args.options.get('--sheet'),
      asOf,
      locale,
      keyFieldIds: args.options.get('--keys')?.split(',').map((s) => s.trim()).filter(Boolean),
    }));
  } catch (e) {
    if (e instanceof CleanError || e instanceof CleanFileError) {
      process.stderr.write(`kehu clean: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  process.stdout.write(cleanSummary(sheet, result, out));
  return 0;
}

/** Problems with the file itself (no such sheet, nothing in it), said in the user's words. */
export class CleanFileError extends Error {}

export interface CleanFileOptions {
  sheet?: string;
  asOf: string;
  locale: Locale;
  keyFieldIds?: string[];
}

/** Reads one sheet of a file, cleans it, and saves the workbook with the cleaned columns and the report sheet. */
export async function cleanFile(input: string, out: string, opts: CleanFileOptions): Promise<{ result: CleanResult; sheet: string }> {
  if (path.extname(out).toLowerCase() !== '.xlsx') {
    throw new CleanFileError(`输出文件须为 .xlsx：${out} (the output must be an .xlsx file)`);
  }
  const book = await openWorkbookFile(input).catch((e: unknown) => {
    throw new CleanFileError(fileProblem(e, input, '读取'));
  });
  const sheets = await book.listSheets();
  const target = opts.sheet ? sheets.find((s) => s.name === opts.sheet) : sheets.find((s) => s.rowCount > 0);
  if (!target) {
    throw new CleanFileError(
      opts.sheet
        ? `找不到工作表「${opts.sheet}」；工作簿中有：${sheets.map((s) => s.name).join('、')}`
        : `${path.basename(input)} 中没有含数据的工作表 (no sheet with data)`,
    );
  }
  const data = await book.readSheet(target.name);
  const result = cleanSheet(target.name, data.rows, data.firstRow, {
    asOf: opts.asOf,
    locale: opts.locale,
    keyFieldIds: opts.keyFieldIds,
    merges: data.merges,
  });
  await book.writeColumns(target.name, result.columns);
  await book.writeSheet(result.reportSheet);
  await book.save(out).catch((e: unknown) => {
    throw new CleanFileError(fileProblem(e, out, '写入'));
  });
  return { result, sheet: target.name };
}

/** A file that cannot be read or written, in the user's words (the host's own messages already are). */
function fileProblem(e: unknown, file: string, action: '读取' | '写入'): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return action === '读取' ? `找不到文件「${file}」(no such file)` : `无法写入「${file}」：文件夹不存在 (no such folder)`;
  if (code === 'EISDIR') return `「${file}」是文件夹，不是文件 (is a folder)`;
  if (code === 'EACCES' || code === 'EPERM') return `没有权限${action}「${file}」(permission denied)`;
  return e instanceof Error ? e.message : `无法${action}「${file}」：${String(e)}`;
}

function cleanSummary(sheet: string, result: CleanResult, out: string): string {
  const r = result.report;
  const mapped = result.fields.map((f) => `${f.mapping.header}→${f.mapping.fieldId}`).join(', ');
  return (
    [
      `工作表 ${sheet}: 表头在第 ${result.headerRow} 行, ${r.rowsBefore} 行数据`,
      `字段映射: ${mapped}`,
      `可用行 ${r.rowsUsable} / ${r.rowsBefore} = ${(r.availability * 100).toFixed(1)}% (目标 ${(r.availabilityTarget * 100).toFixed(0)}%: ${r.meetsTarget ? '达标' : '未达标'})`,
      `问题: ${Object.entries(r.issueCounts).map(([k, v]) => `${k}=${v}`).join(' ')}`,
      `已写入 ${out}: ${result.columns.length} 个清洗列, 工作表 ${result.reportSheet.name}`,
    ].join('\n') + '\n'
  );
}
