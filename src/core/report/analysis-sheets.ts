/**
 * Analysis results -> sheet specs (what to write, not how): 客户视图 (the unified view, one row per customer),
 * 客户分层 (RFM segments, 8 classes with the thresholds used, ABC, lifecycle, value levels, exclusions), 同期群留存
 * (cohort retention + monthly repurchase) and 销售漏斗 (when there is a stage column), plus a cross tab when the view
 * has both region and product.
 */
import { CellValue } from '../cell';
import { excludedTotal, EXCLUSION_LABELS, OrderExclusions } from '../analysis/orders';
import type { CohortResult } from '../analysis/cohort';
import { CrossTab, crossTab } from '../analysis/crosstab';
import type { FunnelResult } from '../analysis/funnel';
import { LIFECYCLE_STAGES } from '../analysis/lifecycle';
import { RFM_CLASSES_CN, RFM_SEGMENTS } from '../analysis/rfm';
import type { UnifiedView } from '../analysis/unified-view';
import type { ViewField } from '../analysis/view-fields';
import { dayToDate } from '../analysis/dates';
import type { CellFormat, SheetBlock, SheetSpec } from '../../host/workbook';
import type { Locale } from './quality-sheet';

export const ANALYSIS_SHEET_NAMES = {
  view: '客户视图',
  segments: '客户分层',
  cohorts: '同期群留存',
  funnel: '销售漏斗',
  crossTab: '地区产品交叉表',
} as const;

/** A column added to the view sheet after the metrics (e.g. tag columns from the tag evaluator), one value per view row. */
export interface ExtraColumn {
  header: string;
  values: CellValue[];
  format?: CellFormat;
}

export interface AnalysisSheetsInput {
  view: UnifiedView;
  cohorts?: CohortResult | null;
  funnel?: FunnelResult | null;
  crossTab?: CrossTab | null;
  locale?: Locale;
  /** Hook for tag columns: appended to 客户视图 in this order. */
  extraColumns?: ExtraColumn[];
}

function formatOf(f: ViewField): CellFormat | undefined {
  if (f.type === 'date') return 'date';
  if (f.type === 'number' && /spend|Value|monetary/i.test(f.id)) return 'number';
  return undefined;
}

function cellOf(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean') return v ? '是' : '否';
  return v as CellValue;
}

export function viewSheetSpec(view: UnifiedView, locale: Locale = 'zh-CN', extraColumns: ExtraColumn[] = []): SheetSpec {
  for (const x of extraColumns) {
    if (x.values.length !== view.rows.length) throw new Error(`附加列「${x.header}」的行数与客户数不一致`);
  }
  const header = [...view.fields.map((f) => (locale === 'zh-CN' ? f.zh : f.en)), ...extraColumns.map((x) => x.header)];
  const rows = view.rows.map((r, i) => [...view.fields.map((f) => cellOf(r[f.id])), ...extraColumns.map((x) => x.values[i])]);
  return {
    name: ANALYSIS_SHEET_NAMES.view,
    replace: true,
    freeze: { rows: 1, cols: 1 },
    blocks: [
      {
        kind: 'table',
        at: [1, 1],
        header,
        rows,
        formats: [...view.fields.map(formatOf), ...extraColumns.map((x) => x.format)],
        name: 'kehu_customer_view',
      },
    ],
  };
}

function countTable(at: [number, number], title: string, labels: readonly string[], values: readonly unknown[], name: string): SheetBlock[] {
  const counts = new Map<string, number>(labels.map((l) => [l, 0]));
  for (const v of values) if (typeof v === 'string' && counts.has(v)) counts.set(v, counts.get(v)! + 1);
  const total = values.filter((v) => typeof v === 'string' && counts.has(v)).length;
  return [
    { kind: 'title', at, text: title },
    {
      kind: 'table',
      at: [at[0] + 1, at[1]],
      header: ['分类', '客户数', '占比'],
      rows: labels.map((l) => [l, counts.get(l)!, total > 0 ? counts.get(l)! / total : 0]),
      formats: [undefined, 'integer', 'percent'],
      name,
    },
  ];
}

