/**
 * The pipeline steps over an in-memory FileWorkbook (openWorkbookBytes): what each step writes, that the user's
 * cells stay as they were, that a re-run replaces its own output, and that broken inputs get a message, not a crash.
 * Expected figures are worked out here from the small books the tests build.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { CellValue } from '../src/core/cell';
import {
  OUTPUT_SHEETS,
  REPORT_SHEET,
  analyzeStep,
  cleanStep,
  dedupStep,
  defaultSettings,
  detectSources,
  loadSettings,
  reportStep,
  runAll,
  saveSettings,
} from '../src/core/pipeline/steps';
import { CancelledError } from '../src/core/pipeline/progress';
import { PipelineSettings, SETTINGS_KEY } from '../src/core/pipeline/types';
import { chartSpecProblems, ChartSpec } from '../src/core/report/chart-spec';
import { FileWorkbook, openWorkbookBytes } from '../src/host/file';
import type { Workbook } from '../src/host/workbook';
import { REPO_ROOT } from './helpers/cli';

const SAMPLE = path.join(REPO_ROOT, 'assets', 'sample', 'customers.csv');
const AS_OF = '2024-12-31';

async function bookOf(sheets: Record<string, CellValue[][]>): Promise<FileWorkbook> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r as ExcelJS.CellValue[]);
  }
  return openWorkbookBytes(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), 'test.xlsx');
}

async function sheetNames(book: Workbook): Promise<string[]> {
  return (await book.listSheets()).map((s) => s.name);
}

async function settingsFor(book: Workbook, locale: 'zh-CN' | 'en-US' = 'zh-CN'): Promise<PipelineSettings> {
  return { ...defaultSettings(await detectSources(book, undefined, locale), locale), asOf: AS_OF };
}

/** Rows of the first Excel table on a sheet, keyed by header (the file host reads tables back as cells). */
async function tableOn(book: Workbook, sheet: string, headerCell: string): Promise<Record<string, CellValue>[]> {
  const data = await book.readSheet(sheet);
  const at = data.rows.findIndex((r) => r[0] === headerCell);
  expect(at).toBeGreaterThanOrEqual(0);
  const header = data.rows[at].map((h) => String(h ?? ''));
  const out: Record<string, CellValue>[] = [];
  for (let r = at + 1; r < data.rows.length && data.rows[r].some((v) => v !== null && v !== undefined && v !== ''); r++) {
    out.push(Object.fromEntries(header.map((h, c) => [h, data.rows[r][c] ?? null])));
  }
  return out;
}

// A customer sheet and an order sheet the way shops export them: the orders carry the shop's 会员号, not the
// CRM's 客户编号, so they are linked by phone. C004 is C001 typed again (traditional characters, phone written
// another way); 孙七 bought but is in no customer sheet.
const CUSTOMERS: CellValue[][] = [
  ['客户编号', '客户名称', '联系电话', '邮箱', '地区', '所属行业', '客户状态'],
  ['C001', '张伟', '13812345678', 'zhangwei@tenda.com', '广东省深圳市', '软件开发', '成交'],
  ['C002', '李娜', '13987654321', 'lina@yunfan.cn', '浙江杭州', '电子商务', '意向'],
  ['C003', '王芳', '13700001111', 'wangfang@qq.com', '北京市', '教育', '线索'],
  ['C004', '張偉先生', '+86 138-1234-5678', 'ZHANGWEI@TENDA.COM', '深圳', '软件开发', '成交'],
  ['C005', '赵敏', '13600002222', 'zhaomin@163.com', '上海', '金融', '意向'],
  ['C006', '钱多多', '13511112222', 'qian@abc.com', '江苏南京', '制造业', '线索'],
  ['C007', '周杰', '13922223333', 'zhoujie@abc.com', '四川成都', '零售', '成交'],
];
const ORDERS: CellValue[][] = [
  ['订单号', '下单日期', '会员号', '收货人', '手机号', '商品名称', '实付金额'],
  ['O1', '2024-01-10', 'M9', '张伟', '13812345678', '键盘', 100],
  ['O2', '2024-03-10', 'M9', '张伟', '13812345678', '鼠标', 200],
  ['O3', '2024-02-01', 'M2', '李娜', '13987654321', '键盘', 50],
  ['O4', '2024-05-01', 'M7', '孙七', '13500009999', '显示器', 999],
  ['O5', '2024-06-01', 'M2', '李娜', '13987654321', '耳机', 70],
];

