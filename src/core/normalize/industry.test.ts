import { CellValue } from '../cell';
import { GBT4754_SECTIONS, normalizeIndustry } from './industry';

const NAME: Record<string, string> = {
  A: '农、林、牧、渔业', B: '采矿业', C: '制造业', D: '电力、热力、燃气及水生产和供应业', E: '建筑业', F: '批发和零售业',
  G: '交通运输、仓储和邮政业', H: '住宿和餐饮业', I: '信息传输、软件和信息技术服务业', J: '金融业', K: '房地产业',
  L: '租赁和商务服务业', M: '科学研究和技术服务业', N: '水利、环境和公共设施管理业', O: '居民服务、修理和其他服务业',
  P: '教育', Q: '卫生和社会工作', R: '文化、体育和娱乐业', S: '公共管理、社会保障和社会组织', T: '国际组织',
};

function sectionOf(v: CellValue): string | undefined {
  return normalizeIndustry(v).code;
}

describe('the GB/T 4754-2017 table', () => {
  it('has the 20 sections A–T with their official names, covering divisions 01–97 without gaps', () => {
    expect(GBT4754_SECTIONS.map((s) => s.code).join('')).toBe('ABCDEFGHIJKLMNOPQRST');
    for (const s of GBT4754_SECTIONS) expect(s.name).toBe(NAME[s.code]);
    let next = 1;
    for (const s of GBT4754_SECTIONS) {
      expect(s.divisions[0]).toBe(next);
      next = s.divisions[1] + 1;
    }
    expect(next).toBe(98);
  });
});

describe('normalizeIndustry: official names and codes', () => {
  it.each(Object.entries(NAME))('%s: the official name and the letter both map to it', (code, name) => {
    expect(normalizeIndustry(name)).toEqual({ value: name, status: 'ok', code });
    expect(normalizeIndustry(code)).toEqual({ value: name, status: 'ok', code });
    expect(normalizeIndustry(code.toLowerCase())).toMatchObject({ value: name, code });
  });

  it('reads the official name without its punctuation, and traditional characters', () => {
    expect(sectionOf('农林牧渔业')).toBe('A');
    expect(sectionOf('信息传输,软件和信息技术服务业')).toBe('I');
    expect(sectionOf('金融業')).toBe('J');
    expect(sectionOf('ｃ')).toBe('C');
  });

  it('reads letters written as categories', () => {
    expect(sectionOf('C类')).toBe('C');
    expect(sectionOf('门类 F')).toBe('F');
  });

  it('reads division and class codes, with or without their letter, as text or number', () => {
    expect(normalizeIndustry('36')).toMatchObject({ value: '制造业', code: 'C', status: 'ok' });
    expect(sectionOf('C36')).toBe('C');
    expect(sectionOf('I6510')).toBe('I');
    expect(sectionOf('01')).toBe('A');
    expect(sectionOf(70)).toBe('K');
    expect(sectionOf(97)).toBe('T');
    expect(normalizeIndustry(36).note).toContain('36');
  });

  it('does not trust a letter that disagrees with its digits, nor a division that does not exist', () => {
    for (const v of ['A36', '99', 'C00', 0, 98, 1.5]) {
      expect(normalizeIndustry(v)).toMatchObject({ value: '其他', status: 'invalid' });
    }
  });
});

