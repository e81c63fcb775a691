/**
 * Cell values between the port's CellValue and what Office.js carries: `values` (number | string | boolean, errors
 * as their literal text, blanks as ""), `valueTypes` and `numberFormat`. Pure functions, no Office.js at run time.
 */
import { CellValue, cellErrorCode, isCellError } from '../../core/cell';
import { CellFormat, FORMAT_CODES, textNeedsTextFormat } from '../workbook';

const MS_PER_DAY = 86_400_000;
/** Excel serial of 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25_569;

/**
 * Excel date serial (1900 date system) of a Date's UTC fields. Same plain formula as exceljs, which the file host
 * uses, so both hosts turn the same serial into the same Date (Excel's phantom 1900-02-29 is not corrected).
 */
export function dateToSerial(d: Date): number {
  return d.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}

/** The Date (wall clock in UTC fields) of an Excel serial, rounded to the millisecond. */
export function serialToDate(serial: number): Date {
  return new Date(Math.round((serial - UNIX_EPOCH_SERIAL) * MS_PER_DAY));
}

const dateFormatCache = new Map<string, boolean>();

/**
 * True when a number format code shows a date or time (`yyyy-mm-dd`, `m/d/yyyy`, `h:mm`, `yyyy"年"m"月"d"日"`,
 * `[$-F800]dddd…`). Written by hand: the rule is short (date/time letters outside quotes, escapes and brackets, or an
 * elapsed-time bracket) and the libraries that have it (SheetJS's SSF) are not among our dependencies.
 */
export function isDateFormat(code: string): boolean {
  if (code === 'General' || code === '@' || code === '') return false;
  let known = dateFormatCache.get(code);
  if (known === undefined) {
    const section = code.split(';')[0];
    const elapsed = /\[(?:h+|m+|s+)\]/i.test(section);
    const bare = section
      .replace(/"[^"]*"/g, '')
      .replace(/\\./g, '')
      .replace(/_./g, '')
      .replace(/\*./g, '')
      .replace(/\[[^\]]*\]/g, '')
      .replace(/General/gi, '');
    known = elapsed || /[ymdhsYMDHS]/.test(bare.replace(/AM\/PM|A\/P/gi, 'h'));
    if (dateFormatCache.size < 1000) dateFormatCache.set(code, known);
  }
  return known;
}

/** One cell as Office.js returns it -> CellValue. Blanks are null; error cells become `{ error }`. */
export function cellFromExcel(value: unknown, type: string, numberFormat: string): CellValue {
  switch (type) {
    case 'Empty':
      return null;
    case 'Error':
      return { error: String(value) };
    case 'Double':
    case 'Integer':
      return typeof value === 'number' && isDateFormat(numberFormat) ? serialToDate(value) : (value as number);
    case 'Boolean':
      return Boolean(value);
    case 'String':
      return String(value);
    default: // RichValue (linked data types, images) and Unknown: what `values` shows, if anything
      return value === '' || value === null || value === undefined ? null : (value as string | number | boolean);
  }
}

/** A value ready for Office.js plus the number format its cell needs first (null leaves the format alone). */
export interface ExcelCell {
  value: string | number | boolean;
  numberFormat: string | null;
}

function hasTime(d: Date): boolean {
  return d.getUTCHours() !== 0 || d.getUTCMinutes() !== 0 || d.getUTCSeconds() !== 0 || d.getUTCMilliseconds() !== 0;
}

/**
 * Whether a string must get the text format `@` before it is written, so Excel stores exactly that text: formula
 * starts, number/date/boolean look-alikes (textNeedsTextFormat) and error literals like `#N/A`, which Excel would
 * otherwise turn into an error value.
 */
export function stringNeedsTextFormat(s: string): boolean {
  return textNeedsTextFormat(s) || cellErrorCode(s) !== null;
}

/**
 * CellValue -> what to send. Strings stay text (`@` first when Excel would read them otherwise); a number in a
 * `text` column goes as its text; Dates go as serials with a date format; errors go as their literal, which Excel
 * turns back into the error value. Blanks are "" (clears the cell, and is the shortest JSON).
 */
export function cellToExcel(v: CellValue, format?: CellFormat): ExcelCell {
  const columnFormat = format ? FORMAT_CODES[format] : null;
  if (v === null || v === undefined) return { value: '', numberFormat: columnFormat };
  if (typeof v === 'string') {
    const text = format === 'text' || stringNeedsTextFormat(v);
    return { value: v, numberFormat: text ? '@' : columnFormat };
  }
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { value: '', numberFormat: columnFormat };
    return format === 'text' ? { value: String(v), numberFormat: '@' } : { value: v, numberFormat: columnFormat };
  }
  if (typeof v === 'boolean') return { value: v, numberFormat: columnFormat };
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return { value: '', numberFormat: columnFormat };
    const dateFormat = format === 'date' || format === 'datetime' ? format : hasTime(v) ? 'datetime' : 'date';
    return { value: dateToSerial(v), numberFormat: FORMAT_CODES[dateFormat] };
  }
  if (isCellError(v)) return { value: v.error, numberFormat: null };
  return { value: String(v), numberFormat: '@' };
}

/** UTF-8 bytes of a string as it travels in the request JSON (quotes included; escapes ignored). */
export function jsonStringBytes(s: string): number {
  let n = s.length + 2;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) n += c >= 0x800 ? 2 : 1;
    else if (c === 34 || c === 92) n += 1;
  }
  return n;
}

/** Request bytes of one cell's value and format, with its comma. */
export function excelCellBytes(cell: ExcelCell): number {
  const v = cell.value;
  const valueBytes = typeof v === 'string' ? jsonStringBytes(v) : typeof v === 'number' ? String(v).length : v ? 4 : 5;
  const formatBytes = cell.numberFormat === null ? 4 : jsonStringBytes(cell.numberFormat);
  return valueBytes + formatBytes + 2;
}
