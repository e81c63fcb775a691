/** A1 addresses from 0-based indexes (Excel's own `getRangeByIndexes` needs ExcelApi 1.7; A1 works from 1.1). */

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** 1-based column number -> letters (1 -> A, 27 -> AA). */
export function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The A1 address of a block given 0-based top-left and its size: `B3` or `B3:D10`. */
export function a1(row0: number, col0: number, rows = 1, cols = 1): string {
  if (rows < 1 || cols < 1 || row0 < 0 || col0 < 0 || row0 + rows > MAX_ROWS || col0 + cols > MAX_COLUMNS) {
    throw new Error(`区域超出工作表范围 (range outside the sheet: row ${row0 + 1}, column ${col0 + 1}, ${rows}×${cols})`);
  }
  const tl = `${columnLetters(col0 + 1)}${row0 + 1}`;
  return rows === 1 && cols === 1 ? tl : `${tl}:${columnLetters(col0 + cols)}${row0 + rows}`;
}

/** `Sheet1!A1:C3` or `'My sheet'!A1` -> `A1:C3` / `A1` (the part after the last `!`, `$` removed). */
export function localAddress(address: string): string {
  return address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '');
}
