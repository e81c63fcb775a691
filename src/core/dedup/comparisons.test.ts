import { compile, defaultComparisons, levelIds, levelOf } from './comparisons';
import { pinyinSoundKey } from './pinyin';
import { prepare } from './prepare';
import { DedupFieldKind } from './types';

/** The level id two values land on, for a field of the given kind. */
function level(kind: DedupFieldKind, x: string | null, y: string | null): string {
  const input = { fields: [{ name: 'f', kind }], rows: [[x], [y]] };
  const [cc] = compile(prepare(input, pinyinSoundKey), defaultComparisons(input.fields));
  return levelIds(cc.comparison)[levelOf(cc, 0, 1)];
}

describe('comparison levels', () => {
  it('missing on either side is its own level', () => {
    expect(level('personName', null, '张伟')).toBe('missing');
    expect(level('phone', '13812345678', '')).toBe('missing');
  });

  it('names: exact, folded, same pinyin, fuzzy bands, initials, else', () => {
    expect(level('personName', '张伟', '张伟')).toBe('exact');
    expect(level('personName', '张伟', '张 伟')).toBe('folded');
    expect(level('personName', '张伟', '張偉')).toBe('folded'); // traditional = simplified
    expect(level('company', '腾达科技', '騰達科技')).toBe('folded');
    expect(level('personName', '王鑫', '王新')).toBe('pinyin');
    expect(level('givenName', 'jonathon', 'jonathan')).toBe('jaroWinkler>=0.95');
    expect(level('surname', 'dwayne', 'duane')).toBe('jaroWinkler>=0.7');
    expect(level('personName', '张伟', '张玮伟')).toBe('levenshtein<=1');
    expect(level('givenName', 'j', 'john')).toBe('initials');
    expect(level('personName', '张伟', '李娜')).toBe('else');
  });

  it('dates: one digit off, day and month swapped, same year and month', () => {
    expect(level('date', '1985-03-12', '1985-03-12')).toBe('exact');
    expect(level('date', '1985-03-12', '1985-03-13')).toBe('dateTypo');
    expect(level('date', '1985-03-12', '1985-12-03')).toBe('dateSwap');
    expect(level('date', '19850312', '19850328')).toBe('dateYearMonth');
    expect(level('date', '1985-03-12', '1990-07-01')).toBe('else');
  });

  it('phones, emails, ids', () => {
    expect(level('phone', '01012345678', '12345678')).toBe('digitsSuffix8');
    expect(level('phone', '13812345678', '13812345679')).toBe('levenshtein<=1');
    expect(level('email', 'zhang.wei@qq.com', 'zhang.wei@163.com')).toBe('emailLocal');
    expect(level('email', 'zhangwei@qq.com', 'zhangwel@qq.com')).toBe('levenshtein<=1');
    expect(level('email', 'sales@tengda.com', 'info@tengda.com')).toBe('emailDomain');
    expect(level('email', 'lina@qq.com', 'wangfang@qq.com')).toBe('else'); // a public provider says nothing
    expect(level('id', '1234567', '1234576')).toBe('levenshtein<=2');
    expect(level('id', '1234567', '7654321')).toBe('else');
  });

  it('companies and addresses: same words in another order', () => {
    expect(level('address', 'tullaroop street', 'street tullaroop')).toBe('tokens');
    expect(level('company', '深圳市 腾讯', '腾讯 深圳市')).toBe('tokens');
  });

  it('without a pinyin key, homophones are simply different', () => {
    const input = { fields: [{ name: 'f', kind: 'personName' as const }], rows: [['王鑫'], ['王新']] };
    const [cc] = compile(prepare(input, null), defaultComparisons(input.fields));
    expect(levelIds(cc.comparison)[levelOf(cc, 0, 1)]).not.toBe('pinyin');
  });
});
