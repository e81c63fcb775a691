/** The 数据质量报告 sheet: what to write (host-neutral), from a QualityReport. */
import { CellValue } from '../cell';
import { FieldQuality, IssueKind, QualityIssue, QualityReport } from '../quality/types';
import type { CellFormat, SheetBlock, SheetSpec } from '../../host/workbook';

export type Locale = 'zh-CN' | 'en-US';

export const QUALITY_SHEET_NAME: Readonly<Record<Locale, string>> = { 'zh-CN': '数据质量报告', 'en-US': 'Data quality' };

/** Rows of the issue list written to the sheet; the rest are counted and said to be left out. */
export const MAX_LISTED_ISSUES = 20000;

/** Per-field effect of cleaning, for the before → after table. */
export interface CleaningStats {
  fieldId: string;
  /** Values already in standard form before cleaning. */
  standardBefore: number;
  /** Values valid after cleaning. */
  validAfter: number;
  /** Values the cleaning rewrote into standard form. */
  changed: number;
  /** Blanks written as 未填写 in the cleaned column. */
  filledDefault: number;
}

/** Every label of the sheet, [zh-CN, en-US]; shared with the multi-source sheet (quality-workbook-sheet.ts). */
export const QUALITY_LABELS = {
  title: ['数据质量校验报告', 'Data quality report'],
  sheet: ['工作表', 'Sheet'],
  asOf: ['检查日期', 'Checked on'],
  rowsBefore: ['清洗前行数', 'Rows before cleaning'],
  rowsUsable: ['可用行数（清洗后）', 'Usable rows (after cleaning)'],
  rowsExcluded: ['排除行数（关键字段全空，已保留未删除）', 'Rows excluded (every key field empty; kept)'],
  availability: ['可用率', 'Availability'],
  target: ['目标', 'Target'],
  verdict: ['结论', 'Verdict'],
  pass: ['达标', 'Meets the target'],
  fail: ['未达标', 'Below the target'],
  keys: ['关键字段', 'Key fields'],
  none: ['（未识别到关键字段）', '(no key field found)'],
  issues: ['问题数', 'Issues'],
  fieldTable: ['字段质量', 'Field quality'],
  issueTable: ['问题清单', 'Issue list'],
  truncated: ['问题清单仅列出前 {n} 条，共 {total} 条', 'The list shows the first {n} of {total} issues'],
  hField: ['字段', 'Field'],
  hSource: ['源列', 'Source column'],
  hRows: ['行数', 'Rows'],
  hFilled: ['已填', 'Filled'],
  hFilledShare: ['填充率', 'Filled %'],
  hValid: ['有效', 'Valid'],
  hValidShare: ['有效率', 'Valid %'],
  hUniqueShare: ['唯一率', 'Unique %'],
  hDuplicates: ['重复', 'Duplicates'],
  hOutliers: ['异常值', 'Outliers'],
  hStandardBefore: ['清洗前标准', 'Standard before'],
  hChanged: ['已规范', 'Standardized'],
  hFilledDefault: ['填为未填写', 'Set to 未填写'],
  hExamples: ['无效示例（行号）', 'Invalid examples (row)'],
  hRow: ['行号', 'Row'],
  hValue: ['值', 'Value'],
  hKind: ['问题类型', 'Kind'],
  hProblem: ['问题', 'Problem'],
  hSuggestion: ['建议', 'Suggested fix'],
} as const;

export const ISSUE_KIND_LABEL: Readonly<Record<IssueKind, readonly [string, string]>> = {
  missingKey: ['缺少关键字段', 'Missing key fields'],
  missing: ['空白', 'Blank'],
  invalid: ['无效值', 'Invalid value'],
  duplicate: ['重复', 'Duplicate'],
  outlier: ['异常值', 'Outlier'],
  contradiction: ['逻辑矛盾', 'Contradiction'],
};

export function tr(locale: Locale, pair: readonly [string, string], params: Record<string, string | number> = {}): string {
  const s = pair[locale === 'zh-CN' ? 0 : 1];
  return s.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
}

const L = QUALITY_LABELS;

/** Columns of the per-field table (the multi-source sheet puts 工作表 before them). */
export function fieldQualityHeader(locale: Locale): string[] {
  const t = (k: keyof typeof L) => tr(locale, L[k]);
  return [
    t('hField'), t('hSource'), t('hRows'), t('hFilled'), t('hFilledShare'), t('hValid'), t('hValidShare'),
    t('hUniqueShare'), t('hDuplicates'), t('hOutliers'), t('hStandardBefore'), t('hChanged'), t('hFilledDefault'),
    t('hExamples'),
  ];
}

