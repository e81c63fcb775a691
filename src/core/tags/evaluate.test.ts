import { defaultTagRules } from './default-rules';
import { formatRuleError } from './errors';
import { CompiledTagRule, RuleEvaluator, ViewValue, evaluateTagRules, textEqualityKey, viewFromColumns, viewFromRows } from './evaluate';
import { parseRule } from './parser';

const AS_OF = '2024-06-30';
const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

/**
 * Five customers, as the unified view hands them over: Dates at UTC midnight, and some values as text, an Excel
 * serial or full-width letters, to show the evaluator reads them. 王五 has nothing but a name.
 */
const ROWS: Record<string, ViewValue>[] = [
  {
    customerName: '张三', totalSpend: 8000, frequency: 5, recencyDays: 10, complaints: 0, region: '北京市',
    industry: '制造业', gender: '男', lastPurchase: utc('2024-06-20'), firstPurchase: utc('2023-01-01'), churnRisk: false,
  },
  {
    customerName: '李四', totalSpend: 3000, frequency: 2, recencyDays: 45, complaints: 2, region: '上海',
    industry: '零售', gender: '女', lastPurchase: utc('2024-05-16'), firstPurchase: utc('2024-06-10'), churnRisk: true,
  },
  {
    customerName: '王五', totalSpend: null, frequency: null, recencyDays: null, complaints: null, region: null,
    industry: '  ', gender: null, lastPurchase: null, firstPurchase: null, churnRisk: null,
  },
  {
    customerName: '赵六', totalSpend: 5000, frequency: 1, recencyDays: 200, complaints: 0, region: '广东省',
    industry: '餐饮', gender: '女', lastPurchase: '2023-12-13', firstPurchase: '2023-12-13', churnRisk: true,
  },
  {
    customerName: '钱七', totalSpend: '1.2万', frequency: 3, recencyDays: 95, complaints: 3, region: 'ＢＥＩＪＩＮＧ',
    industry: 'IT', gender: '男', lastPurchase: 45000 /* Excel serial: 2023-03-15 */, firstPurchase: utc('2024-06-25'),
    churnRisk: '是',
  },
];

const view = viewFromRows(ROWS);

function rule(text: string) {
  const r = parseRule(text);
  if (!r.ok) throw new Error(`${text}: ${formatRuleError(r.error)}`);
  return r.rule;
}

/** Which customers (by row) the rule is true for. */
function matches(text: string, v = view, asOf = AS_OF): number[] {
  return [...new RuleEvaluator(v, { asOf }).matches(rule(text))];
}

/** The three-valued result per customer: F, U (unknown) or T. */
function tri(text: string): string {
  return [...new RuleEvaluator(view, { asOf: AS_OF }).cond(rule(text).condition)].map((x) => 'FUT'[x]).join('');
}

