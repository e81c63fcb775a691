/**
 * The unified customer view: one row per customer joining the master sheet, the interaction (behaviour) sheet and
 * the order sheet on the customer key, with the metrics of view-fields.ts.
 *
 * The key: with `clusterOf` (master row -> golden customer, from dedup), every master row of a cluster is one
 * customer, keyed by the first customer id found in the cluster (else `#<cluster>`), and every id of the cluster
 * points to it, so orders and interactions under any duplicate's id land on the golden customer. Without it, the
 * customer id (or, when a sheet has no id column, the customer name) is the key. Customers found only in orders or
 * interactions get a row too. Master attributes: the first non-blank value among the customer's master rows.
 */
import { CellValue, isBlank } from '../cell';
import type { Table } from '../table';
import { AnalyzeOptions, CustomerAnalysis, analyzeCustomers } from './analyze';
import { dayNumber, dayToDate, hourOf } from './dates';
import { OrderAccumulator, OrderColumns, OrderFacts, missingOrderColumns, orderColumnsFromMapping } from './orders';
import { VIEW_FIELDS, ViewField, ViewRow, ViewValue, channelField } from './view-fields';

/** A sheet and which of its columns hold which standard field (field id -> 0-based column). */
export interface SourceTable {
  table: Table;
  fields: Readonly<Record<string, number>>;
}

/** fields from a mapHeaders result (only mapped columns). */
export function sourceTable(table: Table, mapping: readonly { column: number; fieldId: string | null }[]): SourceTable {
  const fields: Record<string, number> = {};
  for (const m of mapping) if (m.fieldId !== null && fields[m.fieldId] === undefined) fields[m.fieldId] = m.column;
  return { table, fields };
}

export interface UnifiedViewInput {
  master?: SourceTable;
  interactions?: SourceTable;
  orders?: SourceTable;
  /** Master row -> golden customer id (DedupResult.clusterOf). */
  clusterOf?: ArrayLike<number>;
  /** Day number of "today" (dates.isoToDay); default the day after the latest order, else after the latest interaction. */
  asOfDay?: number;
  analysis?: Omit<AnalyzeOptions, 'asOfDay' | 'complaints'>;
}

export interface UnifiedView {
  /** Customer key per view row. */
  keys: string[];
  rows: ViewRow[];
  /** The fields the view has data for, catalogue order, then one per interaction channel. */
  fields: ViewField[];
  asOfDay: number;
  /** Master rows (0-based data rows) of each customer, for provenance. */
  masterRows: number[][];
  facts: OrderFacts | null;
  /** Per order-customer index (facts.customers); null without orders. */
  analysis: CustomerAnalysis | null;
  /** View row of each order-fact customer index. */
  viewRowOfOrderCustomer: Int32Array;
}

/** Master field id -> view field id (same id by design) and value type. */
const BASIC_FIELDS = VIEW_FIELDS.filter((f) => f.group === 'basic');

function text(v: CellValue): string | null {
  if (isBlank(v) || (typeof v === 'object' && !(v instanceof Date))) return null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
  return String(v).trim();
}

function num(v: CellValue): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && v.trim() !== '') {
    const x = Number(v.trim());
    return Number.isFinite(x) ? x : null;
  }
  return null;
}

function typed(field: ViewField, v: CellValue): ViewValue {
  if (field.type === 'number') return num(v);
  if (field.type === 'date') {
    const d = dayNumber(v);
    return d === d ? dayToDate(d) : null;
  }
  return text(v);
}

/** Which interaction kind a 行为类型 text names. */
export function interactionKind(type: string | null): 'purchase' | 'consultation' | 'complaint' | 'followUp' | 'other' {
  if (!type) return 'other';
  const t = type.toLowerCase();
  if (t.includes('投诉') || t.includes('complain')) return 'complaint';
  if (t.includes('回访') || t.includes('follow')) return 'followUp';
  if (t.includes('咨询') || t.includes('询') || t.includes('inquir') || t.includes('consult')) return 'consultation';
  if (t.includes('购买') || t.includes('下单') || t.includes('purchase') || t.includes('order')) return 'purchase';
  return 'other';
}

