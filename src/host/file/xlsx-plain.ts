/**
 * A workbook held as plain data: what a CSV input becomes once something is written to it. It keeps exactly
 * what the Workbook port can write (typed values, one of a fixed set of styles per cell, tables, frozen panes,
 * widths, a very hidden settings sheet) in columns of plain arrays, so 500,000-row sheets stay cheap, and
 * xlsx-fast-write.ts turns it into .xlsx bytes. Sheets read from an .xlsx package are held the same way, with
 * their source (SheetSource), and saved by xlsx-package-write.ts.
 */
import { CellValue, cellToText, isBlank } from '../../core/cell';
import { CellFormat, ColumnWrite, SheetData, SheetSpec } from '../workbook';
import type { CsvTable } from './csv';
import { typedCell } from './xlsx-cell';
import { rangeRef } from './xlsx-xml';
import { planSheet, sheetWidths, tableColumnNames } from './xlsx-sheet-plan';
import { FontKind, PLAIN_STYLE, styleCode, withFont, withFormat } from './xlsx-styles';

export interface PlainColumn {
  /** values[r - 1] is row r; missing entries are blank. */
  values: CellValue[];
  /** The style code of each row, or one code for every row. */
  styles: Uint8Array | number;
  /** The values dictionary-encoded, when the column repeats them (see ColumnDict). */
  dict?: ColumnDict;
}

/** A row's code when it is blank, and when its value is in `values` only. */
export const DICT_BLANK = -1;
export const DICT_OUTSIDE = -2;

/**
 * A column's values as codes into its distinct values, so the writer encodes each distinct value once instead of
 * once per cell. Row r (r < codes.length) holds `entries[codes[r]]` (the very value in `values[r]`) when its code
 * is 0 or more, is blank at DICT_BLANK, and is read from `values` at DICT_OUTSIDE; rows from codes.length on are
 * read from `values`. Every write to the column keeps this true (setCell marks its row DICT_OUTSIDE).
 */
export interface ColumnDict {
  codes: Int32Array;
  /** Never null: a blank is DICT_BLANK. */
  entries: CellValue[];
}

export interface PlainTable {
  name: string;
  /** 1-based first and last row and first column; the header row is `row`. */
  row: number;
  lastRow: number;
  col: number;
  /** The column names, which the header cells hold. */
  columns: string[];
  style: string;
}

/**
 * Where a sheet read from an .xlsx package came from. Saving copies its part as it was, unless columns were
 * written to it: then those columns are written anew into a copy of its part (xlsx-package-write.ts).
 */
export interface SheetSource {
  /** Its `<sheet …/>` element in the workbook part, as it was. */
  element: string;
  /** Its part, e.g. xl/worksheets/sheet1.xml ('' when the package lacks it). */
  part: string;
  /** False for chart sheets, dialog and macro sheets: kept in the file, never listed or read. */
  worksheet: boolean;
  merges: string[];
  formulas: number;
  /** Names of the Excel tables on it, which new tables must not take. */
  tableNames: string[];
  /** 1-based columns written since it was read. */
  written: Set<number>;
}

export interface PlainSheet {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** Set for a sheet read from an .xlsx package (see SheetSource); its cells' styles are not held here. */
  source?: SheetSource;
  /** columns[c - 1] is column c. */
  columns: (PlainColumn | undefined)[];
  /** The style of a column's cells that were never written (CSV columns are text). */
  columnStyles: (number | undefined)[];
  widths: (number | undefined)[];
  freeze?: { rows: number; cols: number };
  tables: PlainTable[];
  /** Ranges (A1) coloured as heat maps: see TableBlock.heatMap. */
  heatMaps: string[];
  /** Merged ranges (A1) of a sheet copied from another workbook (see copyOfSheet). */
  merges?: string[];
}

export interface PlainBook {
  sheets: PlainSheet[];
}

