/**
 * Two-row headers, as Chinese report sheets often have them: `客户编号` merged down over A1:A2 beside a group
 * `联系方式` over C1:D1 with sub-headers `手机 | 邮箱` in row 2. A host reads a merge's value only in its top-left
 * cell, so row 2, the row that names every column, would lack `客户编号`. Copying each vertical merge's value down
 * into the cells it covers gives that row its full set of names.
 */
import { CellValue, isBlank } from '../cell';

/** `B2` / `$B$2` -> 1-based {row, col}; null when it is not a single-cell A1 reference. */
function parseCell(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: +m[2], col };
}

/**
 * The grid with the value of every merge spanning several rows copied down its first column, within the first
 * `scanRows` rows of the grid (where a header can be). Rows not touched are the same arrays; the input is not changed.
 * `merges` are A1 ranges (`A1:A2`), `firstRow` is the Excel row of `rows[0]`.
 */
export function fillMergesDown(
  rows: readonly (readonly CellValue[])[],
  merges: readonly string[],
  firstRow: number,
  scanRows = 20,
): CellValue[][] {
  const out = rows.slice() as CellValue[][];
  const copied = new Set<number>();
  for (const range of merges) {
    const [a, b] = range.split(':');
    const tl = parseCell(a ?? '');
    const br = parseCell(b ?? '');
    if (!tl || !br || br.row <= tl.row) continue;
    const top = tl.row - firstRow;
    if (top < 0 || top >= Math.min(rows.length, scanRows)) continue;
    const value = rows[top]?.[tl.col - 1];
    if (isBlank(value)) continue;
    const last = Math.min(br.row - firstRow, rows.length - 1, scanRows - 1);
    for (let r = top + 1; r <= last; r++) {
      if (!isBlank(out[r]?.[tl.col - 1])) continue;
      if (!copied.has(r)) {
        out[r] = (out[r] ?? []).slice();
        copied.add(r);
      }
      while (out[r].length < tl.col - 1) out[r].push(null);
      out[r][tl.col - 1] = value;
    }
  }
  return out;
}
