// What the preview's grid shows: cell text as Excel would display it by default, and which rows one page holds.
import { CellValue, isCellError } from '../core/cell';

const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6, useGrouping: false });

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A cell's text in the grid. Dates carry Excel's wall-clock time in their UTC fields (see host/workbook.ts), so
 * they are shown from the UTC fields, as a date, or a date-time when there is a time of day.
 */
export function displayCell(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? NUMBER.format(v) : '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return '';
    const day = `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
    const h = v.getUTCHours();
    const m = v.getUTCMinutes();
    const s = v.getUTCSeconds();
    if (h === 0 && m === 0 && s === 0) return day;
    return `${day} ${pad(h)}:${pad(m)}${s ? `:${pad(s)}` : ''}`;
  }
  if (isCellError(v)) return v.error;
  return String(v);
}

/** Numbers and dates sit on the right of their cell, as in Excel. */
export function alignsRight(v: CellValue): boolean {
  return typeof v === 'number' || v instanceof Date;
}

export interface Page {
  /** 0-based index of this page. */
  index: number;
  count: number;
  /** 0-based [start, end) into the sheet's rows. */
  start: number;
  end: number;
}

/** The page `index` (clamped into range) of `rowCount` rows, `size` per page. A sheet with no rows has one empty page. */
export function pageOf(rowCount: number, size: number, index: number): Page {
  const count = Math.max(1, Math.ceil(rowCount / size));
  const i = Math.min(Math.max(0, Math.floor(index)), count - 1);
  return { index: i, count, start: i * size, end: Math.min(rowCount, (i + 1) * size) };
}

/** How many columns the widest of `rows` has. */
export function widthOf(rows: readonly (readonly unknown[])[]): number {
  let w = 0;
  for (const r of rows) if (r.length > w) w = r.length;
  return w;
}
