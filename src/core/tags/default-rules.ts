/**
 * The tag rules a workbook starts with. Each is data the user may edit, switch off or delete; the texts use the
 * unified view's field names (analysis/view-fields.ts). The thresholds are the usual starting points in Chinese
 * CRM practice (5,000 yuan / 3 orders for high value, 90 days for churn risk, 180 days for dormant).
 */
import type { Locale } from './errors';

export interface TagRule {
  id: string;
  /** The tag the rule gives; when empty, the rule text must name it (`=> 标签` or `标签:`). */
  name: string;
  text: string;
  enabled: boolean;
}

const DEFAULTS: readonly { id: string; zh: [string, string]; en: [string, string] }[] = [
  {
    id: 'high-value',
    zh: ['高价值客户', '累计消费金额 >= 5000 且 购买频次 >= 3'],
    en: ['High value', 'total_spend >= 5000 and frequency >= 3'],
  },
  {
    id: 'churn-risk',
    zh: ['流失风险', '最近购买天数 > 90 或 投诉次数 >= 2'],
    en: ['Churn risk', 'recency_days > 90 or complaints >= 2'],
  },
  {
    id: 'potential',
    zh: ['潜力客户', '购买频次 >= 2 且 累计消费金额 < 5000 且 最近购买天数 <= 60'],
    en: ['Potential', 'frequency >= 2 and total_spend < 5000 and recency_days <= 60'],
  },
  {
    id: 'new',
    zh: ['新客户', '天数(首次购买日期) <= 30'],
    en: ['New customer', 'days_since(first_purchase_date) <= 30'],
  },
  {
    id: 'dormant',
    zh: ['沉睡客户', '最近购买天数 > 180'],
    en: ['Dormant', 'recency_days > 180'],
  },
];

/** Fresh, editable copies of the default rules, named and written in `locale`. */
export function defaultTagRules(locale: Locale = 'zh-CN'): TagRule[] {
  return DEFAULTS.map((d) => {
    const [name, text] = locale === 'en-US' ? d.en : d.zh;
    return { id: d.id, name, text, enabled: true };
  });
}