describe('normalizeIndustry: everyday words', () => {
  it.each([
    ['汽车制造', 'C'], ['汽车零部件', 'C'], ['食品加工', 'C'], ['制药', 'C'], ['芯片', 'C'],
    ['银行', 'J'], ['保险', 'J'], ['证券', 'J'], ['证券公司', 'J'], ['基金', 'J'],
    ['医院', 'Q'], ['诊所', 'Q'], ['养老院', 'Q'],
    ['餐饮', 'H'], ['酒店', 'H'], ['火锅店', 'H'],
    ['物流', 'G'], ['快递', 'G'], ['仓储', 'G'],
    ['房地产开发', 'K'], ['物业', 'K'], ['物业管理', 'K'],
    ['学校', 'P'], ['培训', 'P'], ['幼儿园', 'P'],
    ['互联网', 'I'], ['IT', 'I'], ['IT行业', 'I'], ['软件', 'I'], ['云计算', 'I'],
    ['电商', 'F'], ['电子商务', 'F'], ['超市', 'F'], ['进出口贸易', 'F'],
    ['煤矿', 'B'], ['养殖', 'A'], ['供电', 'D'], ['自来水', 'D'], ['建筑工程', 'E'], ['装修', 'E'],
    ['广告', 'L'], ['人力资源', 'L'], ['律师事务所', 'L'], ['研发', 'M'], ['检测', 'M'], ['环保', 'N'],
    ['家政', 'O'], ['汽车维修', 'O'], ['影视', 'R'], ['健身', 'R'], ['政府机关', 'S'], ['行业协会', 'S'],
    ['联合国', 'T'],
  ])('%s -> %s', (word, code) => {
    const r = normalizeIndustry(word);
    expect(r).toMatchObject({ status: 'ok', code, value: NAME[code] });
  });

  it.each([
    ['Manufacturing', 'C'], ['Finance', 'J'], ['Education', 'P'], ['Healthcare', 'Q'], ['Retail', 'F'],
    ['Real estate', 'K'], ['REAL  ESTATE', 'K'], ['Software', 'I'], ['E-commerce', 'F'], ['R&D', 'M'],
    ['Logistics', 'G'], ['Hospitality', 'H'], ['Banking', 'J'], ['Construction', 'E'], ['Mining', 'B'],
  ])('English: %s -> %s', (word, code) => {
    expect(sectionOf(word)).toBe(code);
  });

  it('matches Latin keywords as whole words only', () => {
    expect(sectionOf('Digital marketing')).toBe('L'); // not I from the "it" inside "digital"
    expect(sectionOf('Fruit farm')).toBe('A');
  });

  it('prefers the longest keyword', () => {
    expect(sectionOf('汽车制造')).toBe('C'); // over 汽车销售's parts and over 制造 alone
    expect(sectionOf('科技服务')).toBe('M'); // over 科技 (I)
    expect(sectionOf('房地产开发')).toBe('K');
    expect(sectionOf('information technology consulting')).toBe('I'); // the long phrase beats "consulting"
  });

  it('on equal length prefers the keyword that ends last (the head of a Chinese compound)', () => {
    expect(sectionOf('医疗器械销售')).toBe('F');
    expect(sectionOf('医疗器械制造')).toBe('C');
    expect(sectionOf('软件销售')).toBe('F');
    expect(sectionOf('航空制造')).toBe('C');
  });

  it('says which keyword decided when the text was not a keyword itself', () => {
    const r = normalizeIndustry('高端汽车制造企业');
    expect(r).toMatchObject({ code: 'C', status: 'ok' });
    expect(r.note).toContain('汽车制造');
    expect(normalizeIndustry('银行').note).toBeUndefined();
  });

  it('is deterministic: the same input always gives the same section', () => {
    const inputs = ['医疗器械销售', '广告传媒', '金融科技', '互联网教育', 'xyz'];
    const first = inputs.map((v) => normalizeIndustry(v));
    for (let round = 0; round < 3; round++) expect(inputs.map((v) => normalizeIndustry(v))).toEqual(first);
  });
});

describe('normalizeIndustry: not matched', () => {
  it('gives 其他 with status invalid and a note, the one invalid result with a value', () => {
    for (const v of ['xyz', '不知道干啥的', '其他', '未知', 'N/A']) {
      const r = normalizeIndustry(v);
      expect(r).toMatchObject({ value: '其他', status: 'invalid' });
      expect(r.code).toBeUndefined();
      expect(r.note).toBeTruthy();
    }
  });

  it('keeps blanks missing and Excel errors invalid without a value', () => {
    expect(normalizeIndustry('  ')).toMatchObject({ value: null, status: 'missing' });
    expect(normalizeIndustry(null)).toMatchObject({ value: null, status: 'missing' });
    expect(normalizeIndustry({ error: '#N/A' })).toMatchObject({ value: null, status: 'invalid' });
    expect(normalizeIndustry('#DIV/0!')).toMatchObject({ value: null, status: 'invalid' });
  });

  it('handles any cell value without throwing', () => {
    const values: CellValue[] = [true, false, new Date(0), new Date('x'), NaN, -Infinity, 1e20, '!!!', '\u200b', '\ud800', 'c'.repeat(5000)];
    for (const v of values) expect(['ok', 'missing', 'invalid']).toContain(normalizeIndustry(v).status);
    expect(normalizeIndustry(true)).toMatchObject({ value: '其他', status: 'invalid' });
  });

  it('returns a fresh object each time, so a caller changing it cannot change later answers', () => {
    const a = normalizeIndustry('银行');
    a.value = 'changed';
    expect(normalizeIndustry('银行').value).toBe('金融业');
  });
});
