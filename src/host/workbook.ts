/**
 * The port between the engine and a workbook. Two adapters implement it: host/office (Excel via Office.js) and
 * host/file (.xlsx/.csv in Node and the browser). Plain data in, plain data out; every call is async.
 *
 * Conventions both hosts keep:
 * - Rows and columns are 1-based Excel numbers wherever a position is given (`headerRow`, `at`, `firstRow`).
 * - A grid row's element 0 is column A; a row may be shorter than the sheet (missing cells are blank).
 * - Dates are Excel's wall-clock date-times carried in the Date's UTC fields (2024-01-05 00:00 is
 *   Date.UTC(2024, 0, 5)); no time zone is applied in either direction.
 * - Writing is safe: strings are always written as text, never as formulas; text that Excel would take for a
 *   formula or a number (`=1+1`, `+86 138…`, `-5`, `@x`, `00123`) also gets the text format `@`, so editing
 *   the cell later keeps it text. Dates stay dates, numbers stay numbers.
 * - The user's cells are never overwritten: new columns go to empty columns, new sheets must not exist unless
 *   `replace` says this tool owns them.
 */
import { CellValue } from '../core/cell';
import type { ChartSpec } from '../core/report/chart-spec';

export type CellFormat = 'text' | 'integer' | 'number' | 'thousands' | 'percent' | 'date' | 'datetime' | 'currency';

/** Excel number format codes for each CellFormat, shared by both hosts. */
export const FORMAT_CODES: Readonly<Record<CellFormat, string>> = {
  text: '@',
  integer: '0',
  number: '#,##0.00',
  thousands: '#,##0',
  percent: '0.0%',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm:ss',
  currency: '¥#,##0.00',
};

/** `rowCount`/`columnCount` are the size of the used range as `readSheet` returns it (columns counted from A). */
export interface SheetInfo {
  name: string;
  rowCount: number;
  columnCount: number;
}

export interface ReadOptions {
  signal?: AbortSignal;
  onProgress?: (rowsRead: number, totalRows: number) => void;
}

export interface SheetData {
  name: string;
  /** The used range, row by row; rows[0] is Excel row `firstRow`, rows[i][0] is column A. */
  rows: CellValue[][];
  firstRow: number;
  /**
   * Merged ranges in A1 form (`A1:C1`). Only the top-left cell of a merge holds the value; the others read as
   * null. Hosts do not fill merges: whether a merged header spans its columns is the caller's decision.
   */
  merges: string[];
  /** How many cells hold a formula; their cached results are what `rows` holds. */
  formulas?: number;
}

export interface ColumnWrite {
  header: string;
  /** values[i] goes to Excel row headerRow + 1 + i. */
  values: CellValue[];
  format?: CellFormat;
  /** 1-based Excel row of the header line the column joins. */
  headerRow: number;
  /**
   * Where to put the column: right after this column (its header text in `headerRow`, or its 1-based number)
   * when that column is empty, else in the first empty column right of the used range (the default).
   * Existing cells are never moved or overwritten.
   */
  afterColumn?: string | number;
  /**
   * When true and `headerRow` already holds exactly `header` (a column this tool wrote on an earlier run), that
   * column is cleared below the header and rewritten instead of adding a second copy.
   */
  replaceOwn?: boolean;
}

/** 1-based [row, column] of a block's top-left cell. */
export type CellAt = [row: number, col: number];

export interface TableBlock {
  kind: 'table';
  at: CellAt;
  header: string[];
  rows: CellValue[][];
  /** One per column; undefined lets the host pick (dates get `date`/`datetime`, the rest General). */
  formats?: (CellFormat | undefined)[];
  /**
   * Excel table name (letters, digits, `_`, `.`; starts with a letter or `_`; unique in the workbook). Every table
   * block becomes an Excel table (header style, filter buttons); without a name the host picks a free one.
   */
  name?: string;
  /** Excel table style, e.g. `TableStyleMedium2` (the default). */
  style?: string;
  /**
   * Colours the body's numbers (every column but the first) from white to blue by value, as a heat map: a
   * conditional-format colour scale, so Excel recolours when the numbers change.
   */
  heatMap?: boolean;
}

