import { VIEW_FIELDS } from '../analysis/view-fields';
import {
  TagRule,
  compileTagRules,
  defaultTagRules,
  formatRuleError,
  parseRule,
  rulesFromText,
  tagCustomers,
  tagUnifiedView,
  viewFromRows,
} from './index';

const rows = [
  { totalSpend: 9000, frequency: 4, recencyDays: 20, complaints: 0, firstPurchase: new Date('2023-01-01T00:00:00Z') },
  { totalSpend: 100, frequency: 1, recencyDays: 200, complaints: 0, firstPurchase: new Date('2023-12-13T00:00:00Z') },
];
const view = viewFromRows(rows);

describe('default rules', () => {
  it('parse in both languages over the unified view fields, naming only fields the view has', () => {
    const ids = new Set(VIEW_FIELDS.map((f) => f.id));
    for (const locale of ['zh-CN', 'en-US'] as const) {
      for (const r of defaultTagRules(locale)) {
        const parsed = parseRule(r.text);
        if (!parsed.ok) throw new Error(`${r.text}: ${formatRuleError(parsed.error)}`);
        for (const id of parsed.rule.fields) expect(ids.has(id)).toBe(true);
      }
    }
  });

  it('mean the same in both languages', () => {
    const zh = compileTagRules(defaultTagRules('zh-CN')).compiled;
    const en = compileTagRules(defaultTagRules('en-US')).compiled;
    const withoutSpans = (x: unknown) => JSON.stringify(x, (k, v) => (k === 'start' || k === 'end' ? undefined : v));
    expect(en.map((r) => withoutSpans(r.rule.condition))).toEqual(zh.map((r) => withoutSpans(r.rule.condition)));
    const zhResult = tagCustomers(defaultTagRules('zh-CN'), view, { asOf: '2024-06-30' });
    const enResult = tagCustomers(defaultTagRules('en-US'), view, { asOf: '2024-06-30' });
    expect(enResult.matches).toEqual(zhResult.matches);
    expect(enResult.tagLists).toEqual(['High value', 'Churn risk、Dormant']);
    expect(zhResult.tagLists).toEqual(['高价值客户', '流失风险、沉睡客户']);
  });

  it('are fresh copies each time, so editing one list leaves the defaults alone', () => {
    const a = defaultTagRules();
    a[0].text = '购买频次 > 100';
    a[1].enabled = false;
    const b = defaultTagRules();
    expect(b[0].text).toBe('累计消费金额 >= 5000 且 购买频次 >= 3');
    expect(b[1].enabled).toBe(true);
    expect(b.map((r) => r.id)).toEqual(['high-value', 'churn-risk', 'potential', 'new', 'dormant']);
  });
});

describe('compileTagRules', () => {
  it('skips disabled rules, reports bad ones and keeps the rest', () => {
    const rules: TagRule[] = [
      { id: 'a', name: '大客户', text: '累计消费金额 >= 5000', enabled: true },
      { id: 'b', name: '坏规则', text: '累计消费金 >= 5000', enabled: true },
      { id: 'c', name: '关掉的', text: '这不是规则', enabled: false },
      { id: 'd', name: '', text: '购买频次 = 1 => 一次性客户', enabled: true },
    ];
    const { compiled, errors } = compileTagRules(rules);
    expect(compiled.map((r) => [r.id, r.tag])).toEqual([
      ['a', '大客户'],
      ['d', '一次性客户'],
    ]);
    expect(errors.map((e) => [e.id, e.error.code, e.error.suggestion])).toEqual([['b', 'unknownField', '累计消费金额']]);
  });

  it('needs a tag in the text when the rule has no name, and lets the name win when both are given', () => {
    const { compiled, errors } = compileTagRules([
      { id: 'a', name: ' ', text: '购买频次 = 1', enabled: true },
      { id: 'b', name: '名称', text: '购买频次 = 1 => 文中', enabled: true },
      { id: 'c', name: '', text: '文中: 购买频次 = 1', enabled: true },
    ]);
    expect(errors.map((e) => [e.id, e.error.code])).toEqual([['a', 'missingTag']]);
    expect(compiled.map((r) => r.tag)).toEqual(['名称', '文中']);
  });
});

describe('rulesFromText', () => {
  it('takes one rule per line, skipping blanks and comments, with line numbers as ids', () => {
    const text = '# 我的规则\n\n累计消费金额 >= 5000 => 高价值\r\n// off\n最近购买天数 > 180 -> 沉睡\n购买频次 >';
    const rules = rulesFromText(text);
    expect(rules.map((r) => [r.id, r.text])).toEqual([
      ['line-3', '累计消费金额 >= 5000 => 高价值'],
      ['line-5', '最近购买天数 > 180 -> 沉睡'],
      ['line-6', '购买频次 >'],
    ]);
    const result = tagCustomers(rules, view, { asOf: '2024-06-30' });
    expect(result.tagLists).toEqual(['高价值', '沉睡']);
    expect(result.errors.map((e) => [e.id, e.error.code])).toEqual([['line-6', 'expected']]);
  });
});

describe('tagUnifiedView', () => {
  it('reads the view rows with its extra fields, takes today from its as-of day, and reads absent catalogue fields as missing', () => {
    const unified = {
      rows: [
        { recencyDays: 10, wechat: 5, lastPurchase: new Date('2024-06-01T00:00:00Z') },
        { recencyDays: 300, wechat: 0, lastPurchase: new Date('2023-09-04T00:00:00Z') },
      ],
      fields: [
        { id: 'recencyDays', zh: '最近购买天数', en: 'recency_days', type: 'number' as const },
        { id: 'wechat', zh: '微信互动次数', en: 'wechat_interactions', type: 'number' as const },
        { id: 'lastPurchase', zh: '最近购买日期', en: 'last_purchase_date', type: 'date' as const },
      ],
      asOfDay: Date.UTC(2024, 5, 30) / 86_400_000,
    };
    const rules: TagRule[] = [
      { id: 'w', name: '微信活跃', text: '微信互动次数 >= 3', enabled: true },
      { id: 'd', name: '近一月', text: '天数(最近购买日期) <= 30', enabled: true },
      { id: 'c', name: '投诉多', text: '投诉次数 >= 2', enabled: true },
    ];
    const result = tagUnifiedView(rules, unified);
    expect(result.errors).toEqual([]);
    expect(result.tagLists).toEqual(['微信活跃、近一月', '']);
    expect(result.missingFields).toEqual(['complaints']);
  });
});
