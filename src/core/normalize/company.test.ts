import { CellValue } from '../cell';
import { companyKey, normalizeCompany } from './company';

describe('normalizeCompany: display value', () => {
  it('trims, folds full-width letters and collapses spaces', () => {
    expect(normalizeCompany('  ＡＣＭＥ   Trading  Ltd ')).toMatchObject({ value: 'ACME Trading Ltd', status: 'ok' });
  });

  it('writes full-width brackets in Chinese names and drops spaces between Chinese characters', () => {
    expect(normalizeCompany('腾达科技(深圳)有限公司').value).toBe('腾达科技（深圳）有限公司');
    expect(normalizeCompany('深圳市 腾达科技 （深圳） 有限公司').value).toBe('深圳市腾达科技（深圳）有限公司');
  });

  it('keeps ASCII brackets in Latin names and keeps the writer’s script', () => {
    expect(normalizeCompany('Tenda (HK) Limited').value).toBe('Tenda (HK) Limited');
    expect(normalizeCompany('騰達科技有限公司').value).toBe('騰達科技有限公司');
  });
});

describe('normalizeCompany: match key', () => {
  it('gives one key to the same company written three ways', () => {
    for (const name of ['深圳市腾达科技有限公司', '腾达科技（深圳）有限公司', '騰達科技有限公司']) {
      expect(normalizeCompany(name)).toMatchObject({ status: 'ok', key: '腾达科技' });
    }
  });

  it.each([
    ['腾达科技股份有限公司', '腾达科技'],
    ['腾达科技有限责任公司', '腾达科技'],
    ['腾达科技集团有限公司', '腾达科技'],
    ['腾达科技集团股份有限公司', '腾达科技'],
    ['腾达科技股份公司', '腾达科技'],
    ['腾达科技集团', '腾达科技'],
    ['腾达科技公司', '腾达科技'],
    ['腾达科技（集团）有限公司', '腾达科技'],
    ['ACME Co., Ltd.', 'acme'],
    ['ACME Co.,Ltd', 'acme'],
    ['Acme Ltd', 'acme'],
    ['ACME INC.', 'acme'],
    ['Acme LLC', 'acme'],
    ['Acme Corp.', 'acme'],
    ['Acme Limited', 'acme'],
    ['Tencent Holdings Ltd.', 'tencentholdings'],
  ])('drops the legal form: %s -> %s', (name, key) => {
    expect(normalizeCompany(name).key).toBe(key);
  });

  it('drops Latin legal words only as whole words', () => {
    expect(normalizeCompany('Costco').key).toBe('costco');
    expect(normalizeCompany('Acme Incubator').key).toBe('acmeincubator');
  });

  it('drops a leading province and city, full or short, several in a row', () => {
    expect(companyKey('广东省深圳市腾达科技有限公司')).toBe('腾达科技');
    expect(companyKey('广东深圳腾达科技有限公司')).toBe('腾达科技');
    expect(companyKey('北京腾达科技有限公司')).toBe('腾达科技');
    expect(companyKey('内蒙古伊利实业集团股份有限公司')).toBe('伊利实业');
    expect(companyKey('延边朝鲜族自治州腾达公司')).toBe('腾达');
    expect(companyKey('延边腾达公司')).toBe('腾达');
    expect(companyKey('香港腾达有限公司')).toBe('腾达');
  });

  it('drops a bracketed province, city or 中国 anywhere', () => {
    expect(companyKey('腾达科技（广东）有限公司')).toBe('腾达科技');
    expect(companyKey('腾达科技【深圳市】有限公司')).toBe('腾达科技');
    expect(companyKey('阿里巴巴（中国）有限公司')).toBe('阿里巴巴');
  });

  it('never drops a county or district', () => {
    expect(companyKey('南山腾达科技有限公司')).toBe('南山腾达科技');
  });

  it('keeps the region when dropping it would leave nothing, one character or a generic word', () => {
    expect(companyKey('北京有限公司')).toBe('北京');
    expect(companyKey('深圳市华有限公司')).toBe('深圳市华');
    expect(companyKey('上海银行股份有限公司')).toBe('上海银行');
    expect(companyKey('北京银行')).not.toBe(companyKey('上海银行'));
    expect(companyKey('北京大学')).toBe('北京大学');
  });

  it('keeps 阿里巴巴 whole although 阿里 is a prefecture (阿里地区)', () => {
    expect(companyKey('阿里巴巴集团')).toBe('阿里巴巴');
  });

  it('keeps a branch as its own key: the parent’s key followed by the branch', () => {
    expect(companyKey('腾达科技有限公司深圳分公司')).toBe('腾达科技深圳分公司');
    expect(companyKey('深圳市腾达科技有限公司 北京分公司')).toBe('腾达科技北京分公司');
    expect(companyKey('腾达科技深圳分公司')).toBe('腾达科技深圳分公司');
    expect(companyKey('腾达科技有限公司深圳分公司')).not.toBe(companyKey('腾达科技有限公司'));
  });

  it('ignores case, width, punctuation and spaces', () => {
    const k = companyKey('ACME Trading Co., Ltd.');
    expect(companyKey('ａｃｍｅ　trading co ltd')).toBe(k);
    expect(companyKey('Acme-Trading, Ltd')).toBe(k);
  });
});

describe('normalizeCompany: invalid values', () => {
  it.each([
    ['有限公司', '公司类型'],
    ['Co., Ltd.', '公司类型'],
    ['12345', '数字'],
    ['？？？', '标点'],
    ['sales@acme.com', '邮箱'],
    ['腾'.repeat(101), '过长'],
  ])('%s is invalid (%s)', (input, why) => {
    const r = normalizeCompany(input);
    expect(r).toMatchObject({ value: null, status: 'invalid' });
    expect(r.note).toContain(why);
    expect(r.key).toBeUndefined();
  });

  it('handles any cell value without throwing', () => {
    const values: CellValue[] = [
      null, undefined, '', ' ', 0, 360, NaN, true, new Date(0), new Date('x'), { error: '#REF!' }, '#N/A', '()', '（深圳）',
      '(((', '公司公司', '\u200b', '分公司', '北京分公司', '\ud800',
    ];
    for (const v of values) {
      const r = normalizeCompany(v);
      expect(['ok', 'missing', 'invalid']).toContain(r.status);
      if (r.status === 'ok') expect(r.key).toBeTruthy();
      else expect(r.value).toBeNull();
    }
    expect(normalizeCompany(360).status).toBe('invalid');
    expect(normalizeCompany(true).status).toBe('invalid');
    expect(normalizeCompany({ error: '#REF!' }).status).toBe('invalid');
    expect(normalizeCompany(null).status).toBe('missing');
  });
});
