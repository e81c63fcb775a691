import type { Node, ParsedRule } from './ast';
import { FieldCatalogue } from './catalogue';
import { RuleError, caretLine, formatRuleError } from './errors';
import { ParseOptions, parseRule } from './parser';

/** The tree as a compact S-expression, so a test states the structure it expects. */
function show(n: Node): string {
  switch (n.kind) {
    case 'field':
      return n.id;
    case 'literal':
      if (n.type === 'text') return JSON.stringify(n.value);
      if (n.type === 'date') return new Date((n.value as number) * 86_400_000).toISOString().slice(0, 10);
      return String(n.value);
    case 'today':
      return 'today';
    case 'daysSince':
      return `(days ${show(n.arg)})`;
    case 'arith':
      return `(${n.op} ${show(n.left)} ${show(n.right)})`;
    case 'negate':
      return `(neg ${show(n.operand)})`;
    case 'compare':
      return `(${n.op} ${show(n.left)} ${show(n.right)})`;
    case 'match':
      return `(${n.negated ? 'not-' : ''}${n.op} ${show(n.left)} ${show(n.right)})`;
    case 'in':
      return `(${n.negated ? 'not-' : ''}in ${show(n.left)} [${n.items.map(show).join(' ')}])`;
    case 'between':
      return `(${n.negated ? 'not-' : ''}between ${show(n.left)} ${show(n.low)} ${show(n.high)})`;
    case 'isNull':
      return `(${n.negated ? 'not-' : ''}null ${show(n.operand)})`;
    case 'truthy':
      return `(? ${show(n.operand)})`;
    case 'and':
    case 'or':
      return `(${n.kind} ${show(n.left)} ${show(n.right)})`;
    case 'not':
      return `(not ${show(n.operand)})`;
  }
}

function parsed(text: string, options?: ParseOptions): ParsedRule {
  const r = parseRule(text, options);
  if (!r.ok) throw new Error(`${text}\n${formatRuleError(r.error)}`);
  return r.rule;
}

const tree = (text: string, options?: ParseOptions) => show(parsed(text, options).condition);

function failure(text: string, options?: ParseOptions): RuleError {
  const r = parseRule(text, options);
  if (r.ok) throw new Error(`parsed, but should not: ${text}`);
  return r.error;
}

