/** The file host for browsers (and Node without paths). Node code that opens/saves by path imports './node'. */
export { FileWorkbook, openWorkbookBytes, SETTINGS_SHEET } from './file-workbook';
export type { FileWorkbookOptions, WorkbookOrigin } from './file-workbook';
export type { Deflater, DeflateSink } from './zip';
export type { CsvDelimiter, CsvEncoding } from './csv';
export { addChartsToXlsx } from './xlsx-charts';
