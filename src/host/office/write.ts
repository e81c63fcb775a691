/// <reference types="office-js" />
/** Writes a block of cells in chunks under the payload limit: number formats first (text stays text), then values. */
import { CellValue } from '../../core/cell';
import type { CellFormat } from '../workbook';
import { a1 } from './a1';
import { cellToExcel, excelCellBytes } from './cells';
import { OfficeEnv, isPayloadError, syncWrites } from './env';
import { MAX_CHUNK_ROWS } from './read';

/** A rectangle of cells to write; `cell(i, j)` is the value for row0 + i, col0 + j. */
export interface Grid {
  row0: number;
  col0: number;
  rows: number;
  cols: number;
  cell(i: number, j: number): CellValue;
  format?(i: number, j: number): CellFormat | undefined;
}

/** Rows of values as a Grid (missing cells are blank). */
export function gridOf(row0: number, col0: number, rows: readonly (readonly CellValue[])[], cols: number, formats?: readonly (CellFormat | undefined)[]): Grid {
  return {
    row0,
    col0,
    rows: rows.length,
    cols,
    cell: (i, j) => rows[i][j] ?? null,
    format: formats ? (_i, j) => formats[j] : undefined,
  };
}

interface EncodedChunk {
  values: (string | number | boolean)[][];
  formats: (string | null)[][] | null;
  rows: number;
  bytes: number;
}

function encodeChunk(g: Grid, from: number, budget: number): EncodedChunk {
  const values: (string | number | boolean)[][] = [];
  const formats: (string | null)[][] = [];
  let anyFormat = false;
  let bytes = 0;
  for (let i = from; i < g.rows && i - from < MAX_CHUNK_ROWS; i++) {
    const vr: (string | number | boolean)[] = new Array(g.cols);
    const fr: (string | null)[] = new Array(g.cols);
    let rowBytes = 4;
    for (let j = 0; j < g.cols; j++) {
      const c = cellToExcel(g.cell(i, j), g.format?.(i, j));
      vr[j] = c.value;
      fr[j] = c.numberFormat;
      if (c.numberFormat !== null) anyFormat = true;
      rowBytes += excelCellBytes(c);
    }
    if (i > from && bytes + rowBytes > budget) break;
    values.push(vr);
    formats.push(fr);
    bytes += rowBytes;
  }
  return { values, formats: anyFormat ? formats : null, rows: values.length, bytes };
}

/**
 * Writes the grid chunk by chunk, one sync each (calculation and screen updating suspended for that batch). In
 * each chunk the number formats go before the values, so text given `@` is stored as text, never as a formula or a
 * number. A chunk Excel refuses as too large is halved and retried. Returns how many syncs it took.
 */
export async function writeGrid(context: Excel.RequestContext, sheet: Excel.Worksheet, g: Grid, env: OfficeEnv): Promise<number> {
  let budget = env.payloadLimit / 2;
  let syncs = 0;
  for (let i = 0; i < g.rows; ) {
    const chunk = encodeChunk(g, i, budget);
    try {
      await syncWrites(context, env, () => {
        const range = sheet.getRange(a1(g.row0 + i, g.col0, chunk.rows, g.cols));
        if (chunk.formats) range.numberFormat = chunk.formats;
        range.values = chunk.values;
      });
      syncs++;
    } catch (e) {
      if (!isPayloadError(e) || chunk.rows === 1) throw e;
      budget = Math.max(1, chunk.bytes / 2);
      continue;
    }
    i += chunk.rows;
  }
  return syncs;
}
