/** The pipeline over a workbook: sources -> clean -> dedup -> analyze (+ tags) -> report. Types: ../types.ts. */
export { detectSources } from './sources';
export { defaultSettings, loadSettings, saveSettings, parseSettings, REPORT_SHEET_IDS, REPORT_CHART_IDS } from './settings';
export { cleanStep } from './clean-step';
export { dedupStep, groupKey } from './dedup-step';
export { analyzeStep } from './analyze-step';
export { reportStep } from './report-step';
export { runAll, type RunAllResult } from './run-all';
export { OUTPUT_SHEETS, REPORT_SHEET, isKehuSheet } from './output-sheets';
