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
 * One column of a CSV parsed column by column, dictionary-encoded: each distinct text is one string, shared by
 * every row that holds it. Sheets repeat their texts heavily (an order's lines, countries, products), so this
 * keeps one string per distinct text instead of one per cell, and lets the xlsx writer look each text up once.
 */
export interface CsvColumn {
  /** Per row: the index of its text in `texts`, or -1 for an empty field (or a row too short to reach it). */
  codes: Int32Array;
  texts: string[];
}

export interface CsvTable {
  rowCount: number;
  /** The number of fields each row has, as parsed: rows may be ragged, an empty line has none. */
  widths: Int32Array;
  columns: CsvColumn[];
}

/** FNV-1a over UTF-16 code units: the same hash for a range of the text and for the string cut from it. */
function hashRange(s: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h;
}

/**
 * A column being parsed: codes so far and an open-addressing hash table over its distinct texts. Hand-made
 * rather than a Map because it finds a field's text from its place in the file, without cutting a string per
 * cell first (half a million rows make millions of short-lived strings otherwise).
 */
class ColumnBuilder {
  codes: Int32Array;
  readonly texts: string[] = [];
  /** Per code: its hash, and where its text first appears in the file (-1 for text unquoted from a quoted field). */
  private hashes = new Int32Array(64);
  private places = new Int32Array(64);
  /** Code + 1 per slot; 0 is an empty slot. */
  private slots = new Int32Array(128);

  constructor(capacity: number) {
    this.codes = new Int32Array(capacity).fill(-1);
  }

  /** The last field looked up, as a run of one value down the column (an order's lines) is common. */
  private lastStart = -1;
  private lastLength = -1;
  private lastCode = -1;

  /** The code of text[start, end); the text is cut only the first time it is seen. */
  codeOfRange(text: string, start: number, end: number): number {
    const len = end - start;
    if (len === this.lastLength && sameRange(text, this.lastStart, start, len)) {
      this.lastStart = start;
      return this.lastCode;
    }
    const hash = hashRange(text, start, end);
    const mask = this.slots.length - 1;
    let code: number;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      code = this.slots[slot] - 1;
      if (code < 0) {
        code = this.add(text.slice(start, end), hash, slot, start);
        break;
      }
      if (this.hashes[code] !== hash) continue;
      const t = this.texts[code];
      if (t.length !== len) continue;
      // Compared within the file's own text where it can be: faster than with the string cut from it.
      const at = this.places[code];
      if (at >= 0 ? sameRange(text, at, start, len) : text.startsWith(t, start)) break;
    }
    this.lastStart = start;
    this.lastLength = len;
    this.lastCode = code;
    return code;
  }

  codeOf(s: string): number {
    const hash = hashRange(s, 0, s.length);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const code = this.slots[slot] - 1;
      if (code < 0) return this.add(s, hash, slot, -1);
      if (this.hashes[code] === hash && this.texts[code] === s) return code;
    }
  }

  /** Rows beyond the codes so far: room for `rows` of them, the new ones blank. */
  grow(rows: number): void {
    const codes = new Int32Array(rows).fill(-1, this.codes.length);
    codes.set(this.codes);
    this.codes = codes;
  }

  private add(s: string, hash: number, slot: number, place: number): number {
    const code = this.texts.length;
    this.texts.push(s);
    if (code === this.hashes.length) {
      const hashes = new Int32Array(code * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
      const places = new Int32Array(code * 2);
      places.set(this.places);
      this.places = places;
    }
    this.hashes[code] = hash;
    this.places[code] = place;
    this.slots[slot] = code + 1;
    if (this.texts.length * 2 > this.slots.length) this.rehash();
    return code;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let code = 0; code < this.texts.length; code++) {
      let slot = this.hashes[code] & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = code + 1;
    }
    this.slots = slots;
  }
}

function sameRange(text: string, a: number, b: number, len: number): boolean {
  for (let k = 0; k < len; k++) if (text.charCodeAt(a + k) !== text.charCodeAt(b + k)) return false;
  return true;
}

/** The rows parsed so far, column by column. */
class TableBuilder {
  private readonly columns: ColumnBuilder[] = [];
  private capacity = 1024;
  private widths = new Int32Array(this.capacity);
  private rowCount = 0;
  private readonly quoted: CsvRow = [];

