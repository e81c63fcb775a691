/// <reference types="office-js" />
/** Reads a block of a sheet in row chunks that stay under the payload limit and Excel's 5,000,000-cell read cap. */
import { CellValue } from '../../core/cell';
import type { ReadOptions } from '../workbook';
import { a1 } from './a1';
import { cellFromExcel, jsonStringBytes } from './cells';
import { CELL_READ_LIMIT, OfficeEnv, isPayloadError } from './env';

/** 0-based top-left and size of the block to read. */
export interface Block {
  row0: number;
  col0: number;
  rows: number;
  cols: number;
}

const PROBE_ROWS = 50;
export const MAX_CHUNK_ROWS = 20_000;

interface Chunk {
  values: unknown[][];
  valueTypes: string[][];
  numberFormat: string[][];
}

async function loadChunk(context: Excel.RequestContext, sheet: Excel.Worksheet, b: Block, row0: number, rows: number): Promise<Chunk> {
  const range = sheet.getRange(a1(row0, b.col0, rows, b.cols)).load('values,valueTypes,numberFormat');
  await context.sync();
  return { values: range.values, valueTypes: range.valueTypes as string[][], numberFormat: range.numberFormat as string[][] };
}

/** Rows as the port wants them: element 0 is column A, trailing blanks dropped. */
function decodeChunk(chunk: Chunk, col0: number, out: CellValue[][]): void {
  const { values, valueTypes, numberFormat } = chunk;
  for (let i = 0; i < values.length; i++) {
    const vr = values[i];
    const tr = valueTypes[i];
    const fr = numberFormat[i];
    let last = -1;
    for (let j = vr.length - 1; j >= 0; j--) {
      if (tr[j] !== 'Empty') {
        last = j;
        break;
      }
    }
    const row: CellValue[] = new Array(last < 0 ? 0 : col0 + last + 1);
    for (let j = 0; j < col0 && last >= 0; j++) row[j] = null;
    for (let j = 0; j <= last; j++) row[col0 + j] = cellFromExcel(vr[j], tr[j], fr[j]);
    out.push(row);
  }
}

/** Response bytes of a loaded chunk, measured once on the first rows to size the following chunks. */
function chunkBytes(chunk: Chunk): number {
  return jsonStringBytes(JSON.stringify(chunk));
}

/**
 * Reads `b` row by row in chunks: a small first chunk measures the bytes per row, the next ones aim at half the
 * payload limit (at most 20,000 rows, never over 5,000,000 cells), and a chunk Excel refuses as too large is halved
 * and retried. Progress is reported and the signal checked between chunks.
 */
export async function readBlock(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  b: Block,
  env: OfficeEnv,
  opts: ReadOptions = {},
): Promise<CellValue[][]> {
  const out: CellValue[][] = [];
  const cellCap = Math.max(1, Math.floor(CELL_READ_LIMIT / b.cols));
  let chunkRows = Math.min(PROBE_ROWS, b.rows, cellCap);
  let measured = false;
  let done = 0;
  while (done < b.rows) {
    opts.signal?.throwIfAborted();
    const rows = Math.min(chunkRows, b.rows - done);
    let chunk: Chunk;
    try {
      chunk = await loadChunk(context, sheet, b, b.row0 + done, rows);
    } catch (e) {
      if (!isPayloadError(e) || rows === 1) throw e;
      chunkRows = Math.max(1, Math.floor(rows / 2));
      measured = true; // the limit itself told us the size; do not grow again
      continue;
    }
    if (!measured) {
      measured = true;
      const perRow = chunkBytes(chunk) / rows;
      chunkRows = Math.max(1, Math.min(MAX_CHUNK_ROWS, cellCap, Math.floor(env.payloadLimit / 2 / Math.max(perRow, 1))));
    }
    decodeChunk(chunk, b.col0, out);
    done += rows;
    opts.onProgress?.(done, b.rows);
  }
  return out;
}
