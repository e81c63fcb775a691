import { CellValue } from '../cell';
import { normalizeAmount } from './amount';

describe('normalizeAmount', () => {
  it.each<[CellValue, number]>([
    ['1234.50', 1234.5],
    ['¥1,234.50', 1234.5],
    ['￥1,234.50', 1234.5],
    ['1,234,567.89', 1234567.89],
    ['1234元', 1234],
    ['RMB 1,000', 1000],
    ['rmb1000', 1000],
    ['CNY 88.8', 88.8],
    ['88.8 CNY', 88.8],
    ['人民币500元', 500],
    ['1.5万', 15000],
    ['3万元', 30000],
    ['¥3万', 30000],
    ['1.1万', 11000],
    ['0.07万', 700],
    ['2亿', 200000000],
    ['5千', 5000],
    ['1.2k', 1200],
    ['3w', 30000],
    ['(1,000.00)', -1000],
    ['（1,000.00）', -1000],
    ['-1,000', -1000],
    ['−250', -250],
    ['¥-1,000', -1000],
    ['-¥1,000', -1000],
    ['+300', 300],
    ['１，２３４．５', 1234.5],
    ['１２３４元', 1234],
    ['.5', 0.5],
    ['0', 0],
    ['-0', 0],
    [1234.5, 1234.5],
    [-20, -20],
    [0, 0],
  ])('%p -> %p', (input, expected) => {
    const r = normalizeAmount(input);
    expect(r.status).toBe('ok');
    expect(r.value).toBe(expected);
  });

  it('rounds away float noise in numbers that arrive from arithmetic', () => {
    expect(0.07 * 10000).not.toBe(700);
    expect(normalizeAmount(0.07 * 10000).value).toBe(700);
    expect(normalizeAmount(4.35 * 100).value).toBe(435);
    expect(normalizeAmount(0.1 + 0.2).value).toBe(0.3);
    expect(normalizeAmount(123456.789).value).toBe(123456.789);
  });

  it('never returns negative zero', () => {
    expect(Object.is(normalizeAmount('-0').value, 0)).toBe(true);
    expect(Object.is(normalizeAmount(-0).value, 0)).toBe(true);
  });

  it('says which unit was applied and that parentheses meant negative', () => {
    expect(normalizeAmount('1.5万').note).toContain('万');
    expect(normalizeAmount('(100)').note).toContain('负数');
  });

  it('keeps the number of another currency and says it was not converted', () => {
    const r = normalizeAmount('$1,200');
    expect(r.value).toBe(1200);
    expect(r.note).toContain('USD');
    expect(normalizeAmount('100 港币').note).toContain('HKD');
  });

  it.each<[CellValue, RegExp]>([
    ['面议', /无法识别/],
    ['abc', /无法识别/],
    ['一万', /无法识别/],
    ['12%', /百分比/],
    ['1000-2000', /区间/],
    ['1000~2000元', /区间/],
    ['1,23', /千位分隔符/],
    ['1234,50', /千位分隔符/],
    ['--100', /负号/],
    ['(-100)', /负号/],
    ['$100元', /币种/],
    ['1e400', /无法识别|过大/],
    ['.', /无法识别/],
  ])('%p is invalid', (input, why) => {
    const r = normalizeAmount(input);
    expect(r.status).toBe('invalid');
    expect(r.value).toBeNull();
    expect(r.note).toMatch(why);
  });

  it.each<CellValue>([null, undefined, '', ' \u3000 '])('blank %p is missing', (v) => {
    expect(normalizeAmount(v)).toEqual({ value: null, status: 'missing' });
  });

  it.each<CellValue>(['#N/A', { error: '#N/A' }, { error: '#DIV/0!' }])('Excel error %p is invalid', (v) => {
    const r = normalizeAmount(v);
    expect(r.status).toBe('invalid');
    expect(r.note).toMatch(/#/);
  });

  it.each<CellValue>([true, false, new Date(2024, 0, 1), NaN, Infinity, -Infinity, '9'.repeat(400), '1'.repeat(100_000)])(
    '%p is invalid, never thrown',
    (v) => {
      const r = normalizeAmount(v);
      expect(r.status).toBe('invalid');
      expect(r.note).toBeTruthy();
    },
  );
});
