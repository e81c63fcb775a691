/**
 * The 清洗 step over the workbook: every customer, interaction and order source is cleaned with its saved mapping;
 * the cleaned columns go beside the originals (replacing those of an earlier run) and one 数据质量报告 sheet covers
 * all sources. A master sheet's quality check also sees the orders linked to its customers (link.ts), for
 * "订单早于首次接触" and "已流失却刚下单".
 */
import { CellValue, cellToText } from '../../cell';
import { dayNumber, dayToIso } from '../../analysis/dates';
import { detectHeaderRow } from '../../fields';
import { NORMALIZERS } from '../../normalize';
import { OrderDates } from '../../quality/types';
import type { Locale } from '../../report/quality-sheet';
import { QualitySource, qualityWorkbookSheetSpec } from '../../report/quality-workbook-sheet';
import type { Workbook } from '../../../host/workbook';
import { CleanError, CleanResult, cleanSheet } from '../clean';
import { checkCancelled } from '../progress';
import type { CleanStepResult, PipelineSession, PipelineSettings, SourceRole } from '../types';
import { CustomerIndex, rowKeys } from './link';
import { OUTPUT_SHEETS } from './output-sheets';
import { say } from './say';
import { LoadedSource, fieldColumns, headerGrid, isProblem, loadSources } from './source-table';

/** Before -> after examples shown per field. */
const EXAMPLES_PER_FIELD = 3;

export function roleLabel(role: SourceRole, locale: Locale): string {
  switch (role) {
    case 'master':
      return say(locale, '客户主数据', 'Customers');
    case 'behaviour':
      return say(locale, '行为/互动记录', 'Interactions');
    case 'value':
      return say(locale, '交易/订单记录', 'Orders');
    default:
      return say(locale, '不使用', 'Not used');
  }
}

/** `YYYY-MM-DD` of today, local time: the default "today" for future-date checks. */
export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export async function cleanStep(book: Workbook, settings: PipelineSettings, session?: PipelineSession): Promise<CleanStepResult> {
  const started = Date.now();
  const locale = settings.locale;
  const progress = session?.progress;
  const asOf = settings.asOf ?? todayIso();
  const loaded = await loadSources(book, settings, ['master', 'behaviour', 'value'], progress);
  const orders = loaded.filter((s): s is LoadedSource => !isProblem(s) && s.setting.role === 'value');

  const quality: QualitySource[] = [];
  const result: CleanStepResult = { message: '', sheets: [], columns: [], charts: 0, durationMs: 0, reports: [], examples: [] };
  for (const [i, source] of loaded.entries()) {
    checkCancelled(progress);
    const { sheet, role } = source.setting;
    progress?.report?.({ stage: 'clean', done: i, total: loaded.length, detail: sheet });
    const entry: QualitySource = { sheet, role: roleLabel(role, locale) };
    quality.push(entry);
    if (isProblem(source)) {
      entry.problem = source.problem;
      continue;
    }
    let cleaned: CleanResult;
    try {
      cleaned = cleanSheet(sheet, ...rowsFor(source), {
        asOf,
        locale,
        keyFieldIds: settings.clean.keyFieldIds,
        mappingOverrides: completeOverrides(source),
        merges: source.data.merges,
        orders: role === 'master' ? linkedOrderDates(source, orders) : undefined,
        progress,
      });
    } catch (e) {
      if (!(e instanceof CleanError)) throw e;
      entry.problem = e.message;
      continue;
    }
    await book.writeColumns(sheet, cleaned.columns);
    entry.report = cleaned.report;
    entry.cleaning = cleaned.cleaning;
    result.columns.push(...cleaned.columns.map((c) => `${sheet}!${c.header}`));
    const r = cleaned.report;
    result.reports.push({
      sheet,
      rows: r.rowsBefore,
      usable: r.rowsUsable,
      availability: r.availability,
      issues: Object.values(r.issueCounts).reduce((n, k) => n + k, 0),
    });
    result.examples.push(...examplesOf(sheet, cleaned));
  }

  if (settings.report.sheets.includes('quality') && quality.length > 0) {
    await book.writeSheet(qualityWorkbookSheetSpec(quality, { locale, asOf, name: OUTPUT_SHEETS.quality }));
    result.sheets.push(OUTPUT_SHEETS.quality);
  }
  result.message = cleanMessage(quality, result, locale);
  result.durationMs = Date.now() - started;
  progress?.report?.({ stage: 'clean', done: loaded.length, total: loaded.length });
  return result;
}

/**
 * The rows cleanSheet reads: the whole sheet when its own header detection agrees with the settings' header row,
 * else the sheet from the settings' header row down (cleanSheet then finds the header on its first row).
 */