describe('comparisons', () => {
  it('reads symbols, full-width symbols and words in both languages', () => {
    expect(tree('累计消费金额 >= 5000')).toBe('(>= totalSpend 5000)');
    expect(tree('累计消费金额 ≥ 5000')).toBe('(>= totalSpend 5000)');
    expect(tree('累计消费金额＞＝5000')).toBe('(>= totalSpend 5000)');
    expect(tree('累计消费金额不少于5000')).toBe('(>= totalSpend 5000)');
    expect(tree('累计消费金额 至少 5000')).toBe('(>= totalSpend 5000)');
    expect(tree('total_spend >= 5000')).toBe('(>= totalSpend 5000)');
    expect(tree('totalSpend>=5000')).toBe('(>= totalSpend 5000)');
    expect(tree('购买频次 大于 3')).toBe('(> frequency 3)');
    expect(tree('购买频次 小于 3')).toBe('(< frequency 3)');
    expect(tree('购买频次 不超过 3')).toBe('(<= frequency 3)');
    expect(tree('购买频次 等于 3')).toBe('(= frequency 3)');
    expect(tree('购买频次 == 3')).toBe('(= frequency 3)');
    expect(tree('购买频次 不等于 3')).toBe('(!= frequency 3)');
    expect(tree('购买频次 <> 3')).toBe('(!= frequency 3)');
    expect(tree('购买频次 ≠ 3')).toBe('(!= frequency 3)');
    expect(tree('购买频次 ≤ 3')).toBe('(<= frequency 3)');
  });

  it('resolves fields by zh name, en name, id and alias, ignoring case and width', () => {
    for (const name of ['最近购买天数', 'recency_days', 'recencyDays', 'RECENCY_DAYS', 'R', 'recency', 'Recency Days', '`recency days`']) {
      expect([name, tree(`${name} > 90`)]).toEqual([name, '(> recencyDays 90)']);
    }
  });

  it('reads text values quoted or bare, and 是/为/不是 between a field and a value', () => {
    expect(tree('地区 = 北京')).toBe('(= region "北京")');
    expect(tree('地区="北京"')).toBe('(= region "北京")');
    expect(tree('地区 = 「北京 朝阳」')).toBe('(= region "北京 朝阳")');
    expect(tree('性别为女')).toBe('(= gender "女")');
    expect(tree('性别 是 男')).toBe('(= gender "男")');
    expect(tree('地区 不是 北京')).toBe('(!= region "北京")');
    expect(tree('region is Beijing')).toBe('(= region "Beijing")');
    expect(tree('region is not Beijing')).toBe('(!= region "Beijing")');
    expect(tree('地区 = 和平区')).toBe('(= region "和平区")');
    expect(tree('地区 = 非洲')).toBe('(= region "非洲")');
  });

  it('compares two fields of the same type', () => {
    expect(tree('近12个月消费额 > 累计消费金额')).toBe('(> spend12m totalSpend)');
    expect(tree('地区 = 城市')).toBe('(= region city)');
  });

  it('reads a quoted number, date or yes/no on the other side as that type', () => {
    expect(tree('购买频次 = "3"')).toBe('(= frequency 3)');
    expect(tree('最近购买日期 > "2024-01-01"')).toBe('(> lastPurchase 2024-01-01)');
    expect(tree('流失风险 = 是')).toBe('(= churnRisk true)');
    expect(tree('流失风险 = 否')).toBe('(= churnRisk false)');
    expect(tree('churn_risk = "yes"')).toBe('(= churnRisk true)');
    expect(tree('流失风险 != false')).toBe('(!= churnRisk false)');
  });
});

describe('numbers, dates and today', () => {
  it('reads 万/千/k, commas, percentages and units', () => {
    expect(tree('累计消费金额 >= 1.5万')).toBe('(>= totalSpend 15000)');
    expect(tree('累计消费金额 >= 5千')).toBe('(>= totalSpend 5000)');
    expect(tree('累计消费金额 >= 5k')).toBe('(>= totalSpend 5000)');
    expect(tree('累计消费金额 >= 5,000')).toBe('(>= totalSpend 5000)');
    expect(tree('累计消费金额 >= 5000元')).toBe('(>= totalSpend 5000)');
    expect(tree('最近购买天数 <= 30 天')).toBe('(<= recencyDays 30)');
    expect(tree('客单价 > 12%')).toBe('(> avgOrderValue 0.12)');
    expect(tree('购买频次 > -1')).toBe('(> frequency -1)');
  });

  it('reads dates, 今天/today and date arithmetic', () => {
    expect(tree('最近购买日期 >= 2024-01-01')).toBe('(>= lastPurchase 2024-01-01)');
    expect(tree('最近购买日期 >= 2024年1月1日')).toBe('(>= lastPurchase 2024-01-01)');
    expect(tree('最近购买日期 < 今天 - 30')).toBe('(< lastPurchase (- today 30))');
    expect(tree('last_purchase_date < today - 30')).toBe('(< lastPurchase (- today 30))');
    expect(tree('今天 - 最近购买日期 > 30')).toBe('(> (- today lastPurchase) 30)');
    expect(tree('首次购买日期 + 30 > 今天')).toBe('(> (+ firstPurchase 30) today)');
  });

  it('reads the days-since function in both languages', () => {
    expect(tree('天数(最近购买日期) > 30')).toBe('(> (days lastPurchase) 30)');
    expect(tree('距今天数（最近购买日期）> 30')).toBe('(> (days lastPurchase) 30)');
    expect(tree('days_since(last_purchase_date) > 30')).toBe('(> (days lastPurchase) 30)');
    expect(tree('天数("2024-01-01") > 30')).toBe('(> (days 2024-01-01) 30)');
  });

  it('reads arithmetic with * / before + -', () => {
    expect(tree('客单价 * 购买频次 + 1 > 100')).toBe('(> (+ (* avgOrderValue frequency) 1) 100)');
    expect(tree('客单价 + 购买频次 × 2 > 100')).toBe('(> (+ avgOrderValue (* frequency 2)) 100)');
    expect(tree('(客单价 + 购买频次) / 2 > 100')).toBe('(> (/ (+ avgOrderValue frequency) 2) 100)');
    expect(tree('-购买频次 < 0')).toBe('(< (neg frequency) 0)');
  });
});