  /**
   * Parses up to `maxRows` rows from `pos`, as parseCsvRows reads them; returns the position after the last.
   * Fast path as there: a line with no quote and no stray CR is cut with indexOf (native); any other line goes
   * through parseRow.
   */
  parse(text: string, delimiter: string, pos: number, maxRows: number): number {
    const n = text.length;
    let nextQuote = -1;
    let nextCR = -1;
    for (let parsed = 0; pos < n && parsed < maxRows; parsed++) {
      if (this.rowCount === this.capacity) this.grow();
      const r = this.rowCount++;
      let eol = text.indexOf('\n', pos);
      if (eol < 0) eol = n;
      if (nextQuote < pos) nextQuote = indexOrEnd(text, '"', pos);
      if (nextCR < pos) nextCR = indexOrEnd(text, '\r', pos);
      let c = 0;
      if (nextQuote >= eol && nextCR >= eol - 1) {
        const end = nextCR === eol - 1 ? eol - 1 : eol;
        for (let start = pos; ; c++) {
          let next = text.indexOf(delimiter, start);
          if (next < 0 || next > end) next = end;
          if (next > start) {
            const column = this.column(c);
            column.codes[r] = column.codeOfRange(text, start, next);
          }
          if (next >= end) break;
          start = next + 1;
        }
        c++;
        pos = eol + 1;
      } else {
        const row = this.quoted;
        row.length = 0;
        pos = parseRow(text, delimiter.charCodeAt(0), pos, row);
        for (; c < row.length; c++) {
          const v = row[c];
          const column = this.column(c);
          column.codes[r] = v === null ? -1 : column.codeOf(v);
        }
      }
      this.column(c - 1); // every column a row reaches exists, even if all its fields are empty
      this.widths[r] = c === 1 && this.columns[0].codes[r] < 0 ? 0 : c; // an empty line is an empty row
    }
    return Math.min(pos, n);
  }

  get rows(): number {
    return this.rowCount;
  }

  /** The table, trailing empty rows dropped. */
  build(): CsvTable {
    let rowCount = this.rowCount;
    while (rowCount > 0 && this.columns.every((b) => b.codes[rowCount - 1] < 0)) rowCount--;
    return {
      rowCount,
      widths: this.widths.subarray(0, rowCount),
      columns: this.columns.map((b) => ({ codes: b.codes.subarray(0, rowCount), texts: b.texts })),
    };
  }

  private column(c: number): ColumnBuilder {
    while (this.columns.length <= c) this.columns.push(new ColumnBuilder(this.capacity));
    return this.columns[c];
  }

  private grow(): void {
    this.capacity *= 2;
    const widths = new Int32Array(this.capacity);
    widths.set(this.widths);
    this.widths = widths;
    for (const b of this.columns) b.grow(this.capacity);
  }
}

/**
 * Parses the whole text column by column (see CsvColumn), in chunks, reporting progress (total estimated from the
 * share of text consumed) and honouring `signal`. Rows and fields are read as parseCsvRows reads them; trailing
 * empty rows are dropped so the result is the used range.
 */
export async function parseCsvTable(text: string, delimiter: CsvDelimiter, opts: ReadOptions = {}): Promise<CsvTable> {
  const builder = new TableBuilder();
  let pos = 0;
  while (pos < text.length) {
    opts.signal?.throwIfAborted();
    pos = builder.parse(text, delimiter, pos, CHUNK_ROWS);
    if (pos < text.length) {
      opts.onProgress?.(builder.rows, Math.round((builder.rows * text.length) / pos));
      await breathe();
    }
  }
  const table = builder.build();
  opts.onProgress?.(table.rowCount, table.rowCount);
  return table;
}

/** The table's rows as parseCsvRows makes them. */
export function csvTableRows(table: CsvTable): CsvRow[] {
  const rows = new Array<CsvRow>(table.rowCount);
  const { columns, widths } = table;
  for (let r = 0; r < table.rowCount; r++) {
    const row = new Array<string | null>(widths[r]);
    for (let c = 0; c < row.length; c++) {
      const code = columns[c].codes[r];
      row[c] = code < 0 ? null : columns[c].texts[code];
    }
    rows[r] = row;
  }
  return rows;
}

/** The whole text as rows (see parseCsvTable), each distinct text of a column one shared string. */
export async function parseCsv(text: string, delimiter: CsvDelimiter, opts: ReadOptions = {}): Promise<CsvRow[]> {
  return csvTableRows(await parseCsvTable(text, delimiter, opts));
}
