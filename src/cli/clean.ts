/** `kehu clean <file.xlsx|file.csv> -o <out.xlsx> [--sheet NAME]`: cleaned columns beside the originals + 数据质量报告. */
import * as path from 'path';
import { CleanError, DEFAULT_KEY_FIELDS, cleanSheet } from '../core/pipeline/clean';
import { Locale } from '../core/report/quality-sheet';
import { openWorkbookFile } from '../host/file/node';
import { UsageError, parseArgs } from './args';

export const CLEAN_USAGE = `usage: kehu clean <file.xlsx|file.csv> -o <out.xlsx> [--sheet NAME] [--keys a,b,c] [--asof YYYY-MM-DD] [--lang zh-CN|en-US]
  maps the columns to standard fields, writes cleaned columns beside the originals and a 数据质量报告 sheet.
  --keys   key fields; a row missing all of them is excluded from analysis (default ${DEFAULT_KEY_FIELDS.join(',')})
  --asof   "today" for future-date and recency checks (default: today)`;

function today(): string {
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

  const book = await openWorkbookFile(input);
  const sheets = await book.listSheets();
  const wanted = args.options.get('--sheet');
  const target = wanted ? sheets.find((s) => s.name === wanted) : sheets.find((s) => s.rowCount > 0);
  if (!target) {
    process.stderr.write(
      wanted
        ? `kehu clean: 找不到工作表「${wanted}」；工作簿中有：${sheets.map((s) => s.name).join('、')}\n`
        : `kehu clean: ${path.basename(input)} 中没有含数据的工作表 (no sheet with data)\n`,
    );
    return 1;
  }
  const data = await book.readSheet(target.name);
  let result;
  try {
    result = cleanSheet(target.name, data.rows, data.firstRow, {
      asOf,
      locale,
      keyFieldIds: args.options.get('--keys')?.split(',').map((s) => s.trim()).filter(Boolean),
    });
  } catch (e) {
    if (e instanceof CleanError) {
      process.stderr.write(`kehu clean: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  await book.writeColumns(target.name, result.columns);
  await book.writeSheet(result.reportSheet);
  await book.save(out);

  const r = result.report;
  const mapped = result.fields.map((f) => `${f.mapping.header}→${f.mapping.fieldId}`).join(', ');
  process.stdout.write(
    [
      `工作表 ${target.name}: 表头在第 ${result.headerRow} 行, ${r.rowsBefore} 行数据`,
      `字段映射: ${mapped}`,
      `可用行 ${r.rowsUsable} / ${r.rowsBefore} = ${(r.availability * 100).toFixed(1)}% (目标 ${(r.availabilityTarget * 100).toFixed(0)}%: ${r.meetsTarget ? '达标' : '未达标'})`,
      `问题: ${Object.entries(r.issueCounts).map(([k, v]) => `${k}=${v}`).join(' ')}`,
      `已写入 ${out}: ${result.columns.length} 个清洗列, 工作表 ${result.reportSheet.name}`,
    ].join('\n') + '\n',
  );
  return 0;
}