describe('detectSources and settings', () => {
  it('finds the customer and order sheets, and leaves Kehu\'s own sheets and empty sheets out', async () => {
    const book = await bookOf({ 客户: CUSTOMERS, 订单: ORDERS, 空表: [], 只有表头: [CUSTOMERS[0]], 数据质量报告: [['x']] });
    const found = await detectSources(book);
    expect(found.map((d) => [d.sheet, d.role])).toEqual([
      ['客户', 'master'],
      ['订单', 'value'],
      ['空表', 'ignore'],
      ['只有表头', 'ignore'],
    ]);
    const customers = found[0];
    expect(customers).toMatchObject({ headerRow: 1, rowCount: 7 });
    expect(customers.columns.find((c) => c.header === '联系电话')?.fieldId).toBe('phone');
    expect(found[2].problem).toContain('空');
    expect(found[3].problem).toContain('只有表头');
    expect((await detectSources(book, undefined, 'en-US'))[3].problem).toContain('no data rows');
  });

  it('saves settings in the workbook and loads them back; a broken or old value loads as null', async () => {
    const book = await bookOf({ 客户: CUSTOMERS });
    expect(await loadSettings(book)).toBeNull();
    const settings = await settingsFor(book);
    settings.dedup.rejectedGroups = ['客户!2|客户!5'];
    await saveSettings(book, settings);
    expect(await loadSettings(book)).toEqual(settings);
    for (const broken of [{ version: 2 }, 'x', [], { ...settings, sources: [{ sheet: 1 }] }, { ...settings, dedup: { threshold: 7 } }]) {
      await book.setSetting(SETTINGS_KEY, JSON.parse(JSON.stringify(broken)));
      expect(await loadSettings(book)).toBeNull();
    }
  });
});

