/**
 * The 分析 step: orders and interactions are linked to the customers the 去重 step found (link.ts says how), the
 * unified customer view is built over them (one row per customer: master attributes, interaction counts, purchase
 * metrics, RFM / ABC / lifecycle / churn), the tag rules are applied, and the 客户分层 / 客户标签 / 同期群留存 /
 * 销售漏斗 sheets are written.
 *
 * The view's master table is every customer record of every master sheet, cleaned, most trusted source first; all
 * records of one customer carry that customer's key (its first customer id, else `#n`), so the view shows one row
 * per customer with the first non-blank value of each attribute.
 */
import { CellValue } from '../../cell';
import { CohortResult, cohortAnalysis } from '../../analysis/cohort';
import { dayToIso, isoToDay } from '../../analysis/dates';
import { FunnelResult, buildFunnel } from '../../analysis/funnel';
import { missingOrderColumns, orderColumnsFromMapping } from '../../analysis/orders';
import { RFM_CLASSES_CN } from '../../analysis/rfm';
import { SourceTable, UnifiedView, buildUnifiedView } from '../../analysis/unified-view';
import { fieldById } from '../../fields';
import { ANALYSIS_SHEET_NAMES, ExtraColumn, analysisSheets, regionProductCrossTab, segmentsSheetSpec } from '../../report/analysis-sheets';
import type { Locale } from '../../report/quality-sheet';
import { Table } from '../../table';
import { formatRuleError, tagUnifiedView } from '../../tags';
import type { SheetSpec, Workbook } from '../../../host/workbook';
import { checkCancelled } from '../progress';
import type { AnalyzeStepResult, PipelineSession, PipelineSettings, ReportSheetId } from '../types';
import { cleanedColumn } from './cleaned-values';
import { todayIso } from './clean-step';
import { CustomerList, findCustomers } from './dedup-step';
import { CustomerIndex, LinkKey, ownKey, rowKeys } from './link';
import { OUTPUT_SHEETS } from './output-sheets';
import { say } from './say';
import { LoadedSource, SourceProblem, fieldColumns, isProblem, loadSources } from './source-table';

/** Order and interaction fields carried into the view's tables. */
const ORDER_FIELDS = ['orderDate', 'orderId', 'amount', 'quantity', 'unitPrice', 'product'];
const INTERACTION_FIELDS = ['interactionType', 'interactionTime', 'channel', 'result', 'complaintType', 'owner'];

export interface LinkStats {
  sheet: string;
  rows: number;
  /** Rows linked to a master customer, per key. */
  linked: Partial<Record<LinkKey, number>>;
  /** Rows counted under their own key (a buyer the customer sheets do not list). */
  unlinked: number;
  /** Rows naming nobody. */
  dropped: number;
}

export interface TagColumns {
  /** Per view row, the tags joined with 、. */
  lists: string[];
  /** One per distinct tag: 1 for each customer with it. */
  byTag: { tag: string; has: Uint8Array }[];
  counts: { tag: string; count: number }[];
  errors: { ruleId: string; message: string }[];
}

/** What the analysis found; the report step draws its charts from it. */
export interface Analysis {
  customers: CustomerList;
  view: UnifiedView;
  cohorts: CohortResult | null;
  funnel: FunnelResult | null;
  tags: TagColumns;
  /** The linked interactions (customer key in column 0), for the weekday × hour table. */
  interactions: SourceTable | null;
  links: LinkStats[];
  problems: SourceProblem[];
}

interface Linked {
  table: SourceTable;
  stats: LinkStats[];
}

function table(name: string, columns: { name: string; values: CellValue[] }[], rowCount: number): Table {
  return { name, columns, rowCount, provenance: { sheet: name, headerRow: 1, rows: Int32Array.from({ length: rowCount }, (_, i) => i + 2) } };
}

/**
 * The key of each customer (cluster), as buildUnifiedView makes it from the master table and clusterOf: the
 * customer's first id in source-rank order, else `#<cluster>` (shown as a blank 客户编号).
 */
