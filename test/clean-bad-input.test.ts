/**
 * Acceptance: bad input to `kehu clean` gets a clear Chinese message (exit 1) or the right report, never a crash.
 * Workbooks are made here with exceljs; every expectation is what a person reading the input would say.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import * as iconv from 'iconv-lite';
import { CliRun, runCli, tempDir } from './helpers/cli';
import { columnOf, loadBook, rowLabelled, rowValues, sheetOf, tableRows, tablesOf } from './helpers/xlsx';

const REPORT = '数据质量报告';
let tmp: ReturnType<typeof tempDir>;
beforeAll(() => (tmp = tempDir('clean-bad')));
afterAll(() => tmp.cleanup());

let n = 0;
function file(name: string, bytes: Uint8Array | string): string {
  const dir = path.join(tmp.dir, String(++n));
  fs.mkdirSync(dir);
  const p = path.join(dir, name);
  fs.writeFileSync(p, bytes);
  return p;
}

async function xlsx(name: string, build: (book: ExcelJS.Workbook) => void): Promise<string> {
  const book = new ExcelJS.Workbook();
  build(book);
  return file(name, new Uint8Array(await book.xlsx.writeBuffer()));
}

async function clean(input: string, ...extra: string[]): Promise<CliRun & { out: string }> {
  const out = path.join(path.dirname(input), 'out.xlsx');
  const run = await runCli(['clean', input, '-o', out, '--asof', '2025-06-01', ...extra]);
  expect(run.thrown).toBeUndefined();
  return { ...run, out };
}

async function report(out: string) {
  const book = await loadBook(out);
  const ws = sheetOf(book, REPORT);
  const table = (name: string) => tableRows(ws, tablesOf(ws).find((t) => t.name === name)!);
  const kv = (label: string) => ws.getCell(rowLabelled(ws, label), 2).value;
  return { book, ws, kv, fields: table('KehuFieldQuality'), issues: table('KehuIssues') };
}

function expectError(run: CliRun, message: RegExp): void {
  expect(run.thrown).toBeUndefined();
  expect(run.code).toBe(1);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(/^kehu clean: /);
  expect(run.stderr).toMatch(message);
}

const HEADER = ['客户编号', '客户名称', '联系电话', '邮箱'];

describe('encodings', () => {
  it('GBK CSV: Chinese headers and values decoded, fields mapped', async () => {
    const input = file('gbk.csv', iconv.encode('客户编号,客户名称,联系电话\r\nC1,张三,13812345678\r\nC2,李四,\r\n', 'gbk'));
    const run = await clean(input);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('客户名称→customerName');
    const { book, kv } = await report(run.out);
    expect(rowValues(sheetOf(book, 'gbk'), 2).slice(0, 3)).toEqual(['C1', '张三', '13812345678']);
    expect(kv('清洗前行数')).toBe(2);
  });

  it('UTF-8 with BOM: the BOM is not part of the first header', async () => {
    const input = file('bom.csv', '\ufeff客户编号,客户名称,联系电话\nC1,张三,13812345678\n');
    const run = await clean(input);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('客户编号→customerId');
    const ws = sheetOf(await loadBook(run.out), 'bom');
    expect(ws.getCell('A1').value).toBe('客户编号');
    expect(columnOf(ws, 1, '客户编号(清洗)')).toBeGreaterThan(0);
  });
});

describe('layout', () => {
  it('header on row 3 under a merged title, with blank rows: blank rows are neither counted nor listed', async () => {
    const input = await xlsx('title.xlsx', (b) => {
      const ws = b.addWorksheet('名单');
      ws.getCell('A1').value = '2024年客户名单';
      ws.mergeCells('A1:D1');
      ws.getRow(3).values = HEADER;
      ws.getRow(4).values = ['C1', '甲公司', '13812345678', 'a@b.com'];
      // row 5 blank
      ws.getRow(6).values = ['C2', '乙公司', '13912345678', 'c@d.com'];
      ws.getRow(7).values = [null, '丙公司', null, null]; // no key field
      // rows 8-9 blank, then one more customer
      ws.getRow(10).values = ['C4', '丁公司', '13712345678', 'e@f.com'];
    });
    const run = await clean(input);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('表头在第 3 行');
    const { book, kv, issues } = await report(run.out);
    expect(kv('清洗前行数')).toBe(4);
    expect(kv('可用行数（清洗后）')).toBe(3);
    expect(issues.map((i) => i['行号'])).not.toEqual(expect.arrayContaining([5]));
    expect(issues.filter((i) => i['问题类型'] === '缺少关键字段').map((i) => i['行号'])).toEqual([7]);
    const ws = sheetOf(book, '名单');
    const nameCol = columnOf(ws, 3, '客户名称(清洗)');
    expect(nameCol).toBeGreaterThan(4);
    expect([5, 8, 9].map((r) => ws.getCell(r, nameCol).value)).toEqual([null, null, null]);
    expect(ws.getCell(7, nameCol).value).toBe('丙公司');
    expect(ws.getCell('A1').value).toBe('2024年客户名单');
  });

  it('merged header cells: a group title merged across, names merged down over a two-row header', async () => {
    const input = await xlsx('merged.xlsx', (b) => {
      const ws = b.addWorksheet('两层表头');
      ws.getCell('A1').value = '客户编号';
      ws.mergeCells('A1:A2');
      ws.getCell('B1').value = '客户名称';
      ws.mergeCells('B1:B2');
      ws.getCell('C1').value = '联系方式';
      ws.mergeCells('C1:D1');
      ws.getCell('C2').value = '手机';
      ws.getCell('D2').value = '邮箱';
      ws.addRow(['C1', '甲公司', '13812345678', 'a@b.com']);
      ws.addRow(['C2', '乙公司', '13912345678', 'c@d.com']);
      ws.addRow(['C3', '丙公司', '1391234567', 'e@d.com']);
    });
    const run = await clean(input);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('表头在第 2 行');
    expect(run.stdout).toContain('客户编号→customerId, 客户名称→customerName, 手机→phone, 邮箱→email');
    const { kv, issues } = await report(run.out);
    expect(kv('清洗前行数')).toBe(3);
    expect(issues.map((i) => [i['行号'], i['字段'], i['问题类型']])).toEqual([[5, '联系电话', '无效值']]);
  });

  it('an empty sheet, chosen by --sheet or the only one', async () => {
    const input = await xlsx('empty.xlsx', (b) => {
      b.addWorksheet('空表');
    });
    expectError(await clean(input, '--sheet', '空表'), /工作表「空表」是空的/);
    expectError(await clean(input), /empty\.xlsx 中没有含数据的工作表/);
  });

  it('a sheet with only headers', async () => {
    const input = await xlsx('header-only.xlsx', (b) => b.addWorksheet('只有表头').addRow(HEADER));
    expectError(await clean(input), /工作表「只有表头」只有表头（第 1 行），没有数据行/);
  });

  it('a column that is all blanks: 0 filled, reported blank, cleaned as 未填写 / left empty for a key', async () => {
    const input = await xlsx('blank-col.xlsx', (b) => {
      const ws = b.addWorksheet('空列');
      ws.addRow([...HEADER, '性别']);
      ws.addRow(['C1', '甲', null, 'a@b.com', null]);
      ws.addRow(['C2', '乙', null, 'c@d.com', null]);
    });
    const run = await clean(input);
    expect(run.code).toBe(0);
    const { book, fields, issues } = await report(run.out);
    const phone = fields.find((f) => f['源列'] === '联系电话');
    expect(phone).toMatchObject({ 行数: 2, 已填: 0, 填充率: 0 });
    expect(fields.find((f) => f['源列'] === '性别')).toMatchObject({ 已填: 0, 填为未填写: 2 });
    expect(issues.filter((i) => i['问题类型'] === '缺少关键字段')).toEqual([]);
    const ws = sheetOf(book, '空列');
    expect([2, 3].map((r) => ws.getCell(r, columnOf(ws, 1, '联系电话(清洗)')).value)).toEqual([null, null]);
    expect([2, 3].map((r) => ws.getCell(r, columnOf(ws, 1, '性别(清洗)')).value)).toEqual(['未知', '未知']);
  });
});

describe('cell values', () => {
  it('#N/A (an Excel error cell, and the same text in a CSV) is an invalid value, kept, and listed', async () => {
    const input = await xlsx('na.xlsx', (b) => {
      const ws = b.addWorksheet('错误值');
      ws.addRow(HEADER);
      ws.addRow(['C1', '甲', { error: '#N/A' }, 'a@b.com']);
      ws.addRow(['C2', '乙', '13812345678', '#N/A']);
    });
    const run = await clean(input);
    expect(run.code).toBe(0);
    const { book, issues } = await report(run.out);
    const na = issues.filter((i) => i['值'] === '#N/A');
    expect(na.map((i) => [i['行号'], i['字段'], i['问题类型']])).toEqual([
      [2, '联系电话', '无效值'],
      [3, '邮箱', '无效值'],
    ]);
    for (const i of na) expect(i['问题']).toContain('#N/A');
    const ws = sheetOf(book, '错误值');
    expect(ws.getCell('C2').value).toEqual({ error: '#N/A' });
    expect(ws.getCell(2, columnOf(ws, 1, '联系电话(清洗)')).value).toEqual({ error: '#N/A' });
  });

  it('formulas are read by their cached results and kept as formulas', async () => {
    const input = await xlsx('formula.xlsx', (b) => {
      const ws = b.addWorksheet('公式');
      ws.addRow([...HEADER, '累计消费金额']);
      ws.addRow(['C1', '甲', { formula: '"138"&"12345678"', result: '13812345678' }, 'a@b.com', { formula: '1000+200', result: 1200 }]);
      ws.addRow(['C2', '乙', '13912345678', 'c@d.com', { formula: '1/0', result: { error: '#DIV/0!' } }]);
    });
    const run = await clean(input);
    expect(run.code).toBe(0);
    const { book, issues } = await report(run.out);
    const ws = sheetOf(book, '公式');
    expect(ws.getCell('C2').formula).toBe('"138"&"12345678"');
    expect(ws.getCell(2, columnOf(ws, 1, '联系电话(清洗)')).value).toBe('13812345678');
    expect(ws.getCell(2, columnOf(ws, 1, '累计消费金额(清洗)')).value).toBe(1200);
    expect(issues).toContainEqual(expect.objectContaining({ 行号: 3, 值: '#DIV/0!', 问题类型: '无效值' }));
  });
});

describe('files', () => {
  it('a file that is not a spreadsheet', async () => {
    expectError(await clean(file('photo.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10]))), /不支持的文件类型“photo\.png”/);
    expectError(await clean(file('notes.xlsx', '这不是工作簿')), /“notes\.xlsx”不是有效的 \.xlsx 文件/);
    const zip = zipSync({ 'readme.txt': new TextEncoder().encode('not a workbook') });
    expectError(await clean(file('archive.xlsx', zip)), /无法读取工作簿“archive\.xlsx”：不是有效的 \.xlsx 文件：缺少 xl\/workbook\.xml/);
  });

  it('a missing file, a folder, and an output that is not .xlsx', async () => {
    const missing = path.join(tmp.dir, 'nope', '客户.csv');
    expectError(await clean(missing), /找不到文件「.*客户\.csv」/);
    expectError(await clean(tmp.dir), /是文件夹，不是文件/);
    const input = file('ok.csv', '客户编号,联系电话\nC1,13812345678\n');
    const run = await runCli(['clean', input, '-o', path.join(tmp.dir, 'out.csv')]);
    expectError(run, /输出文件须为 \.xlsx/);
    const noFolder = await runCli(['clean', input, '-o', path.join(tmp.dir, 'no', 'such', 'out.xlsx')]);
    expectError(noFolder, /无法写入.*文件夹不存在/);
  });

  it('a sheet name that does not exist names the sheets there are', async () => {
    const input = await xlsx('two.xlsx', (b) => {
      b.addWorksheet('客户').addRow(HEADER);
      b.addWorksheet('订单').addRow(['订单号']);
    });
    expectError(await clean(input, '--sheet', '客户表'), /找不到工作表「客户表」；工作簿中有：客户、订单/);
  });
});