export function segmentsSheetSpec(view: UnifiedView): SheetSpec {
  const a = view.analysis;
  const blocks: SheetBlock[] = [{ kind: 'title', at: [1, 1], text: '客户分层（RFM / ABC / 生命周期）' }];
  const facts = view.facts;
  const kv: [string, CellValue, CellFormat?][] = [
    ['截止日期', view.asOfDay === view.asOfDay ? dayToDate(view.asOfDay) : null, 'date'],
    ['客户数', view.rows.length, 'integer'],
  ];
  if (facts && a) {
    const t = a.rfm.classThresholds;
    kv.push(
      ['有购买的客户数', facts.customers.length, 'integer'],
      ['订单行（读入 / 计入）', `${facts.linesRead} / ${facts.linesUsed}`],
      ['排除行', excludedTotal(facts.excluded), 'integer'],
      ...(Object.keys(facts.excluded) as (keyof OrderExclusions)[])
        .filter((k) => facts.excluded[k] > 0)
        .map((k): [string, CellValue, CellFormat] => [`  其中：${EXCLUSION_LABELS[k].zh}`, facts.excluded[k], 'integer']),
      ['总金额', a.abc.total, 'number'],
      ['八类阈值方式', t.kind === 'mean' ? '均值' : '中位数'],
      ['R 阈值（天，小于为高）', t.recencyDays, 'number'],
      ['F 阈值（次，大于为高）', t.frequency, 'number'],
      ['M 阈值（金额，大于为高）', t.monetary, 'number'],
      ['RFM 评分方式', a.rfm.scoring === 'quintile' ? '五分位（按最小名次，R 反向）' : '自定义阈值'],
      ['ABC 阈值', `A ≤ ${a.abc.a * 100}%，B ≤ ${a.abc.b * 100}%`],
    );
  }
  blocks.push({ kind: 'kv', at: [2, 1], pairs: kv });
  if (!a) return { name: ANALYSIS_SHEET_NAMES.segments, replace: true, blocks };
  const top = 4 + kv.length;
  const col = (k: string) => view.rows.map((r) => r[k]);
  blocks.push(...countTable([top, 1], 'RFM 细分', RFM_SEGMENTS.map((s) => s.zh), col('rfmSegment'), 'kehu_rfm_segments'));
  blocks.push(...countTable([top, 5], 'RFM 八类', RFM_CLASSES_CN, col('rfmClassCn'), 'kehu_rfm_classes'));
  const low = top + 14;
  blocks.push(...countTable([low, 1], 'ABC 分类', ['A', 'B', 'C'], col('abcClass'), 'kehu_abc'));
  blocks.push(...countTable([low, 5], '生命周期阶段', LIFECYCLE_STAGES, col('lifecycleStage'), 'kehu_lifecycle'));
  blocks.push(...countTable([low, 9], '价值等级', ['高', '中', '低'], col('valueLevel'), 'kehu_value_level'));
  return { name: ANALYSIS_SHEET_NAMES.segments, replace: true, blocks, columnWidths: [26, 12, 10, 4, 16, 10, 10, 4, 12, 10, 10] };
}