function rowsFor(source: LoadedSource): [CellValue[][], number] {
  const { data, setting } = source;
  const detected = detectHeaderRow(headerGrid(data)).headerRow;
  const detectedRow = detected >= 0 ? detected + data.firstRow : 0;
  if (detectedRow === setting.headerRow || setting.headerRow <= 0) return [data.rows, data.firstRow];
  return [data.rows.slice(setting.headerRow - data.firstRow), setting.headerRow];
}

/** The settings' mapping, with every column it does not list (new ones, Kehu's own) set to "not used". */
function completeOverrides(source: LoadedSource): Record<string, string | null> {
  return Object.fromEntries(source.mapping.map((m) => [m.header, m.fieldId]));
}

/** Each order row linked to a customer of this master sheet, as the quality check's OrderDates. */
function linkedOrderDates(master: LoadedSource, orders: readonly LoadedSource[]): OrderDates | undefined {
  const idColumn = fieldColumns(master.mapping).customerId;
  if (idColumn === undefined || orders.length === 0) return undefined;
  const ids = master.table.columns[idColumn].values.map((v) => {
    const r = NORMALIZERS.text(v);
    return r.status === 'ok' ? String(r.value) : null;
  });
  const index = new CustomerIndex();
  index.add(rowKeys(master.table, master.mapping), Int32Array.from(ids, (id, r) => (id === null ? -1 : r)));
  const customerIds: (string | null)[] = [];
  const dates: (string | null)[] = [];
  const rowNumbers: number[] = [];
  for (const o of orders) {
    const dateColumn = fieldColumns(o.mapping).orderDate;
    if (dateColumn === undefined) continue;
    const keys = rowKeys(o.table, o.mapping);
    const days = o.table.columns[dateColumn].values;
    for (let r = 0; r < o.table.rowCount; r++) {
      const c = index.link(keys, r).customer;
      const day = dayNumber(days[r]);
      if (c < 0 || day !== day) continue;
      customerIds.push(ids[c]);
      dates.push(dayToIso(day));
      rowNumbers.push(o.table.provenance.rows[r]);
    }
  }
  return customerIds.length > 0 ? { sheet: orders[0].setting.sheet, customerIds, dates, rowNumbers } : undefined;
}

function textOf(v: unknown): string {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return cellToText(v as CellValue);
}

/** Per field, the first few distinct values the cleaning rewrote, then one it could not read. */
function examplesOf(sheet: string, cleaned: CleanResult): CleanStepResult['examples'] {
  const out: CleanStepResult['examples'] = [];
  for (const f of cleaned.fields) {
    const raw = cleaned.table.columns[f.mapping.column].values;
    const seen = new Set<string>();
    let changed = 0;
    let invalid = 0;
    for (let i = 0; i < raw.length && (changed < EXAMPLES_PER_FIELD || invalid < 1); i++) {
      const r = f.results[i];
      const before = textOf(raw[i]);
      if (before.trim() === '' || seen.has(before)) continue;
      if (r.status === 'ok' && changed < EXAMPLES_PER_FIELD) {
        const after = textOf(r.value);
        if (after === before) continue;
        seen.add(before);
        changed++;
        out.push({ sheet, field: f.mapping.header, before, after, status: 'ok' });
      } else if (r.status === 'invalid' && invalid < 1) {
        seen.add(before);
        invalid++;
        out.push({ sheet, field: f.mapping.header, before, after: r.note ?? '', status: 'invalid' });
      }
    }
  }
  return out;
}

function cleanMessage(quality: readonly QualitySource[], result: CleanStepResult, locale: Locale): string {
  if (quality.length === 0) {
    return say(locale, '没有要清洗的数据源：请先在「数据源」中指定客户、订单或互动工作表', 'No source to clean: choose the customer, order or interaction sheets first');
  }
  const rows = result.reports.reduce((n, r) => n + r.rows, 0);
  const usable = result.reports.reduce((n, r) => n + r.usable, 0);
  const issues = result.reports.reduce((n, r) => n + r.issues, 0);
  const skipped = quality.filter((q) => !q.report).map((q) => `${q.sheet}：${q.problem ?? ''}`);
  const head = say(
    locale,
    `已清洗 ${result.reports.length} 个工作表、${rows} 行：可用 ${usable} 行，发现 ${issues} 个问题，写入 ${result.columns.length} 个清洗列`,
    `Cleaned ${result.reports.length} sheet(s), ${rows} rows: ${usable} usable, ${issues} issue(s), ${result.columns.length} cleaned column(s) written`,
  );
  return skipped.length ? `${head}${say(locale, '；未清洗：', '; not cleaned: ')}${skipped.join('；')}` : head;
}
