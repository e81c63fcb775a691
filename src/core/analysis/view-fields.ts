/**
 * The field catalogue of the unified customer view: every column a tag rule may name, under its Chinese and its
 * English name. The view (unified-view.ts) stores each customer's values under `id`; a rule may write `zh`, `en`
 * or `id`, all three resolve to the same field (`resolveViewField`).
 *
 * Value types in a view row:
 * - number  -> finite number or null (unknown / not applicable, e.g. recency of a customer who never bought)
 * - text    -> string or null
 * - date    -> Date at UTC midnight of the calendar day, or null
 * - boolean -> true/false, or null when the inputs do not allow an answer
 */
export type ViewFieldType = 'number' | 'text' | 'date' | 'boolean';

export type ViewValue = number | string | boolean | Date | null;

/** One customer of the unified view: field id -> value. */
export type ViewRow = Record<string, ViewValue>;

export type ViewFieldGroup = 'basic' | 'interaction' | 'purchase' | 'analysis';

export interface ViewField {
  id: string;
  zh: string;
  en: string;
  type: ViewFieldType;
  group: ViewFieldGroup;
  /** Extra names a rule may use for this field (short forms users type). */
  aliases?: string[];
}

const f = (id: string, zh: string, en: string, type: ViewFieldType, group: ViewFieldGroup, aliases?: string[]): ViewField =>
  aliases ? { id, zh, en, type, group, aliases } : { id, zh, en, type, group };

