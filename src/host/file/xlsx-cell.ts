/**
 * What a written cell holds and which number format it gets: one rule for every cell the file host writes
 * (xlsx-plain.ts), whatever the workbook was read from.
 */
import { CellValue, cellToText, isCellError } from '../../core/cell';
import { CellFormat, textNeedsTextFormat } from '../workbook';

export interface TypedCell {
  /** null, string, finite number, boolean, valid Date or an error object. */
  value: CellValue;
  /** The format to set; undefined leaves the cell's own format as it is. */
  format: CellFormat | undefined;
}

export function hasTime(d: Date): boolean {
  return d.getUTCHours() !== 0 || d.getUTCMinutes() !== 0 || d.getUTCSeconds() !== 0 || d.getUTCMilliseconds() !== 0;
}

/**
 * Strings are always text and get `text` when Excel would otherwise re-read them as a formula, number or date on
 * edit. A number in a `text` column becomes its text; a Date always gets a date format, whatever `format` says.
 */
export function typedCell(v: CellValue, format?: CellFormat): TypedCell {
  if (v === null || v === undefined) return { value: null, format };
  if (typeof v === 'string') return { value: v, format: format === 'text' || textNeedsTextFormat(v) ? 'text' : format };
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { value: null, format };
    return { value: format === 'text' ? String(v) : v, format };
  }
  if (typeof v === 'boolean') return { value: v, format };
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return { value: null, format };
    const dateFormat = format === 'date' || format === 'datetime' ? format : hasTime(v) ? 'datetime' : 'date';
    return { value: v, format: dateFormat };
  }
  if (isCellError(v)) return { value: { error: v.error }, format };
  return { value: cellToText(v), format };
}
