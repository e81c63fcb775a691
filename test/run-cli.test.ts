/**
 * Acceptance: `kehu run` over real files writes the add-in's sheets and charts into an .xlsx, keeps the user's
 * cells, and a second run over its own output replaces what it wrote instead of adding copies.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { REPO_ROOT, runCli, tempDir } from './helpers/cli';
import { readPlainCsv } from './helpers/plain-csv';
import { loadBook, rowValues, sheetOf } from './helpers/xlsx';

const SAMPLE = path.join(REPO_ROOT, 'assets', 'sample', 'customers.csv');
const SAMPLE_CRM = path.join(REPO_ROOT, 'assets', 'sample-crm.xlsx');
const OUTPUTS = ['数据质量报告', '重复客户', '客户标签', '客户分层', '报告'];

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => (tmp = tempDir('run-cli')));
afterAll(() => tmp.cleanup());

function chartsIn(file: string): string[] {
  return Object.keys(unzipSync(fs.readFileSync(file))).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
}

/** Cell text as the CSV held it (the output keeps CSV cells as text). */
const text = (v: ExcelJS.CellValue) => (v === null || v === undefined ? '' : String(v));

describe('kehu run assets/sample/customers.csv', () => {
  const csv = readPlainCsv(fs.readFileSync(SAMPLE, 'utf8').replace(/^\ufeff/, ''));
  let out: string;
  let book: ExcelJS.Workbook;
  beforeAll(async () => {
    out = path.join(tmp.dir, 'customers.xlsx');
    const run = await runCli(['run', SAMPLE, '-o', out, '--asof', '2024-12-31']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('数据源: customers(客户)');
    expect(run.stdout).toMatch(/找到 1 组重复，合并 3 条/);
    book = await loadBook(out);
  });

  it('writes the report sheets after the original sheet, and the industry chart', () => {
    expect(book.worksheets.filter((w) => w.state === 'visible').map((w) => w.name)).toEqual(['customers', ...OUTPUTS]);
    expect(chartsIn(out)).toHaveLength(1); // no orders: only the industry chart has data
  });

  it('keeps every cell of the CSV where it was', () => {
    const ws = sheetOf(book, 'customers');
    csv.forEach((row, r) => expect(rowValues(ws, r + 1).slice(0, row.length).map(text)).toEqual(row.map((v) => v ?? '')));
  });

  it('run again on its own output: the same sheets, columns and charts, no second copy', async () => {
    const again = path.join(tmp.dir, 'customers-again.xlsx');
    const run = await runCli(['run', out, '-o', again]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const second = await loadBook(again);
    expect(second.worksheets.map((w) => w.name)).toEqual(book.worksheets.map((w) => w.name));
    expect(rowValues(sheetOf(second, 'customers'), 1)).toEqual(rowValues(sheetOf(book, 'customers'), 1));
    expect(chartsIn(again)).toHaveLength(1);
  });
});

describe('kehu run over two files: a customer CSV and an order CSV', () => {
  const customers = [
    '客户编号,客户名称,联系电话,地区,所属行业,客户状态',
    'C001,张伟,13812345678,广东深圳,软件开发,成交',
    'C002,李娜,13987654321,浙江杭州,电子商务,意向',
    'C003,王芳,13700001111,北京,教育,线索',
    'C004,赵敏,13600002222,上海,金融,意向',
  ].join('\n');
  const orders = [
    '订单号,下单日期,会员号,收货人,手机号,商品名称,实付金额',
    'O1,2024-01-10,M9,张伟,13812345678,键盘,100',
    'O2,2024-03-10,M9,张伟,13812345678,鼠标,200',
    'O3,2024-02-01,M2,李娜,13987654321,键盘,50',
    'O4,2024-06-01,M2,李娜,13987654321,耳机,70',
  ].join('\n');
  let out: string;
  let book: ExcelJS.Workbook;
  beforeAll(async () => {
    fs.writeFileSync(path.join(tmp.dir, '客户.csv'), customers);
    fs.writeFileSync(path.join(tmp.dir, '订单.csv'), orders);
    out = path.join(tmp.dir, 'two.xlsx');
    const run = await runCli(['run', path.join(tmp.dir, '客户.csv'), path.join(tmp.dir, '订单.csv'), '-o', out]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    book = await loadBook(out);
  });

  it('holds each file as a sheet named after it, then the report sheets', () => {
    const names = book.worksheets.filter((w) => w.state === 'visible').map((w) => w.name);
    expect(names.slice(0, 2)).toEqual(['客户', '订单']);
    expect(names).toEqual(expect.arrayContaining([...OUTPUTS, '同期群留存', '销售漏斗']));
    expect(chartsIn(out).length).toBeGreaterThanOrEqual(4);
  });

  it('links the orders to the customers by phone: 张伟 spent 300 in 2 orders', () => {
    const ws = sheetOf(book, '客户标签');
    const header = rowValues(ws, 1);
    const row = [2, 3, 4, 5, 6].map((r) => rowValues(ws, r)).find((v) => v[header.indexOf('客户编号')] === 'C001')!;
    expect(row[header.indexOf('累计消费金额')]).toBe(300);
    expect(row[header.indexOf('购买频次')]).toBe(2);
  });

  it('keeps the order file\'s cells', () => {
    const ws = sheetOf(book, '订单');
    orders.split('\n').forEach((line, r) => expect(rowValues(ws, r + 1).slice(0, 7).map(text)).toEqual(line.split(',')));
  });
});

describe('kehu run assets/sample-crm.xlsx', () => {
  const present = fs.existsSync(SAMPLE_CRM);
  // Made by `npm run sample`; until the lead commits it, its absence skips (and does not fail CI).
  const test = present ? it : (name: string, fn: () => Promise<void>) => {
    // eslint-disable-next-line no-console
    console.warn(`skipped "${name}": ${SAMPLE_CRM} is absent (npm run sample makes it)`);
    return it.skip(name, fn);
  };

  test('writes every report sheet and five charts, keeps the original sheets\' cells', async () => {
    const out = path.join(tmp.dir, 'crm.xlsx');
    const run = await runCli(['run', SAMPLE_CRM, '-o', out]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/数据源: CRM客户\(客户\)，电商订单\(订单\)，服务工单\(互动\)，活动报名表\(客户\)/);
    const input = await loadBook(SAMPLE_CRM);
    const output = await loadBook(out);
    const names = output.worksheets.filter((w) => w.state === 'visible').map((w) => w.name);
    expect(names).toEqual([...input.worksheets.map((w) => w.name), ...OUTPUTS.slice(0, 4), '同期群留存', '销售漏斗', '地区产品交叉表', '报告']);
    expect(chartsIn(out)).toHaveLength(5);

    // The cross tab counts the customers of 客户标签 who have a preferred product, by province (else region).
    const tags = sheetOf(output, '客户标签');
    const header = rowValues(tags, 1);
    const [provinceCol, regionCol, productCol] = ['省份', '地区', '偏好产品'].map((h) => header.indexOf(h));
    const byProvince = new Map<string, number>();
    for (let r = 2; r <= tags.rowCount; r++) {
      const row = rowValues(tags, r);
      if (typeof row[productCol] !== 'string' || row[productCol] === '') continue;
      const place = [row[provinceCol], row[regionCol]].find((v) => typeof v === 'string' && v !== '');
      const province = (place as string | undefined) ?? '未填写';
      byProvince.set(province, (byProvince.get(province) ?? 0) + 1);
    }
    const tab = sheetOf(output, '地区产品交叉表');
    const tabHeader = rowValues(tab, 2);
    const totalCol = tabHeader.indexOf('合计');
    const tabRows = new Map<string, number>();
    for (let r = 3; r <= tab.rowCount; r++) tabRows.set(String(rowValues(tab, r)[0]), rowValues(tab, r)[totalCol] as number);
    const buyers = [...byProvince.values()].reduce((a, b) => a + b, 0);
    expect(buyers).toBeGreaterThan(1000);
    expect(tabRows.get('合计')).toBe(buyers);
    for (const [province, n] of [...byProvince].sort((a, b) => b[1] - a[1]).slice(0, 5)) expect([province, tabRows.get(province)]).toEqual([province, n]);
    for (const ws of input.worksheets) {
      const copy = sheetOf(output, ws.name);
      const width = ws.columnCount;
      for (let r = 1; r <= ws.rowCount; r++) {
        const a = rowValues(ws, r).slice(0, width).map((v) => (v instanceof Date ? v.getTime() : JSON.stringify(v ?? null)));
        const b = rowValues(copy, r).slice(0, width).map((v) => (v instanceof Date ? v.getTime() : JSON.stringify(v ?? null)));
        while (a.length < b.length && b[b.length - 1] === 'null') b.pop();
        if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`${ws.name} row ${r} changed: ${a} -> ${b}`);
      }
    }
  });
});

describe('kehu run: bad input', () => {
  it('says how to call it without -o, and refuses an output that is not .xlsx', async () => {
    expect((await runCli(['run', SAMPLE])).code).toBe(2);
    expect((await runCli(['run', SAMPLE, '-o', path.join(tmp.dir, 'x.csv')])).code).toBe(2);
    expect((await runCli(['run', SAMPLE, '-o', path.join(tmp.dir, 'x.xlsx'), '--asof', '31/12/2024'])).code).toBe(2);
  });

  it('a missing file or a file with no usable sheet is a message and exit code 1', async () => {
    const missing = await runCli(['run', path.join(tmp.dir, 'nope.csv'), '-o', path.join(tmp.dir, 'x.xlsx')]);
    expect(missing).toMatchObject({ code: 1 });
    expect(missing.stderr).toContain('找不到文件');
    const empty = path.join(tmp.dir, 'empty.csv');
    fs.writeFileSync(empty, '\n\n');
    const run = await runCli(['run', empty, '-o', path.join(tmp.dir, 'empty.xlsx')]);
    expect(run).toMatchObject({ code: 1 });
    expect(run.stderr).toContain('没有找到可用的客户、订单或互动工作表');
  });
});
