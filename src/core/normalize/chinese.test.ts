import { toSimplified } from './chinese';

describe('toSimplified', () => {
  it.each([
    ['騰達科技', '腾达科技'],
    ['張偉', '张伟'],
    ['臺灣', '台湾'],
    ['香港滙豐銀行', '香港汇丰银行'],
    ['衞生', '卫生'], // Hong Kong variant
    ['峯', '峰'], // Taiwan variant
    ['歐陽', '欧阳'],
  ])('%s -> %s', (traditional, simplified) => {
    expect(toSimplified(traditional)).toBe(simplified);
  });

  it('leaves simplified text alone, including characters a Taiwan converter would change (么 -> 幺)', () => {
    for (const s of ['腾达科技有限公司', '那么', '么', '才', '著名', '乾隆', '台州']) expect(toSimplified(s)).toBe(s);
  });

  it('leaves text without Chinese unchanged', () => {
    expect(toSimplified('Tencent Holdings Ltd.')).toBe('Tencent Holdings Ltd.');
    expect(toSimplified('')).toBe('');
  });

  it('converts mixed text and keeps the rest', () => {
    expect(toSimplified('Tenda 騰達 (HK) 有限公司')).toBe('Tenda 腾达 (HK) 有限公司');
  });

  it('gives the same answer from its memo as on the first call', () => {
    const first = toSimplified('國際貿易');
    expect(toSimplified('國際貿易')).toBe(first);
    expect(first).toBe('国际贸易');
  });
});

describe('toSimplified shortcut', () => {
  // The converter itself, without the shortcut and the memo, as the reference.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const OpenCC = require('opencc-js/t2cn') as typeof import('opencc-js');
  const reference = OpenCC.Converter({ from: 'hk', to: 'cn' });

  it('agrees with the plain converter on every BMP CJK character and on CJK compatibility ideographs', () => {
    const differ: string[] = [];
    const check = (from: number, to: number) => {
      for (let c = from; c <= to; c++) {
        const s = String.fromCharCode(c);
        if (toSimplified(s) !== reference(s)) differ.push(s);
      }
    };
    check(0x3400, 0x9fff);
    check(0xf900, 0xfaff);
    expect(differ).toEqual([]);
  });

  it('agrees with the plain converter on generated mixed text, including protected phrases', () => {
    const pool = [
      '腾达', '騰達', '科技', '有限公司', '天台', '人才', '乾隆', '乾淨', '么', '那麼', '什么', '吃', '喫飯', '台', '臺',
      '裏', '著名', '着', '後', '发', '髮', '面', '麵', '張', '王', ' ', 'A', '1', '·', '（', '）', '鍾', '於', '坏',
    ];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % pool.length;
    for (let i = 0; i < 3000; i++) {
      let s = '';
      for (let k = 0; k < 1 + (i % 8); k++) s += pool[next()];
      expect(toSimplified(s)).toBe(reference(s));
    }
  });
});
