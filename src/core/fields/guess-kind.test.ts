import { CellValue } from '../cell';
import { classifyValue, guessColumnKind } from './guess-kind';

describe('classifyValue', () => {
  test.each<[CellValue, string | null]>([
    ['13812345678', 'phone'],
    [13812345678, 'phone'],
    ['138 1234 5678', 'phone'],
    ['+86 138-1234-5678', 'phone'],
    ['138****5678', 'phone'],
    ['010-62345678', 'phone'],
    ['400-810-5678', 'phone'],
    ['zhang.wei@example.com', 'email'],
    ['ＺＨＡＮＧ＠ＥＸＡＭＰＬＥ．ＣＯＭ', 'email'],
    ['2024-03-05', 'date'],
    ['2024/3/5 14:20', 'date'],
    ['2024年3月5日', 'date'],
    ['2010-12-01 08:26:00', 'date'],
    ['19081209', 'date'],
    [19081209, 'date'],
    [new Date(2024, 2, 5), 'date'],
    ['¥1,280.50', 'amount'],
    ['1280元', 'amount'],
    ['1,280.50', 'number'],
    [42, 'number'],
    ['00123', 'id'],
    ['11010519491231002X', 'id'],
    ['C-10023', 'id'],
    ['85123A', 'id'],
    ['rec-223-org', 'id'],
    ['男', 'gender'],
    ['Female', 'gender'],
    ['杭州某某科技有限公司', 'company'],
    ['Acme Co., Ltd.', 'company'],
    ['浙江省杭州市滨江区缤纷北苑47-6-746', 'region'],
    ['北京', 'region'],
    ['朝阳区', 'region'],
    ['互联网', 'industry'],
    ['批发和零售业', 'industry'],
    ['张伟', 'name'],
    ['欧阳娜娜', 'name'],
    ['李先生', 'name'],
    ['WHITE METAL LANTERN', 'text'],
    [true, 'category'],
    [null, null],
    ['  ', null],
    ['#N/A', null],
    [{ error: '#REF!' }, null],
    [Number.NaN, null],
  ])('%j -> %j', (v, kind) => {
    expect(classifyValue(v)).toBe(kind);
  });
});

describe('guessColumnKind', () => {
  const repeat = <T>(xs: T[], n: number): T[] => Array.from({ length: n }, (_, i) => xs[i % xs.length]);

  test('a clear column is named with high confidence', () => {
    const phones = ['13812345678', '13987654321', '15011112222', '18600001111', '17712345678', '13500000001', '13600000002',
      '13700000003', '13800000004', '13900000005'];
    expect(guessColumnKind(phones)).toEqual({ kind: 'phone', confidence: 1, sampled: 10 });
    const emails = phones.map((p) => `u${p}@qq.com`);
    expect(guessColumnKind(emails).kind).toBe('email');
  });

  test('blanks and errors are skipped, not counted against the kind', () => {
    const g = guessColumnKind(['a@b.com', null, '', '#N/A', 'c@d.cn', undefined, 'e@f.org', 'g@h.net', 'i@j.io']);
    expect(g.kind).toBe('email');
    expect(g.sampled).toBe(5);
    expect(g.confidence).toBe(guessColumnKind(['a@b.com', 'c@d.cn', 'e@f.org', 'g@h.net', 'i@j.io']).confidence);
  });

  test('an empty column says nothing', () => {
    expect(guessColumnKind([])).toEqual({ kind: 'text', confidence: 0, sampled: 0 });
    expect(guessColumnKind([null, '  ', undefined])).toEqual({ kind: 'text', confidence: 0, sampled: 0 });
  });

  test('few samples lower the confidence', () => {
    const few = guessColumnKind(['13812345678', '13987654321']);
    const many = guessColumnKind(repeat(['13812345678', '13987654321'], 20));
    expect(few.kind).toBe('phone');
    expect(few.confidence).toBeLessThan(many.confidence);
  });

  test('a mixed column is text with low confidence', () => {
    const g = guessColumnKind(['13812345678', 'a@b.com', '2024-01-01', '张伟', '北京市', 'foo', '¥12', '男']);
    expect(g.kind).toBe('text');
    expect(g.confidence).toBeLessThan(0.5);
  });

  test('numbers: fixed-width integers are codes, cents are money, small integers are counts', () => {
    expect(guessColumnKind([17850, 13047, 12583, 17850, 13748, 15100, 15291, 14688]).kind).toBe('id');
    expect(guessColumnKind([2.55, 3.39, 2.75, 7.65, 4.25, 1.85, 1.69, 2.1]).kind).toBe('amount');
    expect(guessColumnKind([6, 8, 2, 32, 6, 12, 1, 24, 100]).kind).toBe('number');
  });

  test('Excel serial dates are only a weak guess', () => {
    const g = guessColumnKind([45292, 45293, 45293, 45300, 45310, 45310]);
    expect(g.kind).toBe('date');
    expect(g.confidence).toBeLessThan(0.5);
  });

  test('a few repeated labels are a category', () => {
    const g = guessColumnKind(repeat(['潜在客户', '意向客户', '成交客户'], 30));
    expect(g.kind).toBe('category');
  });

  test('people, companies, genders, industries', () => {
    expect(guessColumnKind(['张伟', '王芳', '李娜', '刘洋', '陈静', '杨磊', '赵敏', '黄勇', '周杰', '吴霞']).kind).toBe('name');
    expect(guessColumnKind(['杭州云帆科技有限公司', '上海明德贸易有限公司', '北京东方集团', '深圳前海咨询工作室']).kind).toBe('company');
    expect(guessColumnKind(repeat(['男', '女', '女', '男', '未知'], 20))).toMatchObject({ kind: 'gender' });
    expect(guessColumnKind(repeat(['互联网', '制造业', '金融', '教育', '零售'], 20)).kind).toBe('industry');
  });

  test('a sample cap bounds the work on huge columns', () => {
    const big = repeat(['13812345678'], 100000);
    expect(guessColumnKind(big).sampled).toBe(1000);
  });
});