function customerKeys(list: CustomerList): string[] {
  const keys = new Array<string | null>(list.customers).fill(null);
  list.records.forEach((_, i) => {
    const c = list.clusterOf[i];
    if (keys[c] === null && list.ids[i] !== null) keys[c] = list.ids[i];
  });
  return keys.map((k, c) => k ?? `#${c}`);
}

/** Every master record, cleaned, with its own id; plus province and city read from the region. */
function masterTable(list: CustomerList): SourceTable | undefined {
  if (list.records.length === 0) return undefined;
  const n = list.records.length;
  const fieldIds: string[] = [];
  for (const s of list.sources) for (const m of s.mapping) if (m.fieldId && m.fieldId !== 'customerId' && !fieldIds.includes(m.fieldId)) fieldIds.push(m.fieldId);
  const wantsParts = fieldIds.includes('region');
  const extra = wantsParts ? ['province', 'city'].filter((id) => !fieldIds.includes(id)) : [];
  const columns = [
    { name: 'customerId', values: list.ids.slice() as CellValue[] },
    ...[...fieldIds, ...extra].map((id) => ({ name: id, values: new Array<CellValue>(n).fill(null) })),
  ];
  const at = new Map(columns.map((c, i) => [c.name, i]));
  list.sources.forEach((source, s) => {
    const rows: number[] = [];
    const recs: number[] = [];
    list.records.forEach((rec, i) => {
      if (rec.source === s) {
        rows.push(rec.row);
        recs.push(i);
      }
    });
    const seen = new Set<string>();
    for (const m of source.mapping) {
      if (!m.fieldId || m.fieldId === 'customerId' || seen.has(m.fieldId)) continue;
      seen.add(m.fieldId);
      const raw = source.table.columns[m.column].values;
      const cleaned = cleanedColumn(m, rows.map((r) => raw[r]));
      const target = columns[at.get(m.fieldId)!].values;
      recs.forEach((rec, k) => (target[rec] = cleaned.values[k]));
      if (m.fieldId === 'region' && cleaned.province) {
        for (const [id, parts] of [['province', cleaned.province], ['city', cleaned.city!]] as const) {
          const i = at.get(id);
          if (i === undefined || !extra.includes(id)) continue;
          recs.forEach((rec, k) => (columns[i].values[rec] = parts[k]));
        }
      }
    }
  });
  const fields: Record<string, number> = {};
  columns.forEach((c, i) => (fields[c.name] = i));
  return { table: table('customers', columns, n), fields };
}

/** Rows of the order (or interaction) sheets in one table, each under its customer's key. */
function linkRows(sources: LoadedSource[], wanted: readonly string[], index: CustomerIndex, keys: string[]): Linked | null {
  if (sources.length === 0) return null;
  const columns = [{ name: 'customerId', values: [] as CellValue[] }, ...wanted.map((id) => ({ name: id, values: [] as CellValue[] }))];
  const stats: LinkStats[] = [];
  for (const s of sources) {
    const cols = fieldColumns(s.mapping);
    const rk = rowKeys(s.table, s.mapping);
    const st: LinkStats = { sheet: s.setting.sheet, rows: s.table.rowCount, linked: {}, unlinked: 0, dropped: 0 };
    for (let r = 0; r < s.table.rowCount; r++) {
      const { customer, by } = index.link(rk, r);
      let key: string | null;
      if (customer >= 0) {
        key = keys[customer];
        st.linked[by!] = (st.linked[by!] ?? 0) + 1;
      } else {
        key = ownKey(rk, r);
        if (key === null) {
          st.dropped++;
          continue;
        }
        st.unlinked++;
      }
      columns[0].values.push(key);
      wanted.forEach((id, k) => columns[k + 1].values.push(cols[id] === undefined ? null : s.table.columns[cols[id]].values[r]));
    }
    stats.push(st);
  }
  const fields: Record<string, number> = { customerId: 0 };
  wanted.forEach((id, k) => {
    if (sources.some((s) => fieldColumns(s.mapping)[id] !== undefined)) fields[id] = k + 1;
  });
  return { table: { table: table('linked', columns, columns[0].values.length), fields }, stats };
}