export function newPlainSheet(name: string, state: PlainSheet['state'] = 'visible'): PlainSheet {
  return { name, state, columns: [], columnStyles: [], widths: [], tables: [], heatMaps: [] };
}

/** A CSV as a sheet: every cell text, with the text format so Excel keeps `00123` as typed. */
export function plainSheetFromCsv(name: string, table: CsvTable): PlainSheet {
  const sheet = newPlainSheet(name);
  const width = table.widths.reduce((m, w) => Math.max(m, w), 0);
  const text = styleCode('text');
  for (let c = 0; c < width; c++) {
    const { codes, texts } = table.columns[c];
    const values = new Array<CellValue>(table.rowCount);
    for (let r = 0; r < table.rowCount; r++) {
      const code = codes[r];
      values[r] = code < 0 ? null : texts[code];
    }
    sheet.columns[c] = { values, styles: text, dict: { codes, entries: texts } };
    sheet.columnStyles[c] = text;
  }
  return sheet;
}

export function cellValue(sheet: PlainSheet, row: number, col: number): CellValue {
  const v = sheet.columns[col - 1]?.values[row - 1];
  return v === undefined ? null : v;
}

export function cellStyle(sheet: PlainSheet, row: number, col: number): number {
  const column = sheet.columns[col - 1];
  if (!column) return sheet.columnStyles[col - 1] ?? PLAIN_STYLE;
  return typeof column.styles === 'number' ? column.styles : column.styles[row - 1] ?? sheet.columnStyles[col - 1] ?? PLAIN_STYLE;
}

function columnFor(sheet: PlainSheet, col: number): PlainColumn {
  let column = sheet.columns[col - 1];
  if (!column) {
    column = { values: [], styles: sheet.columnStyles[col - 1] ?? PLAIN_STYLE };
    for (let c = sheet.columns.length; c < col - 1; c++) sheet.columns[c] = undefined; // keep the array packed
    sheet.columns[col - 1] = column;
  }
  return column;
}

/** Per-row styles of a column, grown to hold `rows` rows. */
function rowStyles(sheet: PlainSheet, col: number, rows: number): Uint8Array {
  const column = columnFor(sheet, col);
  const old = column.styles;
  if (typeof old !== 'number' && old.length >= rows) return old;
  const size = Math.max(rows, column.values.length, typeof old === 'number' ? 0 : Math.ceil(old.length * 1.5));
  const grown = new Uint8Array(size);
  if (typeof old === 'number') grown.fill(old, 0, column.values.length);
  else grown.set(old);
  grown.fill(sheet.columnStyles[col - 1] ?? PLAIN_STYLE, typeof old === 'number' ? column.values.length : old.length);
  column.styles = grown;
  return grown;
}

function setCell(sheet: PlainSheet, row: number, col: number, value: CellValue, style: number): void {
  const column = columnFor(sheet, col);
  const { values } = column;
  for (let r = values.length; r < row - 1; r++) values[r] = null; // keep the array packed
  values[row - 1] = value;
  if (column.dict && row <= column.dict.codes.length) column.dict.codes[row - 1] = DICT_OUTSIDE;
  if (column.styles !== style) rowStyles(sheet, col, row)[row - 1] = style;
}

/** Writes one value typed (xlsx-cell.ts), its format set, the rest of its style kept. */
function writeCell(sheet: PlainSheet, row: number, col: number, v: CellValue, format?: CellFormat, font?: FontKind): void {
  const t = typedCell(v, format);
  let style = withFormat(cellStyle(sheet, row, col), t.format);
  if (font) style = withFont(style, font);
  setCell(sheet, row, col, t.value, style);
}

function hasValue(v: CellValue): boolean {
  return v !== null && v !== undefined;
}