describe('comparisons over the view', () => {
  it('compares numbers, reading numbers written as text', () => {
    expect(matches('累计消费金额 >= 5000')).toEqual([1, 0, 0, 1, 1]);
    expect(matches('累计消费金额 = 12000')).toEqual([0, 0, 0, 0, 1]);
    expect(matches('购买频次 != 2')).toEqual([1, 0, 0, 1, 1]);
    expect(matches('1.2万 <= 累计消费金额')).toEqual([0, 0, 0, 0, 1]);
  });

  it('compares text ignoring case, width and a trailing 省/市', () => {
    expect(matches('地区 = 北京')).toEqual([1, 0, 0, 0, 0]);
    expect(matches('地区 = 北京市')).toEqual([1, 0, 0, 0, 0]);
    expect(matches('地区 = beijing')).toEqual([0, 0, 0, 0, 1]);
    expect(matches('地区 = 广东')).toEqual([0, 0, 0, 1, 0]);
    expect(matches('地区 in (北京, 上海市)')).toEqual([1, 1, 0, 0, 0]);
    expect(matches('地区 属于 (北京市，上海市)')).toEqual([1, 1, 0, 0, 0]);
    expect(matches('所属行业 不属于 [制造业、零售]')).toEqual([0, 0, 0, 1, 1]);
    expect(matches('性别 = 女 且 地区 = 上海')).toEqual([0, 1, 0, 0, 0]);
  });

  it('matches text parts ignoring case and width', () => {
    expect(matches('地区 包含 京')).toEqual([1, 0, 0, 0, 0]);
    expect(matches('地区 包含 jing')).toEqual([0, 0, 0, 0, 1]);
    expect(matches('所属行业 开头是 制')).toEqual([1, 0, 0, 0, 0]);
    expect(matches('所属行业 结尾是 售')).toEqual([0, 1, 0, 0, 0]);
    expect(matches('地区 不包含 京')).toEqual([0, 1, 0, 1, 1]);
  });

  it('checks for missing values, counting blank text as missing', () => {
    expect(matches('所属行业 为空')).toEqual([0, 0, 1, 0, 0]);
    expect(matches('地区 不为空')).toEqual([1, 1, 0, 1, 1]);
    expect(matches('最近购买日期 is null')).toEqual([0, 0, 1, 0, 0]);
    expect(matches('流失风险 为空')).toEqual([0, 0, 1, 0, 0]);
  });

  it('checks ranges with both ends included, and chained comparisons', () => {
    expect(matches('累计消费金额 between 3000 and 8000')).toEqual([1, 1, 0, 1, 0]);
    expect(matches('累计消费金额 介于 3000 到 8000 之间')).toEqual([1, 1, 0, 1, 0]);
    expect(matches('累计消费金额 not between 3000 and 8000')).toEqual([0, 0, 0, 0, 1]);
    expect(matches('3000 < 累计消费金额 <= 8000')).toEqual([1, 0, 0, 1, 0]);
    expect(matches('1 < 购买频次 < 5')).toEqual([0, 1, 0, 0, 1]);
  });

  it('compares dates given as Date, ISO text and Excel serial', () => {
    expect(matches('最近购买日期 >= 2024-01-01')).toEqual([1, 1, 0, 0, 0]);
    expect(matches('最近购买日期 = 2023-03-15')).toEqual([0, 0, 0, 0, 1]);
    expect(matches('最近购买日期 between 2023-12-01 and 2024-05-16')).toEqual([0, 1, 0, 1, 0]);
    expect(matches('最近购买日期 > 首次购买日期')).toEqual([1, 0, 0, 0, 0]);
  });

  it('counts days to the as-of date', () => {
    expect(matches('天数(最近购买日期) > 100')).toEqual([0, 0, 0, 1, 1]);
    expect(matches('days_since(last_purchase_date) = 10')).toEqual([1, 0, 0, 0, 0]);
    expect(matches('最近购买日期 < 今天 - 30')).toEqual([0, 1, 0, 1, 1]);
    expect(matches('今天 - 首次购买日期 <= 30')).toEqual([0, 1, 0, 0, 1]);
    expect(matches('首次购买日期 + 30 >= today')).toEqual([0, 1, 0, 0, 1]);
    expect(matches('天数(最近购买日期) > 100', view, '2024-03-01')).toEqual([0, 0, 0, 0, 1]);
  });

  it('takes yes/no fields as conditions and compares them, reading 是 as yes', () => {
    expect(matches('流失风险')).toEqual([0, 1, 0, 1, 1]);
    expect(matches('非 流失风险')).toEqual([1, 0, 0, 0, 0]);
    expect(matches('流失风险 = 否')).toEqual([1, 0, 0, 0, 0]);
    expect(matches('流失风险 != 否')).toEqual([0, 1, 0, 1, 1]);
  });

  it('computes with + - * /', () => {
    expect(matches('累计消费金额 / 购买频次 > 2000')).toEqual([0, 0, 0, 1, 1]);
    expect(matches('累计消费金额 - 购买频次 * 1000 = 3000')).toEqual([1, 0, 0, 0, 0]);
    expect(matches('-购买频次 < -4')).toEqual([1, 0, 0, 0, 0]);
  });

  it('treats a division by zero as missing', () => {
    const v = viewFromColumns({ totalSpend: [100, 100], frequency: [0, 4] });
    expect(matches('累计消费金额 / 购买频次 > 0', v)).toEqual([0, 1]);
    expect(matches('累计消费金额 / 购买频次 为空', v)).toEqual([1, 0]);
  });
});

describe('three-valued logic for missing values', () => {
  it('makes every comparison with a missing value unknown, whatever its direction', () => {
    expect(tri('累计消费金额 >= 5000')).toBe('TFUTT');
    expect(tri('累计消费金额 < 5000')).toBe('FTUFF');
    expect(tri('地区 != 北京')).toBe('FTUTT');
    expect(tri('地区 not in (北京)')).toBe('FTUTT');
    expect(tri('地区 不包含 京')).toBe('FTUTT');
  });

  it('keeps NOT unknown unknown, so neither a rule nor its negation tags the customer', () => {
    expect(tri('非 (累计消费金额 >= 5000)')).toBe('FTUFF');
    expect(matches('非 (累计消费金额 >= 5000)')[2]).toBe(0);
  });

  it('follows Kleene AND / OR: false wins AND, true wins OR', () => {
    expect(tri('累计消费金额 >= 5000 且 所属行业 = 零售')).toBe('FFUFF');
    expect(tri('累计消费金额 >= 5000 且 所属行业 为空')).toBe('FFUFF');
    expect(tri('累计消费金额 >= 5000 或 所属行业 为空')).toBe('TFTTT');
    expect(tri('累计消费金额 >= 5000 或 地区 = 上海')).toBe('TTUTT');
    expect(tri('非 (累计消费金额 >= 5000 且 所属行业 为空)')).toBe('TTUTT');
    // 王五's name is known and his spend is not: false AND unknown is false, true OR unknown is true.
    expect(tri('客户名称 = 张三 且 累计消费金额 >= 5000')).toBe('TFFFF');
    expect(tri('非 (客户名称 = 张三 且 累计消费金额 >= 5000)')).toBe('FTTTT');
    expect(tri('客户名称 = 王五 或 累计消费金额 >= 5000')).toBe('TFTTT');
  });

  it('reads a missing yes/no as unknown', () => {
    expect(tri('流失风险')).toBe('FTUTT');
    expect(tri('非 流失风险')).toBe('TFUFF');
  });
});