describe('the steps over a customer sheet and an order sheet', () => {
  let book: FileWorkbook;
  let settings: PipelineSettings;
  beforeAll(async () => {
    book = await bookOf({ 客户: CUSTOMERS, 订单: ORDERS });
    settings = await settingsFor(book);
  });

  it('clean: cleaned columns beside the originals, one quality sheet over both sources, before -> after examples', async () => {
    const r = await cleanStep(book, settings);
    expect(r.sheets).toEqual([OUTPUT_SHEETS.quality]);
    expect(r.reports.map((x) => [x.sheet, x.rows])).toEqual([['客户', 7], ['订单', 5]]);
    expect(r.columns).toContain('客户!联系电话(清洗)');
    expect(r.examples).toContainEqual(expect.objectContaining({ sheet: '客户', before: '+86 138-1234-5678', after: '13812345678' }));
    const data = await book.readSheet('客户');
    const phone = data.rows[0].indexOf('联系电话(清洗)');
    expect(data.rows[4][phone]).toBe('13812345678');
    const overview = await tableOn(book, OUTPUT_SHEETS.quality, '工作表');
    expect(overview.map((o) => [o['工作表'], o['清洗前行数']])).toEqual([['客户', 7], ['订单', 5]]);
  });

  it('dedup: C004 is C001 again; the group is explained and merged, on the 重复客户 sheet', async () => {
    const r = await dedupStep(book, settings);
    expect(r.rows).toBe(7);
    expect(r.groups).toHaveLength(1);
    const g = r.groups[0];
    expect(g.key).toBe('客户!2|客户!5');
    expect(g.members.map((m) => m.row)).toEqual([2, 5]);
    expect(g.members[0].reason).toContain('联系电话');
    expect(g.golden).toMatchObject({ personName: '张伟', phone: '13812345678' });
    expect(r.customers).toBe(6);
    const rows = await tableOn(book, OUTPUT_SHEETS.duplicates, '组号');
    expect(rows.slice(0, 2).map((x) => [x['工作表'], x['行号'], x['处理']])).toEqual([['客户', 2, '合并'], ['客户', 5, '合并']]);
  });

  it('analyze: orders linked by phone to the merged customer; a buyer not in the customer sheet counted on his own', async () => {
    const r = await analyzeStep(book, settings);
    expect(r.asOf).toBe(AS_OF);
    expect(r.customers).toBe(7); // 6 customers + the guest 孙七
    expect(r.sheets).toEqual(expect.arrayContaining([OUTPUT_SHEETS.tags, OUTPUT_SHEETS.segments, OUTPUT_SHEETS.cohorts, OUTPUT_SHEETS.funnel]));
    const view = await tableOn(book, OUTPUT_SHEETS.tags, '客户编号');
    const spend = (id: string) => view.find((v) => v['客户编号'] === id)?.['累计消费金额'];
    expect(spend('C001')).toBe(300);
    expect(spend('C002')).toBe(120);
    expect(spend('M7')).toBe(999);
    expect(view.find((v) => v['客户编号'] === 'C004')).toBeUndefined();
    expect(Object.keys(view[0])).toEqual(expect.arrayContaining(['标签', '高价值客户', '流失风险']));
    // The default rule 流失风险 (最近购买天数 > 90): every buyer's last order is months before the as-of date.
    expect(r.tagCounts.find((t) => t.tag === '流失风险')?.count).toBe(3);
  });

  it('report: chart data on the 报告 sheet, and each chart points at its own table', async () => {
    const charts: ChartSpec[] = [];
    const drawing = Object.assign(Object.create(book) as FileWorkbook, { addChart: async (c: ChartSpec) => void charts.push(c) });
    const r = await reportStep(drawing, settings);
    expect(r.sheets).toEqual([REPORT_SHEET]);
    expect(r.charts).toBe(charts.length);
    expect(charts.map((c) => c.kind)).toEqual(['doughnut', 'pie', 'columnLine', 'line', 'funnel']);
    const data = await book.readSheet(REPORT_SHEET);
    for (const c of charts) {
      expect(chartSpecProblems(c)).toEqual([]);
      const [, col, row] = /^([A-Z]+)(\d+):/.exec(c.dataRange)!;
      expect(col).toBe('A');
      expect(typeof data.rows[+row - data.firstRow][0]).toBe('string'); // the header of its table
    }
    const industries = await tableOn(book, REPORT_SHEET, '所属行业');
    expect(industries.reduce((n, x) => n + (x['客户数'] as number), 0)).toBe(7);
  });

  it('runs again without a second copy of any sheet or column, and the user\'s cells stay as they were', async () => {
    const before = await sheetNames(book);
    const columns = (await book.listSheets()).map((s) => s.columnCount);
    const again = await runAll(book, settings);
    expect(await sheetNames(book)).toEqual(before);
    expect((await book.listSheets()).map((s) => s.columnCount)).toEqual(columns);
    expect(again.dedup.groups.map((g) => g.key)).toEqual(['客户!2|客户!5']);
    for (const [sheet, rows] of [['客户', CUSTOMERS], ['订单', ORDERS]] as const) {
      const data = await book.readSheet(sheet);
      rows.forEach((row, r) => expect(data.rows[r].slice(0, row.length)).toEqual(row));
    }
  });

  it('a group the analyst rejected is split back: C001 and C004 are two customers, and their shared phone links nobody', async () => {
    const rejected = { ...settings, dedup: { ...settings.dedup, rejectedGroups: ['客户!2|客户!5'] } };
    const r = await dedupStep(book, rejected);
    expect(r.groups[0].rejected).toBe(true);
    expect(r.customers).toBe(7);
    const rows = await tableOn(book, OUTPUT_SHEETS.duplicates, '组号');
    expect(rows.slice(0, 2).map((x) => x['处理'])).toEqual(['保留', '保留']);
    // Two customers now share 13812345678 and 张伟, so 张伟's orders (M9) name nobody for sure: they count on their own.
    const a = await analyzeStep(book, rejected);
    expect(a.customers).toBe(9);
    const view = await tableOn(book, OUTPUT_SHEETS.tags, '客户编号');
    expect(view.find((v) => v['客户编号'] === 'M9')?.['累计消费金额']).toBe(300);
    expect(view.find((v) => v['客户编号'] === 'C004')).toBeDefined();
  });
});