/** Rows and columns that hold a value; cells with only a style do not count. */
export function plainExtent(sheet: PlainSheet): { firstRow: number; lastRow: number; lastCol: number } {
  let firstRow = 0;
  let lastRow = 0;
  let lastCol = 0;
  sheet.columns.forEach((column, c) => {
    if (!column) return;
    const { values } = column;
    let last = values.length;
    while (last > 0 && !hasValue(values[last - 1])) last--;
    if (last === 0) return;
    let first = 0;
    while (!hasValue(values[first])) first++;
    lastCol = c + 1;
    lastRow = Math.max(lastRow, last);
    firstRow = firstRow === 0 ? first + 1 : Math.min(firstRow, first + 1);
  });
  return { firstRow: firstRow || 1, lastRow, lastCol };
}

/** The sheet's used range as readSheet returns it: rows from the first used one, trailing blanks cut. */
export function readPlainSheet(sheet: PlainSheet): SheetData {
  const { firstRow, lastRow, lastCol } = plainExtent(sheet);
  const total = lastRow === 0 ? 0 : lastRow - firstRow + 1;
  const rows: CellValue[][] = [];
  for (let i = 0; i < total; i++) {
    const out: CellValue[] = [];
    for (let c = 1; c <= lastCol; c++) out.push(cellValue(sheet, firstRow + i, c));
    while (out.length > 0 && out[out.length - 1] === null) out.pop();
    rows.push(out);
  }
  return { name: sheet.name, rows, firstRow, merges: sheet.source?.merges ?? sheet.merges ?? [], formulas: sheet.source?.formulas ?? 0 };
}

function columnHasValues(sheet: PlainSheet, col: number): boolean {
  return sheet.columns[col - 1]?.values.some(hasValue) ?? false;
}

function findHeader(sheet: PlainSheet, headerRow: number, lastCol: number, matches: (v: CellValue) => boolean): number {
  for (let c = 1; c <= lastCol; c++) {
    const v = cellValue(sheet, headerRow, c);
    if (hasValue(v) && matches(v)) return c;
  }
  return 0;
}

/** Places and writes new columns by the rules ColumnWrite describes: never over a cell that holds a value. */
export function writePlainColumns(sheet: PlainSheet, columns: ColumnWrite[]): void {
  let { lastRow, lastCol } = plainExtent(sheet);
  const afterAnchor = new Map<string, number>();
  for (const col of columns) {
    if (!Number.isInteger(col.headerRow) || col.headerRow < 1) {
      throw new Error(`表头行号无效：${col.headerRow} (headerRow must be a 1-based row number)`);
    }
    if (col.header.trim() === '') throw new Error('新列的表头不能为空 (new column header is empty)');
    let target = 0;
    if (col.replaceOwn) {
      target = findHeader(sheet, col.headerRow, lastCol, (v) => v === col.header); // exact: only our own header
      if (target > 0) {
        const column = columnFor(sheet, target);
        const end = Math.min(lastRow, column.values.length);
        if (end > col.headerRow) {
          column.values.fill(null, col.headerRow, end);
          column.dict?.codes.fill(DICT_BLANK, col.headerRow, end);
          rowStyles(sheet, target, end).fill(PLAIN_STYLE, col.headerRow, end);
        }
      }
    }
    if (target === 0 && col.afterColumn !== undefined) {
      const key = String(col.afterColumn);
      let anchor = afterAnchor.get(key) ?? 0;
      if (anchor === 0) {
        anchor =
          typeof col.afterColumn === 'number'
            ? col.afterColumn
            : findHeader(sheet, col.headerRow, lastCol, (v) => !isBlank(v) && cellToText(v).trim() === key.trim());
        if (anchor < 1) {
          throw new Error(`找不到列“${col.afterColumn}” (column ${col.afterColumn} not found in row ${col.headerRow})`);
        }
      }
      if (!columnHasValues(sheet, anchor + 1)) target = anchor + 1;
      afterAnchor.set(key, target || anchor);
    }
    if (target === 0) target = lastCol + 1;
    lastCol = Math.max(lastCol, target);
    lastRow = Math.max(lastRow, col.headerRow + col.values.length);

    sheet.source?.written.add(target);
    writeCell(sheet, col.headerRow, target, col.header, undefined, 'bold');
    writeColumnValues(sheet, target, col.headerRow + 1, col.values, col.format);
  }
}

