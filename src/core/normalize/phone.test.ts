import { parsePhoneNumberFromString as parseMax } from 'libphonenumber-js/max';
import { parsePhoneNumberFromString as parseMin } from 'libphonenumber-js/min';
import { prng } from '../../../bench/harness';
import { CellValue } from '../cell';
import { normalizePhone } from './phone';

const okAs = (v: CellValue) => {
  const r = normalizePhone(v);
  expect(r.status).toBe('ok');
  return r;
};

describe('mobiles', () => {
  it.each<[string, CellValue]>([
    ['plain', '13812345678'],
    ['spaces', '138 1234 5678'],
    ['padded', '  13812345678\t'],
    ['dashes', '138-1234-5678'],
    ['dots', '138.1234.5678'],
    ['brackets', '(138)1234-5678'],
    ['full-width brackets', '（138）12345678'],
    ['+86', '+86 138 1234 5678'],
    ['+86 glued', '+8613812345678'],
    ['+86-', '+86-138-1234-5678'],
    ['0086', '0086 138 1234 5678'],
    ['86-', '86-13812345678'],
    ['full-width digits', '１３８１２３４５６７８'],
    ['full-width plus and digits', '＋８６ １３８１２３４５６７８'],
    ['tel:', 'tel:+86-138-1234-5678'],
    ['TEL: upper case', 'TEL:13812345678'],
    ['label', '手机：13812345678'],
    ['Excel number', 13812345678],
    ['Excel number with country code', 8613812345678],
    ['Excel scientific text', '1.3812345678E+10'],
    ['Excel decimal text', '13812345678.0'],
    ['Excel decimal text, two zeros', '13812345678.00'],
  ])('%s: %p', (_, input) => {
    expect(okAs(input).value).toBe('13812345678');
  });

  it('accepts newer segments the metadata knows (199, 166, 191)', () => {
    for (const m of ['19912345678', '16612345678', '19112345678']) expect(okAs(m).value).toBe(m);
  });

  it('drops a spurious trunk 0 before a mobile, with a note', () => {
    const r = okAs('013812345678');
    expect(r.value).toBe('13812345678');
    expect(r.note).toContain('0');
  });

  it('notes the Excel scientific-notation repair', () => {
    expect(okAs('1.3812345678E+10').note).toContain('科学计数法');
  });
});

describe('several numbers in one cell', () => {
  it.each(['/', ',', '，', ';', '；', '、', ' ', ' / ', '\n'])('separated by %p: keeps the first, notes the other', (sep) => {
    const r = okAs(`13812345678${sep}13987654321`);
    expect(r.value).toBe('13812345678');
    expect(r.note).toContain('另有号码未保留');
    expect(r.note).toContain('13987654321');
  });

  it('splits numbers written with inner spaces', () => {
    const r = okAs('138 1234 5678 139 8765 4321');
    expect(r.value).toBe('13812345678');
    expect(r.note).toContain('139 8765 4321');
  });

  it('keeps the first valid number when the first one is broken', () => {
    const r = okAs('12012345678/13987654321');
    expect(r.value).toBe('13987654321');
    expect(r.note).toContain('12012345678');
  });

  it('mixes landline and mobile', () => {
    const r = okAs('电话:010-12345678 手机:13812345678');
    expect(r.value).toBe('010-12345678');
    expect(r.note).toContain('13812345678');
  });

  it('is invalid when none is valid, and says why', () => {
    const r = normalizePhone('12012345678/123');
    expect(r.status).toBe('invalid');
    expect(r.note).toMatch(/120/);
  });
});