function customerIndex(list: CustomerList): CustomerIndex {
  const index = new CustomerIndex();
  list.sources.forEach((source, s) => {
    const customerOf = new Int32Array(source.table.rowCount).fill(-1);
    list.records.forEach((rec, i) => {
      if (rec.source === s) customerOf[rec.row] = list.clusterOf[i];
    });
    index.add(rowKeys(source.table, source.mapping), customerOf);
  });
  return index;
}

/** The funnel's stage texts: the master's 客户状态 and the interactions' 处理结果, per view row. */
function funnelOf(view: UnifiedView, master?: SourceTable, interactions?: SourceTable | null): FunnelResult | null {
  const statusCol = master?.fields.status;
  const resultCol = interactions?.fields.result;
  if (statusCol === undefined && resultCol === undefined) return null;
  const texts: (string | null)[][] = view.rows.map(() => []);
  const str = (v: CellValue) => (v === null || v === undefined ? null : String(v));
  if (master && statusCol !== undefined) {
    view.masterRows.forEach((rows, i) => rows.forEach((r) => texts[i].push(str(master.table.columns[statusCol].values[r]))));
  }
  if (interactions && resultCol !== undefined) {
    const index = new Map(view.keys.map((k, i) => [k, i]));
    const ids = interactions.table.columns[0].values;
    const results = interactions.table.columns[resultCol].values;
    for (let r = 0; r < interactions.table.rowCount; r++) {
      const i = index.get(String(ids[r]));
      if (i !== undefined) texts[i].push(str(results[r]));
    }
  }
  return buildFunnel(texts, view.rows.map((r) => (typeof r.frequency === 'number' ? r.frequency : 0)));
}

function tagColumns(settings: PipelineSettings, view: UnifiedView): TagColumns {
  // Without orders or interactions the view has no as-of day; rules like 天数(出生日期) still need a "today".
  const asOfDay = view.asOfDay === view.asOfDay ? view.asOfDay : isoToDay(settings.asOf ?? todayIso());
  const t = tagUnifiedView(settings.tags, { rows: view.rows, fields: view.fields, asOfDay });
  const tags = [...new Set(t.counts.map((c) => c.tag))];
  const byTag = tags.map((tag) => {
    const has = new Uint8Array(view.rows.length);
    t.counts.forEach((c, k) => {
      if (c.tag !== tag) return;
      const m = t.matches[k];
      for (let i = 0; i < m.length; i++) has[i] |= m[i];
    });
    return { tag, has };
  });
  return {
    lists: t.tagLists,
    byTag,
    counts: byTag.map((b) => ({ tag: b.tag, count: b.has.reduce((n, x) => n + x, 0) })),
    errors: t.errors.map((e) => ({ ruleId: e.id, message: `${e.name || e.text}：${formatRuleError(e.error, settings.locale)}` })),
  };
}

function cacheKey(settings: PipelineSettings): string {
  const { report: _report, ...rest } = settings;
  return JSON.stringify(rest);
}

/** The analysis (cached in the session while the settings it came from hold). */
export async function analyzeCustomers(book: Workbook, settings: PipelineSettings, session?: PipelineSession): Promise<Analysis> {
  const key = cacheKey(settings);
  const cached = session?.cache?.analysis as { key: string; value: Analysis } | undefined;
  if (cached && cached.key === key) return cached.value;
  const value = await computeAnalysis(book, settings, session);
  if (session?.cache) session.cache.analysis = { key, value };
  return value;
}

