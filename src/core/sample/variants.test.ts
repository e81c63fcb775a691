import { normalizeAmount, normalizeCompany, normalizeDate, normalizeEmail, normalizeName, normalizePhone, normalizeRegion } from '../normalize';
import { companyKey } from '../normalize/company';
import {
  AMOUNT_FORMATS, COMPANY_FORMATS, CompanyParts, DATE_BREAKS, DATE_FORMATS, EMAIL_BREAKS, EMAIL_FORMATS, NAME_FORMATS,
  PHONE_BREAKS, PHONE_FORMATS, REGION_FORMATS, amountCell, companyName, dateCell, emailText, personName, phoneCell, regionText,
} from './variants';

describe('sample variants read back to the clean value (they are format noise, not different facts)', () => {
  it.each(PHONE_FORMATS)('phone %s', (style) => {
    const cell = phoneCell('13812345678', style);
    expect(cell).not.toBe('13812345678');
    expect(normalizePhone(cell)).toMatchObject({ status: 'ok', value: '13812345678' });
  });

  it.each(PHONE_BREAKS)('phone %s is unreadable', (style) => {
    expect(normalizePhone(phoneCell('13812345678', style)).status).toBe('invalid');
  });

  it.each(DATE_FORMATS)('date %s', (style) => {
    expect(normalizeDate(dateCell('2023-05-15', style))).toMatchObject({ status: 'ok', value: '2023-05-15' });
  });

  it('a date cell keeps its time of day', () => {
    expect(dateCell('2023-05-15', 'date', 3600)).toEqual(new Date(Date.UTC(2023, 4, 15, 1)));
  });

  it.each(DATE_BREAKS)('date %s is unreadable', (style) => {
    expect(normalizeDate(dateCell('2023-05-15', style)).status).toBe('invalid');
  });

  it.each(EMAIL_FORMATS)('email %s', (style) => {
    expect(normalizeEmail(emailText('zhang.wei@qq.com', style))).toMatchObject({ status: 'ok', value: 'zhang.wei@qq.com' });
  });

  it.each(EMAIL_BREAKS)('email %s is unreadable', (style) => {
    expect(normalizeEmail(emailText('zhang.wei@qq.com', style)).status).toBe('invalid');
  });

  it.each(AMOUNT_FORMATS)('amount %s', (style) => {
    expect(normalizeAmount(amountCell(12800, style))).toMatchObject({ status: 'ok', value: 12800 });
    expect(normalizeAmount(amountCell(1234.5, style))).toMatchObject({ status: 'ok', value: 1234.5 });
  });

  it('a refund in brackets reads as negative', () => {
    expect(amountCell(-100, 'paren')).toBe('(100.00)');
    expect(normalizeAmount(amountCell(-100, 'paren'))).toMatchObject({ status: 'ok', value: -100 });
  });

  it.each(NAME_FORMATS)('name %s', (style) => {
    expect(normalizeName(personName('张伟', 1, '男', style))).toMatchObject({ status: 'ok', value: '张伟' });
    expect(normalizeName(personName('王芳', 1, '女', style))).toMatchObject({ status: 'ok', value: '王芳' });
  });

  it('writes the issue example names', () => {
    expect(personName('张伟', 1, '男', 'spaced')).toBe('张 伟');
    expect(personName('张伟', 1, '男', 'honorific')).toBe('张伟先生');
    expect(personName('张伟', 1, '男', 'traditional')).toBe('張偉');
  });

  const tengda: CompanyParts = { prefix: '深圳市', city: '深圳', core: '腾达科技', legal: '有限公司' };

  it('writes the issue example companies', () => {
    expect(companyName(tengda, 'registered')).toBe('深圳市腾达科技有限公司');
    expect(companyName(tengda, 'cityInParens')).toBe('腾达科技（深圳）有限公司');
    expect(companyName(tengda, 'traditional')).toBe('騰達科技有限公司');
  });

  it.each(COMPANY_FORMATS)('company %s keeps the match key', (style) => {
    const name = companyName(tengda, style);
    expect(normalizeCompany(name).status).toBe('ok');
    expect(companyKey(name)).toBe(companyKey('深圳市腾达科技有限公司'));
  });

  const tianhe = { province: '广东省', city: '广州市', district: '天河区', provinceShort: '广东', cityShort: '广州' };

  it.each(REGION_FORMATS)('region %s', (style) => {
    const r = normalizeRegion(regionText(tianhe, style, '体育西路88号'));
    expect(r.status).toBe('ok');
    expect(r.value).toBe('广东省-广州市');
  });

  it('writes a municipality without repeating it', () => {
    const pudong = { province: '上海市', city: '上海市', district: '浦东新区', provinceShort: '上海', cityShort: '上海' };
    expect(regionText(pudong, 'provinceCity', '')).toBe('上海');
    expect(regionText(pudong, 'address', '世纪大道1号')).toBe('上海市浦东新区世纪大道1号');
    expect(regionText(pudong, 'pinyin', '')).toBe('Shanghai');
  });
});