describe('logic and precedence (NOT > AND > OR)', () => {
  it('binds AND tighter than OR', () => {
    expect(tree('购买频次 > 1 或 购买频次 < 5 且 地区 = 北京')).toBe(
      '(or (> frequency 1) (and (< frequency 5) (= region "北京")))',
    );
    expect(tree('购买频次 > 1 and 购买频次 < 5 or 地区 = 北京')).toBe(
      '(or (and (> frequency 1) (< frequency 5)) (= region "北京"))',
    );
  });

  it('binds NOT tighter than AND, and looser than a comparison', () => {
    expect(tree('非 地区 = 北京 且 购买频次 > 1')).toBe('(and (not (= region "北京")) (> frequency 1))');
    expect(tree('not 流失风险 or 购买频次 > 1')).toBe('(or (not (? churnRisk)) (> frequency 1))');
    expect(tree('!流失风险 && 购买频次 > 1')).toBe('(and (not (? churnRisk)) (> frequency 1))');
    expect(tree('非 非 流失风险')).toBe('(not (not (? churnRisk)))');
  });

  it('groups with parentheses of either width', () => {
    expect(tree('(购买频次 > 1 或 购买频次 < 5) 且 地区 = 北京')).toBe(
      '(and (or (> frequency 1) (< frequency 5)) (= region "北京"))',
    );
    expect(tree('（购买频次 ＞ 1 或 购买频次 ＜ 5）且 地区 ＝ 北京')).toBe(
      '(and (or (> frequency 1) (< frequency 5)) (= region "北京"))',
    );
    expect(tree('不是 (地区 = 北京)')).toBe('(not (= region "北京"))');
    expect(tree('非(地区=北京)')).toBe('(not (= region "北京"))');
  });

  it('reads every AND and OR word', () => {
    for (const and of ['且', '并且', '而且', '同时', '和', '与', 'and', 'AND', '&&']) {
      expect(tree(`购买频次 > 1 ${and} 地区 = 北京`)).toBe('(and (> frequency 1) (= region "北京"))');
    }
    for (const or of ['或', '或者', 'or', '||']) {
      expect(tree(`购买频次 > 1 ${or} 地区 = 北京`)).toBe('(or (> frequency 1) (= region "北京"))');
    }
  });

  it('reads rules typed without spaces', () => {
    expect(tree('累计消费金额>=5000且购买频次>=3')).toBe('(and (>= totalSpend 5000) (>= frequency 3))');
    expect(tree('累计消费金额大于5000或地区=北京')).toBe('(or (> totalSpend 5000) (= region "北京"))');
    expect(tree('地区=北京且购买频次>=3')).toBe('(and (= region "北京") (>= frequency 3))');
    expect(tree('非地区=北京')).toBe('(not (= region "北京"))');
  });

  it('takes a yes/no field as a condition on its own', () => {
    expect(tree('流失风险')).toBe('(? churnRisk)');
    expect(tree('是否购买过 且 流失风险')).toBe('(and (? hasPurchased) (? churnRisk))');
  });
});

describe('chained comparisons', () => {
  it('reads a <= b < c as a <= b AND b < c', () => {
    expect(tree('1000 <= 累计消费金额 < 5000')).toBe('(and (<= 1000 totalSpend) (< totalSpend 5000))');
    expect(tree('1 < 购买频次 <= 客单价 < 100')).toBe(
      '(and (and (< 1 frequency) (<= frequency avgOrderValue)) (< avgOrderValue 100))',
    );
  });

  it('chains inside a larger condition with the usual precedence', () => {
    expect(tree('0 < 购买频次 < 3 或 流失风险')).toBe('(or (and (< 0 frequency) (< frequency 3)) (? churnRisk))');
  });
});

