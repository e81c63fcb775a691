import * as fs from 'fs';
import * as path from 'path';
import { CellValue } from '../cell';
import { detectDayMonthOrder, normalizeDate, normalizeDateColumn } from './date';

/** Independent oracle: true when y-m-d is a real calendar day, checked through Date.UTC. */
function isRealDay(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

function expectOk(v: CellValue, iso: string, opts?: Parameters<typeof normalizeDate>[1]) {
  const r = normalizeDate(v, opts);
  expect({ input: v, value: r.value, status: r.status }).toEqual({ input: v, value: iso, status: 'ok' });
  return r;
}

function expectInvalid(v: CellValue, noteIncludes?: string) {
  const r = normalizeDate(v);
  expect({ input: v, value: r.value, status: r.status }).toEqual({ input: v, value: null, status: 'invalid' });
  expect(r.note).toBeTruthy();
  if (noteIncludes) expect(r.note).toContain(noteIncludes);
  return r;
}

describe('normalizeDate: numeric text forms', () => {
  it.each([
    ['2023-05-15', '2023-05-15'],
    ['2023-5-1', '2023-05-01'],
    ['2023/5/15', '2023-05-15'],
    ['2023/05/09', '2023-05-09'],
    ['2023.05.15', '2023-05-15'],
    ['1999.12.31', '1999-12-31'],
    ['  2023-05-15\t', '2023-05-15'],
    ['2023 - 05 - 15', '2023-05-15'],
    ['2000-02-29', '2000-02-29'],
    ['2024-02-29', '2024-02-29'],
  ])('%s -> %s', (input, iso) => {
    const r = expectOk(input, iso);
    expect(r.note).toBeUndefined();
  });

  it.each([
    ['2023年5月15日', '2023-05-15'],
    ['2023年5月15号', '2023-05-15'],
    ['2023年05月09日', '2023-05-09'],
    ['2023年5月15', '2023-05-15'],
    ['2023 年 5 月 15 日', '2023-05-15'],
    ['2023年5月15號', '2023-05-15'],
    ['2023年5月15日（周一）', '2023-05-15'],
    ['2023-05-15 星期一', '2023-05-15'],
  ])('年月日 form %s -> %s', (input, iso) => {
    expectOk(input, iso);
  });

  it('reads 8-digit text as YYYYMMDD', () => {
    expectOk('20230515', '2023-05-15');
    expectOk('19991231', '1999-12-31');
    expectInvalid('20230230', '不存在');
  });

  it('reads full-width digits and separators', () => {
    expectOk('２０２３－０５－１５', '2023-05-15');
    expectOk('２０２３／５／１５', '2023-05-15');
    expectOk('２０２３年５月１５日', '2023-05-15');
    expectOk('２０２３０５１５', '2023-05-15');
  });
});

describe('normalizeDate: date-times keep the date part as written', () => {
  it.each([
    ['2023-05-15 14:30:00', '2023-05-15'],
    ['2023-05-15 14:30', '2023-05-15'],
    ['2023-05-15T14:30:00Z', '2023-05-15'],
    ['2023-05-15T23:30:00.123-05:00', '2023-05-15'],
    ['2023-05-15T00:30:00+08:00', '2023-05-15'],
    ['2023/5/15 下午 2:30', '2023-05-15'],
    ['2023/5/15 上午 10:05:09', '2023-05-15'],
    ['2023-5-15 2:30 PM', '2023-05-15'],
    ['2023年5月15日 14:30', '2023-05-15'],
    ['2023年5月15日14点30分', '2023-05-15'],
    ['2023年5月15日 下午3点半', '2023-05-15'],
    ['2010-12-01 08:26:00', '2010-12-01'],
  ])('%s -> %s', (input, iso) => {
    const r = expectOk(input, iso);
    expect(r.note).toContain('时间');
  });

  it('rejects text after a date that is not a time', () => {
    expectInvalid('2023-05-15 abc', '无法识别');
    expectInvalid('2023-05-15 25:00', '无法识别');
    expectInvalid('2023-05-15 14:75', '无法识别');
  });
});

describe('normalizeDate: day/month order of a/b/yyyy', () => {
  it('reads day-first when the first number is above 12', () => {
    const r = expectOk('15/05/2023', '2023-05-15');
    expect(r.note).toContain('日/月/年');
    expectOk('31.12.2023', '2023-12-31');
    expectOk('25-05-2023', '2023-05-25');
  });

  it('reads month-first when the second number is above 12', () => {
    const r = expectOk('5/15/2023', '2023-05-15');
    expect(r.note).toContain('月/日/年');
    expectOk('12/31/2023', '2023-12-31');
  });

  it('calls 05/06/2023 ambiguous and names both readings', () => {
    const r = expectInvalid('05/06/2023', '不明确');
    expect(r.note).toContain('2023-06-05');
    expect(r.note).toContain('2023-05-06');
  });

  it('follows a given order for ambiguous values only', () => {
    expectOk('05/06/2023', '2023-06-05', { order: 'dmy' });
    expectOk('05/06/2023', '2023-05-06', { order: 'mdy' });
    expectOk('15/05/2023', '2023-05-15', { order: 'mdy' }); // the value itself proves day-first
    expect(normalizeDate('05/06/2023', { order: 'ymd' }).status).toBe('invalid');
  });

  it('accepts equal day and month without any order', () => {
    expectOk('06/06/2023', '2023-06-06');
  });

  it('rejects both numbers above 12 and impossible days', () => {
    expectInvalid('13/13/2023', '不存在');
    expectInvalid('31/02/2023', '不存在');
    expectInvalid('0/5/2023', '不存在');
  });
});

describe('normalizeDate: two-digit years (year first by default, 00-29 -> 20xx, 30-99 -> 19xx)', () => {
  it.each([
    ['23-5-15', '2023-05-15'],
    ['23.05.15', '2023-05-15'],
    ['98-05-15', '1998-05-15'],
    ['29-1-1', '2029-01-01'],
    ['30-1-1', '1930-01-01'],
    ['23年5月15日', '2023-05-15'],
    ['5/15/98', '1998-05-15'],
    ['15/5/98', '1998-05-15'],
  ])('%s -> %s', (input, iso) => {
    const r = expectOk(input, iso);
    expect(r.note).toContain('两位年份');
  });

  it('follows a given order', () => {
    expectOk('05/06/23', '2023-06-05', { order: 'dmy' });
    expectOk('05/06/23', '2023-05-06', { order: 'mdy' });
    expectOk('05/06/23', '2005-06-23', { order: 'ymd' });
  });

  it('rejects an impossible year-first reading', () => {
    expectInvalid('23-13-01', '不存在');
  });
});

describe('normalizeDate: English month names', () => {
  it.each([
    ['May 15, 2023', '2023-05-15'],
    ['May 15 2023', '2023-05-15'],
    ['15 May 2023', '2023-05-15'],
    ['15-May-23', '2023-05-15'],
    ['15-may-2023', '2023-05-15'],
    ['Sep 5, 2023', '2023-09-05'],
    ['Sept 5, 2023', '2023-09-05'],
    ['Sept. 5, 2023', '2023-09-05'],
    ['September 5th, 2023', '2023-09-05'],
    ['1st January 2024', '2024-01-01'],
    ['2023-Dec-31', '2023-12-31'],
    ['Monday, May 15, 2023', '2023-05-15'],
    ['DEC 25 1999', '1999-12-25'],
  ])('%s -> %s', (input, iso) => {
    expectOk(input, iso);
  });

  it('drops a trailing time, including the JavaScript Date#toString form', () => {
    expectOk('May 15, 2023 2:30 PM', '2023-05-15');
    expectOk('Mon May 15 2023 08:00:00 GMT+0800 (中国标准时间)', '2023-05-15');
    expectInvalid('May 15, 2023 25:00', '无法识别');
  });

  it('rejects impossible, incomplete and unknown English dates', () => {
    expectInvalid('Feb 30, 2023', '不存在');
    expectInvalid('May 2023', '不完整');
    expectInvalid('Maybe 15 2023', '无法识别');
    expectInvalid('May 15, 2023 and more', '无法识别');
    expectInvalid('/15 May 2023', '无法识别');
  });
});

describe('normalizeDate: Chinese numerals', () => {
  it.each([
    ['二〇二三年五月十五日', '2023-05-15'],
    ['二零二三年十二月三十一日', '2023-12-31'],
    ['二〇二三年五月廿一日', '2023-05-21'],
    ['二〇二三年十月卅日', '2023-10-30'],
    ['二〇二三年十月卅一日', '2023-10-31'],
    ['二〇二三年一月十日', '2023-01-10'],
    ['一九九九年二月二十日', '1999-02-20'],
    ['二○二三年三月五号', '2023-03-05'],
    ['2023年五月十五日', '2023-05-15'],
  ])('%s -> %s', (input, iso) => {
    expectOk(input, iso);
  });

  it('rejects impossible Chinese-numeral dates', () => {
    expectInvalid('二〇二三年二月三十日', '不存在');
  });
});

describe('normalizeDate: numbers', () => {
  it('reads Excel 1900-system serials, including the phantom 1900-02-29', () => {
    expectOk(1, '1900-01-01');
    expectOk(59, '1900-02-28');
    expectInvalid(60, '1900-02-29');
    expectOk(61, '1900-03-01');
    expectOk(45061, '2023-05-15');
    expectOk(2958465, '9999-12-31');
    const r = expectOk(45061.75, '2023-05-15');
    expect(r.note).toContain('Excel');
    expect(r.note).toContain('时间');
  });

  it('agrees with a Date.UTC day count for serials from 1900-03-01 on', () => {
    const base = Date.UTC(1899, 11, 30);
    for (let serial = 61; serial < 80000; serial += 97) {
      const expected = new Date(base + serial * 86_400_000).toISOString().slice(0, 10);
      expect(normalizeDate(serial).value).toBe(expected);
    }
  });

  it('reads 8-digit integers as YYYYMMDD', () => {
    const r = expectOk(20230515, '2023-05-15');
    expect(r.note).toContain('YYYYMMDD');
    expectInvalid(12345678, 'YYYYMMDD');
  });

  it('rejects numbers that are neither serials nor YYYYMMDD', () => {
    expectInvalid(13812345678, '不是日期');
    expectInvalid(2958466, '不是日期');
    expectInvalid(0, '不是日期');
    expectInvalid(-3, '不是日期');
    expectInvalid(0.5, '只有时间');
    expectInvalid(Number.NaN);
    expectInvalid(Number.POSITIVE_INFINITY);
  });

  it('reads digits-only text as a serial only when it has 5 digits', () => {
    expectOk('45061', '2023-05-15');
    expectOk(' 45061.5 ', '2023-05-15');
    expectOk('１００００', '1927-05-18');
    expectInvalid('13812345678', '不是日期');
    expectInvalid('1', '不是日期');
    expectInvalid('745242', '不是日期');
    expectInvalid('9999', '不是日期');
    expectInvalid('052023', '不是日期');
  });
});

describe('normalizeDate: Date objects use their UTC fields', () => {
  it('reads the UTC date, whatever the local time zone', () => {
    expectOk(new Date(Date.UTC(2023, 4, 15)), '2023-05-15');
    expectOk(new Date(Date.UTC(2023, 4, 15, 23, 59)), '2023-05-15');
    expectOk(new Date(Date.UTC(1999, 11, 31)), '1999-12-31');
  });

  it('notes a dropped time and rejects invalid or time-only dates', () => {
    expect(normalizeDate(new Date(Date.UTC(2023, 4, 15, 9, 30))).note).toContain('时间');
    expect(normalizeDate(new Date(Date.UTC(2023, 4, 15))).note).toBeUndefined();
    expectInvalid(new Date(Number.NaN));
    expectInvalid(new Date(Date.UTC(1899, 11, 30, 12, 0)), '只有时间');
  });
});

describe('normalizeDate: what is not a date', () => {
  it.each([
    ['2023-02-30', '不存在'],
    ['2023-04-31', '不存在'],
    ['2023-13-01', '不存在'],
    ['2023-00-10', '不存在'],
    ['2100-02-29', '不存在'],
    ['1900-02-29', '不存在'],
    ['2023年2月29日', '不存在'],
    ['0999-01-01', '年份'],
    ['下周一', '相对日期'],
    ['明天', '相对日期'],
    ['昨天下午', '相对日期'],
    ['abc', '无法识别'],
    ['2023-05', '不完整'],
    ['2023年5月', '不完整'],
    ['5月15日', '不完整'],
    ['2023-05/15', '无法识别'],
    ['15//2023', '无法识别'],
  ])('%s is invalid (%s)', (input, note) => {
    expectInvalid(input, note);
  });

  it('handles blanks, Excel errors and booleans', () => {
    for (const blank of [null, undefined, '', '   ', '\u3000']) {
      expect(normalizeDate(blank)).toEqual({ value: null, status: 'missing' });
    }
    expectInvalid('#N/A', '#N/A');
    expectInvalid({ error: '#REF!' }, '#REF!');
    expectInvalid(true, 'TRUE');
    expectInvalid(false, 'FALSE');
  });

  it('never throws, and every ok value is a real YYYY-MM-DD day', () => {
    const odd = [{}, [], Symbol('x'), 10n, () => 1, { error: 5 }, Object.create(null)] as unknown as CellValue[];
    for (const v of odd) expect(() => normalizeDate(v)).not.toThrow();
    // Date-shaped strings: each slot is a plausible piece or a corruption of one.
    const slots = [
      ['2023', '1999', '2000', '2100', '23', '98', '05', '0999', '２０２３', '二〇二三', ''],
      ['-', '/', '.', '年', ' ', '', '--'],
      ['1', '02', '2', '12', '13', '0', '五', '十二', 'May', 'Sept', ''],
      ['-', '/', '.', '月', ' ', ', ', ''],
      ['1', '15', '28', '29', '30', '31', '32', '00', '十五', '廿九', '卅一', ''],
      ['', '', '日', '号', ' 14:30', 'T08:00:00Z', ' 下午 2:30', ' 25:00', ' 周一', 'x'],
    ];
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const bad: string[] = [];
    let okCount = 0;
    for (let n = 0; n < 20_000; n++) {
      let s = '';
      for (const slot of slots) s += slot[Math.floor(rand() * slot.length)];
      const r = normalizeDate(s);
      const [y, m, d] = (r.value ?? '').split('-').map(Number);
      const fine =
        r.status === 'ok'
          ? /^\d{4}-\d{2}-\d{2}$/.test(r.value ?? '') && isRealDay(y, m, d)
          : r.value === null && (r.status === 'missing' || (r.status === 'invalid' && !!r.note));
      if (!fine) bad.push(s);
      if (r.status === 'ok') okCount++;
    }
    expect(bad).toEqual([]);
    expect(okCount).toBeGreaterThan(300); // the slots do form real dates now and then
  });
});

describe('normalizeDateColumn / detectDayMonthOrder', () => {
  it('reads ambiguous values day-first when another value proves it', () => {
    const values = ['25/05/2023', '05/06/2023', '2023-01-02', '01/02/2023'];
    expect(detectDayMonthOrder(values)).toBe('dmy');
    const r = normalizeDateColumn(values);
    expect(r.map((x) => x.value)).toEqual(['2023-05-25', '2023-06-05', '2023-01-02', '2023-02-01']);
    expect(r[1].note).toContain('本列');
    expect(r[1].note).toContain('日/月/年');
    expect(r[2].note).toBeUndefined();
  });

  it('reads ambiguous values month-first when another value proves it', () => {
    const values = ['05/06/2023', '12/25/2023', null];
    expect(detectDayMonthOrder(values)).toBe('mdy');
    const r = normalizeDateColumn(values);
    expect(r.map((x) => x.value)).toEqual(['2023-05-06', '2023-12-25', null]);
    expect(r[0].note).toContain('月/日/年');
    expect(r[2].status).toBe('missing');
  });

  it('leaves ambiguous values invalid when nothing in the column decides', () => {
    const values = ['05/06/2023', '2023-05-15', 45061, '07/08/2023'];
    expect(detectDayMonthOrder(values)).toBeNull();
    const r = normalizeDateColumn(values);
    expect(r.map((x) => x.status)).toEqual(['invalid', 'ok', 'ok', 'invalid']);
    expect(r[0].note).toContain('不明确');
    expect(r[0].note).toContain('本列没有');
  });

  it('does not decide when the column proves both orders', () => {
    const values = ['25/05/2023', '05/25/2023', '05/06/2023'];
    expect(detectDayMonthOrder(values)).toBeNull();
    const r = normalizeDateColumn(values);
    expect(r.map((x) => x.value)).toEqual(['2023-05-25', '2023-05-25', null]);
    expect(r[2].note).toContain('两种写法');
  });

  it('does not count impossible dates as proof', () => {
    expect(detectDayMonthOrder(['31/02/2023', '05/06/2023'])).toBeNull();
  });

  it('gives the same answers as normalizeDate when there is nothing ambiguous', () => {
    const values: CellValue[] = ['2023-05-15', '2023年5月15日', 45061, '下周一', '', true, '15/05/2023'];
    expect(normalizeDateColumn(values)).toEqual(values.map((v) => normalizeDate(v)));
  });
});

/** Real data: FEBRL dates of birth are 8-digit YYYYMMDD text, some corrupted on purpose. */
const DATA = path.join(__dirname, '../../../../shared/data');
const FEBRL = path.join(DATA, 'febrl/dataset2.csv');
const describeData = fs.existsSync(FEBRL) || process.env.CI ? describe : describe.skip;
if (!fs.existsSync(FEBRL)) console.warn(`date.test: ${FEBRL} is absent, the real-data test is skipped`);

describeData('normalizeDate on FEBRL dates of birth', () => {
  it('accepts exactly the real calendar days', () => {
    const lines = fs.readFileSync(FEBRL, 'utf8').trim().split('\n');
    const col = lines[0].split(', ').indexOf('date_of_birth');
    let ok = 0;
    let checked = 0;
    for (const line of lines.slice(1)) {
      const dob = line.split(', ')[col];
      const r = normalizeDate(dob);
      if (dob === '') {
        expect(r.status).toBe('missing');
        continue;
      }
      checked++;
      const real = /^\d{8}$/.test(dob) && isRealDay(+dob.slice(0, 4), +dob.slice(4, 6), +dob.slice(6, 8));
      if (real) {
        expect(r.value).toBe(`${dob.slice(0, 4)}-${dob.slice(4, 6)}-${dob.slice(6, 8)}`);
        ok++;
      } else {
        expect({ dob, status: r.status }).toEqual({ dob, status: 'invalid' });
      }
    }
    expect(checked).toBeGreaterThan(4000);
    expect(ok / checked).toBeGreaterThan(0.9);
  });
});
