/**
 * The in-memory workbook behind the fake Excel API: sheets of cells with values, number formats, formulas and a
 * few styles, plus tables, charts, merges and frozen panes. The rules Excel enforces that the adapter must respect
 * (sheet and table names, shapes, limits) throw Office-like errors `{ code, message }`.
 */
import * as fs from 'fs';

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** An OfficeExtension.Error look-alike. */
export class FakeOfficeError extends Error {
  readonly debugInfo: { code: string; message: string };
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
    this.debugInfo = { code, message };
  }
}

export function officeError(code: string, message: string): FakeOfficeError {
  return new FakeOfficeError(code, message);
}

export class ErrorValue {
  constructor(readonly code: string) {}
}

export type Stored = number | string | boolean | ErrorValue;

/** Inclusive, 0-based. */
export interface Box {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export function boxRows(b: Box): number {
  return b.r1 - b.r0 + 1;
}
export function boxCols(b: Box): number {
  return b.c1 - b.c0 + 1;
}
export function overlaps(a: Box, b: Box): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

function lettersToCol(s: string): number {
  let n = 0;
  for (const ch of s.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function colLetters(c0: number): string {
  let s = '';
  for (let n = c0 + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Parses `A1`, `B2:C5`, `A:C`, `2:4`, with an optional `Sheet!` / `'My sheet'!` prefix. */
export function parseAddress(address: string): { sheet?: string; box: Box } {
  const bang = address.lastIndexOf('!');
  let sheet: string | undefined;
  let ref = address;
  if (bang >= 0) {
    sheet = address.slice(0, bang);
    if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    ref = address.slice(bang + 1);
  }
  const parts = ref.replace(/\$/g, '').toUpperCase().split(':');
  if (parts.length > 2 || parts[0] === '') throw officeError('InvalidArgument', `The address ${address} is not valid.`);
  const ends = parts.map((p) => {
    let m = /^([A-Z]{1,3})(\d{1,7})$/.exec(p);
    if (m) return { r: Number(m[2]) - 1, c: lettersToCol(m[1]), kind: 'cell' as const };
    m = /^([A-Z]{1,3})$/.exec(p);
    if (m) return { r: -1, c: lettersToCol(m[1]), kind: 'col' as const };
    m = /^(\d{1,7})$/.exec(p);
    if (m) return { r: Number(m[1]) - 1, c: -1, kind: 'row' as const };
    throw officeError('InvalidArgument', `The address ${address} is not valid.`);
  });
  const [a, b = a] = ends;
  if (a.kind !== b.kind || (parts.length === 1 && a.kind !== 'cell')) {
    throw officeError('InvalidArgument', `The address ${address} is not valid.`);
  }
  const box: Box =
    a.kind === 'col'
      ? { r0: 0, r1: MAX_ROWS - 1, c0: Math.min(a.c, b.c), c1: Math.max(a.c, b.c) }
      : a.kind === 'row'
        ? { r0: Math.min(a.r, b.r), r1: Math.max(a.r, b.r), c0: 0, c1: MAX_COLS - 1 }
        : { r0: Math.min(a.r, b.r), r1: Math.max(a.r, b.r), c0: Math.min(a.c, b.c), c1: Math.max(a.c, b.c) };
  checkBox(box);
  return { sheet, box };
}

export function checkBox(b: Box): void {
  if (b.r0 < 0 || b.c0 < 0 || b.r1 >= MAX_ROWS || b.c1 >= MAX_COLS || b.r1 < b.r0 || b.c1 < b.c0) {
    throw officeError('InvalidArgument', 'The range is outside the worksheet.');
  }
}

export function boxA1(b: Box): string {
  const tl = `${colLetters(b.c0)}${b.r0 + 1}`;
  return b.r0 === b.r1 && b.c0 === b.c1 ? tl : `${tl}:${colLetters(b.c1)}${b.r1 + 1}`;
}

export function qualifiedAddress(sheet: string, b: Box): string {
  const name = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${name}!${boxA1(b)}`;
}

export function sheetNameError(name: string): FakeOfficeError | null {
  if (typeof name !== 'string' || name.trim() === '' || name.length > 31 || /[[\]:*?/\\]/.test(name) || /^'|'$/.test(name)) {
    return officeError('InvalidArgument', `The sheet name "${name}" is not valid.`);
  }
  if (name.toLowerCase() === 'history') return officeError('InvalidArgument', 'History is a reserved sheet name.');
  return null;
}

export interface Style {
  bold?: boolean;
  size?: number;
  fill?: string;
}

export interface TableModel {
  name: string;
  sheet: SheetModel;
  box: Box;
  style: string;
  id: string;
}

export interface ChartModel {
  name: string;
  type: string;
  seriesBy: string;
  source: Box;
  title: string;
  position: { start: string; end?: string } | null;
  width: number;
  height: number;
  top: number;
  left: number;
  series: { chartType: string; axisGroup: string }[];
}

export class SheetModel {
  deleted = false;
  visibility = 'Visible';
  /** rows[r][c]; holes are empty cells. */
  rows: (Stored | undefined)[][] = [];
  formats: (string | undefined)[][] = [];
  formulas = new Map<string, string>();
  styles = new Map<string, Style>();
  columnWidths = new Map<number, number>();
  freeze = { rows: 0, cols: 0 };
  tables: TableModel[] = [];
  charts: ChartModel[] = [];
  merges: Box[] = [];
  /** Conditional formats as added: the range, the type, and a colour scale's criteria once set. */
  conditionalFormats: { box: Box; type: string; criteria?: unknown }[] = [];

  constructor(
    public name: string,
    readonly id: string,
  ) {}

  get(r: number, c: number): Stored | undefined {
    return this.rows[r]?.[c];
  }
  set(r: number, c: number, v: Stored | undefined): void {
    const row = this.rows[r] ?? (this.rows[r] = []);
    row[c] = v;
    if (v === undefined) this.formulas.delete(`${r},${c}`);
  }
  format(r: number, c: number): string {
    return this.formats[r]?.[c] ?? 'General';
  }
  setFormat(r: number, c: number, f: string | undefined): void {
    const row = this.formats[r] ?? (this.formats[r] = []);
    row[c] = f === 'General' ? undefined : f;
  }
  style(r: number, c: number): Style {
    return this.styles.get(`${r},${c}`) ?? {};
  }
  patchStyle(r: number, c: number, patch: Style): void {
    this.styles.set(`${r},${c}`, { ...this.style(r, c), ...patch });
  }

  /** Bounding box of cells with a value (and, unless valuesOnly, a format or style) inside `within`. */
  usedBox(valuesOnly: boolean, within?: Box): Box | null {
    let r0 = Infinity;
    let r1 = -1;
    let c0 = Infinity;
    let c1 = -1;
    const see = (r: number, c: number) => {
      if (within && (r < within.r0 || r > within.r1 || c < within.c0 || c > within.c1)) return;
      if (r < r0) r0 = r;
      if (r > r1) r1 = r;
      if (c < c0) c0 = c;
      if (c > c1) c1 = c;
    };
    const scan = (grid: unknown[][]) => {
      const from = within ? within.r0 : 0;
      const to = within ? Math.min(within.r1, grid.length - 1) : grid.length - 1;
      for (let r = from; r <= to; r++) {
        const row = grid[r];
        if (!row) continue;
        const cFrom = within ? within.c0 : 0;
        const cTo = within ? Math.min(within.c1, row.length - 1) : row.length - 1;
        for (let c = cFrom; c <= cTo; c++) if (row[c] !== undefined) see(r, c);
      }
    };
    scan(this.rows);
    if (!valuesOnly) {
      scan(this.formats);
      for (const key of this.styles.keys()) {
        const [r, c] = key.split(',').map(Number);
        see(r, c);
      }
    }
    return r1 < 0 ? null : { r0, c0, r1, c1 };
  }

  clear(b: Box, contents: boolean, formats: boolean): void {
    const last = Math.min(b.r1, Math.max(this.rows.length, this.formats.length) - 1);
    for (let r = b.r0; r <= last; r++) {
      const vr = this.rows[r];
      const fr = this.formats[r];
      const cTo = Math.min(b.c1, Math.max(vr?.length ?? 0, fr?.length ?? 0) - 1);
      for (let c = b.c0; c <= cTo; c++) {
        if (contents && vr && vr[c] !== undefined) this.set(r, c, undefined);
        if (formats && fr && fr[c] !== undefined) fr[c] = undefined;
      }
    }
    if (formats) {
      for (const key of [...this.styles.keys()]) {
        const [r, c] = key.split(',').map(Number);
        if (r >= b.r0 && r <= b.r1 && c >= b.c0 && c <= b.c1) this.styles.delete(key);
      }
    }
  }
}

const TEXT_NUMBER = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;
const ISO_DATE = /^\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})\s*$/;
const ERROR_LITERALS = new Set(['#N/A', '#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#SPILL!', '#CALC!']);

/**
 * What Excel stores when the values API sends `input` to a cell, the way typing it would: in a cell formatted
 * `@` text stays text; elsewhere a leading `=`/`+`/`@` makes a formula (the fake does not evaluate it: `#NAME?`),
 * number, ISO date, TRUE/FALSE and error look-alikes are converted. null leaves the cell alone; "" clears it.
 */
export function storeInput(sheet: SheetModel, r: number, c: number, input: unknown): void {
  if (input === null || input === undefined) return;
  const fmt = sheet.format(r, c);
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw officeError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
    sheet.set(r, c, input);
    return;
  }
  if (typeof input === 'boolean') {
    sheet.set(r, c, input);
    return;
  }
  if (typeof input !== 'string') throw officeError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
  if (input.length > 32767) throw officeError('InvalidArgument', 'Text values can contain at most 32,767 characters.');
  if (input === '') {
    sheet.set(r, c, undefined);
    return;
  }
  if (fmt === '@') {
    sheet.set(r, c, input);
    return;
  }
  const first = input[0];
  if (first === '=' || first === '@' || ((first === '+' || first === '-') && !TEXT_NUMBER.test(input))) {
    sheet.set(r, c, new ErrorValue('#NAME?'));
    sheet.formulas.set(`${r},${c}`, first === '=' ? input : `=${input}`);
    return;
  }
  if (TEXT_NUMBER.test(input)) {
    sheet.set(r, c, Number(input));
    return;
  }
  const d = ISO_DATE.exec(input);
  if (d) {
    sheet.set(r, c, Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3])) / 86_400_000 + 25_569);
    if (fmt === 'General') sheet.setFormat(r, c, 'yyyy-mm-dd');
    return;
  }
  if (/^(true|false)$/i.test(input)) {
    sheet.set(r, c, input.toLowerCase() === 'true');
    return;
  }
  if (ERROR_LITERALS.has(input.toUpperCase())) {
    sheet.set(r, c, new ErrorValue(input.toUpperCase()));
    return;
  }
  sheet.set(r, c, input);
}

let chartTypes: Set<string> | null = null;

/** Excel.ChartType's string values, read from @types/office-js so the list is the real enum, not a copy. */
export function excelChartTypes(): Set<string> {
  if (chartTypes) return chartTypes;
  const text = fs.readFileSync(require.resolve('@types/office-js/index.d.ts'), 'utf8');
  const start = text.indexOf('enum ChartType {', text.indexOf('declare namespace Excel {'));
  const body = text.slice(start, text.indexOf('}', start));
  chartTypes = new Set([...body.matchAll(/=\s*"([^"]+)"/g)].map((m) => m[1]));
  if (chartTypes.size < 50) throw new Error('excel-fake: could not read Excel.ChartType from @types/office-js');
  return chartTypes;
}

const TABLE_STYLE = /^TableStyle(?:Light(?:[1-9]|1\d|2[01])|Medium(?:[1-9]|1\d|2[0-8])|Dark(?:[1-9]|1[01]))$/;

export function tableStyleError(style: string): FakeOfficeError | null {
  return style === '' || TABLE_STYLE.test(style) ? null : officeError('InvalidArgument', `The table style ${style} is not valid.`);
}

export function tableNameError(name: string, taken: readonly string[]): FakeOfficeError | null {
  if (typeof name !== 'string' || !/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name) || name.length > 255 || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]$/.test(name)) {
    return officeError('InvalidArgument', `The table name ${name} is not valid.`);
  }
  if (taken.some((t) => t.toLowerCase() === name.toLowerCase())) {
    return officeError('ItemAlreadyExists', `A table named ${name} already exists.`);
  }
  return null;
}
