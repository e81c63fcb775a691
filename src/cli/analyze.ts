/**
 * `kehu analyze <file.xlsx|csv> -o <out.xlsx>`: finds the master, interaction and order sheets, builds the unified
 * customer view and writes 客户视图, 客户分层, 同期群留存, 销售漏斗 (and a region × product cross tab) where the
 * inputs allow, beside the original sheets.
 */
import * as path from 'path';
import { CellValue } from '../core/cell';
import { cohortAnalysis } from '../core/analysis/cohort';
import { isoToDay } from '../core/analysis/dates';
import { buildFunnel } from '../core/analysis/funnel';
import { buildUnifiedView, SourceTable, sourceTable, UnifiedView } from '../core/analysis/unified-view';
import { detectHeaderRow, detectSheetRole, mapHeaders } from '../core/fields';
import { ANALYSIS_SHEET_NAMES, analysisSheets, ExtraColumn, regionProductCrossTab } from '../core/report/analysis-sheets';
import type { Locale } from '../core/report/quality-sheet';
import { tableFromRows } from '../core/table';
import type { Workbook } from '../host/workbook';
import { UsageError, parseArgs } from './args';

export const ANALYZE_USAGE = `usage: kehu analyze <file.xlsx|file.csv> -o <out.xlsx> [--asof YYYY-MM-DD] [--thresholds mean|median] [--lang zh-CN|en-US]
  finds the customer (master), interaction and order sheets and writes the sheets
  ${Object.values(ANALYSIS_SHEET_NAMES).join(', ')} where the data allows.
  --asof  "today" for recency, churn and 12-month spend (default: the day after the latest order)`;

type Role = 'master' | 'behaviour' | 'value';

export interface AnalyzeWorkbookOptions {
  asOfDay?: number;
  thresholds?: 'mean' | 'median';
  locale?: Locale;
  /** Tag columns and the like, computed from the view before writing (the tag evaluator's hook). */
  extraColumns?: (view: UnifiedView) => ExtraColumn[];
}

/** Which sheet plays which role: the most confident sheet per role. */
async function findSources(book: Workbook): Promise<Partial<Record<Role, { sheet: string; source: SourceTable }>>> {
  const found: Partial<Record<Role, { sheet: string; source: SourceTable; confidence: number }>> = {};
  for (const info of await book.listSheets()) {
    if (info.rowCount === 0 || Object.values(ANALYSIS_SHEET_NAMES).includes(info.name as never)) continue;
    const data = await book.readSheet(info.name);
    const headerRow = detectHeaderRow(data.rows).headerRow;
    if (headerRow < 0) continue;
    const table = tableFromRows(info.name, data.rows, headerRow, info.name, data.firstRow);
    const samples = table.columns.map((c) => c.values.slice(0, 200));
    const mapping = mapHeaders(table.columns.map((c) => c.name), samples);
    const role = detectSheetRole(mapping);
    if (role.role === 'unknown') continue;
    const prev = found[role.role];
    if (!prev || role.confidence > prev.confidence) {
      found[role.role] = { sheet: info.name, source: sourceTable(table, mapping), confidence: role.confidence };
    }
  }
  return found;
}

export interface AnalyzeWorkbookResult {
  view: UnifiedView;
  sheetsRead: Partial<Record<Role, string>>;
  sheetsWritten: string[];
}

/** Analyses an open workbook and writes the analysis sheets into it (the caller saves). */
export async function analyzeWorkbook(book: Workbook, opts: AnalyzeWorkbookOptions = {}): Promise<AnalyzeWorkbookResult> {
  const sources = await findSources(book);
  if (!sources.master && !sources.value && !sources.behaviour) {
    throw new AnalyzeInputError('没有找到客户、订单或互动记录工作表 (no customer, order or interaction sheet found)');
  }
  const view = buildUnifiedView({
    master: sources.master?.source,
    interactions: sources.behaviour?.source,
    orders: sources.value?.source,
    asOfDay: opts.asOfDay,
    analysis: { rfm: { classThresholds: opts.thresholds ?? 'mean' } },
  });
  const facts = view.facts;
  const cohorts = facts && facts.orders.count > 0 ? cohortAnalysis(facts.customers.length, facts.orders) : null;
  const funnel = funnelOf(view, sources.master?.source, sources.behaviour?.source);
  const tab = regionProductCrossTab(view);
  const sheets = analysisSheets({ view, cohorts, funnel, crossTab: tab, locale: opts.locale, extraColumns: opts.extraColumns?.(view) });
  for (const spec of sheets) await book.writeSheet(spec);
  const sheetsRead: Partial<Record<Role, string>> = {};
  for (const role of ['master', 'behaviour', 'value'] as Role[]) if (sources[role]) sheetsRead[role] = sources[role]!.sheet;
  return { view, sheetsRead, sheetsWritten: sheets.map((s) => s.name) };
}

