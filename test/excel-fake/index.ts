/// <reference types="office-js" />
/**
 * A strict, in-memory stand-in for the Excel JavaScript API subset the Office host uses, for tests and the bench.
 * office-addin-mock cannot model collections (worksheets, tables, charts), hence this one.
 *
 * Strict where Excel is: reading a property before load()+sync() throws PropertyNotLoaded; values and
 * numberFormat arrays must match the range's shape; sheet and table names follow Excel's rules
 * (InvalidArgument / ItemAlreadyExists); chart types must be real Excel.ChartType values; a sync whose request
 * plus response JSON exceeds 5 MB throws RequestPayloadSizeLimitExceeded; APIs above the configured ExcelApi
 * version throw ApiNotFound. Text written to a cell not formatted `@` is converted the way Excel converts typed
 * input (formulas, numbers, dates, booleans, error literals), so unsafe writes show up in tests.
 */
import { FakeContext, Op } from './api';
import {
  Box,
  ErrorValue,
  FakeOfficeError,
  SheetModel,
  Stored,
  TableModel,
  boxCols,
  boxRows,
  officeError,
  overlaps,
  parseAddress,
  sheetNameError,
} from './model';

export { FakeOfficeError, ErrorValue, SheetModel };
export type { Box, Stored };

export interface FakeExcelOptions {
  /** Highest ExcelApi requirement set the host supports (default 1.17). */
  excelApi?: string;
  /** Bytes one sync may carry (default 5 MB, Excel on the web). */
  payloadLimit?: number;
}

export interface FakeStats {
  syncs: number;
  /** Largest request + response JSON of one successful sync, in bytes. */
  maxPayloadBytes: number;
  totalPayloadBytes: number;
  payloadErrors: number;
  calcSuspends: number;
  screenSuspends: number;
  /** Most suspend calls seen in one sync (more than one means a call sits in a loop). */
  maxSuspendsPerSync: number;
}

/** Per-op bytes Office.js adds around each action in a request. */
const OP_OVERHEAD = 64;

function versionNumber(v: string): number {
  const [major, minor = '0'] = v.split('.');
  return Number(major) * 1000 + Number(minor);
}

/** A seeded cell: plain values are stored as they are (strings stay strings), Dates as serials with a date format. */
export type SeedValue = string | number | boolean | Date | { error: string } | null | undefined;

export class FakeExcel {
  sheets: SheetModel[] = [];
  stats: FakeStats = FakeExcel.emptyStats();
  readonly excelApi: string;
  readonly payloadLimit: number;
  private sheetCounter = 0;
  private tableCounter = 0;
  private chartCounter = 0;
  private failures: { atSync: number; code: string }[] = [];

  constructor(opts: FakeExcelOptions = {}) {
    this.excelApi = opts.excelApi ?? '1.17';
    this.payloadLimit = opts.payloadLimit ?? 5 * 1024 * 1024;
  }

  private static emptyStats(): FakeStats {
    return { syncs: 0, maxPayloadBytes: 0, totalPayloadBytes: 0, payloadErrors: 0, calcSuspends: 0, screenSuspends: 0, maxSuspendsPerSync: 0 };
  }
  resetStats(): void {
    this.stats = FakeExcel.emptyStats();
  }

  supports(version: string): boolean {
    return versionNumber(version) <= versionNumber(this.excelApi);
  }

  /** Office.context.requirements look-alike. */
  readonly requirements = {
    isSetSupported: (name: string, version?: string): boolean => name === 'ExcelApi' && this.supports(version ?? '1.1'),
  };