export const VIEW_FIELDS: readonly ViewField[] = [
  // ---- basic attributes (from the master sheet) ----
  f('customerId', '客户编号', 'customer_id', 'text', 'basic', ['客户ID', 'customer']),
  f('customerName', '客户名称', 'customer_name', 'text', 'basic', ['客户姓名', '姓名', 'name']),
  f('company', '公司名称', 'company', 'text', 'basic', ['公司']),
  f('phone', '联系电话', 'phone', 'text', 'basic', ['电话', '手机']),
  f('email', '邮箱', 'email', 'text', 'basic'),
  f('region', '地区', 'region', 'text', 'basic'),
  f('province', '省份', 'province', 'text', 'basic'),
  f('city', '城市', 'city', 'text', 'basic'),
  f('country', '国家', 'country', 'text', 'basic'),
  f('industry', '所属行业', 'industry', 'text', 'basic', ['行业']),
  f('gender', '性别', 'gender', 'text', 'basic'),
  f('age', '年龄', 'age', 'number', 'basic'),
  f('birthDate', '出生日期', 'birth_date', 'date', 'basic'),
  f('source', '数据来源', 'source', 'text', 'basic', ['来源']),
  f('customerType', '客户类型', 'customer_type', 'text', 'basic'),
  f('level', '客户等级', 'customer_level', 'text', 'basic', ['等级']),
  f('status', '客户状态', 'status', 'text', 'basic', ['状态']),
  f('owner', '负责人', 'owner', 'text', 'basic'),
  f('createdAt', '创建时间', 'created_at', 'date', 'basic'),
  // ---- behaviour (interaction sheet) ----
  f('firstInteraction', '首次互动时间', 'first_interaction', 'date', 'interaction'),
  f('lastInteraction', '最近互动时间', 'last_interaction', 'date', 'interaction'),
  f('daysSinceInteraction', '最近互动天数', 'days_since_interaction', 'number', 'interaction'),
  f('interactions', '互动次数', 'interactions', 'number', 'interaction'),
  f('consultations', '咨询次数', 'consultations', 'number', 'interaction'),
  f('complaints', '投诉次数', 'complaints', 'number', 'interaction'),
  f('followUps', '回访次数', 'follow_ups', 'number', 'interaction'),
  f('channelCount', '互动渠道数', 'channel_count', 'number', 'interaction'),
  f('preferredChannel', '偏好渠道', 'preferred_channel', 'text', 'interaction', ['常用渠道']),
  f('activeHour', '最活跃小时', 'active_hour', 'number', 'interaction'),
  f('activePeriod', '活跃时段', 'active_period', 'text', 'interaction', ['active_hours']),
  f('lastResult', '最近互动结果', 'last_result', 'text', 'interaction'),
  // ---- purchases (order sheet) ----
  f('firstPurchase', '首次购买日期', 'first_purchase_date', 'date', 'purchase', ['首次购买时间']),
  f('lastPurchase', '最近购买日期', 'last_purchase_date', 'date', 'purchase', ['最近购买时间']),
  f('recencyDays', '最近购买天数', 'recency_days', 'number', 'purchase', ['R', 'recency']),
  f('frequency', '购买频次', 'frequency', 'number', 'purchase', ['购买次数', '订单数', 'F']),
  f('totalSpend', '累计消费金额', 'total_spend', 'number', 'purchase', ['消费金额', '累计消费', 'monetary', 'M']),
  f('spend12m', '近12个月消费额', 'spend_12m', 'number', 'purchase', ['近一年消费额']),
  f('avgOrderValue', '客单价', 'avg_order_value', 'number', 'purchase', ['平均订单金额', 'AOV']),
  f('orders90d', '近90天订单数', 'orders_90d', 'number', 'purchase'),
  f('ordersPrev90d', '前90天订单数', 'orders_prev_90d', 'number', 'purchase'),
  f('tenureDays', '客户时长天数', 'tenure_days', 'number', 'purchase', ['客龄天数']),
  f('preferredProduct', '偏好产品', 'preferred_product', 'text', 'purchase', ['常购产品']),
  f('hasPurchased', '是否购买过', 'has_purchased', 'boolean', 'purchase', ['已购买']),
  // ---- analysis results ----
  f('rScore', 'R评分', 'r_score', 'number', 'analysis'),
  f('fScore', 'F评分', 'f_score', 'number', 'analysis'),
  f('mScore', 'M评分', 'm_score', 'number', 'analysis'),
  f('rfmSegment', 'RFM分群', 'rfm_segment', 'text', 'analysis', ['RFM细分']),
  f('rfmClassCn', 'RFM八类', 'rfm_class_cn', 'text', 'analysis', ['RFM分类', '客户价值分类']),
  f('abcClass', 'ABC分类', 'abc_class', 'text', 'analysis', ['ABC']),
  f('lifecycleStage', '生命周期阶段', 'lifecycle_stage', 'text', 'analysis', ['生命周期']),
  f('valueLevel', '价值等级', 'value_level', 'text', 'analysis', ['客户价值']),
  f('churnRisk', '流失风险', 'churn_risk', 'boolean', 'analysis', ['有流失风险']),
  f('churnReasons', '流失风险原因', 'churn_reasons', 'text', 'analysis'),
  f('noOrder90d', '90天未下单', 'no_order_90d', 'boolean', 'analysis'),
  f('manyComplaints', '多次投诉', 'many_complaints', 'boolean', 'analysis'),
  f('frequencyFalling', '购买频次下降', 'frequency_falling', 'boolean', 'analysis'),
];

function nameKey(name: string): string {
  return name.trim().toLowerCase();
}

const BY_NAME = new Map<string, ViewField>();
for (const field of VIEW_FIELDS) {
  for (const name of [field.id, field.zh, field.en, ...(field.aliases ?? [])]) {
    const key = nameKey(name);
    if (!BY_NAME.has(key)) BY_NAME.set(key, field);
  }
}

/** The field a rule names by id, zh, en or alias (case-insensitive for Latin letters); undefined when unknown. */
export function resolveViewField(name: string): ViewField | undefined {
  return BY_NAME.get(nameKey(name));
}

/**
 * Interactions by channel are one field per channel found in the data: id `interactions:<channel>`,
 * zh `互动次数_<channel>`, en `interactions_<channel>`. resolveViewField does not know them; a view lists them in
 * its `fields`.
 */
export function channelField(channel: string): ViewField {
  return { id: `interactions:${channel}`, zh: `互动次数_${channel}`, en: `interactions_${channel}`, type: 'number', group: 'interaction' };
}

export function viewFieldById(id: string): ViewField | undefined {
  return VIEW_FIELDS.find((x) => x.id === id);
}