async function computeAnalysis(book: Workbook, settings: PipelineSettings, session?: PipelineSession): Promise<Analysis> {
  const progress = session?.progress;
  const customers = await findCustomers(book, settings, session);
  const loaded = await loadSources(book, settings, ['value', 'behaviour'], progress);
  const problems = loaded.filter(isProblem);
  const usable = loaded.filter((s): s is LoadedSource => !isProblem(s));
  const locale = settings.locale;
  const orderSources = usable.filter((s) => {
    if (s.setting.role !== 'value') return false;
    const { columns } = orderColumnsFromMapping(s.mapping);
    columns.customer ??= 0; // the customer is found by link.ts, not by a column
    const missing = missingOrderColumns(columns);
    if (missing.length > 0) {
      problems.push({
        setting: s.setting,
        problem: say(locale, `缺少${missing.map(orderFieldLabel).join('、')}列，未计入购买分析`, `no ${missing.join(', ')} column: left out of the purchase analysis`),
      });
    }
    return missing.length === 0;
  });
  const behaviourSources = usable.filter((s) => s.setting.role === 'behaviour');

  checkCancelled(progress);
  progress?.report?.({ stage: 'link', done: 0, total: 1 });
  const keys = customerKeys(customers);
  const index = customerIndex(customers);
  const master = masterTable(customers);
  const orders = linkRows(orderSources, ORDER_FIELDS, index, keys);
  const behaviour = linkRows(behaviourSources, INTERACTION_FIELDS, index, keys);
  checkCancelled(progress);
  progress?.report?.({ stage: 'analyze', done: 0, total: 1 });
  const asOfDay = settings.asOf ? isoToDay(settings.asOf) : undefined;
  const view = buildUnifiedView({
    master,
    orders: orders?.table,
    interactions: behaviour?.table,
    clusterOf: master ? Int32Array.from(customers.clusterOf) : undefined,
    asOfDay,
    analysis: { rfm: { classThresholds: settings.analysis.thresholds } },
  });
  const facts = view.facts;
  const cohorts = facts && facts.orders.count > 0 ? cohortAnalysis(facts.customers.length, facts.orders) : null;
  const funnel = funnelOf(view, master, behaviour?.table);
  checkCancelled(progress);
  progress?.report?.({ stage: 'tags', done: 0, total: 1 });
  const tags = tagColumns(settings, view);
  return {
    customers,
    view,
    cohorts,
    funnel,
    tags,
    interactions: behaviour?.table ?? null,
    links: [...(orders?.stats ?? []), ...(behaviour?.stats ?? [])],
    problems,
  };
}

function orderFieldLabel(column: string): string {
  const id = { customer: 'customerId', date: 'orderDate', amount: 'amount' }[column] ?? column;
  return fieldById(id)?.zh ?? column;
}

/** Tag columns for the 客户标签 sheet: the list, then one 是/blank column per tag. */
function extraColumns(tags: TagColumns, view: UnifiedView, locale: Locale): ExtraColumn[] {
  const taken = new Set(view.fields.map((f) => (locale === 'en-US' ? f.en : f.zh)));
  const yes = say(locale, '是', 'yes');
  const unique = (h: string) => {
    let name = h;
    for (let k = 2; taken.has(name); k++) name = `${h}_${k}`;
    taken.add(name);
    return name;
  };
  return [
    { header: unique(say(locale, '标签', 'Tags')), values: tags.lists },
    ...tags.byTag.map((b) => ({ header: unique(b.tag), values: Array.from(b.has, (h) => (h ? yes : null)) })),
  ];
}