describe('the view', () => {
  it('reads columns the same as rows', () => {
    const columns: Record<string, ViewValue[]> = {};
    for (const key of Object.keys(ROWS[0])) columns[key] = ROWS.map((r) => r[key]);
    const byColumns = viewFromColumns(columns);
    for (const text of ['累计消费金额 >= 5000 或 地区 = 上海', '天数(最近购买日期) > 100', '流失风险', '所属行业 为空']) {
      expect(matches(text, byColumns)).toEqual(matches(text));
    }
  });

  it('reads a field the view does not have as missing, and says so', () => {
    const ev = new RuleEvaluator(view, { asOf: AS_OF });
    expect([...ev.matches(rule('客单价 > 1'))]).toEqual([0, 0, 0, 0, 0]);
    expect([...ev.matches(rule('客单价 为空'))]).toEqual([1, 1, 1, 1, 1]);
    expect([...ev.missingFields]).toEqual(['avgOrderValue']);
  });

  it('takes today from the local clock when no as-of date is given', () => {
    const now = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    const iso = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
    const v = viewFromColumns({ lastPurchase: [iso, '2000-01-01'] });
    expect([...new RuleEvaluator(v).matches(rule('最近购买日期 = 今天'))]).toEqual([1, 0]);
  });

  it('takes today as a day number too', () => {
    const day = Date.UTC(2024, 2, 1) / 86_400_000;
    expect([...new RuleEvaluator(view, { asOfDay: day }).matches(rule('天数(最近购买日期) > 100'))]).toEqual(
      matches('天数(最近购买日期) > 100', view, '2024-03-01'),
    );
  });

  it('refuses an as-of that is not a date', () => {
    expect(() => new RuleEvaluator(view, { asOf: 'soon' })).toThrow(RangeError);
    expect(() => new RuleEvaluator(view, { asOfDay: 1.5 })).toThrow(RangeError);
  });

  it('keys text equality on width, case, spaces and a trailing 省/市/自治区', () => {
    expect(textEqualityKey(' 北京市 ')).toBe('北京');
    expect(textEqualityKey('广西壮族自治区')).toBe('广西');
    expect(textEqualityKey('香港特别行政区')).toBe('香港');
    expect(textEqualityKey('ＶＩＰ')).toBe('vip');
    expect(textEqualityKey('市')).toBe('市');
  });
});

describe('evaluateTagRules', () => {
  function compiled(texts: [string, string][]): CompiledTagRule[] {
    return texts.map(([tag, text], k) => ({ id: `r${k}`, tag, rule: rule(text) }));
  }

  it('tags the hand-made view with the default rules', () => {
    const rules = compiled(defaultTagRules().map((r) => [r.name, r.text]));
    const result = evaluateTagRules(rules, view, { asOf: AS_OF });
    expect(result.matches.map((m) => [...m])).toEqual([
      [1, 0, 0, 0, 1], // 高价值客户: 8000/5 and 12000/3
      [0, 1, 0, 1, 1], // 流失风险: 2 complaints; 200 days; 95 days
      [0, 1, 0, 0, 0], // 潜力客户: 2 orders, 3000, 45 days
      [0, 1, 0, 0, 1], // 新客户: first purchase 20 and 5 days before the as-of date
      [0, 0, 0, 1, 0], // 沉睡客户: 200 days
    ]);
    expect(result.counts.map((c) => [c.tag, c.count])).toEqual([
      ['高价值客户', 2],
      ['流失风险', 3],
      ['潜力客户', 1],
      ['新客户', 2],
      ['沉睡客户', 1],
    ]);
    expect(result.tagLists).toEqual(['高价值客户', '流失风险、潜力客户、新客户', '', '流失风险、沉睡客户', '高价值客户、流失风险、新客户']);
    expect(result.missingFields).toEqual([]);
  });

  it('lists a tag once when two rules give it', () => {
    const rules = compiled([
      ['重点', '地区 = 北京'],
      ['重点', '累计消费金额 >= 5000'],
      ['女性', '性别 = 女'],
    ]);
    expect(evaluateTagRules(rules, view, { asOf: AS_OF }).tagLists).toEqual(['重点', '女性', '', '重点、女性', '重点']);
  });

  it('gives empty results for an empty view', () => {
    const result = evaluateTagRules(compiled([['x', '购买频次 > 1']]), viewFromRows([]), { asOf: AS_OF });
    expect(result.tagLists).toEqual([]);
    expect(result.counts).toEqual([{ id: 'r0', tag: 'x', count: 0 }]);
  });
});
