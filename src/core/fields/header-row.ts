/**
 * Which row holds the column headers. Real exports put titles (`2024年客户名单`, often one merged cell), notes and
 * blank rows above the header; some sheets have no header at all.
 *
 * Each non-blank row among the first `maxScan` is scored on four signs of a header row:
 * its cells are known field names; they are short text; the rows below hold other kinds of value in the same columns
 * (a header `电话` above phone numbers, where a data row has phone numbers above phone numbers); it spans the table.
 */
import { CellValue, cellErrorCode, cellToText, isBlank } from '../cell';
import { trimAll } from '../normalize/text';
import { ValueKind } from './dictionary';
import { classifyValue } from './guess-kind';
import { bestHeaderMatch } from './map-headers';

export interface HeaderRowGuess {
  /** 0-based row index of the header; -1 when the sheet has no header (data starts at its first non-blank row). */
  headerRow: number;
  confidence: number;
  /** Why, in zh-CN. */
  reason: string;
}

/** A row scoring below this is not a header. */
const HEADER_THRESHOLD = 0.45;
const KNOWN_NAME_AT = 0.7;
const ROWS_BELOW = 8;
const MAX_HEADER_CELL = 40;
const NOT_TEXT = new Set<ValueKind>(['phone', 'email', 'date', 'number', 'amount', 'id']);

interface RowScore {
  row: number;
  score: number;
  cells: number;
  known: number;
}

export function detectHeaderRow(rows: readonly (readonly CellValue[])[], maxScan = 20): HeaderRowGuess {
  const scan = Math.min(rows.length, Math.max(1, maxScan));
  const filled = (r: number): number[] => {
    const out: number[] = [];
    const row = rows[r] ?? [];
    for (let c = 0; c < row.length; c++) if (!isBlank(row[c]) && cellErrorCode(row[c]) === null) out.push(c);
    return out;
  };
  const look = Math.min(rows.length, scan + ROWS_BELOW);
  let width = 0;
  for (let r = 0; r < look; r++) width = Math.max(width, filled(r).length);
  if (width === 0) return { headerRow: -1, confidence: 1, reason: '工作表为空，没有表头' };

  let best: RowScore | null = null;
  let firstData = -1;
  for (let r = 0; r < scan; r++) {
    const cols = filled(r);
    if (cols.length === 0) continue;
    if (firstData < 0) firstData = r;
    const s = scoreRow(rows, r, cols, width, r === firstData);
    if (!best || s.score > best.score + 1e-9) best = s;
  }
  if (!best) return { headerRow: -1, confidence: 1, reason: '工作表为空，没有表头' };

  if (best.score < HEADER_THRESHOLD) {
    return {
      headerRow: -1,
      confidence: round2(1 - best.score),
      reason: `前 ${scan} 行都不像表头（没有可识别的字段名，且与下方数据同类），按无表头处理，数据从第 ${firstData + 1} 行开始`,
    };
  }
  const above = best.row - firstData;
  const reason =
    `第 ${best.row + 1} 行是表头：${best.known}/${best.cells} 个单元格是已知字段名` +
    (best.row > 0 ? (above > 0 ? `；上方为标题、说明或空行` : '；上方为空行') : '');
  return { headerRow: best.row, confidence: round2(Math.min(1, best.score)), reason };
}

function scoreRow(rows: readonly (readonly CellValue[])[], r: number, cols: number[], width: number, first: boolean): RowScore {
  const row = rows[r];
  // One filled cell in a wide table: a title, usually merged across the columns.
  if (cols.length === 1 && width >= 3) return { row: r, score: 0.05, cells: 1, known: 0 };

  let known = 0;
  let texty = 0;
  let contrastSum = 0;
  let contrastCols = 0;
  const seen = new Set<string>();
  for (const c of cols) {
    const v = row[c];
    const text = trimAll(cellToText(v));
    seen.add(text);
    const kind = classifyValue(v);
    const isKnown = typeof v === 'string' && text.length <= MAX_HEADER_CELL && kind !== null && !NOT_TEXT.has(kind) && isFieldName(text);
    if (isKnown) known++;
    if (typeof v === 'string' && text.length <= MAX_HEADER_CELL && kind !== null && !NOT_TEXT.has(kind)) texty++;
    const below = valuesBelow(rows, r, c);
    if (below.length === 0) continue;
    contrastCols++;
    if (below.some((b) => trimAll(cellToText(b)) === text)) continue; // a header is not repeated in its column
    const same = below.filter((b) => classifyValue(b) === kind).length / below.length;
    const plainText = kind === 'text' || kind === 'category';
    // A known field name differs from any value; plain text above plain text is undecided.
    contrastSum += isKnown ? 1 : plainText && same > 0 ? 0.5 : 1 - same;
  }
  const k = cols.length;
  // Nothing below: undecided for a sheet's only row, but a row under data is not the header of nothing.
  const contrast = contrastCols > 0 ? contrastSum / contrastCols : first ? 0.5 : 0;
  const distinct = 0.8 + 0.2 * (seen.size / k);
  const score = (0.4 * (known / k) + 0.2 * (texty / k) + 0.25 * contrast + 0.15 * Math.min(1, k / width)) * distinct;
  return { row: r, score, cells: k, known };
}

// Header matching is the costly part of scoring a row; the same texts recur down a column.
const knownNames = new Map<string, boolean>();
function isFieldName(text: string): boolean {
  let known = knownNames.get(text);
  if (known === undefined) {
    known = (bestHeaderMatch(text)?.confidence ?? 0) >= KNOWN_NAME_AT;
    if (knownNames.size > 5000) knownNames.clear();
    knownNames.set(text, known);
  }
  return known;
}

function valuesBelow(rows: readonly (readonly CellValue[])[], r: number, c: number): CellValue[] {
  const out: CellValue[] = [];
  const end = Math.min(rows.length, r + 1 + ROWS_BELOW * 4); // a mostly blank column must not scan the whole sheet
  for (let i = r + 1; i < end && out.length < ROWS_BELOW; i++) {
    const v = rows[i]?.[c];
    if (!isBlank(v) && cellErrorCode(v) === null) out.push(v);
  }
  return out;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