describe('landlines', () => {
  it.each<[CellValue, string]>([
    ['010-12345678', '010-12345678'],
    ['01012345678', '010-12345678'],
    ['021 1234 5678', '021-12345678'],
    ['0755-23456789', '0755-23456789'],
    ['(0755)23456789', '0755-23456789'],
    ['（0755）23456789', '0755-23456789'],
    ['0755 2345 6789', '0755-23456789'],
    ['+86 755 23456789', '0755-23456789'],
    ['+86 (0)755 2345 6789', '0755-23456789'],
    ['0086-755-23456789', '0755-23456789'],
    ['0571-88888888', '0571-88888888'],
    ['0913-1234567', '0913-1234567'],
  ])('%p -> %p', (input, expected) => {
    expect(okAs(input).value).toBe(expected);
  });

  it.each<[string, string]>([
    ['020-12345678 转123', '123'],
    ['020-12345678转123', '123'],
    ['0755-23456789 ext 123', '123'],
    ['0755-23456789 ext.8001', '8001'],
    ['0755-23456789 x8001', '8001'],
    ['0755-23456789#8001', '8001'],
    ['010-12345678-8001', '8001'],
    ['010-12345678 分机 66', '66'],
  ])('extension in %p is noted, not kept in the value', (input, ext) => {
    const r = okAs(input);
    expect(r.value).toMatch(/^0\d{2,3}-\d{7,8}$/);
    expect(r.note).toContain('分机');
    expect(r.note).toContain(ext);
  });

  it('restores the 0 Excel dropped from a landline stored as a number, and says so', () => {
    const r = okAs(75523456789);
    expect(r.value).toBe('0755-23456789');
    expect(r.note).toContain('0');
  });

  it('is invalid without an area code', () => {
    const r = normalizePhone('23456789');
    expect(r.status).toBe('invalid');
    expect(r.note).toContain('区号');
  });

  it('is invalid with an area code that does not exist', () => {
    const r = normalizePhone('0000-12345678');
    expect(r.status).toBe('invalid');
  });

  it('formats 400/800 service numbers and says what they are', () => {
    const r = okAs('400-800-1234');
    expect(r.value).toBe('400-800-1234');
    expect(r.note).toContain('400');
    expect(okAs('8008001234').value).toBe('800-800-1234');
  });
});

describe('invalid numbers say why', () => {
  it.each<[CellValue, RegExp]>([
    ['138****5678', /打码/],
    ['138xxxx5678', /打码/],
    ['12012345678', /120.*号段/],
    ['14012345678', /140.*号段/],
    ['1381234567', /11 位.*10 位/],
    ['138123456789', /11 位.*12 位/],
    [1381234567, /11 位/],
    ['1012345678', /11 位/],
    ['abc', /没有号码/],
    ['面议', /没有号码/],
    ['1.38123E+10', /科学计数法/],
    ['---', /没有号码/],
  ])('%p', (input, why) => {
    const r = normalizePhone(input);
    expect(r.status).toBe('invalid');
    expect(r.value).toBeNull();
    expect(r.note).toMatch(why);
  });

  it('rejects 120… although the min metadata would accept it (so the max metadata is in use)', () => {
    expect(parseMin('12012345678', 'CN')?.isValid()).toBe(true);
    expect(parseMax('12012345678', 'CN')?.isValid()).toBe(false);
    expect(normalizePhone('12012345678').status).toBe('invalid');
  });
});

describe('numbers from other countries', () => {
  it('keeps a valid foreign number in E.164 with a note', () => {
    const r = okAs('+852 9123 4567');
    expect(r.value).toBe('+85291234567');
    expect(r.note).toContain('境外');
    expect(okAs('001 415 555 2671').value).toBe('+14155552671');
  });

  it('is invalid for a foreign number that does not exist', () => {
    expect(normalizePhone('+852 123').status).toBe('invalid');
  });
});

