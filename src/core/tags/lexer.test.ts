import { RuleSyntaxError } from './errors';
import { Mode, Scanner, Token } from './lexer';

const NAMES = ['累计消费金额', '购买频次', '性别', '地区', '是否购买过', 'Total spend'];

function scan(text: string, modes: Mode[]): Token[] {
  const s = new Scanner(text, NAMES);
  return modes.map((m) => s.next(m));
}

function one(text: string, mode: Mode = 'operand'): Token {
  return new Scanner(text, NAMES).peek(mode);
}

function num(text: string): number | undefined {
  const t = one(text);
  expect(t.kind).toBe('number');
  expect(t.end).toBe(text.length);
  return t.num;
}

function lexError(text: string, mode: Mode = 'operand'): RuleSyntaxError {
  try {
    one(text, mode);
  } catch (e) {
    if (e instanceof RuleSyntaxError) return e;
  }
  throw new Error(`no error for ${text}`);
}

describe('numbers', () => {
  it('reads plain, grouped, decimal and leading-dot numbers', () => {
    expect(num('5000')).toBe(5000);
    expect(num('5,000')).toBe(5000);
    expect(num('1,234,567.5')).toBe(1234567.5);
    expect(num('0.25')).toBe(0.25);
    expect(num('.5')).toBe(0.5);
    expect(num('５０００')).toBe(5000);
  });

  it('applies 十/百/千/万/亿 and k/w exactly, by shifting the decimal point', () => {
    expect(num('1.1万')).toBe(11000);
    expect(num('1.5 万')).toBe(15000);
    expect(num('5千')).toBe(5000);
    expect(num('3百')).toBe(300);
    expect(num('2亿')).toBe(200000000);
    expect(num('5千万')).toBe(50000000);
    expect(num('5k')).toBe(5000);
    expect(num('5K')).toBe(5000);
    expect(num('3w')).toBe(30000);
  });

  it('reads percentages as fractions', () => {
    expect(num('12%')).toBe(0.12);
    expect(num('12.5％')).toBe(0.125);
  });

  it('skips a unit that changes nothing', () => {
    expect(num('5000元')).toBe(5000);
    expect(num('30 天')).toBe(30);
    expect(num('30 days')).toBe(30);
    expect(num('1.5万元')).toBe(15000);
  });

  it('does not take a comma as a thousands separator unless exactly three digits follow, nor a full-width comma', () => {
    expect(scan('100,20', ['operand', 'operator', 'operand']).map((t) => t.text)).toEqual(['100', ',', '20']);
    expect(scan('1，000', ['operand', 'operator', 'operand']).map((t) => t.text)).toEqual(['1', '，', '000']);
    expect(scan('1000,000', ['operand', 'operator', 'operand']).map((t) => t.text)).toEqual(['1000', ',', '000']);
  });

  it('keeps k as a letter when a word goes on (5kg is not 5000)', () => {
    const t = one('5kg');
    expect(t.text).toBe('5');
  });
});

describe('dates', () => {
  it('reads - / . and 年月日 forms as days since 1970-01-01', () => {
    const day = Date.UTC(2024, 0, 15) / 86_400_000;
    for (const text of ['2024-01-15', '2024/1/15', '2024.01.15', '2024年1月15日', '2024年01月15号']) {
      const t = one(text);
      expect([t.kind, t.num, t.end]).toEqual(['date', day, text.length]);
    }
  });

  it('rejects a date that does not exist', () => {
    const e = lexError('2023-02-29');
    expect(e.detail).toMatchObject({ code: 'invalidDate', start: 0, end: 10, found: '2023-02-29' });
    expect(lexError('2024-13-01').detail.code).toBe('invalidDate');
    expect(one('2024-02-29').kind).toBe('date');
  });

  it('leaves a year alone as a number', () => {
    expect(one('2024').kind).toBe('number');
  });
});

describe('strings and quoted names', () => {
  it('reads every quote style and keeps the text as typed', () => {
    for (const [text, value] of [
      ['"Beijing"', 'Beijing'],
      ["'上海'", '上海'],
      ['“广州”', '广州'],
      ['‘深圳’', '深圳'],
      ['「北京 朝阳」', '北京 朝阳'],
      ['『杭州』', '杭州'],
      ['＂VIP＂', 'VIP'],
    ]) {
      const t = one(text);
      expect([t.kind, t.value, t.end]).toEqual(['string', value, text.length]);
    }
  });

  it('reads backticks as a quoted field name', () => {
    expect(one('`Total spend`')).toMatchObject({ kind: 'quotedName', value: 'Total spend' });
  });

  it('reports an unclosed quote at the opening quote', () => {
    expect(lexError('「北京').detail).toMatchObject({ code: 'unterminatedString', start: 0, end: 1, found: '「' });
  });
});