/** 凌晨 0–5, 上午 6–11, 中午 12–13, 下午 14–17, 晚上 18–23. */
export function periodOfHour(h: number): string {
  return h < 6 ? '凌晨' : h < 12 ? '上午' : h < 14 ? '中午' : h < 18 ? '下午' : '晚上';
}

function keyColumn(src: SourceTable): number | undefined {
  return src.fields.customerId ?? src.fields.customerName;
}

function modeOf(counts: Map<string, number>): string | null {
  let best: string | null = null;
  let n = 0;
  for (const [k, c] of counts) if (c > n) [best, n] = [k, c];
  return best;
}

export function buildUnifiedView(input: UnifiedViewInput): UnifiedView {
  const keys: string[] = [];
  const rowOf = new Map<string, number>();
  const masterRows: number[][] = [];
  /** Any customer id (or name) -> golden key. */
  const golden = new Map<string, string>();
  const add = (key: string): number => {
    let i = rowOf.get(key);
    if (i === undefined) {
      i = keys.length;
      keys.push(key);
      rowOf.set(key, i);
      masterRows.push([]);
    }
    return i;
  };
  const keyOf = (id: string): string => golden.get(id) ?? id;

  // ---- master: keys and attributes ----
  const master = input.master;
  const present = new Set<string>();
  const basic: ViewRow[] = [];
  if (master) {
    const kc = keyColumn(master);
    const ids = kc === undefined ? null : master.table.columns[kc].values;
    const n = master.table.rowCount;
    const rowKey: string[] = new Array(n);
    if (input.clusterOf) {
      const clusterKey = new Map<number, string>();
      for (let r = 0; r < n; r++) {
        const id = ids ? text(ids[r]) : null;
        const k = input.clusterOf[r];
        if (id !== null && !clusterKey.has(k)) clusterKey.set(k, id);
      }
      for (let r = 0; r < n; r++) {
        const k = input.clusterOf[r];
        rowKey[r] = clusterKey.get(k) ?? `#${k}`;
        const id = ids ? text(ids[r]) : null;
        if (id !== null) golden.set(id, rowKey[r]);
      }
    } else {
      for (let r = 0; r < n; r++) rowKey[r] = (ids ? text(ids[r]) : null) ?? `#${master.table.provenance.rows[r]}`;
    }
    for (let r = 0; r < n; r++) {
      const i = add(rowKey[r]);
      masterRows[i].push(r);
      const row = (basic[i] ??= {});
      for (const field of BASIC_FIELDS) {
        const c = master.fields[field.id];
        if (c === undefined) continue;
        present.add(field.id);
        if (row[field.id] === undefined || row[field.id] === null) row[field.id] = typed(field, master.table.columns[c].values[r]);
      }
    }
  }

  // ---- orders ----
  let facts: OrderFacts | null = null;
  if (input.orders) {
    const src = input.orders;
    const mapping = Object.entries(src.fields).map(([fieldId, column]) => ({ fieldId, column }));
    const { columns } = orderColumnsFromMapping(mapping);
    if (columns.customer === undefined && src.fields.customerName !== undefined) columns.customer = src.fields.customerName;
    if (missingOrderColumns(columns).length === 0) {
      const acc = new OrderAccumulator(columns as OrderColumns, { keyOf });
      acc.addColumns(src.table.columns.map((c) => c.values), src.table.rowCount);
      facts = acc.finish();
    }
  }

  // ---- interactions ----
  interface Behaviour {
    first: number;
    last: number;
    lastRow: number;
    count: number;
    consultations: number;
    complaints: number;
    followUps: number;
    channels: Map<string, number>;
    hours: Int32Array;
  }
  const behaviour = new Map<number, Behaviour>();
  const channelsSeen = new Map<string, number>();
  let maxInteractionDay = -Infinity;
  const inter = input.interactions;
  if (inter) {
    const kc = keyColumn(inter);
    const col = (id: string) => (inter.fields[id] === undefined ? null : inter.table.columns[inter.fields[id]].values);
    const ids = kc === undefined ? null : inter.table.columns[kc].values;
    const types = col('interactionType');
    const complaintTypes = col('complaintType');
    const times = col('interactionTime');
    const channels = col('channel');
    for (let r = 0; ids && r < inter.table.rowCount; r++) {
      const id = text(ids[r]);
      if (id === null) continue;
      const i = add(keyOf(id));
      let b = behaviour.get(i);
      if (!b) {
        b = { first: Infinity, last: -Infinity, lastRow: -1, count: 0, consultations: 0, complaints: 0, followUps: 0, channels: new Map(), hours: new Int32Array(24) };
        behaviour.set(i, b);
      }
      b.count++;
      const kind = types ? interactionKind(text(types[r])) : complaintTypes && text(complaintTypes[r]) !== null ? 'complaint' : 'other';
      if (kind === 'complaint') b.complaints++;
      else if (kind === 'consultation') b.consultations++;
      else if (kind === 'followUp') b.followUps++;
      if (times) {
        const d = dayNumber(times[r]);
        if (d === d) {
          if (d < b.first) b.first = d;
          if (d >= b.last) [b.last, b.lastRow] = [d, r];
          if (d > maxInteractionDay) maxInteractionDay = d;
        }
        const h = hourOf(times[r]);
        if (h >= 0) b.hours[h]++;
      }
      const ch = channels ? text(channels[r]) : null;
      if (ch !== null) {
        b.channels.set(ch, (b.channels.get(ch) ?? 0) + 1);
        channelsSeen.set(ch, (channelsSeen.get(ch) ?? 0) + 1);
      }
    }
  }

  // ---- order customers into the view, then the analysis ----
  const viewRowOfOrderCustomer = new Int32Array(facts ? facts.customers.length : 0);
  if (facts) facts.customers.forEach((k, c) => (viewRowOfOrderCustomer[c] = add(k)));
  const n = keys.length;
  const asOfDay =
    input.asOfDay ?? (facts && facts.linesUsed > 0 ? facts.maxDay + 1 : maxInteractionDay > -Infinity ? maxInteractionDay + 1 : NaN);
  let analysis: CustomerAnalysis | null = null;
  if (facts && facts.customers.length > 0) {
    const complaints = new Float64Array(facts.customers.length).fill(inter ? 0 : NaN);
    if (inter) facts.customers.forEach((_, c) => (complaints[c] = behaviour.get(viewRowOfOrderCustomer[c])?.complaints ?? 0));
    analysis = analyzeCustomers(facts, { ...input.analysis, asOfDay, complaints });
  }

  // ---- rows ----
  const rows: ViewRow[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const row: ViewRow = { ...(basic[i] ?? {}) };
    if (row.customerId === undefined || row.customerId === null) row.customerId = keys[i].startsWith('#') ? null : keys[i];
    const b = behaviour.get(i);
    if (inter) {
      row.interactions = b?.count ?? 0;
      row.consultations = b?.consultations ?? 0;
      row.complaints = b?.complaints ?? 0;
      row.followUps = b?.followUps ?? 0;
      row.firstInteraction = b && b.first !== Infinity ? dayToDate(b.first) : null;
      row.lastInteraction = b && b.last !== -Infinity ? dayToDate(b.last) : null;
      row.daysSinceInteraction = b && b.last !== -Infinity && asOfDay === asOfDay ? asOfDay - b.last : null;
      row.channelCount = b?.channels.size ?? 0;
      row.preferredChannel = b ? modeOf(b.channels) : null;
      let hBest = -1;
      for (let h = 0; b && h < 24; h++) if (b.hours[h] > 0 && (hBest < 0 || b.hours[h] > b.hours[hBest])) hBest = h;
      row.activeHour = hBest >= 0 ? hBest : null;
      row.activePeriod = hBest >= 0 ? periodOfHour(hBest) : null;
      const resultCol = inter.fields.result;
      row.lastResult = b && b.lastRow >= 0 && resultCol !== undefined ? text(inter.table.columns[resultCol].values[b.lastRow]) : null;
      if ((row.owner === undefined || row.owner === null) && b && b.lastRow >= 0 && inter.fields.owner !== undefined) {
        row.owner = text(inter.table.columns[inter.fields.owner].values[b.lastRow]);
      }
      for (const ch of channelsSeen.keys()) row[channelField(ch).id] = b?.channels.get(ch) ?? 0;
    }
    if (facts) {
      row.frequency = 0;
      row.totalSpend = 0;
      row.spend12m = 0;
      row.hasPurchased = false;
      row.valueLevel = '低';
      row.lifecycleStage = '获客期';
      row.churnRisk = row.complaints !== undefined && (row.complaints as number) >= 2;
      row.manyComplaints = row.complaints === undefined ? null : (row.complaints as number) >= 2;
      row.churnReasons = row.manyComplaints ? `投诉${row.complaints}次` : '';
      for (const id of ['firstPurchase', 'lastPurchase', 'recencyDays', 'avgOrderValue', 'orders90d', 'ordersPrev90d', 'tenureDays',
        'preferredProduct', 'rScore', 'fScore', 'mScore', 'rfmSegment', 'rfmClassCn', 'abcClass', 'noOrder90d', 'frequencyFalling']) {
        row[id] = null;
      }
    }
    rows[i] = row;
  }
  if (facts && analysis) {
    const spend12m = new Float64Array(facts.customers.length);
    for (let o = 0; o < facts.orders.count; o++) {
      const age = asOfDay - facts.orders.day[o];
      if (age >= 0 && age < 365) spend12m[facts.orders.customer[o]] += facts.orders.amount[o];
    }
    for (let c = 0; c < facts.customers.length; c++) {
      const row = rows[viewRowOfOrderCustomer[c]];
      const a = analysis;
      row.firstPurchase = dayToDate(facts.firstDay[c]);
      row.lastPurchase = dayToDate(facts.lastDay[c]);
      row.recencyDays = a.recencyDays[c];
      row.frequency = facts.frequency[c];
      row.totalSpend = round2(facts.monetary[c]);
      row.spend12m = round2(spend12m[c]);
      row.avgOrderValue = round2(facts.monetary[c] / facts.frequency[c]);
      row.orders90d = a.ordersLast90[c];
      row.ordersPrev90d = a.ordersPrevious90[c];
      row.tenureDays = a.tenureDays[c];
      row.preferredProduct = facts.preferredProduct[c];
      row.hasPurchased = true;
      row.rScore = a.rfm.r[c];
      row.fScore = a.rfm.f[c];
      row.mScore = a.rfm.m[c];
      row.rfmSegment = a.rfm.segment[c].zh;
      row.rfmClassCn = a.rfm.classCn[c];
      row.abcClass = a.abc.classes[c];
      row.lifecycleStage = a.lifecycle[c];
      row.valueLevel = a.valueLevel[c];
      row.churnRisk = a.churn[c].churnRisk;
      row.churnReasons = a.churn[c].reasons;
      row.noOrder90d = a.churn[c].noOrder90d;
      row.manyComplaints = a.churn[c].manyComplaints;
      row.frequencyFalling = a.churn[c].frequencyFalling;
    }
  }

  const has = new Set<string>(['customerId', ...present]);
  if (rows.length > 0) for (const id of Object.keys(rows[0])) has.add(id);
  const fields = [
    ...VIEW_FIELDS.filter((f) => has.has(f.id)),
    ...[...channelsSeen.keys()].map(channelField),
  ];
  return { keys, rows, fields, asOfDay, masterRows, facts, analysis, viewRowOfOrderCustomer };
}

/** Money in the view: cents, so 0.1 + 0.2 shows as 0.3. */
function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