export interface KvBlock {
  kind: 'kv';
  at: CellAt;
  pairs: [label: string, value: CellValue, format?: CellFormat][];
}

export interface TitleBlock {
  kind: 'title';
  at: CellAt;
  text: string;
}

export type SheetBlock = TableBlock | KvBlock | TitleBlock;

export interface SheetSpec {
  name: string;
  blocks: SheetBlock[];
  /** Rows above / columns left of the split stay in view. */
  freeze?: { rows: number; cols: number };
  /** Character widths from column A; missing ones are estimated from the content. */
  columnWidths?: number[];
  /** Replace a sheet of this name if it exists (re-running a step); without it an existing name is an error. */
  replace?: boolean;
}

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export interface Workbook {
  listSheets(): Promise<SheetInfo[]>;
  readSheet(name: string, opts?: ReadOptions): Promise<SheetData>;
  writeColumns(sheet: string, columns: ColumnWrite[]): Promise<void>;
  writeSheet(spec: SheetSpec): Promise<void>;
  deleteSheet(name: string): Promise<void>;
  /** Settings saved in the workbook itself, so a re-run uses the same choices. */
  getSetting(key: string): Promise<JsonValue | undefined>;
  setSetting(key: string, value: JsonValue): Promise<void>;
  /** A native chart over cells already written; re-running a step replaces the charts on the sheets it replaces. */
  addChart?(spec: ChartSpec): Promise<void>;
}

/**
 * Text Excel would not keep as typed text: formula starts (`= + - @`) and anything it would read as a number
 * or a date or a boolean (leading zeros, long IDs, `1e5`, `12%`, `2024-01-05`, `TRUE`). Such strings get the
 * text format `@`.
 */
export function textNeedsTextFormat(s: string): boolean {
  if (s.length === 0) return false;
  const c = s.charCodeAt(0);
  if (c === 61 /* = */ || c === 43 /* + */ || c === 45 /* - */ || c === 64 /* @ */) return true;
  if (/^\s*[(]?[$¥€£]?\s*[0-9.,]+(?:[eE][+-]?\d+)?\s*%?[)]?\s*$/.test(s) && /\d/.test(s)) return true;
  return /^\s*\d{1,4}[-/.年]\d{1,2}(?:[-/.月]\d{1,4})?/.test(s) || /^\s*(?:true|false)\s*$/i.test(s);
}

const SHEET_NAME_BAD = /[[\]:*?/\\]/;

/**
 * Checks a new sheet name the way Excel does; returns the problem in zh-CN then en-US, or null when it is fine.
 * `existing` are the workbook's other sheet names (compared case-insensitively, as Excel does).
 */
export function sheetNameProblem(name: string, existing: readonly string[]): string | null {
  if (name.trim() === '') return '工作表名称不能为空 (sheet name is empty)';
  if (name.length > 31) return `工作表名称“${name}”超过 31 个字符 (sheet name longer than 31 characters)`;
  if (SHEET_NAME_BAD.test(name)) {
    return `工作表名称“${name}”含有不允许的字符 [ ] : * ? / \\ (sheet name contains one of [ ] : * ? / \\)`;
  }
  if (name.startsWith("'") || name.endsWith("'")) {
    return `工作表名称“${name}”不能以单引号开头或结尾 (sheet name cannot start or end with ')`;
  }
  if (name.toLowerCase() === 'history') return '“History”是 Excel 保留的工作表名称 (History is reserved by Excel)';
  const lower = name.toLowerCase();
  if (existing.some((e) => e.toLowerCase() === lower)) {
    return `工作表“${name}”已存在 (a sheet named ${name} already exists)`;
  }
  return null;
}

/** Checks an Excel table name; returns the problem (zh-CN then en-US) or null. */
export function tableNameProblem(name: string, existing: readonly string[]): string | null {
  if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name) || name.length > 255) {
    return `表名称“${name}”无效：须以字母或下划线开头，只含字母、数字、下划线和点 (invalid Excel table name)`;
  }
  if (/^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name)) {
    return `表名称“${name}”像单元格地址 (table name looks like a cell reference)`;
  }
  const lower = name.toLowerCase();
  if (existing.some((e) => e.toLowerCase() === lower)) return `表名称“${name}”已被使用 (table name already in use)`;
  return null;
}
