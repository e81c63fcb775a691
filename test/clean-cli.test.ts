/**
 * Acceptance: `kehu clean` over real files writes an .xlsx whose cleaned columns, 数据质量报告 figures, formats and
 * tables are right. The expected figures are counted here from the CSV with a plain reader of our own.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import * as iconv from 'iconv-lite';
import { COMPILED_MAIN, REPO_ROOT, SHARED_DATA, itWhen, runCli, runCliProcess, tempDir } from './helpers/cli';
import { readPlainCsv } from './helpers/plain-csv';
import { columnOf, loadBook, rowLabelled, rowValues, sheetOf, tableRows, tablesOf } from './helpers/xlsx';
import { PlainCellInfo, PlainXlsx } from './helpers/xlsx-plain';

const SAMPLE = path.join(REPO_ROOT, 'assets', 'sample', 'customers.csv');
const RETAIL = path.join(SHARED_DATA, 'online_retail', 'online_retail.csv');
const REPORT = '数据质量报告';
const KEY_HEADERS = ['客户编号', '联系电话', '邮箱']; // the default key fields as the sample names them

const blank = (s: string | undefined) => s === undefined || s.trim() === '';

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => (tmp = tempDir('clean-cli')));
afterAll(() => tmp.cleanup());

/** The summary value beside `label` and its number format. */
function kv(ws: ExcelJS.Worksheet, label: string): { value: ExcelJS.CellValue; numFmt: string | undefined } {
  const r = rowLabelled(ws, label);
  expect(r).toBeGreaterThan(0);
  const cell = ws.getCell(r, 2);
  return { value: cell.value, numFmt: cell.numFmt };
}

/** What every 数据质量报告 must hold, whatever the input: summary, both tables, formats, frozen view, widths. */
function expectReportShape(ws: ExcelJS.Worksheet, before: number, usable: number): void {
  expect(kv(ws, '清洗前行数')).toEqual({ value: before, numFmt: '#,##0' });
  expect(kv(ws, '可用行数（清洗后）')).toEqual({ value: usable, numFmt: '#,##0' });
  const availability = kv(ws, '可用率');
  expect(availability.value).toBeCloseTo(usable / before, 12);
  expect(availability.numFmt).toMatch(/%$/);
  expect(kv(ws, '目标').numFmt).toMatch(/%$/);
  expect(kv(ws, '结论').value).toBe(usable / before >= 0.95 ? '达标' : '未达标');

  const tables = tablesOf(ws);
  const fieldTable = tables.find((t) => t.name === 'KehuFieldQuality');
  const issueTable = tables.find((t) => t.name === 'KehuIssues');
  expect(fieldTable?.columns).toEqual(expect.arrayContaining(['字段', '源列', '行数', '已填', '填充率', '有效', '有效率']));
  expect(issueTable?.columns).toEqual(['工作表', '行号', '字段', '值', '问题类型', '问题', '建议']);

  // Per-field table: counts as numbers in #,##0, shares as numbers in a percent format.
  for (const row of tableRows(ws, fieldTable!)) {
    expect(row['行数']).toBe(before);
    expect(typeof row['填充率']).toBe('number');
  }
  const [, firstDataRow] = /^[A-Z]+(\d+)/.exec(fieldTable!.ref)!.map(Number);
  const numFmtOf = (name: string) => ws.getCell(firstDataRow + 1, fieldTable!.columns.indexOf(name) + 1).numFmt;
  expect(numFmtOf('行数')).toBe('#,##0');
  expect(numFmtOf('已填')).toBe('#,##0');
  expect(numFmtOf('填充率')).toMatch(/%$/);
  expect(numFmtOf('有效率')).toMatch(/%$/);

  expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  for (let c = 1; c <= 7; c++) expect(ws.getColumn(c).width).toBeGreaterThan(8);
}

/** Every original cell of the CSV is in the output, unchanged, and each mapped column has its `(清洗)` twin. */
function expectOriginalsKept(ws: ExcelJS.Worksheet, csv: string[][]): void {
  const header = csv[0];
  const outHeader = rowValues(ws, 1);
  expect(outHeader.slice(0, header.length)).toEqual(header);
  for (let r = 1; r < csv.length; r++) {
    const out = rowValues(ws, r + 1);
    header.forEach((_, c) => expect([r + 1, c, out[c] ?? '']).toEqual([r + 1, c, csv[r][c] ?? '']));
  }
}