/** The funnel needs a stage: the master's status column or the interactions' result column. */
function funnelOf(view: UnifiedView, master?: SourceTable, behaviour?: SourceTable) {
  const statusCol = master?.fields.status;
  const resultCol = behaviour?.fields.result;
  if (statusCol === undefined && resultCol === undefined) return null;
  const texts: (string | null)[][] = view.rows.map(() => []);
  const str = (v: CellValue) => (typeof v === 'string' ? v : v === null || v === undefined ? null : String(v));
  if (master && statusCol !== undefined) {
    view.masterRows.forEach((rows, i) => rows.forEach((r) => texts[i].push(str(master.table.columns[statusCol].values[r]))));
  }
  if (behaviour && resultCol !== undefined) {
    const keyCol = behaviour.fields.customerId ?? behaviour.fields.customerName;
    const index = new Map(view.keys.map((k, i) => [k, i]));
    // Interaction ids may be a duplicate's id: map through the view's own customer ids too.
    view.rows.forEach((r, i) => typeof r.customerId === 'string' && !index.has(r.customerId) && index.set(r.customerId, i));
    for (let r = 0; keyCol !== undefined && r < behaviour.table.rowCount; r++) {
      const id = str(behaviour.table.columns[keyCol].values[r])?.trim();
      const i = id === undefined ? undefined : index.get(id);
      if (i !== undefined) texts[i].push(str(behaviour.table.columns[resultCol].values[r]));
    }
  }
  return buildFunnel(texts, view.rows.map((r) => (typeof r.frequency === 'number' ? r.frequency : 0)));
}

export class AnalyzeInputError extends Error {}

export async function runAnalyze(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['-o', '--out', '--asof', '--thresholds', '--lang'], ['--help', '-h']);
  if (args.flags.has('--help') || args.flags.has('-h')) {
    process.stdout.write(`${ANALYZE_USAGE}\n`);
    return 0;
  }
  const [input] = args.positionals;
  const out = args.options.get('-o') ?? args.options.get('--out');
  if (!input || !out || args.positionals.length > 1) throw new UsageError(ANALYZE_USAGE);
  const asOf = args.options.get('--asof');
  const asOfDay = asOf === undefined ? undefined : isoToDay(asOf);
  if (asOfDay !== undefined && Number.isNaN(asOfDay)) throw new UsageError(`--asof must be YYYY-MM-DD, got '${asOf}'`);
  const thresholds = args.options.get('--thresholds') ?? 'mean';
  if (thresholds !== 'mean' && thresholds !== 'median') throw new UsageError('--thresholds must be mean or median');
  const lang = args.options.get('--lang') ?? 'zh-CN';
  if (lang !== 'zh-CN' && lang !== 'en-US') throw new UsageError('--lang must be zh-CN or en-US');

  const { openWorkbookFile } = await import('../host/file/node');
  const book = await openWorkbookFile(input);
  let result: AnalyzeWorkbookResult;
  try {
    result = await analyzeWorkbook(book, { asOfDay, thresholds, locale: lang as Locale });
  } catch (e) {
    if (e instanceof AnalyzeInputError) {
      process.stderr.write(`kehu analyze: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  await book.save(out);
  const roles = { master: '客户', behaviour: '互动', value: '订单' } as const;
  const read = Object.entries(result.sheetsRead).map(([r, s]) => `${roles[r as Role]}=${s}`).join('，');
  process.stdout.write(
    `${path.basename(input)}: 读取 ${read}；客户 ${result.view.rows.length}\n已写入 ${out}: ${result.sheetsWritten.join('、')}\n`,
  );
  return 0;
}