describe('inputs that are empty, lack fields or are cancelled', () => {
  it('a source sheet that is empty or header-only gets a message; the other sources are still used', async () => {
    const book = await bookOf({ 客户: CUSTOMERS, 只有表头: [CUSTOMERS[0]] });
    const settings = await settingsFor(book);
    settings.sources[1].role = 'master'; // the user insists
    const r = await runAll(book, settings);
    expect(r.clean.message).toContain('只有表头');
    expect(r.clean.reports.map((x) => x.sheet)).toEqual(['客户']);
    expect(r.dedup.message).toContain('只有表头');
    expect(r.analyze.customers).toBe(6);
    const overview = await tableOn(book, OUTPUT_SHEETS.quality, '工作表');
    expect(overview.map((o) => [o['工作表'], o['结论']])).toContainEqual(['只有表头', '未清洗']);
  });

  it('orders without an amount column are left out of the purchase analysis with a message; en-US messages', async () => {
    const book = await bookOf({ 客户: CUSTOMERS, 订单: ORDERS.map((r) => r.slice(0, 6)) });
    const settings = await settingsFor(book, 'en-US');
    const r = await runAll(book, settings);
    expect(r.analyze.message).toMatch(/left out of the purchase analysis/);
    expect(r.analyze.segments).toEqual([]);
    expect(r.clean.message).toMatch(/^Cleaned 2 sheet/);
    expect(await sheetNames(book)).toContain(OUTPUT_SHEETS.segments);
  });

  it('a sheet named in the settings but gone from the workbook is reported, not thrown', async () => {
    const book = await bookOf({ 客户: CUSTOMERS });
    const settings = await settingsFor(book);
    settings.sources.push({ sheet: '已删除', role: 'value', headerRow: 1, mapping: {} });
    const r = await runAll(book, settings);
    expect(r.clean.message).toContain('找不到工作表「已删除」');
  });

  it('stops with CancelledError when cancelled', async () => {
    const book = await bookOf({ 客户: CUSTOMERS });
    const settings = await settingsFor(book);
    const abort = new AbortController();
    abort.abort();
    await expect(runAll(book, settings, { progress: { signal: abort.signal } })).rejects.toBeInstanceOf(CancelledError);
  });
});

describe('assets/sample/customers.csv in memory', () => {
  it('writes 数据质量报告 and 客户分层, finds the three 腾达 rows, and a re-run adds no second copy', async () => {
    const book = await openWorkbookBytes(fs.readFileSync(SAMPLE), 'customers.csv');
    const original = (await book.readSheet('customers')).rows.map((r) => r.slice());
    const settings = await settingsFor(book);
    const first = await runAll(book, settings);
    const names = await sheetNames(book);
    expect(names).toEqual(expect.arrayContaining([OUTPUT_SHEETS.quality, OUTPUT_SHEETS.segments, OUTPUT_SHEETS.duplicates]));
    expect(first.dedup.groups.map((g) => g.key)).toContain('customers!2|customers!3|customers!4');
    await runAll(book, settings);
    expect(await sheetNames(book)).toEqual(names);
    const after = (await book.readSheet('customers')).rows;
    original.forEach((row, r) => expect(after[r].slice(0, row.length)).toEqual(row));
  });
});
