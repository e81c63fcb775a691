/** exceljs worksheet -> SheetData: cell values made plain, used range, merges, formula count. */
import * as ExcelJS from 'exceljs';
import { CellValue } from '../../core/cell';
import type { ReadOptions, SheetData } from '../workbook';

const T = ExcelJS.ValueType;

/** Any exceljs value shape as a plain CellValue: formulas give their cached result, rich text and links their text. */
export function plainValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  if (typeof o.error === 'string') return { error: o.error };
  if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
  if ('formula' in o || 'sharedFormula' in o) return plainValue(o.result);
  if ('hyperlink' in o || 'text' in o) return plainValue(o.text);
  return null;
}

/** The value a cell shows; cells covered by a merge (not its top-left) are null, not the merged value. */
export function cellValueOf(cell: ExcelJS.Cell): CellValue {
  const t = cell.type;
  if (t === T.Null || t === T.Merge) return null;
  return plainValue(cell.value);
}

/** Rows and columns that hold a value (merged areas included); cells with only a style do not count. */
export function usedExtent(ws: ExcelJS.Worksheet): { firstRow: number; lastRow: number; lastCol: number } {
  let firstRow = 0;
  let lastRow = 0;
  let lastCol = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    let rowLast = 0;
    row.eachCell({ includeEmpty: false }, (_cell, c) => {
      if (c > rowLast) rowLast = c;
    });
    if (rowLast === 0) return;
    if (firstRow === 0) firstRow = r;
    lastRow = r;
    if (rowLast > lastCol) lastCol = rowLast;
  });
  return { firstRow: firstRow || 1, lastRow, lastCol };
}

export function mergesOf(ws: ExcelJS.Worksheet): string[] {
  // exceljs keeps merges in a private map; `ws.model.merges` would rebuild the whole sheet model to get them.
  const merges = (ws as unknown as { _merges: Record<string, { tl: string; br: string }> })._merges;
  return Object.values(merges).map((m) => `${m.tl}:${m.br}`);
}

const CHUNK_ROWS = 20_000;
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function readWorksheet(ws: ExcelJS.Worksheet, opts: ReadOptions = {}): Promise<SheetData> {
  const { firstRow, lastRow } = usedExtent(ws);
  const total = lastRow === 0 ? 0 : lastRow - firstRow + 1;
  const rows: CellValue[][] = new Array(total);
  let formulas = 0;
  for (let i = 0; i < total; i++) {
    if (i > 0 && i % CHUNK_ROWS === 0) {
      opts.onProgress?.(i, total);
      await breathe();
    }
    if (i % CHUNK_ROWS === 0) opts.signal?.throwIfAborted();
    const row = ws.findRow(firstRow + i);
    const out: CellValue[] = [];
    row?.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.type === T.Formula) formulas++;
      const v = cellValueOf(cell);
      while (out.length < c - 1) out.push(null);
      out[c - 1] = v;
    });
    while (out.length > 0 && out[out.length - 1] === null) out.pop();
    rows[i] = out;
  }
  opts.onProgress?.(total, total);
  return { name: ws.name, rows, firstRow, merges: mergesOf(ws), formulas };
}
