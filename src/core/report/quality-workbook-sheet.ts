/**
 * The 数据质量报告 sheet over every source of a workbook (the pipeline's Clean step): totals, one overview row per
 * source (a source that could not be cleaned says why), then the per-field table and the issue list, each with
 * the sheet a row comes from. The single-sheet layout of `kehu clean` is quality-sheet.ts.
 */
import { CellValue } from '../cell';
import { IssueKind, QualityReport } from '../quality/types';
import type { CellFormat, SheetBlock, SheetSpec } from '../../host/workbook';
import {
  CleaningStats,
  FIELD_QUALITY_FORMATS,
  ISSUE_FORMATS,
  ISSUE_KIND_LABEL,
  Locale,
  MAX_LISTED_ISSUES,
  QUALITY_LABELS,
  QUALITY_SHEET_NAME,
  fieldQualityHeader,
  fieldQualityRow,
  issueHeader,
  issueRow,
  tr,
} from './quality-sheet';

export interface QualitySource {
  sheet: string;
  /** 客户主数据 / 行为记录 / 订单记录, in the user's language. */
  role: string;
  report?: QualityReport;
  cleaning?: CleaningStats[];
  /** Why the source was not cleaned (empty sheet, no mapped column …). */
  problem?: string;
}

const M = {
  title: ['数据质量校验报告（全部数据源）', 'Data quality report (all sources)'],
  sources: ['数据源数', 'Sources'],
  overview: ['各数据源概览', 'Sources at a glance'],
  role: ['数据类型', 'Kind'],
  note: ['说明', 'Note'],
  notCleaned: ['未清洗', 'Not cleaned'],
} as const;

export function qualityWorkbookSheetSpec(
  sources: readonly QualitySource[],
  opts: { locale?: Locale; asOf: string; name?: string },
): SheetSpec {
  const locale = opts.locale ?? 'zh-CN';
  const L = QUALITY_LABELS;
  const t = (pair: readonly [string, string], p?: Record<string, string | number>) => tr(locale, pair, p);
  const reports = sources.filter((s): s is QualitySource & { report: QualityReport } => s.report !== undefined);
  const before = reports.reduce((n, s) => n + s.report.rowsBefore, 0);
  const usable = reports.reduce((n, s) => n + s.report.rowsUsable, 0);
  const target = reports[0]?.report.availabilityTarget ?? 0.95;
  const availability = before > 0 ? usable / before : 0;
  const kinds = Object.keys(ISSUE_KIND_LABEL) as IssueKind[];
  const issueCount = (k: IssueKind) => reports.reduce((n, s) => n + (s.report.issueCounts[k] ?? 0), 0);

  const blocks: SheetBlock[] = [{ kind: 'title', at: [1, 1], text: t(M.title) }];
  const summary: [string, CellValue, CellFormat?][] = [
    [t(L.asOf), opts.asOf],
    [t(M.sources), sources.length, 'integer'],
    [t(L.rowsBefore), before, 'thousands'],
    [t(L.rowsUsable), usable, 'thousands'],
    [t(L.availability), availability, 'percent'],
    [t(L.target), target, 'percent'],
    [t(L.verdict), reports.length > 0 && availability >= target ? t(L.pass) : t(L.fail)],
    ...kinds.map((k): [string, CellValue, CellFormat] => [`${t(L.issues)}：${t(ISSUE_KIND_LABEL[k])}`, issueCount(k), 'thousands']),
  ];
  blocks.push({ kind: 'kv', at: [3, 1], pairs: summary });
  let row = 3 + summary.length + 1;

  blocks.push({ kind: 'title', at: [row, 1], text: t(M.overview) });
  const overview = sources.map((s): CellValue[] => {
    const r = s.report;
    if (!r) return [s.sheet, s.role, null, null, null, t(M.notCleaned), null, s.problem ?? ''];
    const issues = Object.values(r.issueCounts).reduce((n, k) => n + k, 0);
    return [s.sheet, s.role, r.rowsBefore, r.rowsUsable, r.availability, r.meetsTarget ? t(L.pass) : t(L.fail), issues, s.problem ?? ''];
  });
  blocks.push({
    kind: 'table',
    at: [row + 1, 1],
    name: 'KehuQualitySources',
    header: [t(L.sheet), t(M.role), t(L.rowsBefore), t(L.rowsUsable), t(L.availability), t(L.verdict), t(L.issues), t(M.note)],
    rows: overview,
    formats: ['text', 'text', 'thousands', 'thousands', 'percent', 'text', 'thousands', 'text'],
  });
  row += 2 + Math.max(overview.length, 1) + 1;

  blocks.push({ kind: 'title', at: [row, 1], text: t(L.fieldTable) });
  const fieldRows = reports.flatMap((s) => {
    const cleaning = new Map((s.cleaning ?? []).map((c) => [c.fieldId, c]));
    return s.report.fields.map((f) => [s.sheet, ...fieldQualityRow(f, cleaning.get(f.fieldId))]);
  });
  blocks.push({
    kind: 'table',
    at: [row + 1, 1],
    name: 'KehuFieldQuality',
    header: [t(L.sheet), ...fieldQualityHeader(locale)],
    rows: fieldRows,
    formats: ['text', ...FIELD_QUALITY_FORMATS],
  });
  row += 2 + Math.max(fieldRows.length, 1) + 1;

  const total = reports.reduce((n, s) => n + s.report.issues.length, 0);
  const listed = reports.flatMap((s) => s.report.issues).slice(0, MAX_LISTED_ISSUES);
  blocks.push({
    kind: 'title',
    at: [row, 1],
    text: listed.length < total ? `${t(L.issueTable)}（${t(L.truncated, { n: listed.length, total })}）` : t(L.issueTable),
  });
  blocks.push({
    kind: 'table',
    at: [row + 1, 1],
    name: 'KehuIssues',
    header: issueHeader(locale),
    rows: listed.map((i) => issueRow(i, locale)),
    formats: [...ISSUE_FORMATS],
  });

  return {
    name: opts.name ?? QUALITY_SHEET_NAME[locale],
    blocks,
    freeze: { rows: 1, cols: 0 },
    columnWidths: [34, 16, 14, 14, 12, 12, 12, 12, 10, 10, 12, 10, 12, 12, 40],
    replace: true,
  };
}