  /** Excel.run look-alike: a fresh context per batch; what is still queued at the end is synced. */
  readonly run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const ctx = new FakeContext(this);
    const result = await batch(ctx as unknown as Excel.RequestContext);
    if (ctx.queue.length > 0) await ctx.sync();
    return result;
  };

  /** Makes the k-th sync from now (1 = the next) fail half-way, after applying the first half of its actions. */
  failAtSync(k: number, code = 'GeneralException'): void {
    this.failures.push({ atSync: this.stats.syncs + k, code });
  }

  async runSync(ctx: FakeContext): Promise<void> {
    await Promise.resolve();
    const ops: Op[] = ctx.queue;
    ctx.queue = [];
    ctx.suspends = { calc: 0, screen: 0 };
    this.stats.syncs++;
    const request = ops.reduce((s, o) => s + o.request + OP_OVERHEAD, 0);
    if (request > this.payloadLimit) {
      this.stats.payloadErrors++;
      throw officeError('RequestPayloadSizeLimitExceeded', `The request payload size (${request} bytes) has exceeded the limit.`);
    }
    const failure = this.failures.find((f) => f.atSync === this.stats.syncs);
    const stopAt = failure ? Math.floor(ops.length / 2) : ops.length;
    let response = 0;
    const commits: (() => void)[] = [];
    for (let i = 0; i < stopAt; i++) {
      const pending = ops[i].run();
      if (pending) {
        response += pending.bytes;
        commits.push(pending.commit);
      }
    }
    if (failure) throw officeError(failure.code, 'An internal error has occurred (injected by the test).');
    if (request + response > this.payloadLimit) {
      this.stats.payloadErrors++;
      throw officeError('RequestPayloadSizeLimitExceeded', `The response payload size (${response} bytes) has exceeded the limit.`);
    }
    for (const commit of commits) commit();
    this.stats.maxPayloadBytes = Math.max(this.stats.maxPayloadBytes, request + response);
    this.stats.totalPayloadBytes += request + response;
    this.stats.calcSuspends += ctx.suspends.calc;
    this.stats.screenSuspends += ctx.suspends.screen;
    this.stats.maxSuspendsPerSync = Math.max(this.stats.maxSuspendsPerSync, ctx.suspends.calc, ctx.suspends.screen);
  }

  // ------------------------------------------------------------ model operations the proxies call

  findSheet(key: string): SheetModel | null {
    const lower = key.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower || s.id === key) ?? null;
  }

  createSheet(name?: string): SheetModel {
    let n = name;
    if (n === undefined) {
      let k = this.sheets.length + 1;
      while (this.findSheet(`Sheet${k}`)) k++;
      n = `Sheet${k}`;
    }
    const err = sheetNameError(n);
    if (err) throw err;
    if (this.findSheet(n)) throw officeError('ItemAlreadyExists', `A worksheet named ${n} already exists.`);
    const id = `{${(++this.sheetCounter).toString(16).padStart(8, '0')}-0000-4000-8000-000000000000}`;
    const sheet = new SheetModel(n, id);
    this.sheets.push(sheet);
    return sheet;
  }

  renameSheet(sheet: SheetModel, name: string): void {
    const err = sheetNameError(name);
    if (err) throw err;
    const other = this.findSheet(name);
    if (other && other !== sheet) throw officeError('ItemAlreadyExists', `A worksheet named ${name} already exists.`);
    sheet.name = name;
  }

  deleteSheet(sheet: SheetModel): void {
    if (!this.sheets.some((s) => s !== sheet && s.visibility === 'Visible')) {
      throw officeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
    }
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    sheet.deleted = true;
  }

  copySheet(src: SheetModel, positionType: string, relativeTo?: SheetModel): SheetModel {
    let base = `${src.name.slice(0, 27)} (2)`;
    for (let k = 3; this.findSheet(base); k++) base = `${src.name.slice(0, 27)} (${k})`;
    const copy = this.createSheet(base);
    this.sheets.pop();
    copy.rows = src.rows.map((r) => (r ? [...r] : r));
    copy.formats = src.formats.map((r) => (r ? [...r] : r));
    copy.formulas = new Map(src.formulas);
    copy.styles = new Map(src.styles);
    copy.columnWidths = new Map(src.columnWidths);
    copy.freeze = { ...src.freeze };
    copy.merges = src.merges.map((b) => ({ ...b }));
    copy.tables = src.tables.map((t) => ({ ...t, sheet: copy, box: { ...t.box }, name: this.freeTableName() }));
    const at = (s: SheetModel | undefined) => (s ? this.sheets.indexOf(s) : this.sheets.indexOf(src));
    const index =
      positionType === 'Beginning' ? 0 : positionType === 'End' ? this.sheets.length : positionType === 'Before' ? at(relativeTo) : at(relativeTo) + 1;
    this.sheets.splice(index, 0, copy);
    return copy;
  }

  allTables(): TableModel[] {
    return this.sheets.flatMap((s) => s.tables);
  }

  private freeTableName(): string {
    let name: string;
    do name = `Table${++this.tableCounter}`;
    while (this.allTables().some((t) => t.name.toLowerCase() === name.toLowerCase()));
    return name;
  }

  /** Excel's tables.add: no overlap with another table; header cells become unique text. */
  createTable(ref: { sheet: SheetModel; box: Box }, hasHeaders: boolean): TableModel {
    const box = { ...ref.box };
    if (boxRows(box) * boxCols(box) > 5_000_000 || box.r1 - box.r0 > 1_048_575) throw officeError('InvalidArgument', 'The table range is too large.');
    if (ref.sheet.tables.some((t) => overlaps(t.box, box))) throw officeError('InvalidArgument', 'A table cannot overlap another table.');
    if (hasHeaders && box.r1 === box.r0) box.r1++;
    if (hasHeaders) {
      const seen = new Set<string>();
      for (let c = box.c0; c <= box.c1; c++) {
        const v = ref.sheet.get(box.r0, c);
        let text = v === undefined ? `Column${c - box.c0 + 1}` : v instanceof ErrorValue ? v.code : String(v);
        const base = text;
        for (let k = 2; seen.has(text.toLowerCase()); k++) text = `${base}${k}`;
        seen.add(text.toLowerCase());
        ref.sheet.set(box.r0, c, text);
      }
    }
    const table: TableModel = { name: this.freeTableName(), sheet: ref.sheet, box, style: 'TableStyleMedium2', id: String(this.tableCounter) };
    ref.sheet.tables.push(table);
    return table;
  }

  nextChartNumber(): number {
    return ++this.chartCounter;
  }

  // ------------------------------------------------------------ seeding and inspection for tests

  /** Adds a sheet with cells stored as given (no conversion), from `at` (default A1). */
  addSheet(name: string, rows: readonly (readonly SeedValue[])[] = [], opts: { at?: string; formats?: (string | undefined)[][] } = {}): SheetModel {
    const sheet = this.createSheet(name);
    const { box } = parseAddress(opts.at ?? 'A1');
    rows.forEach((row, i) => {
      row.forEach((v, j) => {
        const r = box.r0 + i;
        const c = box.c0 + j;
        if (v === null || v === undefined) return;
        if (v instanceof Date) {
          sheet.set(r, c, v.getTime() / 86_400_000 + 25_569);
          sheet.setFormat(r, c, 'yyyy-mm-dd');
        } else if (typeof v === 'object') sheet.set(r, c, new ErrorValue(v.error));
        else sheet.set(r, c, v);
      });
    });
    opts.formats?.forEach((row, i) => row.forEach((f, j) => f && sheet.setFormat(box.r0 + i, box.c0 + j, f)));
    return sheet;
  }

  sheet(name: string): SheetModel {
    const s = this.findSheet(name);
    if (!s) throw new Error(`excel-fake: no sheet ${name}`);
    return s;
  }

  /** One cell as a test wants to see it. */
  cell(sheet: string, a1: string): { value: Stored | null; type: string; numberFormat: string; formula?: string; bold?: boolean } {
    const s = this.sheet(sheet);
    const { box } = parseAddress(a1);
    const v = s.get(box.r0, box.c0);
    const type = v === undefined ? 'Empty' : v instanceof ErrorValue ? 'Error' : typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : 'String';
    return {
      value: v ?? null,
      type,
      numberFormat: s.format(box.r0, box.c0),
      formula: s.formulas.get(`${box.r0},${box.c0}`),
      bold: s.style(box.r0, box.c0).bold,
    };
  }
}
