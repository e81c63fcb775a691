/**
 * CSV in: bytes -> text (encoding detected) -> rows of strings. Values stay strings (typing is the normalizers'
 * job) except empty -> null.
 *
 * The parser is hand-written rather than taken from a library (papaparse, csv-parse, fast-csv) because it is one
 * small loop and it has to be fast on half a million rows in the browser as well as in Node: charCode scanning
 * plus `indexOf` for quoted fields, strings sliced once, no per-character concatenation.
 */
import { Buffer } from 'buffer';
import * as iconv from 'iconv-lite';
import type { ReadOptions } from '../workbook';

export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';
export type CsvDelimiter = ',' | '\t' | ';';
export type CsvRow = (string | null)[];

/**
 * Decodes CSV bytes. A BOM decides when present; else bytes that are valid UTF-8 are UTF-8, and anything else is
 * taken for GB18030 (a superset of GBK/GB2312), which is what Chinese Excel writes for "CSV (逗号分隔)".
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: iconv.decode(asBuffer(bytes.subarray(2)), 'utf-16le'), encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: iconv.decode(asBuffer(bytes.subarray(2)), 'utf-16be'), encoding: 'utf-16be' };
  }
  try {
    // fatal: throws on the first invalid sequence, which is the validity check; native and fast.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(asBuffer(bytes), 'gb18030'), encoding: 'gb18030' };
  }
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

const CANDIDATES: readonly CsvDelimiter[] = [',', '\t', ';'];

/**
 * The delimiter whose count (outside quotes) is the same on most of the first lines, preferring the larger count
 * on a tie, then comma, tab, semicolon. Comma when nothing is found.
 */
export function detectDelimiter(text: string, sampleLines = 20): CsvDelimiter {
  const counts = CANDIDATES.map(() => [] as number[]);
  let line = CANDIDATES.map(() => 0);
  let inQuotes = false;
  const limit = Math.min(text.length, 1 << 16);
  let lines = 0;
  for (let i = 0; i < limit && lines < sampleLines; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      line.forEach((n, k) => counts[k].push(n));
      line = CANDIDATES.map(() => 0);
      lines++;
    } else {
      const k = c === 44 ? 0 : c === 9 ? 1 : c === 59 ? 2 : -1;
      if (k >= 0) line[k]++;
    }
  }
  // The last line counts only when it ends the text (it may be cut off by the sample limit otherwise).
  if (lines < sampleLines && limit === text.length && line.some((n) => n > 0)) line.forEach((n, k) => counts[k].push(n));

  let best: CsvDelimiter = ',';
  let bestScore = 0;
  let bestMode = 0;
  CANDIDATES.forEach((d, k) => {
    const xs = counts[k];
    if (xs.length === 0) return;
    const freq = new Map<number, number>();
    for (const n of xs) freq.set(n, (freq.get(n) ?? 0) + 1);
    let mode = 0;
    let modeFreq = 0;
    for (const [n, f] of freq) if (n > 0 && (f > modeFreq || (f === modeFreq && n > mode))) [mode, modeFreq] = [n, f];
    const score = modeFreq / xs.length;
    if (mode > 0 && (score > bestScore || (score === bestScore && mode > bestMode))) {
      best = d;
      bestScore = score;
      bestMode = mode;
    }
  });
  return best;
}

/**
 * Parses up to `maxRows` rows from `pos` into `out` (RFC 4180: quoted fields may hold delimiters, `""` and line
 * breaks; lines end in LF, CRLF or CR). Returns the position after the last row parsed (text.length at the end).
 * An empty line becomes an empty row. A quote left open runs to the end of the text, as Excel reads it.
 *
 * Fast path: a line with no quote and no stray CR is cut with indexOf + split (native, several times faster than a
 * character loop); any other line goes through the character loop in parseRow.
 */