describe('lists, ranges, text matching and nulls', () => {
  it('reads IN lists with any bracket and separator', () => {
    expect(tree('地区 in (北京, 上海)')).toBe('(in region ["北京" "上海"])');
    expect(tree('地区 属于 (北京市，上海市)')).toBe('(in region ["北京市" "上海市"])');
    expect(tree('所属行业 不属于 [制造业、零售]')).toBe('(not-in industry ["制造业" "零售"])');
    expect(tree('地区 在 【北京; 上海;】')).toBe('(in region ["北京" "上海"])');
    expect(tree('region not in ("Beijing", "Shanghai")')).toBe('(not-in region ["Beijing" "Shanghai"])');
    expect(tree('购买频次 in (1, 2, 3)')).toBe('(in frequency [1 2 3])');
    expect(tree('地区 不在 (北京)')).toBe('(not-in region ["北京"])');
  });

  it('reads ranges (both ends included)', () => {
    expect(tree('累计消费金额 between 1000 and 5000')).toBe('(between totalSpend 1000 5000)');
    expect(tree('累计消费金额 介于 1000 到 5000')).toBe('(between totalSpend 1000 5000)');
    expect(tree('累计消费金额 介于 1000 和 5000 之间')).toBe('(between totalSpend 1000 5000)');
    expect(tree('累计消费金额 介于 1千~5千')).toBe('(between totalSpend 1000 5000)');
    expect(tree('累计消费金额在1000至5000之间')).toBe('(between totalSpend 1000 5000)');
    expect(tree('累计消费金额 not between 1000 and 5000')).toBe('(not-between totalSpend 1000 5000)');
    expect(tree('累计消费金额 不介于 1000 到 5000')).toBe('(not-between totalSpend 1000 5000)');
    expect(tree('最近购买日期 between 2024-01-01 and 2024-06-30')).toBe('(between lastPurchase 2024-01-01 2024-06-30)');
  });

  it('keeps the AND after a range for the range, and a second one for logic', () => {
    expect(tree('累计消费金额 between 1 and 5 and 购买频次 > 1')).toBe(
      '(and (between totalSpend 1 5) (> frequency 1))',
    );
  });

  it('reads contains / starts with / ends with, with numbers as their digits', () => {
    expect(tree('地区 包含 北')).toBe('(contains region "北")');
    expect(tree('地区 不包含 "北"')).toBe('(not-contains region "北")');
    expect(tree('联系电话 开头是 138')).toBe('(startsWith phone "138")');
    expect(tree('邮箱 结尾是 "qq.com"')).toBe('(endsWith email "qq.com")');
    expect(tree('email ends with "qq.com"')).toBe('(endsWith email "qq.com")');
    expect(tree('company does not contain "有限"')).toBe('(not-contains company "有限")');
  });

  it('reads is-null checks', () => {
    expect(tree('地区 为空')).toBe('(null region)');
    expect(tree('地区 不为空')).toBe('(not-null region)');
    expect(tree('地区非空')).toBe('(not-null region)');
    expect(tree('last_purchase_date is null')).toBe('(null lastPurchase)');
    expect(tree('region is not empty')).toBe('(not-null region)');
  });
});

describe('tags', () => {
  it('reads the tag after any arrow, quoted or not', () => {
    for (const arrow of ['=>', '->', '→', '⇒', '＝＞']) {
      expect(parsed(`购买频次 > 1 ${arrow} 老客户`).tag).toBe('老客户');
    }
    expect(parsed('购买频次 > 1 => "VIP 客户"').tag).toBe('VIP 客户');
    expect(parsed('购买频次 > 1 => 「老客户」').tag).toBe('老客户');
    expect(parsed('frequency > 1 -> repeat buyer').tag).toBe('repeat buyer');
    expect(parsed('流失风险 → 注意：高风险').tag).toBe('注意：高风险');
  });

  it('reads a tag before a colon', () => {
    const r = parsed('高价值客户: 累计消费金额 >= 5000 且 购买频次 >= 3');
    expect(r.tag).toBe('高价值客户');
    expect(show(r.condition)).toBe('(and (>= totalSpend 5000) (>= frequency 3))');
    expect(parsed('流失风险客户：最近购买天数 > 90').tag).toBe('流失风险客户');
  });

  it('has no tag when none is written, and lists the fields used', () => {
    const r = parsed('累计消费金额 >= 5000 且 购买频次 >= 3 且 累计消费金额 < 9000');
    expect(r.tag).toBeNull();
    expect(r.fields).toEqual(['totalSpend', 'frequency']);
  });
});