/** Distinct values a column dictionary holds before it is given up on a column that barely repeats (IDs). */
const DICT_PROBE = 4096;

/** Codes for `rows` rows of a column getting a fresh dictionary: its first `filled` values are outside it or blank. */
function freshCodes(values: readonly CellValue[], filled: number, rows: number): Int32Array {
  const codes = new Int32Array(Math.max(rows, filled)).fill(DICT_BLANK);
  for (let r = 0; r < filled; r++) if (hasValue(values[r])) codes[r] = DICT_OUTSIDE;
  return codes;
}

/**
 * A column's values from `firstRow` down; blanks are skipped, as they leave the cell as it is. Same result as
 * writeCell per value, written straight into the column's arrays. Each distinct value is typed once, and the
 * column is dictionary-encoded (ColumnDict) unless it barely repeats.
 */
function writeColumnValues(sheet: PlainSheet, col: number, firstRow: number, values: readonly CellValue[], format?: CellFormat): void {
  const end = firstRow - 1 + values.length;
  const styles = rowStyles(sheet, col, end);
  const column = columnFor(sheet, col);
  const filled = column.values.length;
  let out = column.values;
  if (filled < end) {
    out = new Array<CellValue>(end); // made whole at once: half a million rows appended one by one regrow it often
    for (let r = 0; r < filled; r++) out[r] = column.values[r];
    column.values = out;
  }
  for (let r = filled; r < firstRow - 1; r++) out[r] = null;
  const codes = freshCodes(out, filled, end);
  const entries: CellValue[] = [];
  const formats: (CellFormat | undefined)[] = [];
  let codeOf: Map<CellValue, number> | null = new Map();
  let previous: CellValue;
  let previousCode = DICT_OUTSIDE;
  // A row's new style, worked out again only when its old style or its format differs from the row before's.
  let lastStyle = -1;
  let lastFormat: CellFormat | undefined;
  let lastStyled = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const r = firstRow - 1 + i;
    if (v === null || v === undefined) {
      if (r >= filled) out[r] = null;
      continue;
    }
    let code = v === previous ? previousCode : codeOf?.get(v);
    if (code === undefined) {
      const t = typedCell(v, format);
      // A blank result (a non-finite number) and -0 (which a Map takes for 0) stay out of the dictionary.
      if (codeOf === null || t.value === null || Object.is(v, -0)) {
        out[r] = t.value;
        codes[r] = t.value === null ? DICT_BLANK : DICT_OUTSIDE;
        styles[r] = withFormat(styles[r], t.format);
        previous = undefined;
        continue;
      }
      code = entries.length;
      entries.push(t.value);
      formats.push(t.format);
      codeOf.set(v, code);
      if (code >= DICT_PROBE && code * 2 > i) codeOf = null; // mostly distinct: the map would only cost memory
    }
    previous = v;
    previousCode = code;
    out[r] = entries[code];
    codes[r] = code;
    const style = styles[r];
    const entryFormat = formats[code];
    if (style !== lastStyle || entryFormat !== lastFormat) {
      lastStyle = style;
      lastFormat = entryFormat;
      lastStyled = withFormat(style, entryFormat);
    }
    styles[r] = lastStyled;
  }
  column.dict = { codes, entries };
}

function tableNamesOf(book: PlainBook, except?: PlainSheet): string[] {
  return book.sheets.filter((s) => s !== except).flatMap((s) => [...s.tables.map((t) => t.name), ...(s.source?.tableNames ?? [])]);
}

/**
 * Adds the sheet `spec` describes. An existing sheet of that name is an error unless `spec.replace`, which puts
 * the new sheet in the old one's place. `reserved` are names the host keeps for itself.
 */
