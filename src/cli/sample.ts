/**
 * `kehu sample [-o out.xlsx] [--customers N]`: writes the sample workbook (src/core/sample) as .xlsx — the issue's
 * "use it without Excel" demo file at the default size, the benchmark workbook at 100,000 customers.
 *
 * Written with exceljs's streaming writer (a 100,000-customer book has ~450,000 rows; the in-memory writer would
 * hold millions of cell objects), then re-zipped with fixed timestamps: exceljs stamps every zip entry with the
 * time of writing, and the same seed must give the same bytes.
 */
import ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';
import { promises as fs } from 'fs';
import * as path from 'path';
import { PassThrough } from 'stream';
import { DEFAULT_CUSTOMERS, DEFAULT_SEED, SampleCell, SampleSheet, SampleWorkbook, generateSample, isSampleFormula } from '../core/sample';
import { UsageError, parseArgs } from './args';

export const SAMPLE_USAGE = `usage: kehu sample [-o out.xlsx] [--customers N] [--seed N] [--manifest out.json]
  writes a workbook of fake Chinese customers with realistic dirt (sheets CRM客户, 电商订单, 服务工单, 活动报名表).
  -o           output file (default sample-crm.xlsx)
  --customers  CRM customers (default ${DEFAULT_CUSTOMERS}); orders, tickets and sign-ups scale with it
  --seed       random seed (default ${DEFAULT_SEED}); the same seed gives the same file
  --manifest   also write the list of injected problems and the true customer of every row as JSON`;

/** Written into docProps and every zip entry. Local-time fields, because zip stores local time (as fflate writes it). */
const FIXED_TIME = new Date(2024, 11, 31, 0, 0, 0);
const DATE_FORMAT = 'yyyy-mm-dd';
const DATETIME_FORMAT = 'yyyy-mm-dd hh:mm:ss';

function writeCell(cell: ExcelJS.Cell, v: SampleCell): void {
  if (v === null || v === undefined) return;
  if (isSampleFormula(v)) {
    cell.value = { formula: v.formula, result: v.result };
  } else if (v instanceof Date) {
    cell.value = v;
    cell.numFmt = v.getTime() % 86400000 === 0 ? DATE_FORMAT : DATETIME_FORMAT;
  } else {
    cell.value = v as ExcelJS.CellValue;
  }
}

function columnWidth(header: string, rows: SampleCell[][], c: number): number {
  let width = header.length * 2 + 2;
  for (let r = 0; r < Math.min(rows.length, 200); r++) {
    const v = rows[r][c];
    const len = typeof v === 'string' ? [...v].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0) : v instanceof Date ? 19 : 10;
    width = Math.max(width, len + 2);
  }
  return Math.min(width, 48);
}

function writeSheet(book: ExcelJS.stream.xlsx.WorkbookWriter, sheet: SampleSheet): void {
  const ws = book.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: sheet.headerRow }] });
  ws.columns = sheet.header.map((h, c) => ({ width: columnWidth(h, sheet.rows, c) }));
  if (sheet.title) {
    const cell = ws.getCell(1, 1);
    cell.value = sheet.title.text;
    cell.font = { bold: true, size: 14 };
    if (sheet.title.merged) ws.mergeCells(1, 1, 1, sheet.header.length);
    ws.getRow(1).commit();
  }
  const header = ws.getRow(sheet.headerRow);
  sheet.header.forEach((h, c) => {
    const cell = header.getCell(c + 1);
    cell.value = h;
    cell.font = { bold: true };
  });
  header.commit();
  sheet.rows.forEach((cells, i) => {
    if (cells.length === 0) return;
    const row = ws.getRow(sheet.headerRow + 1 + i);
    cells.forEach((v, c) => writeCell(row.getCell(c + 1), v));
    row.commit();
  });
  ws.commit();
}

/** The workbook as .xlsx bytes, the same bytes for the same workbook. */
export async function sampleXlsxBytes(sample: SampleWorkbook): Promise<Uint8Array> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: true, useStyles: true });
  book.creator = 'kehu sample';
  book.created = FIXED_TIME;
  book.modified = FIXED_TIME;
  for (const sheet of sample.sheets) writeSheet(book, sheet);
  await book.commit();
  const files = unzipSync(Buffer.concat(chunks));
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, data]) => [name, [data, { mtime: FIXED_TIME }]])), { level: 9 });
}

function wholeNumber(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text)) throw new UsageError(`${name} must be a whole number, got '${text}'`);
  return Number(text);
}

export async function runSample(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['-o', '--out', '--customers', '--seed', '--manifest'], ['--help', '-h']);
  if (args.flags.has('--help') || args.flags.has('-h')) {
    process.stdout.write(`${SAMPLE_USAGE}\n`);
    return 0;
  }
  if (args.positionals.length) throw new UsageError(SAMPLE_USAGE);
  const out = path.resolve(args.options.get('-o') ?? args.options.get('--out') ?? 'sample-crm.xlsx');
  if (path.extname(out).toLowerCase() !== '.xlsx') throw new UsageError(`-o must name an .xlsx file, got '${out}'`);
  const customers = wholeNumber('--customers', args.options.get('--customers'), DEFAULT_CUSTOMERS);
  const seed = wholeNumber('--seed', args.options.get('--seed'), DEFAULT_SEED);

  const t0 = Date.now();
  let sample: SampleWorkbook;
  try {
    sample = generateSample({ customers, seed });
  } catch (e) {
    if (e instanceof RangeError) throw new UsageError(e.message);
    throw e;
  }
  const bytes = await sampleXlsxBytes(sample);
  await fs.mkdir(path.dirname(out), { recursive: true });
  await fs.writeFile(out, bytes);
  const manifestPath = args.options.get('--manifest');
  if (manifestPath) await fs.writeFile(manifestPath, JSON.stringify(sample.manifest));

  const m = sample.manifest;
  const injected = Object.values(m.counts).reduce((a, b) => a + b, 0);
  process.stdout.write(
    [
      `已生成 ${path.relative(process.cwd(), out) || out}（${(bytes.length / 1024).toFixed(0)} KB，${((Date.now() - t0) / 1000).toFixed(1)} 秒）`,
      `  ${m.sheets.map((s) => `${s.name} ${s.rows} 行`).join('，')}`,
      `  客户 ${m.customers} 个，种子 ${m.seed}，截至 ${m.asOf}；注入的问题 ${injected} 处${manifestPath ? `，清单见 ${manifestPath}` : ''}`,
    ].join('\n') + '\n',
  );
  return 0;
}