describe('words and Chinese written without spaces', () => {
  it('splits a known field name from the operator word after it', () => {
    const toks = scan('累计消费金额大于5000且购买频次>=3', ['operand', 'operator', 'operand', 'operator', 'operand', 'operator', 'operand']);
    expect(toks.map((t) => [t.kind, t.text])).toEqual([
      ['word', '累计消费金额'],
      ['cmp', '大于'],
      ['number', '5000'],
      ['and', '且'],
      ['word', '购买频次'],
      ['cmp', '>='],
      ['number', '3'],
    ]);
  });

  it('splits a known name before a one-character operator word (性别为女)', () => {
    expect(scan('性别为女', ['operand', 'operator', 'operand']).map((t) => t.text)).toEqual(['性别', '为', '女']);
  });

  it('does not split a name out of a longer word (地区中心 is one word)', () => {
    expect(one('地区中心 = 1').text).toBe('地区中心');
  });

  it('ends an unknown word at 且 / 或 and multi-character operator words, not at 和 / 是 inside place names', () => {
    expect(scan('北京且', ['operand', 'operator']).map((t) => [t.kind, t.text])).toEqual([['word', '北京'], ['and', '且']]);
    expect(scan('北京或者上海', ['operand', 'operator']).map((t) => [t.kind, t.text])).toEqual([['word', '北京'], ['or', '或者']]);
    expect(scan('北京大于', ['operand', 'operator']).map((t) => [t.kind, t.text])).toEqual([['word', '北京'], ['cmp', '大于']]);
    expect(one('天津市和平区').text).toBe('天津市和平区');
    expect(one('和平区').text).toBe('和平区');
  });

  it('matches a name with a space in it, ignoring case', () => {
    expect(one('total spend > 5').text).toBe('total spend');
  });

  it('keeps Latin words and CJK apart in a Latin word', () => {
    expect(one('region地区').text).toBe('region');
    expect(one('last_purchase_date').text).toBe('last_purchase_date');
  });
});

describe('operand mode', () => {
  it('reads NOT in every form', () => {
    for (const text of ['非 地区', '不是 地区', 'not 地区', 'NOT 地区', '! 地区', '！地区', '非地区']) {
      expect(one(text).kind).toBe('not');
    }
  });

  it('reads 非 / 不是 as the start of a word when no name follows (非洲, 不是会员)', () => {
    expect(one('非洲')).toMatchObject({ kind: 'word', text: '非洲' });
    expect(one('不是会员')).toMatchObject({ kind: 'word', text: '不是会员' });
  });

  it('reads brackets of every width and a unary minus', () => {
    expect(['(', '（', '[', '【'].map((c) => one(c).kind)).toEqual(['lparen', 'lparen', 'lparen', 'lparen']);
    expect([')', '）', ']', '】'].map((c) => one(c, 'operator').kind)).toEqual(['rparen', 'rparen', 'rparen', 'rparen']);
    expect(one('-5')).toMatchObject({ kind: 'arith', arith: '-' });
  });

  it('reports a character it cannot read', () => {
    expect(lexError('#').detail).toMatchObject({ code: 'unexpectedChar', start: 0, end: 1, found: '#' });
    expect(lexError('"abc').detail).toMatchObject({ code: 'unterminatedString', start: 0, found: '"' });
  });
});

describe('operator mode', () => {
  const op = (text: string) => {
    const t = one(text, 'operator');
    expect(t.end).toBe(text.length);
    return t.kind === 'cmp' ? t.cmp : t.kind === 'match' ? `${t.negated ? 'not ' : ''}${t.match}` : `${t.kind}${t.negated ? '-' : ''}`;
  };

  it('maps every comparison symbol and word to its operator', () => {
    const table: Record<string, string[]> = {
      '>': ['>', '＞', '大于', '高于', '超过', '多于'],
      '>=': ['>=', '≥', '⩾', '＞＝', '大于等于', '大于或等于', '不少于', '不低于', '不小于', '至少', '最少'],
      '<': ['<', '＜', '小于', '低于', '少于', '不足'],
      '<=': ['<=', '≤', '⩽', '小于等于', '小于或等于', '不超过', '不多于', '不高于', '不大于', '至多', '最多'],
      '=': ['=', '==', '＝', '等于', '是', '为', 'is', 'IS'],
      '!=': ['!=', '<>', '≠', '！＝', '不等于', '不是', '不为', 'is not', 'is  not'],
    };
    for (const [expected, forms] of Object.entries(table)) {
      for (const f of forms) expect([f, op(f)]).toEqual([f, expected]);
    }
  });

  it('reads match, list, range and null words', () => {
    const table: Record<string, string[]> = {
      contains: ['包含', '含有', '包括', 'contains'],
      'not contains': ['不包含', '不含', '不包括', 'not contains', 'does not contain'],
      startsWith: ['开头是', '开头为', 'starts with'],
      endsWith: ['结尾是', '结尾为', 'ends with'],
      in: ['属于', '在', 'in', 'IN'],
      'in-': ['不属于', '不在', 'not in'],
      between: ['介于', 'between'],
      'between-': ['不介于', 'not between'],
      to: ['到', '至', '~', '～', 'to'],
      betweenEnd: ['之间'],
      isNull: ['为空', '是空', 'is null', 'is empty'],
      'isNull-': ['不为空', '非空', '不是空', 'is not null', 'is not empty'],
      and: ['且', '并且', '而且', '同时', '和', '与', 'and', 'AND', '&&', '＆＆'],
      or: ['或', '或者', 'or', '||', '｜｜'],
      arrow: ['=>', '->', '→', '⇒', '＝＞'],
      comma: [',', '，', '、', ';'],
    };
    for (const [expected, forms] of Object.entries(table)) {
      for (const f of forms) expect([f, op(f)]).toEqual([f, expected]);
    }
  });

  it('reads arithmetic', () => {
    expect(['+', '-', '*', '×', '/', '÷'].map((c) => one(c, 'operator').arith)).toEqual(['+', '-', '*', '*', '/', '/']);
  });

  it('does not take a Latin keyword out of a longer word', () => {
    expect(one('android', 'operator')).toMatchObject({ kind: 'word', text: 'android' });
    expect(one('island', 'operator')).toMatchObject({ kind: 'word', text: 'island' });
  });

  it('reads a non-operator anyway, so the parser can say what it found', () => {
    expect(one('5000', 'operator')).toMatchObject({ kind: 'number', text: '5000' });
  });

  it('gives the end of the text as eof', () => {
    expect(one('   ', 'operator')).toMatchObject({ kind: 'eof', start: 3 });
  });
});
