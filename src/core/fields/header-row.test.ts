import { CellValue } from '../cell';
import { detectHeaderRow } from './header-row';

const HEADER = ['客户编号', '客户名称', '联系电话', '邮箱', '注册时间', '消费金额'];
const data = (n: number): CellValue[][] =>
  Array.from({ length: n }, (_, i) => [
    `C${String(1000 + i)}`,
    ['张伟', '王芳', '李娜', '刘洋', '陈静'][i % 5],
    `1380013${String(1000 + i)}`,
    `user${i}@example.com`,
    new Date(2024, 0, 1 + i),
    100 + i * 12.5,
  ]);

describe('detectHeaderRow', () => {
  test('header on the first row', () => {
    const g = detectHeaderRow([HEADER, ...data(10)]);
    expect(g.headerRow).toBe(0);
    expect(g.confidence).toBeGreaterThan(0.8);
    expect(g.reason).toContain('第 1 行是表头');
  });

  test('a title and a blank row above the header (header on row 3)', () => {
    const rows: CellValue[][] = [['2024年客户名单'], [], HEADER, ...data(10)];
    const g = detectHeaderRow(rows);
    expect(g.headerRow).toBe(2);
    expect(g.reason).toContain('第 3 行是表头');
    expect(g.reason).toContain('上方');
  });

  test('a merged title (one filled cell in a wide row), a note line and blank rows', () => {
    const rows: CellValue[][] = [
      [null, null, null],
      ['华东区客户明细', null, null, null, null, null],
      ['导出人：张三', null, null, null, '导出日期：2024-05-01', null],
      ['', '  ', null],
      HEADER,
      ...data(10),
    ];
    expect(detectHeaderRow(rows).headerRow).toBe(4);
  });

  test('a two-level header: the group row above is not the header', () => {
    const rows: CellValue[][] = [
      ['基本信息', null, null, '联系方式', null, '交易'],
      HEADER,
      ...data(10),
    ];
    expect(detectHeaderRow(rows).headerRow).toBe(1);
  });

  test('unknown field names above typed data are still a header', () => {
    const rows: CellValue[][] = [['字段A', '字段B', '字段C'], ...Array.from({ length: 8 }, (_, i) => [i, new Date(2024, 0, i + 1), 3.5 * i])];
    expect(detectHeaderRow(rows).headerRow).toBe(0);
  });

  test('a header-less sheet says so', () => {
    const g = detectHeaderRow(data(10));
    expect(g.headerRow).toBe(-1);
    expect(g.reason).toContain('无表头');
    expect(g.confidence).toBeGreaterThan(0.5);
  });

  test('a header-less sheet of text only (names, companies, addresses) says so too', () => {
    const rows: CellValue[][] = Array.from({ length: 10 }, (_, i) => [
      ['张伟', '王芳', '李娜', '刘洋', '陈静'][i % 5],
      ['杭州云帆科技有限公司', '上海明德贸易有限公司', '北京东方集团'][i % 3],
      ['浙江省杭州市滨江区江南大道1号', '上海市浦东新区世纪大道100号', '北京市朝阳区建国路8号'][i % 3],
    ]);
    expect(detectHeaderRow(rows).headerRow).toBe(-1);
  });

  test('an empty sheet', () => {
    expect(detectHeaderRow([])).toMatchObject({ headerRow: -1, reason: '工作表为空，没有表头' });
    expect(detectHeaderRow([[], [null, ''], ['  ']])).toMatchObject({ headerRow: -1 });
  });

  test('only one row: a header, or a single data row', () => {
    expect(detectHeaderRow([HEADER]).headerRow).toBe(0);
    expect(detectHeaderRow([['张伟', '13800138000', 'zw@example.com']]).headerRow).toBe(-1);
  });

  test('a single-column sheet', () => {
    expect(detectHeaderRow([['手机号'], ['13800138000'], ['13900139000']]).headerRow).toBe(0);
  });

  test('rows past maxScan are not considered', () => {
    const rows: CellValue[][] = [...Array.from({ length: 5 }, () => [] as CellValue[]), HEADER, ...data(5)];
    expect(detectHeaderRow(rows, 3).headerRow).toBe(-1);
    expect(detectHeaderRow(rows, 10).headerRow).toBe(5);
  });

  test('Excel errors in the header area are ignored, not fatal', () => {
    const rows: CellValue[][] = [[{ error: '#REF!' }, '#N/A'], HEADER, ...data(5)];
    expect(detectHeaderRow(rows).headerRow).toBe(1);
  });
});