describe('another catalogue plugs in', () => {
  const catalogue: FieldCatalogue = {
    fields: [
      { id: 'spend', zh: '消费', en: 'spend', type: 'number' },
      { id: 'vip', zh: '会员', en: 'vip', type: 'boolean', aliases: ['是否会员'] },
    ],
  };

  it('resolves its names and types', () => {
    expect(tree('消费 > 1 且 是否会员', { catalogue })).toBe('(and (> spend 1) (? vip))');
  });

  it('does not know the view fields', () => {
    expect(failure('地区 = 北京', { catalogue }).code).toBe('unknownField');
  });
});

/**
 * Every error of the language, with its position and its message in both languages.
 * [rule, code, 1-based column, zh-CN message, en-US message]
 */
const ERRORS: [string, string, number, string, string][] = [
  ['', 'empty', 1, '规则是空的，请写一个条件，例如「累计消费金额 >= 5000 => 高价值客户」', "the rule is empty; write a condition such as 'total_spend >= 5000 => High value'"],
  ['   => 高价值', 'empty', 4, '规则是空的，请写一个条件，例如「累计消费金额 >= 5000 => 高价值客户」', "the rule is empty; write a condition such as 'total_spend >= 5000 => High value'"],
  ['高价值：', 'empty', 5, '规则是空的，请写一个条件，例如「累计消费金额 >= 5000 => 高价值客户」', "the rule is empty; write a condition such as 'total_spend >= 5000 => High value'"],
  ['购买频次 > 1' + ' '.repeat(1993), 'tooLong', 1, '规则太长（2001 个字符），最多 2000 个字符', 'the rule is too long (2001 characters); the limit is 2000'],
  ['('.repeat(33) + '流失风险' + ')'.repeat(33), 'tooDeep', 33, '第 33 个字符处：括号、「非」或负号嵌套超过 32 层', 'at column 33: parentheses, NOT or minus signs are nested more than 32 levels deep'],
  ['非 '.repeat(33) + '流失风险', 'tooDeep', 65, '第 65 个字符处：括号、「非」或负号嵌套超过 32 层', 'at column 65: parentheses, NOT or minus signs are nested more than 32 levels deep'],
  ['地区 = 北京 #', 'unexpectedChar', 9, '第 9 个字符处：无法识别的字符「#」', "at column 9: unrecognised character '#'"],
  ['地区 = "北京', 'unterminatedString', 6, '第 6 个字符处：引号「"」没有配对的结束引号', `at column 6: the quote '"' is never closed`],
  ['最近购买日期 >= 2023-02-29', 'invalidDate', 11, '第 11 个字符处：日期「2023-02-29」不存在', "at column 11: there is no such date as '2023-02-29'"],
  ['累计消费金额 5000', 'expected', 8, '第 8 个字符处：期望一个比较符号（>、>=、=…），却是「5000」', "at column 8: expected a comparison operator, found '5000'"],
  ['累计消费金额 >= 5000 且 购买频次 3', 'expected', 23, '第 23 个字符处：期望一个比较符号（>、>=、=…），却是「3」', "at column 23: expected a comparison operator, found '3'"],
  ['购买频次 >', 'expected', 7, '第 7 个字符处：期望一个值（数字、文字、日期或字段名），却是规则结尾', 'at column 7: expected a value (number, text, date or field name), found the end of the rule'],
  ['购买频次 > 1 且', 'expected', 11, '第 11 个字符处：期望一个条件（字段名、「非」或「(」），却是规则结尾', "at column 11: expected a condition (a field name, NOT or '('), found the end of the rule"],
  ['购买频次 > 1 或 且', 'expected', 12, '第 12 个字符处：期望一个条件（字段名、「非」或「(」），却是「且」', "at column 12: expected a condition (a field name, NOT or '('), found '且'"],
  ['地区 in 北京', 'expected', 7, '第 7 个字符处：期望用括号括起的列表，例如「(北京, 上海)」，却是「北京」', "at column 7: expected a list in brackets, e.g. '(Beijing, Shanghai)', found '北京'"],
  ['地区 in (北京 上海)', 'expected', 11, '第 11 个字符处：期望「,」或列表的右括号，却是「上海」', "at column 11: expected ',' or the list's closing bracket, found '上海'"],
  ['累计消费金额 介于 1000 5000', 'expected', 16, '第 16 个字符处：期望「到」「和」或「~」，却是「5000」', "at column 16: expected 'and', 'to' or '~', found '5000'"],
  ['天数(最近购买日期 > 3', 'expected', 11, '第 11 个字符处：期望「)」，却是「>」', "at column 11: expected ')', found '>'"],
  ['(购买频次 > 1 或 流失风险', 'unclosedParen', 17, '第 17 个字符处：缺少「)」来配对第 1 个字符处的「(」，却是规则结尾', "at column 17: missing ')' to close the '(' at column 1, found the end of the rule"],
  ['(购买频次 > 1 流失风险)', 'unclosedParen', 11, '第 11 个字符处：缺少「)」来配对第 1 个字符处的「(」，却是「流失风险」', "at column 11: missing ')' to close the '(' at column 1, found '流失风险'"],
  ['购买频次 > 1)', 'unmatchedParen', 9, '第 9 个字符处：多余的「)」：前面没有与它配对的左括号', "at column 9: unmatched ')': there is no opening bracket before it"],
  [')', 'unmatchedParen', 1, '第 1 个字符处：多余的「)」：前面没有与它配对的左括号', "at column 1: unmatched ')': there is no opening bracket before it"],
  ['购买频次 > 1 流失风险', 'trailing', 10, '第 10 个字符处：条件在此之前已经完整，多出了「流失风险」；是不是少了「且」或「或」？', "at column 10: the condition is already complete here; unexpected '流失风险' (missing 'and' or 'or'?)"],
  ['累计消费金 > 5000', 'unknownField', 1, '第 1 个字符处：没有名为「累计消费金」的字段，是不是想写「累计消费金额」？', "at column 1: there is no field named '累计消费金'; did you mean '累计消费金额'?"],
  ['totl_spend > 5000', 'unknownField', 1, '第 1 个字符处：没有名为「totl_spend」的字段，是不是想写「total_spend」？', "at column 1: there is no field named 'totl_spend'; did you mean 'total_spend'?"],
  ['近12月消费额 > 5000', 'unknownField', 1, '第 1 个字符处：没有名为「近12月消费额」的字段，是不是想写「近12个月消费额」？', "at column 1: there is no field named '近12月消费额'; did you mean '近12个月消费额'?"],
  ['1000 < 累计消费金 < 5000', 'unknownField', 8, '第 8 个字符处：没有名为「累计消费金」的字段，是不是想写「累计消费金额」？', "at column 8: there is no field named '累计消费金'; did you mean '累计消费金额'?"],
  ['北京 = 地区', 'unknownField', 1, '第 1 个字符处：没有名为「北京」的字段（文字值写在比较符号右边，或加引号）', "at column 1: there is no field named '北京' (text values go on the right of a comparison, or in quotes)"],
  ['`累计消费金` > 1', 'unknownField', 1, '第 1 个字符处：没有名为「累计消费金」的字段，是不是想写「累计消费金额」？', "at column 1: there is no field named '累计消费金'; did you mean '累计消费金额'?"],
  ['天树(最近购买日期) > 3', 'unknownFunction', 1, '第 1 个字符处：没有名为「天树」的函数，是不是想写「天数」？', "at column 1: there is no function named '天树'; did you mean '天数'?"],
  ['year(最近购买日期) > 2020', 'unknownFunction', 1, '第 1 个字符处：没有名为「year」的函数；可用的函数：天数(日期)', "at column 1: there is no function named 'year'; available: days_since(date)"],
  ['地区 = 5', 'typeMismatch', 6, '第 6 个字符处：「地区」是文字，「5」是数字，两者不能比较；若要按文字比较，请给「5」加引号', "at column 6: '地区' is text but '5' is a number; they cannot be compared; put '5' in quotes to compare it as text"],
  ['累计消费金额 > 北京', 'typeMismatch', 10, '第 10 个字符处：「累计消费金额」是数字，「北京」是文字，两者不能比较', "at column 10: '累计消费金额' is a number but '北京' is text; they cannot be compared"],
  ['最近购买日期 > 30', 'typeMismatch', 10, '第 10 个字符处：「最近购买日期」是日期，「30」是数字，两者不能比较', "at column 10: '最近购买日期' is a date but '30' is a number; they cannot be compared"],
  ['购买频次 in (1, 北京)', 'typeMismatch', 13, '第 13 个字符处：「购买频次」是数字，「北京」是文字，两者不能比较', "at column 13: '购买频次' is a number but '北京' is text; they cannot be compared"],
  ['流失风险 = 也许', 'typeMismatch', 8, '第 8 个字符处：「流失风险」是是/否，「也许」是文字，两者不能比较', "at column 8: '流失风险' is yes/no but '也许' is text; they cannot be compared"],
  ['地区 > 北京', 'operatorType', 4, '第 4 个字符处：「>」不能用于文字「地区」：文字只能用 =、!=、包含、开头是、结尾是、属于', "at column 4: '>' cannot be used with text '地区': text allows =, !=, contains, starts with, ends with, in"],
  ['流失风险 > 是', 'operatorType', 6, '第 6 个字符处：「>」不能用于是/否「流失风险」：是/否只能用 = 或 !=', "at column 6: '>' cannot be used with yes/no '流失风险': yes/no allows only = and !="],
  ['累计消费金额 包含 5', 'operatorType', 8, '第 8 个字符处：「包含」不能用于数字「累计消费金额」：「包含」「开头是」「结尾是」只能用于文字', "at column 8: '包含' cannot be used with a number '累计消费金额': 'contains', 'starts with' and 'ends with' apply to text only"],
  ['地区 介于 1 到 3', 'operatorType', 4, '第 4 个字符处：「介于」不能用于文字「地区」：文字只能用 =、!=、包含、开头是、结尾是、属于', "at column 4: '介于' cannot be used with text '地区': text allows =, !=, contains, starts with, ends with, in"],
  ['累计消费金额', 'notCondition', 1, '第 1 个字符处：「累计消费金额」是数字，不是条件；请写成比较，例如「累计消费金额 > 0」', "at column 1: '累计消费金额' is a number, not a condition; compare it, e.g. '累计消费金额 > 0'"],
  ['流失风险 且 地区', 'notCondition', 8, '第 8 个字符处：「地区」是文字，不是条件；请写成比较，例如「地区 > 0」', "at column 8: '地区' is text, not a condition; compare it, e.g. '地区 > 0'"],
  ['(购买频次 > 1) = 是', 'conditionAsValue', 1, '第 1 个字符处：「(购买频次 > 1)」是一个条件，不能再拿来比较或计算', "at column 1: '(购买频次 > 1)' is a condition; it cannot be compared or computed with"],
  ['地区 + 1 > 2', 'arithmeticType', 1, '第 1 个字符处：「+」不能用于文字「地区」和数字「1」', "at column 1: '+' cannot be applied to text '地区' and a number '1'"],
  ['最近购买日期 * 2 > 1', 'arithmeticType', 1, '第 1 个字符处：「*」不能用于日期「最近购买日期」和数字「2」', "at column 1: '*' cannot be applied to a date '最近购买日期' and a number '2'"],
  ['-地区 = 2', 'arithmeticType', 1, '第 1 个字符处：「-」不能用于文字「地区」', "at column 1: '-' cannot be applied to text '地区'"],
  ['天数(最近购买日期, 今天) > 3', 'argumentCount', 1, '第 1 个字符处：函数「天数」需要 1 个参数，却给了 2 个', "at column 1: the function '天数' takes 1 argument(s) but was given 2"],
  ['days_since() > 3', 'argumentCount', 1, '第 1 个字符处：函数「days_since」需要 1 个参数，却给了 0 个', "at column 1: the function 'days_since' takes 1 argument(s) but was given 0"],
  ['天数(累计消费金额) > 3', 'argumentType', 4, '第 4 个字符处：函数「天数」的参数要是日期，「累计消费金额」是数字', "at column 4: the function '天数' needs a date, but '累计消费金额' is a number"],
  ['地区 in ()', 'emptyList', 7, '第 7 个字符处：列表是空的，请至少写一个值', 'at column 7: the list is empty; write at least one value'],
  ['购买频次 > 1 =>', 'missingTag', 10, '第 10 个字符处：缺少标签名：请在条件后写「=> 标签名」，或在开头写「标签名:」', "at column 10: missing tag name: end the rule with '=> tag name' or start it with 'tag name:'"],
  ['高价值: 购买频次 > 1 => 低价值', 'tagTwice', 15, '第 15 个字符处：标签名写了两次：开头是「高价值」，箭头后又是「低价值」', "at column 15: the tag name is given twice: '高价值' at the start and '低价值' after the arrow"],
];