export function parseCsvRows(
  text: string,
  delimiter: CsvDelimiter,
  pos: number,
  maxRows: number,
  out: CsvRow[],
  keep?: readonly boolean[],
): number {
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  let nextQuote = -1;
  let nextCR = -1;
  for (let parsed = 0; pos < n && parsed < maxRows; parsed++) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = n;
    if (nextQuote < pos) nextQuote = indexOrEnd(text, '"', pos);
    if (nextCR < pos) nextCR = indexOrEnd(text, '\r', pos);
    let row: CsvRow;
    if (nextQuote >= eol && nextCR >= eol - 1) {
      const end = nextCR === eol - 1 ? eol - 1 : eol;
      if (keep) row = projectedFields(text, delimiter, pos, end, keep);
      else {
        row = text.slice(pos, end).split(delimiter);
        for (let i = 0; i < row.length; i++) if (row[i] === '') row[i] = null;
      }
      pos = eol + 1;
    } else {
      row = [];
      pos = parseRow(text, d, pos, row);
    }
    out.push(row.length === 1 && row[0] === null ? [] : row);
  }
  return Math.min(pos, n);
}

/** The fields of an unquoted line, text only for the columns in `keep` (the rest null): no string is made for a column the caller skips. */
function projectedFields(text: string, delimiter: string, start: number, end: number, keep: readonly boolean[]): CsvRow {
  const row: CsvRow = [];
  for (let i = 0; ; i++) {
    let next = text.indexOf(delimiter, start);
    if (next < 0 || next > end) next = end;
    row.push(keep[i] && next > start ? text.slice(start, next) : null);
    if (next >= end) return row;
    start = next + 1;
  }
}

function indexOrEnd(text: string, ch: string, from: number): number {
  const i = text.indexOf(ch, from);
  return i < 0 ? text.length : i;
}

/** One row by the character loop, from `pos`; returns the position after its line break. */
function parseRow(text: string, d: number, pos: number, row: CsvRow): number {
  const n = text.length;
  for (;;) {
    let c = text.charCodeAt(pos);
    if (c === 34) {
      let start = pos + 1;
      let value = '';
      for (;;) {
        const q = text.indexOf('"', start);
        if (q < 0) {
          value += text.slice(start);
          pos = n;
          break;
        }
        if (text.charCodeAt(q + 1) === 34) {
          value += text.slice(start, q + 1);
          start = q + 2;
          continue;
        }
        value += text.slice(start, q);
        pos = q + 1;
        break;
      }
      // Text after the closing quote (`"a"b`) is kept, as Excel does.
      const rest = pos;
      while (pos < n) {
        c = text.charCodeAt(pos);
        if (c === d || c === 10 || c === 13) break;
        pos++;
      }
      if (pos > rest) value += text.slice(rest, pos);
      row.push(value === '' ? null : value);
    } else {
      const start = pos;
      while (pos < n) {
        c = text.charCodeAt(pos);
        if (c === d || c === 10 || c === 13) break;
        pos++;
      }
      row.push(pos > start ? text.slice(start, pos) : null);
    }
    if (pos >= n) return n;
    c = text.charCodeAt(pos++);
    if (c === d) {
      if (pos >= n) {
        row.push(null);
        return n;
      }
      continue;
    }
    if (c === 13 && text.charCodeAt(pos) === 10) pos++;
    return pos;
  }
}

const CHUNK_ROWS = 50_000;

/** Lets abort signals and UI events in between chunks (setTimeout works in Node, browsers and Workers). */
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Parses the whole text in chunks, reporting progress (total estimated from the share of text consumed) and
 * honouring `signal`. Trailing empty rows are dropped so the result is the used range.
 */
export async function parseCsv(text: string, delimiter: CsvDelimiter, opts: ReadOptions = {}): Promise<CsvRow[]> {
  const rows: CsvRow[] = [];
  let pos = 0;
  while (pos < text.length) {
    opts.signal?.throwIfAborted();
    pos = parseCsvRows(text, delimiter, pos, CHUNK_ROWS, rows);
    if (pos < text.length) {
      opts.onProgress?.(rows.length, Math.round((rows.length * text.length) / pos));
      await breathe();
    }
  }
  while (rows.length > 0 && rows[rows.length - 1].every((v) => v === null)) rows.pop();
  opts.onProgress?.(rows.length, rows.length);
  return rows;
}