describe('any cell value', () => {
  it.each<CellValue>([null, undefined, '', '   ', '\u3000'])('blank %p is missing', (v) => {
    expect(normalizePhone(v)).toEqual({ value: null, status: 'missing' });
  });

  it.each<CellValue>(['#N/A', { error: '#N/A' }, { error: '#VALUE!' }])('Excel error %p is invalid with the code', (v) => {
    const r = normalizePhone(v);
    expect(r.status).toBe('invalid');
    expect(r.note).toMatch(/#N\/A|#VALUE!/);
  });

  it.each<CellValue>([true, false, new Date(2024, 0, 1), new Date(NaN), NaN, Infinity, -13812345678, 1381234.5678, 0, 1e300])(
    '%p is invalid',
    (v) => {
      const r = normalizePhone(v);
      expect(r.status).toBe('invalid');
      expect(r.note).toBeTruthy();
    },
  );

  it('refuses huge text quickly', () => {
    const r = normalizePhone('1'.repeat(1_000_000));
    expect(r.status).toBe('invalid');
    expect(r.note).toContain('过长');
  });

  it('never throws on random text', () => {
    const rand = prng(7);
    const alphabet = '0123456789０１２+-.()（）/,，;；、 \t\n*x#转ext:tel@e+E分机手机abc中文￥\u3000\ud800';
    const bad: string[] = [];
    for (let i = 0; i < 5_000; i++) {
      let s = '';
      const n = Math.floor(rand() * 30);
      for (let j = 0; j < n; j++) s += alphabet[Math.floor(rand() * alphabet.length)];
      const r = normalizePhone(s);
      const shapeOk = r.status === 'ok' ? typeof r.value === 'string' : r.value === null && (r.status === 'missing' || !!r.note);
      if (!shapeOk) bad.push(s);
    }
    expect(bad).toEqual([]);
  });
});

/**
 * The fast path derives its patterns from the metadata; here the library's own parser judges the same
 * generated numbers, written in the formats people use, and both must give the same answer.
 */
describe('fast path agrees with the libphonenumber-js parser', () => {
  function expectedByParser(text: string): string | null {
    const p = parseMax(text, 'CN');
    if (!p || !p.isValid() || p.countryCallingCode !== '86') return null;
    const type = p.getType();
    if (type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE') return p.nationalNumber;
    const groups = p.formatNational().split(' ');
    if (type === 'FIXED_LINE') return `${groups[0]}-${groups.slice(1).join('')}`;
    return groups.join('-');
  }

  function digits(rand: () => number, n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(Math.floor(rand() * 10));
    return s;
  }

  function generate(rand: () => number): string {
    const kind = rand();
    if (kind < 0.5) {
      const m = `1${digits(rand, 10)}`;
      const forms = [m, `${m.slice(0, 3)} ${m.slice(3, 7)} ${m.slice(7)}`, `+86 ${m}`, `0086-${m}`, `${m.slice(0, 3)}-${m.slice(3)}`];
      return forms[Math.floor(rand() * forms.length)];
    }
    if (kind < 0.9) {
      const area = `0${1 + Math.floor(rand() * 9)}${digits(rand, rand() < 0.3 ? 1 : 2)}`;
      const local = `${2 + Math.floor(rand() * 8)}${digits(rand, 6 + Math.floor(rand() * 2))}`;
      const forms = [`${area}-${local}`, `(${area})${local}`, `${area} ${local}`, `+86 ${area.slice(1)} ${local}`, `${area}${local}`];
      return forms[Math.floor(rand() * forms.length)];
    }
    const service = `${rand() < 0.5 ? '400' : '800'}${digits(rand, 7)}`;
    return rand() < 0.5 ? service : `${service.slice(0, 3)}-${service.slice(3, 6)}-${service.slice(6)}`;
  }

  it('on 10,000 generated numbers (valid and invalid, mobile, landline, service)', () => {
    const rand = prng(42);
    const tally = { ok: 0, invalid: 0, mobile: 0, landline: 0 };
    const disagreements: string[] = [];
    for (let i = 0; i < 10_000; i++) {
      const text = generate(rand);
      const expected = expectedByParser(text);
      const got = normalizePhone(text);
      if (got.value !== expected) disagreements.push(`${text}: parser ${expected}, fast ${got.value} (${got.note ?? ''})`);
      tally[got.status === 'ok' ? 'ok' : 'invalid']++;
      if (got.value?.length === 11) tally.mobile++;
      if (got.value?.includes('-') && got.value.startsWith('0')) tally.landline++;
    }
    expect(disagreements.slice(0, 10)).toEqual([]);
    // The sample must exercise both answers, or agreement says little.
    expect(tally.ok).toBeGreaterThan(2_000);
    expect(tally.invalid).toBeGreaterThan(2_000);
    expect(tally.mobile).toBeGreaterThan(1_000);
    expect(tally.landline).toBeGreaterThan(500);
  });

  it('on Excel numbers for every 3-digit mobile segment', () => {
    const rand = prng(9);
    for (let prefix = 100; prefix <= 199; prefix++) {
      for (let k = 0; k < 20; k++) {
        const n = Number(`${prefix}${digits(rand, 8)}`);
        expect(normalizePhone(n).value).toBe(expectedByParser(String(n)));
      }
    }
  });
});