describe('errors: position and message in both languages', () => {
  it.each(ERRORS)('%s', (text, code, column, zh, en) => {
    const e = failure(text);
    expect(e.code).toBe(code);
    expect(e.column).toBe(column);
    expect(formatRuleError(e, 'zh-CN')).toBe(zh);
    expect(formatRuleError(e, 'en-US')).toBe(en);
  });

  it('covers every error code', () => {
    const codes = new Set(ERRORS.map((e) => e[1]));
    codes.add('missingTag'); // also below, with requireTag
    expect([...codes].sort()).toEqual(
      [
        'empty', 'tooLong', 'tooDeep', 'unexpectedChar', 'unterminatedString', 'invalidDate', 'expected', 'unclosedParen',
        'unmatchedParen', 'trailing', 'unknownField', 'unknownFunction', 'typeMismatch', 'operatorType', 'notCondition',
        'conditionAsValue', 'arithmeticType', 'argumentCount', 'argumentType', 'emptyList', 'missingTag', 'tagTwice',
      ].sort(),
    );
  });

  it('asks for a tag only when told to, pointing at the end of the rule', () => {
    expect(parseRule('购买频次 > 1').ok).toBe(true);
    const e = failure('购买频次 > 1', { requireTag: true });
    expect([e.code, e.column]).toEqual(['missingTag', 9]);
  });

  it('takes its limits from the options', () => {
    expect(failure('购买频次 > 1', { maxLength: 5 })).toMatchObject({ code: 'tooLong', limit: 5, actual: 8 });
    expect(failure('((购买频次 > 1))', { maxDepth: 1 })).toMatchObject({ code: 'tooDeep', column: 2, limit: 1 });
    expect(parseRule('((购买频次 > 1))', { maxDepth: 2 }).ok).toBe(true);
  });

  it('spans the offending text so a caret line can point at it', () => {
    const text = '累计消费金额 >= 5000 且 购买频次 3';
    const e = failure(text);
    expect(caretLine(text, e)).toBe(' '.repeat(12 + 1 + 2 + 1 + 4 + 1 + 2 + 1 + 8 + 1) + '^');
  });

  it('never throws, whatever the text', () => {
    const junk = ['((((', '))))', '=>=>', '"', '介于', '且或非', '地区 in (', '天数(', '1 2 3', '％％', '`', '——', '\u0000'];
    for (const text of junk) {
      const r = parseRule(text);
      expect(r.ok).toBe(false);
    }
  });
});