export function writePlainSheet(book: PlainBook, spec: SheetSpec, reserved: readonly string[] = []): void {
  const old = book.sheets.find((s) => s.name.toLowerCase() === spec.name.toLowerCase());
  const { tableNames } = planSheet(
    spec,
    book.sheets.map((s) => s.name),
    tableNamesOf(book, old),
    reserved,
  );
  const sheet = newPlainSheet(spec.name);
  for (const b of spec.blocks) {
    const [r0, c0] = b.at;
    if (b.kind === 'title') writeCell(sheet, r0, c0, b.text, undefined, 'title');
    else if (b.kind === 'kv') {
      b.pairs.forEach(([label, value, format], i) => {
        writeCell(sheet, r0 + i, c0, label, undefined, 'bold');
        writeCell(sheet, r0 + i, c0 + 1, value, format);
      });
    } else {
      const header = tableColumnNames(b.header);
      header.forEach((h, j) => writeCell(sheet, r0, c0 + j, h));
      for (let j = 0; j < header.length; j++) {
        const format = b.formats?.[j];
        const column = b.rows.map((row) => (row[j] === undefined ? null : row[j]));
        if (format === undefined) writeColumnValues(sheet, c0 + j, r0 + 1, column);
        else column.forEach((v, i) => writeCell(sheet, r0 + 1 + i, c0 + j, v, format)); // blanks get the format too
      }
      // An Excel table needs at least one data row; a header-only table gets one blank row.
      const lastRow = r0 + Math.max(b.rows.length, 1);
      sheet.tables.push({ name: tableNames.get(b)!, row: r0, lastRow, col: c0, columns: header, style: b.style ?? 'TableStyleMedium2' });
      if (b.heatMap && b.rows.length > 0 && header.length > 1) sheet.heatMaps.push(rangeRef(r0 + 1, c0 + 1, r0 + b.rows.length, c0 + header.length - 1));
    }
  }
  sheet.widths = sheetWidths(spec);
  if (spec.freeze && (spec.freeze.rows > 0 || spec.freeze.cols > 0)) sheet.freeze = { ...spec.freeze };
  if (old) book.sheets[book.sheets.indexOf(old)] = sheet;
  else book.sheets.push(sheet);
}

/**
 * A new sheet `name` holding the values of `from` (another workbook's sheet, read from a package or a CSV):
 * values as read (a formula's last result), dates in a date format, text Excel would re-read as a number in the
 * text format, and its merges. The columns are shared with `from`, which must not be written to afterwards.
 */
export function copyOfSheet(from: PlainSheet, name: string): PlainSheet {
  const sheet = newPlainSheet(name);
  sheet.merges = [...(from.source?.merges ?? from.merges ?? [])];
  from.columns.forEach((column, c) => {
    if (!column) return;
    sheet.columnStyles[c] = from.columnStyles[c];
    if (column.dict || typeof column.styles !== 'number' || from.source === undefined) {
      sheet.columns[c] = column; // written by us (a CSV's text columns): values and styles already go together
      return;
    }
    const styles = new Uint8Array(column.values.length);
    column.values.forEach((v, r) => {
      const format = typedCell(v).format;
      if (format !== undefined) styles[r] = styleCode(format);
    });
    sheet.columns[c] = { values: column.values, styles };
  });
  return sheet;
}

/** Replaces the very hidden sheet `name` with one row per entry: its key, then its text in cells. */
export function writePlainSettings(book: PlainBook, name: string, rows: readonly string[][]): void {
  const sheet = newPlainSheet(name, 'veryHidden');
  rows.forEach((cells, r) => cells.forEach((text, c) => setCell(sheet, r + 1, c + 1, text, PLAIN_STYLE)));
  const at = book.sheets.findIndex((s) => s.name === name);
  if (at >= 0) book.sheets.splice(at, 1);
  book.sheets.push(sheet);
}
