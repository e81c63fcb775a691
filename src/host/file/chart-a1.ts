/** A1 references for chart parts: parse `B2:D9`, write `'Sheet'!$B$2:$B$9`. */

export interface CellRange {
  /** 0-based, inclusive. */
  firstRow: number;
  firstCol: number;
  lastRow: number;
  lastCol: number;
}

/** 0-based column index of `A`…`XFD`, or -1. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) {
    const c = letters.charCodeAt(i) | 0x20; // lower-case
    if (c < 97 || c > 122) return -1;
    n = n * 26 + (c - 96);
  }
  return letters.length > 0 && letters.length <= 3 ? n - 1 : -1;
}

export function columnLetters(index0: number): string {
  let s = '';
  for (let n = index0 + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/** `B2` → {row: 1, col: 1}; null when it is not a single-cell A1 reference. */
export function parseA1Cell(ref: string): { row: number; col: number } | null {
  const m = CELL.exec(ref.trim());
  if (!m) return null;
  const col = columnIndex(m[1]);
  const row = Number(m[2]) - 1;
  return col < 0 || row < 0 ? null : { row, col };
}

/** `B2:D9` (or one cell, `$`-signs allowed, corners in any order); a `Sheet!` prefix is not accepted here. */
export function parseA1Range(ref: string): CellRange | null {
  const parts = ref.split(':');
  if (parts.length > 2) return null;
  const a = parseA1Cell(parts[0]);
  const b = parts.length === 2 ? parseA1Cell(parts[1]) : a;
  if (!a || !b) return null;
  return {
    firstRow: Math.min(a.row, b.row),
    firstCol: Math.min(a.col, b.col),
    lastRow: Math.max(a.row, b.row),
    lastCol: Math.max(a.col, b.col),
  };
}

/** Always quoted: valid for every sheet name, and Chinese names need it anyway. */
export function quoteSheetName(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/** The absolute formula text of a range on a sheet, as chart series references are written. */
export function rangeFormula(sheet: string, r: CellRange): string {
  const a = `$${columnLetters(r.firstCol)}$${r.firstRow + 1}`;
  const single = r.firstRow === r.lastRow && r.firstCol === r.lastCol;
  return `${quoteSheetName(sheet)}!${single ? a : `${a}:$${columnLetters(r.lastCol)}$${r.lastRow + 1}`}`;
}