describe('kehu clean assets/sample/customers.csv', () => {
  const csv = readPlainCsv(fs.readFileSync(SAMPLE, 'utf8').replace(/^\ufeff/, ''));
  const header = csv[0];
  const data = csv.slice(1).filter((r) => r.some((v) => !blank(v)));
  const keyCols = KEY_HEADERS.map((h) => header.indexOf(h));
  const usable = data.filter((r) => keyCols.some((c) => !blank(r[c]))).length;
  let out: string;
  let book: ExcelJS.Workbook;

  beforeAll(async () => {
    out = path.join(tmp.dir, 'customers.xlsx');
    const run = await runCli(['clean', SAMPLE, '-o', out, '--asof', '2025-06-01']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain(`可用行 ${usable} / ${data.length}`);
    book = await loadBook(out);
  });

  it('counts we make ourselves: 15 rows, 14 with a key field', () => {
    expect(keyCols.every((c) => c >= 0)).toBe(true);
    expect([data.length, usable]).toEqual([15, 14]);
  });

  it('writes the report sheet with the right figures, formats, tables, frozen header and widths', () => {
    // Plus the very hidden settings sheet listing what Kehu wrote (src/host/ownership.ts).
    expect(book.worksheets.map((w) => [w.name, w.state])).toEqual([['customers', 'visible'], [REPORT, 'visible'], ['_kehu_settings', 'veryHidden']]);
    const ws = sheetOf(book, REPORT);
    expectReportShape(ws, data.length, usable);
    expect(kv(ws, '排除行数（关键字段全空，已保留未删除）').value).toBe(data.length - usable);
  });

  it('per-field filled counts match the CSV', () => {
    const ws = sheetOf(book, REPORT);
    const rows = tableRows(ws, tablesOf(ws).find((t) => t.name === 'KehuFieldQuality')!);
    expect(rows.map((r) => r['源列'])).toEqual(header); // every column of the sample is a known field
    for (const r of rows) {
      const c = header.indexOf(r['源列'] as string);
      expect([r['源列'], r['已填']]).toEqual([r['源列'], data.filter((d) => !blank(d[c])).length]);
      expect(r['填充率']).toBeCloseTo((r['已填'] as number) / data.length, 12);
    }
  });

  it('lists issues with sheet, row, field, value, problem and suggestion', () => {
    const ws = sheetOf(book, REPORT);
    const issues = tableRows(ws, tablesOf(ws).find((t) => t.name === 'KehuIssues')!);
    for (const i of issues) {
      expect(i['工作表']).toBe('customers');
      expect(typeof i['行号']).toBe('number');
      expect(i['问题']).toBeTruthy();
      expect(i['建议']).toBeTruthy();
    }
    // The row with no key field (赵敏) and the #N/A amount, found in the CSV by us.
    const noKeyRow = csv.findIndex((r, i) => i > 0 && keyCols.every((c) => blank(r[c]))) + 1;
    expect(issues).toContainEqual(expect.objectContaining({ 行号: noKeyRow, 问题类型: '缺少关键字段' }));
    const naRow = csv.findIndex((r) => r.includes('#N/A')) + 1;
    expect(issues).toContainEqual(expect.objectContaining({ 行号: naRow, 值: '#N/A', 问题类型: '无效值' }));
    expect(issues.filter((i) => i['问题类型'] === '缺少关键字段')).toHaveLength(data.length - usable);
  });

  it('keeps every original cell and puts a (清洗) column beside each original', () => {
    const ws = sheetOf(book, 'customers');
    expectOriginalsKept(ws, csv);
    const outHeader = rowValues(ws, 1);
    for (const h of header) expect(columnOf(ws, 1, `${h}(清洗)`)).toBeGreaterThan(header.length);
    expect(outHeader).toHaveLength(header.length * 2);
    // Cleaned values are typed: the phone of row 2 in standard form as text, the amount a number, dates dates.
    const cleaned = (h: string, r: number) => ws.getCell(r, columnOf(ws, 1, `${h}(清洗)`));
    expect(cleaned('联系电话', 2).value).toBe('13812345678');
    expect(cleaned('累计消费金额', 2).value).toBe(12800);
    expect(cleaned('累计消费金额', 2).numFmt).toBe('#,##0.00');
    expect(cleaned('出生日期', 2).value).toEqual(new Date(Date.UTC(1985, 2, 12)));
  });
});

describe('kehu clean on a GBK CSV (what Chinese Excel saves as “CSV (逗号分隔)”)', () => {
  const text = [
    '客户编号,客户名称,联系电话,邮箱,性别',
    'K001,王小明,139 1234 5678,wxm@example.cn,男',
    'K002,李晓红,,lxh@example,女士',
    ',赵六,,,',
    'K004,陈一,12345,,F',
  ].join('\r\n');
  const csv = readPlainCsv(text);
  let out: string;

  beforeAll(async () => {
    const file = path.join(tmp.dir, '客户名单.csv');
    fs.writeFileSync(file, iconv.encode(text, 'gbk'));
    out = path.join(tmp.dir, 'gbk.xlsx');
    const run = await runCli(['clean', file, '-o', out, '--asof', '2025-06-01']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
  });

  it('decodes the text, keeps the originals and reports 3 of 4 rows usable', async () => {
    const book = await loadBook(out);
    expect(book.worksheets.filter((w) => w.state === 'visible').map((w) => w.name)).toEqual(['客户名单', REPORT]);
    expectOriginalsKept(sheetOf(book, '客户名单'), csv);
    expectReportShape(sheetOf(book, REPORT), 4, 3);
    const ws = sheetOf(book, '客户名单');
    expect(ws.getCell(2, columnOf(ws, 1, '联系电话(清洗)')).value).toBe('13912345678');
    expect(ws.getCell(3, columnOf(ws, 1, '性别(清洗)')).value).toBe('女');
  });
});

describe('kehu clean on online_retail.csv (541,909 rows)', () => {
  const present = fs.existsSync(RETAIL);
  itWhen(present, `${RETAIL} is absent`)(
    'reports 406,829 of 541,909 rows usable (135,080 without CustomerID) and keeps the originals',
    async () => {
      const start = Date.now();
      // Our own count first, with the plain reader.
      const csv = readPlainCsv(fs.readFileSync(RETAIL, 'utf8'));
      const header = csv[0];
      const idCol = header.indexOf('CustomerID');
      const data = csv.slice(1);
      const withoutId = data.filter((r) => blank(r[idCol])).length;
      expect([data.length, withoutId]).toEqual([541_909, 135_080]); // as the data README says

      const out = path.join(tmp.dir, 'retail.xlsx');
      const t0 = Date.now();
      const run = await runCli(['clean', RETAIL, '-o', out, '--asof', '2012-01-01']);
      const seconds = (Date.now() - t0) / 1000;
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(run.stdout).toContain(`可用行 ${data.length - withoutId} / ${data.length}`);

      // Read the output back with our own small reader: every original cell of every row, and the report figures.
      const book = new PlainXlsx(out);
      expect(book.sheets.map((s) => s.name)).toEqual(['online_retail', REPORT, '_kehu_settings']);
      let checked = 0;
      book.eachRow('online_retail', (rowNumber, cells) => {
        const r = rowNumber - 1;
        const got = header.map((_, c) => cells[c]?.value ?? '');
        if (r === 0) {
          expect(got).toEqual(header);
          expect(cells.slice(header.length).map((c) => c.value)).toContain('CustomerID(清洗)');
          return;
        }
        // One expect per bad row only: 541,909 passing expects would cost more than the read.
        if (got.some((v, c) => v !== csv[r][c])) expect([rowNumber, got]).toEqual([rowNumber, csv[r]]);
        checked++;
      });
      expect(checked).toBe(data.length);
      const summary = new Map<string, PlainCellInfo>();
      book.eachRow(REPORT, (_, cells) => {
        if (typeof cells[0]?.value === 'string' && cells[1]) summary.set(cells[0].value, cells[1]);
      });
      expect(summary.get('清洗前行数')).toEqual({ value: 541_909, numFmt: '#,##0' });
      expect(summary.get('可用行数（清洗后）')).toEqual({ value: 406_829, numFmt: '#,##0' });
      expect(summary.get('可用率')?.value).toBeCloseTo(406_829 / 541_909, 12);
      expect(summary.get('可用率')?.numFmt).toMatch(/%$/);
      // eslint-disable-next-line no-console
      console.log(`online_retail: kehu clean ${seconds.toFixed(1)} s; whole test (own count + clean + read back) ${((Date.now() - start) / 1000).toFixed(1)} s`);
    },
    600_000,
  );
});

describe('bin/kehu.js as a child process', () => {
  itWhen(fs.existsSync(COMPILED_MAIN), `${COMPILED_MAIN} is missing: run npm run build:node`)(
    'cleans the sample and says what it wrote; a missing file gets exit 1 and a Chinese message',
    () => {
      const out = path.join(tmp.dir, 'smoke.xlsx');
      const ok = runCliProcess(['clean', SAMPLE, '-o', out, '--asof', '2025-06-01']);
      expect(ok).toMatchObject({ code: 0, stderr: '' });
      expect(ok.stdout).toContain(`已写入 ${out}`);
      expect(fs.statSync(out).size).toBeGreaterThan(0);
      const missing = runCliProcess(['clean', path.join(tmp.dir, 'nope.csv'), '-o', out]);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain('找不到文件');
    },
  );
});
