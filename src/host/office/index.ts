/** The Office host (Excel via Office.js). */
export { OfficeWorkbook } from './office-workbook';
export type { ExcelRun, InPlaceColumn, OfficeWorkbookOptions, TableInfo } from './office-workbook';
export { SETTINGS_SHEET } from './settings';
export type { IsSetSupported } from './env';
