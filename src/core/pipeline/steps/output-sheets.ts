/**
 * The sheets the pipeline writes, and how to tell them from the user's own sheets: a sheet Kehu wrote is never a
 * data source (re-running must not read its own report back as customers).
 */
import { ANALYSIS_SHEET_NAMES } from '../../report/analysis-sheets';
import { QUALITY_SHEET_NAME } from '../../report/quality-sheet';
import type { ReportSheetId } from '../types';

/** Sheet names per report id. Chinese in every locale: they are what the add-in and `kehu run` write. */
export const OUTPUT_SHEETS: Readonly<Record<ReportSheetId, string>> = {
  quality: QUALITY_SHEET_NAME['zh-CN'],
  duplicates: '重复客户',
  segments: ANALYSIS_SHEET_NAMES.segments,
  tags: '客户标签',
  cohorts: ANALYSIS_SHEET_NAMES.cohorts,
  funnel: ANALYSIS_SHEET_NAMES.funnel,
  crossTab: ANALYSIS_SHEET_NAMES.crossTab,
};

/** The chart data and charts of the report step. */
export const REPORT_SHEET = '报告';

/** Every name a Kehu command may have written (the `kehu clean --lang en-US` and `kehu analyze` ones too). */
const KEHU_SHEETS = new Set<string>([
  ...Object.values(OUTPUT_SHEETS),
  ...Object.values(QUALITY_SHEET_NAME),
  ...Object.values(ANALYSIS_SHEET_NAMES),
  REPORT_SHEET,
]);

/** True for a sheet Kehu wrote (report sheets) or keeps for itself (the hidden `_kehu…` settings sheet). */
export function isKehuSheet(name: string): boolean {
  return KEHU_SHEETS.has(name) || name.toLowerCase().startsWith('_kehu');
}
