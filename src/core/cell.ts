/** A cell as any host hands it over: Excel/Office.js values, exceljs values, CSV text. */
export interface CellError {
  error: string;
}
export type CellValue = string | number | boolean | Date | CellError | null | undefined;

const ERROR_LITERALS = new Set([
  '#N/A', '#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#GETTING_DATA', '#SPILL!', '#CALC!', '#FIELD!',
  '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!', '#N/A!',
]);

export function isCellError(v: CellValue): v is CellError {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && typeof (v as CellError).error === 'string';
}

/** The Excel error code a cell holds (`#N/A` …), whether given as an error object or as its literal text. */
export function cellErrorCode(v: CellValue): string | null {
  if (isCellError(v)) return v.error;
  if (typeof v === 'string' && v.length >= 4 && v.length <= 14 && v.charCodeAt(0) === 35 /* # */) {
    const t = v.trim().toUpperCase();
    if (ERROR_LITERALS.has(t)) return t;
  }
  return null;
}

/** True for null/undefined, empty or whitespace-only text. */
export function isBlank(v: CellValue): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === 'string') {
    for (let i = 0; i < v.length; i++) {
      const c = v.charCodeAt(i);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 0x3000 && c !== 0xa0 && c !== 0xfeff) return false;
    }
    return true;
  }
  return false;
}

/** Plain text of a cell for echoing back to the user (never throws). */
export function cellToText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString();
  if (isCellError(v)) return v.error;
  return String(v);
}