export function cohortSheetSpec(cohorts: CohortResult): SheetSpec {
  const width = cohorts.cohorts.reduce((m, c) => Math.max(m, c.rates.length), 0);
  const header = ['首购月份', '客户数', ...Array.from({ length: width }, (_, k) => `第${k}月`)];
  const rows = cohorts.cohorts.map((c) => [c.month, c.size, ...Array.from({ length: width }, (_, k) => (k < c.rates.length ? c.rates[k] : null))]);
  const top = 4 + rows.length;
  return {
    name: ANALYSIS_SHEET_NAMES.cohorts,
    replace: true,
    blocks: [
      { kind: 'title', at: [1, 1], text: '同期群留存率（按首购月份，第 k 月仍有下单的客户占比）' },
      { kind: 'table', at: [2, 1], header, rows, formats: [undefined, 'integer', ...Array(width).fill('percent')], name: 'kehu_cohorts' },
      { kind: 'title', at: [top, 1], text: '月度复购率（当月下单 2 次及以上的客户 / 当月下单客户）' },
      {
        kind: 'table',
        at: [top + 1, 1],
        header: ['月份', '下单客户', '新客户', '老客户', '复购客户', '复购率', '老客户占比'],
        rows: cohorts.monthly.map((m) => [m.month, m.buyers, m.newBuyers, m.returningBuyers, m.repeatBuyers, m.repurchaseRate, m.returningRate]),
        formats: [undefined, 'integer', 'integer', 'integer', 'integer', 'percent', 'percent'],
        name: 'kehu_repurchase',
      },
    ],
  };
}

export function funnelSheetSpec(funnel: FunnelResult): SheetSpec {
  return {
    name: ANALYSIS_SHEET_NAMES.funnel,
    replace: true,
    blocks: [
      { kind: 'title', at: [1, 1], text: '销售漏斗（线索 → 意向 → 成交 → 复购，到达该阶段及以后的客户）' },
      {
        kind: 'table',
        at: [2, 1],
        header: ['阶段', '客户数', '环节转化率', '整体转化率'],
        rows: funnel.rows.map((r) => [r.stage, r.customers, r.stepRate, r.overallRate]),
        formats: [undefined, 'integer', 'percent', 'percent'],
        name: 'kehu_funnel',
      },
      { kind: 'kv', at: [8, 1], pairs: [['未识别阶段的客户', funnel.unknown, 'integer']] },
    ],
  };
}

export function crossTabSheetSpec(t: CrossTab, title: string, rowTitle = '地区'): SheetSpec {
  return {
    name: ANALYSIS_SHEET_NAMES.crossTab,
    replace: true,
    blocks: [
      { kind: 'title', at: [1, 1], text: title },
      {
        kind: 'table',
        at: [2, 1],
        header: [rowTitle, ...t.colLabels, '合计'],
        rows: [...t.rowLabels.map((l, r) => [l, ...t.cells[r], t.rowTotals[r]]), ['合计', ...t.colTotals, t.total]],
        name: 'kehu_crosstab',
      },
    ],
  };
}

/**
 * Customers who bought, by province (or region) and preferred product, the 15 largest products and 40 largest
 * regions kept; null when the view has no region or no customer with a preferred product.
 */
export function regionProductCrossTab(view: UnifiedView): CrossTab | null {
  const hasRegion = view.fields.some((f) => f.id === 'region' || f.id === 'province');
  const buyers = view.rows.filter((r) => typeof r.preferredProduct === 'string' && r.preferredProduct !== '');
  if (!hasRegion || buyers.length === 0) return null;
  return crossTab(
    buyers.map((r) => ((r.province ?? r.region) as string | null) ?? null),
    buyers.map((r) => r.preferredProduct as string),
    { maxCols: 15, maxRows: 40 },
  );
}

/** Every sheet the inputs allow, in writing order. */
export function analysisSheets(input: AnalysisSheetsInput): SheetSpec[] {
  const sheets = [viewSheetSpec(input.view, input.locale, input.extraColumns)];
  if (input.view.analysis) sheets.push(segmentsSheetSpec(input.view));
  if (input.cohorts && input.cohorts.cohorts.length > 0) sheets.push(cohortSheetSpec(input.cohorts));
  if (input.funnel) sheets.push(funnelSheetSpec(input.funnel));
  if (input.crossTab) sheets.push(crossTabSheetSpec(input.crossTab, '地区 × 偏好产品（客户数）'));
  return sheets;
}
