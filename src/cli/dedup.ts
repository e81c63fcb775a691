/**
 * `kehu dedup <file.xlsx|file.csv> -o <out.csv> [--sheet NAME] [--threshold P] [--fields a,b,c]`: every input row,
 * in input order, with its original columns plus cluster_id, match_probability and match_reason.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { CellValue, cellToText } from '../core/cell';
import { Locale } from '../core/dedup';
import { DedupSheetError, dedupSheet } from '../core/pipeline/dedup';
import { openWorkbookFile } from '../host/file/node';
import { UsageError, parseArgs } from './args';

export const DEDUP_USAGE = `usage: kehu dedup <file.xlsx|file.csv> -o <out.csv> [--sheet NAME] [--threshold P] [--fields a,b,c] [--lang zh-CN|en-US]
  finds rows that are the same customer; writes every row with cluster_id, match_probability, match_reason
  (CSV, UTF-8 with BOM).
  --threshold  probability a link needs to merge two rows, 0..1 (default 0.9)
  --fields     only these columns, by header or field id (e.g. 姓名,手机 or customerName,phone)`;

export const OUTPUT_COLUMNS = ['cluster_id', 'match_probability', 'match_reason'] as const;

/** A date as Excel shows it: the day alone at midnight, else day and time (exceljs hands dates over as UTC). */
function csvText(v: CellValue): string {
  if (v instanceof Date && !Number.isNaN(v.getTime())) {
    const iso = v.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
  }
  return cellToText(v);
}

/**
 * One RFC 4180 field. Text Excel would run as a formula (`=`, `+`, `-`, `@` not followed by a plain number, as in
 * `+86 138…` or `=HYPERLINK(…)`) gets a leading apostrophe: CSV has no other way to say "this is text".
 */
export function csvField(s: string): string {
  let t = s;
  if (/^[=+\-@\t\r]/.test(t) && !/^[+-]?\d+(?:\.\d+)?$/.test(t)) t = `'${t}`;
  return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

export async function runDedup(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['-o', '--out', '--sheet', '--threshold', '--fields', '--lang'], ['--help', '-h']);
  if (args.flags.has('--help') || args.flags.has('-h')) {
    process.stdout.write(`${DEDUP_USAGE}\n`);
    return 0;
  }
  const [input] = args.positionals;
  const out = args.options.get('-o') ?? args.options.get('--out');
  if (!input || !out || args.positionals.length > 1) throw new UsageError(DEDUP_USAGE);
  if (path.extname(out).toLowerCase() !== '.csv') throw new UsageError(`-o must name a .csv file, got '${out}'`);
  const thresholdText = args.options.get('--threshold');
  const threshold = thresholdText === undefined ? undefined : Number(thresholdText);
  if (threshold !== undefined && !(threshold > 0 && threshold < 1)) {
    throw new UsageError(`--threshold must be a probability between 0 and 1 (exclusive), got '${thresholdText}'`);
  }
  const lang = args.options.get('--lang') ?? 'zh-CN';
  if (lang !== 'zh-CN' && lang !== 'en-US') throw new UsageError('--lang must be zh-CN or en-US');
  const fields = args.options.get('--fields')?.split(/[,，]/).map((s) => s.trim()).filter(Boolean);

  const t0 = process.hrtime.bigint();
  const book = await openWorkbookFile(input);
  const sheets = await book.listSheets();
  const wanted = args.options.get('--sheet');
  const target = wanted ? sheets.find((s) => s.name === wanted) : sheets.find((s) => s.rowCount > 0);
  if (!target) {
    process.stderr.write(
      wanted
        ? `kehu dedup: 找不到工作表「${wanted}」；工作簿中有：${sheets.map((s) => s.name).join('、')}\n`
        : `kehu dedup: ${path.basename(input)} 中没有含数据的工作表 (no sheet with data)\n`,
    );
    return 1;
  }
  const data = await book.readSheet(target.name);
  let result;
  try {
    result = dedupSheet(target.name, data.rows, data.firstRow, { threshold, fields, locale: lang as Locale });
  } catch (e) {
    if (e instanceof DedupSheetError) {
      process.stderr.write(`kehu dedup: ${e.message}\n`);
      return 1;
    }
    throw e;
  }

  const { table, rows } = result;
  const lines: string[] = [[...table.columns.map((c) => c.name), ...OUTPUT_COLUMNS].map(csvField).join(',')];
  for (let r = 0; r < table.rowCount; r++) {
    const own = table.columns.map((c) => csvField(csvText(c.values[r])));
    const row = rows[r];
    lines.push([...own, String(row.cluster), row.probability.toFixed(4), csvField(row.reason)].join(','));
  }
  await fs.writeFile(out, `\ufeff${lines.join('\r\n')}\r\n`, 'utf8');
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;

  const s = result.summary;
  const giant = result.result.blocking.giantBlocks;
  process.stderr.write(
    [
      `工作表 ${target.name}: 表头在第 ${result.headerRow} 行, ${s.rows} 行数据`,
      `查重字段: ${result.plan.map((p) => `${p.header}→${p.kind}${p.use === 'evidence' ? '(规则)' : ''}`).join(', ')}`,
      `rows ${s.rows}, clusters ${s.clusters} (${s.duplicateClusters} 组重复, 共 ${s.rowsInDuplicates} 行), ` +
        `pairs compared ${s.pairsCompared}, time ${seconds.toFixed(2)} s`,
      ...(giant.length > 0 ? [`跳过的过大分块 ${giant.length} 个: ${giant.slice(0, 3).map((g) => `${g.key}(${g.rows} 行)`).join('、')}`] : []),
      `已写入 ${out}`,
    ].join('\n') + '\n',
  );
  return 0;
}
