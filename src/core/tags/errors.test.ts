import { RuleError, caretLine, formatRuleError, ruleErrorDetail } from './errors';

const at = (start: number, end: number, extra: Partial<RuleError> = {}): RuleError => ({
  code: 'expected',
  expected: 'comparison',
  found: 'x',
  ...extra,
  start,
  end,
  column: start + 1,
});

describe('caretLine', () => {
  it('counts a CJK character as two columns and marks the whole span', () => {
    expect(caretLine('累计消费金额 5000', at(7, 11))).toBe(' '.repeat(13) + '^^^^');
    expect(caretLine('地区 = 北京', at(5, 7))).toBe(' '.repeat(7) + '^^^^');
    expect(caretLine('a\tb', at(2, 3))).toBe(' \t^');
  });

  it('shows one caret at the end of the text for an error there', () => {
    expect(caretLine('购买频次 >', at(6, 6))).toBe(' '.repeat(10) + '^');
  });
});

describe('formatRuleError', () => {
  it('puts the 1-based column first, except for an empty or too long rule', () => {
    expect(formatRuleError(at(11, 15, { found: '5000' }))).toBe('第 12 个字符处：期望一个比较符号（>、>=、=…），却是「5000」');
    expect(formatRuleError(at(11, 15, { found: '5000' }), 'en-US')).toBe("at column 12: expected a comparison operator, found '5000'");
    expect(formatRuleError({ code: 'empty', start: 0, end: 0, column: 1 })).not.toMatch(/字符处/);
    expect(formatRuleError({ code: 'tooLong', start: 0, end: 9, column: 1, limit: 5, actual: 9 }, 'en-US')).toBe(
      'the rule is too long (9 characters); the limit is 5',
    );
  });

  it('defaults to zh-CN and clips a long found text', () => {
    const detail = ruleErrorDetail(at(0, 40, { code: 'trailing', found: '一二三四五六七八九十'.repeat(4) }));
    expect(detail).toBe('条件在此之前已经完整，多出了「一二三四五六七八九十一二三四五六七八九十一二三…」；是不是少了「且」或「或」？');
  });

  it('names each expected thing in both languages', () => {
    const zh = ['value', 'condition', 'rparen', 'list', 'listSep', 'rangeSep', 'comparison'].map((e) =>
      ruleErrorDetail(at(0, 1, { expected: e as RuleError['expected'], found: null })),
    );
    expect(new Set(zh).size).toBe(7);
    for (const m of zh) expect(m).toMatch(/^期望.+，却是规则结尾$/);
    const en = ['value', 'condition', 'rparen', 'list', 'listSep', 'rangeSep', 'comparison'].map((e) =>
      ruleErrorDetail(at(0, 1, { expected: e as RuleError['expected'], found: null }), 'en-US'),
    );
    for (const m of en) expect(m).toMatch(/^expected .+, found the end of the rule$/);
  });
});