/** The analysis sheets the settings ask for. 客户分层 is written even without orders, saying why it is empty. */
export function analysisSheetSpecs(a: Analysis, settings: PipelineSettings): SheetSpec[] {
  const locale = settings.locale;
  const all = analysisSheets({
    view: a.view,
    cohorts: a.cohorts,
    funnel: a.funnel,
    crossTab: settings.report.sheets.includes('crossTab') ? regionProductCrossTab(a.view) : null,
    locale,
    extraColumns: extraColumns(a.tags, a.view, locale),
  });
  const byId = new Map<ReportSheetId, SheetSpec>();
  for (const spec of all) {
    if (spec.name === ANALYSIS_SHEET_NAMES.view) byId.set('tags', { ...spec, name: OUTPUT_SHEETS.tags });
    else if (spec.name === OUTPUT_SHEETS.segments) byId.set('segments', spec);
    else if (spec.name === OUTPUT_SHEETS.cohorts) byId.set('cohorts', spec);
    else if (spec.name === OUTPUT_SHEETS.funnel) byId.set('funnel', spec);
    else if (spec.name === OUTPUT_SHEETS.crossTab) byId.set('crossTab', spec);
  }
  if (!byId.has('segments')) {
    const spec = segmentsSheetSpec(a.view);
    const row = 3 + (spec.blocks.find((b) => b.kind === 'kv') as { pairs: unknown[] } | undefined)!.pairs.length + 1;
    spec.blocks.push({
      kind: 'title',
      at: [row, 1],
      text: say(locale, '没有可用的订单数据（需要客户、下单日期和金额列），无法计算 RFM、ABC 和生命周期', 'No usable order data (customer, order date and amount columns): RFM, ABC and lifecycle need orders'),
    });
    byId.set('segments', spec);
  }
  const order: ReportSheetId[] = ['tags', 'segments', 'cohorts', 'funnel', 'crossTab'];
  return order.filter((id) => settings.report.sheets.includes(id) && byId.has(id)).map((id) => byId.get(id)!);
}

export async function analyzeStep(book: Workbook, settings: PipelineSettings, session?: PipelineSession): Promise<AnalyzeStepResult> {
  const started = Date.now();
  const a = await analyzeCustomers(book, settings, session);
  const specs = analysisSheetSpecs(a, settings);
  for (const spec of specs) {
    checkCancelled(session?.progress);
    await book.writeSheet(spec);
  }
  const view = a.view;
  const t = view.analysis?.rfm.classThresholds;
  const classes = new Map<string, number>(RFM_CLASSES_CN.map((c) => [c, 0]));
  for (const r of view.rows) if (typeof r.rfmClassCn === 'string') classes.set(r.rfmClassCn, (classes.get(r.rfmClassCn) ?? 0) + 1);
  return {
    message: analyzeMessage(a, settings.locale),
    sheets: specs.map((s) => s.name),
    columns: [],
    charts: 0,
    durationMs: Date.now() - started,
    customers: view.rows.length,
    asOf: view.asOfDay === view.asOfDay ? dayToIso(view.asOfDay) : settings.asOf ?? '',
    classThresholds: {
      recency: t?.recencyDays ?? NaN,
      frequency: t?.frequency ?? NaN,
      monetary: t?.monetary ?? NaN,
      basis: settings.analysis.thresholds,
    },
    segments: view.analysis ? [...classes].map(([name, count]) => ({ name, count })) : [],
    tagCounts: a.tags.counts,
    tagErrors: a.tags.errors,
  };
}

function analyzeMessage(a: Analysis, locale: Locale): string {
  const view = a.view;
  const buyers = view.facts?.customers.length ?? 0;
  const parts = [
    say(locale, `${view.rows.length} 位客户`, `${view.rows.length} customers`),
    view.analysis ? say(locale, `其中 ${buyers} 位有购买记录`, `${buyers} with purchases`) : say(locale, '没有可用的订单数据', 'no usable order data'),
  ];
  for (const l of a.links) {
    const linked = Object.values(l.linked).reduce((n, k) => n + (k ?? 0), 0);
    parts.push(
      say(
        locale,
        `${l.sheet}：${l.rows} 行中 ${linked} 行对应到客户表，${l.unlinked} 行为客户表以外的客户`,
        `${l.sheet}: ${linked} of ${l.rows} rows matched to the customer sheets, ${l.unlinked} from customers not listed there`,
      ),
    );
  }
  for (const p of a.problems) parts.push(`${p.setting.sheet}：${p.problem}`);
  if (a.tags.errors.length) parts.push(say(locale, `${a.tags.errors.length} 条标签规则有误，未应用`, `${a.tags.errors.length} tag rule(s) have errors and were skipped`));
  return parts.join(say(locale, '；', '; '));
}
