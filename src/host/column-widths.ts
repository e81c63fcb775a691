/** Column widths of a written sheet, in characters, estimated from its content: one rule for both hosts. */
import { CellValue, cellToText } from '../core/cell';
import type { SheetSpec } from './workbook';

const WIDTH_SAMPLE_ROWS = 2000;

function hasTime(d: Date): boolean {
  return d.getUTCHours() !== 0 || d.getUTCMinutes() !== 0 || d.getUTCSeconds() !== 0;
}

/** Characters a value needs on screen; CJK characters count double. */
export function displayWidth(v: CellValue): number {
  if (v instanceof Date) return hasTime(v) ? 19 : 10;
  if (typeof v === 'number') return Math.min(String(Math.round(v * 100) / 100).length + 3, 20);
  const s = cellToText(v);
  let w = 0;
  for (let i = 0; i < s.length && w < 80; i++) w += s.charCodeAt(i) > 0x2e80 ? 2 : 1;
  return w;
}

/**
 * Widths in characters from column A: the spec's own, else estimated from table and kv blocks (titles overflow
 * into their neighbours and do not count).
 */
export function columnWidthsOf(spec: SheetSpec): number[] {
  const widths: number[] = [];
  const see = (col: number, v: CellValue, extra = 0) => {
    widths[col - 1] = Math.max(widths[col - 1] ?? 0, displayWidth(v) + extra);
  };
  for (const b of spec.blocks) {
    if (b.kind === 'table') {
      b.header.forEach((h, j) => see(b.at[1] + j, h, 4)); // room for the filter button
      for (const row of b.rows.slice(0, WIDTH_SAMPLE_ROWS)) row.forEach((v, j) => see(b.at[1] + j, v));
    } else if (b.kind === 'kv') {
      for (const [label, value] of b.pairs) {
        see(b.at[1], label);
        see(b.at[1] + 1, value);
      }
    }
  }
  const n = Math.max(widths.length, spec.columnWidths?.length ?? 0);
  return Array.from({ length: n }, (_, c) => spec.columnWidths?.[c] ?? Math.min(Math.max((widths[c] ?? 0) + 2, 8), 60));
}