export const FIELD_QUALITY_FORMATS: readonly CellFormat[] = [
  'text', 'text', 'thousands', 'thousands', 'percent', 'thousands', 'percent', 'percent', 'thousands', 'thousands',
  'thousands', 'thousands', 'thousands', 'text',
];

export function fieldQualityRow(f: FieldQuality, c: CleaningStats | undefined): CellValue[] {
  return [
    f.field,
    f.sourceColumn,
    f.rows,
    f.filled,
    f.filledShare,
    f.valid,
    f.validShare,
    f.uniqueShare,
    f.duplicates,
    f.outliers,
    c ? c.standardBefore : null,
    c ? c.changed : null,
    c ? c.filledDefault : null,
    f.invalidExamples.map((e) => `${e.value}（${e.row}）`).join('；'),
  ];
}

export function issueHeader(locale: Locale): string[] {
  const t = (k: keyof typeof L) => tr(locale, L[k]);
  return [t('sheet'), t('hRow'), t('hField'), t('hValue'), t('hKind'), t('hProblem'), t('hSuggestion')];
}

export const ISSUE_FORMATS: readonly CellFormat[] = ['text', 'integer', 'text', 'text', 'text', 'text', 'text'];

export function issueRow(i: QualityIssue, locale: Locale): CellValue[] {
  return [i.sheet, i.row, i.field, i.value, tr(locale, ISSUE_KIND_LABEL[i.kind]), i.problem, i.suggestion];
}

export function qualitySheetSpec(
  report: QualityReport,
  opts: { locale?: Locale; cleaning?: CleaningStats[]; name?: string } = {},
): SheetSpec {
  const locale = opts.locale ?? 'zh-CN';
  const t = (k: keyof typeof L, p?: Record<string, string | number>) => tr(locale, L[k], p);
  const labelOf = new Map(report.fields.map((f) => [f.fieldId, f.field]));
  const blocks: SheetBlock[] = [{ kind: 'title', at: [1, 1], text: `${t('title')} — ${report.sheet}` }];

  const kinds = Object.keys(report.issueCounts) as IssueKind[];
  const summary: [string, CellValue, CellFormat?][] = [
    [t('sheet'), report.sheet],
    [t('asOf'), report.asOf],
    [t('rowsBefore'), report.rowsBefore, 'thousands'],
    [t('rowsUsable'), report.rowsUsable, 'thousands'],
    [t('rowsExcluded'), report.excludedRows.length, 'thousands'],
    [t('availability'), report.availability, 'percent'],
    [t('target'), report.availabilityTarget, 'percent'],
    [t('verdict'), report.meetsTarget ? t('pass') : t('fail')],
    [t('keys'), report.keyFieldIds.length ? report.keyFieldIds.map((id) => labelOf.get(id) ?? id).join('、') : t('none')],
    ...kinds.map((k): [string, CellValue, CellFormat] => [
      `${t('issues')}：${tr(locale, ISSUE_KIND_LABEL[k])}`,
      report.issueCounts[k],
      'thousands',
    ]),
  ];
  blocks.push({ kind: 'kv', at: [3, 1], pairs: summary });

  let row = 3 + summary.length + 2;
  const cleaning = new Map((opts.cleaning ?? []).map((c) => [c.fieldId, c]));
  blocks.push({ kind: 'title', at: [row, 1], text: t('fieldTable') });
  const fieldRows = report.fields.map((f) => fieldQualityRow(f, cleaning.get(f.fieldId)));
  blocks.push({
    kind: 'table',
    at: [row + 1, 1],
    name: 'KehuFieldQuality',
    header: fieldQualityHeader(locale),
    rows: fieldRows,
    formats: [...FIELD_QUALITY_FORMATS],
  });
  row += 2 + Math.max(fieldRows.length, 1) + 2;

  const listed = report.issues.slice(0, MAX_LISTED_ISSUES);
  blocks.push({
    kind: 'title',
    at: [row, 1],
    text:
      listed.length < report.issues.length
        ? `${t('issueTable')}（${t('truncated', { n: listed.length, total: report.issues.length })}）`
        : t('issueTable'),
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
    columnWidths: [34, 16, 12, 22, 14, 40, 36, 12, 10, 10, 12, 10, 12, 40],
    replace: true,
  };
}
