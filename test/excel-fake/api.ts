/**
 * Proxy objects shaped like the Excel JavaScript API subset the adapter uses. As in Office.js, every method call
 * and property write is queued and runs at `context.sync()`, in order; properties can only be read after
 * `load()` + `sync()` (else PropertyNotLoaded); `*OrNullObject` proxies answer `isNullObject` after a sync.
 */
import {
  Box,
  ChartModel,
  ErrorValue,
  MAX_COLS,
  MAX_ROWS,
  SheetModel,
  Stored,
  TableModel,
  boxCols,
  boxRows,
  checkBox,
  excelChartTypes,
  officeError,
  overlaps,
  parseAddress,
  qualifiedAddress,
  sheetNameError,
  storeInput,
  tableNameError,
  tableStyleError,
} from './model';
import type { FakeExcel } from './index';

/** What a queued load hands back: its response size and how to make the loaded values readable. */
export interface Pending {
  bytes: number;
  commit(): void;
}
export interface Op {
  /** Request bytes: the JSON of the values a write sends. */
  request: number;
  run(): Pending | void;
}

export function jsonBytes(v: unknown): number {
  return Buffer.byteLength(JSON.stringify(v) ?? '', 'utf8');
}

const CELL_READ_LIMIT = 5_000_000;

export class FakeContext {
  queue: Op[] = [];
  suspends = { calc: 0, screen: 0 };
  readonly workbook: FWorkbook;
  readonly application: FApplication;
  readonly trackedObjects = { add: () => undefined, remove: () => undefined };
  constructor(readonly excel: FakeExcel) {
    this.workbook = new FWorkbook(this);
    this.application = new FApplication(this);
  }
  enqueue(op: Op): void {
    this.queue.push(op);
  }
  sync(): Promise<void> {
    return this.excel.runSync(this);
  }
  requireApi(version: string, what: string): void {
    if (!this.excel.supports(version)) throw officeError('ApiNotFound', `${what} needs ExcelApi ${version}, which this host lacks.`);
  }
}

type Resolver<M> = () => M | null;

abstract class ClientObject<M> {
  protected readonly loaded = new Map<string, unknown>();
  private bound: M | null | undefined;

  /** A root (bound now) or a derived object, resolved by its own queued creation step. */
  constructor(
    readonly ctx: FakeContext,
    source: { root: M } | { resolve: Resolver<M>; nullable?: boolean },
  ) {
    if ('root' in source) this.bound = source.root;
    else {
      ctx.enqueue({
        request: 0,
        run: () => {
          const m = source.resolve();
          if (m === null && !source.nullable) throw officeError('ItemNotFound', 'The requested resource does not exist.');
          this.bound = m;
          if (source.nullable) this.loaded.set('isNullObject', m === null);
        },
      });
    }
  }

  protected abstract alive(m: M): boolean;
  protected abstract read(m: M, prop: string): unknown;
  protected abstract readonly props: readonly string[];

  /** The model behind the proxy, at execution time. */
  m(): M {
    if (this.bound === undefined) throw new Error('excel-fake: object used before its creation ran');
    if (this.bound === null) throw officeError('ItemNotFound', 'The operation is not valid on a null object.');
    if (!this.alive(this.bound)) throw officeError('ItemNotFound', 'The requested resource does not exist.');
    return this.bound;
  }
  peek(): M | null | undefined {
    return this.bound;
  }

  protected get<T>(prop: string): T {
    if (!this.loaded.has(prop)) {
      throw officeError(
        'PropertyNotLoaded',
        `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this.loaded.get(prop) as T;
  }

  get isNullObject(): boolean {
    return this.get<boolean>('isNullObject');
  }

  load(spec?: string | string[] | { select?: string }): this {
    const list = spec === undefined ? [...this.props] : typeof spec === 'string' ? spec.split(',') : Array.isArray(spec) ? spec : (spec.select ?? '').split(',');
    const props = list.map((p) => p.trim()).filter((p) => p !== '');
    for (const p of props) if (!this.props.includes(p)) throw new Error(`excel-fake: ${this.constructor.name} cannot load '${p}'`);
    this.ctx.enqueue({
      request: 0,
      run: () => {
        if (this.bound === null) return { bytes: 0, commit: () => this.loaded.set('isNullObject', true) };
        const m = this.m();
        const data = props.map((p) => [p, this.read(m, p)] as const);
        return {
          bytes: jsonBytes(Object.fromEntries(data)),
          commit: () => {
            this.loaded.set('isNullObject', false);
            for (const [k, v] of data) this.loaded.set(k, v);
          },
        };
      },
    });
    return this;
  }

  /** Queues a write or a method call. */
  protected queue(apply: (m: M) => void, request = 0): void {
    this.ctx.enqueue({ request, run: () => { apply(this.m()); } });
  }
}

/** `items/<prop>` loads for collections; items come back as proxies with those props loaded. */
abstract class Collection<M, P extends ClientObject<M>> {
  private loadedItems: P[] | undefined;
  private loadedCount: number | undefined;
  constructor(readonly ctx: FakeContext) {}
  protected abstract list(): M[];
  protected abstract wrap(m: M): P;

  get items(): P[] {
    if (!this.loadedItems) throw officeError('PropertyNotLoaded', "The property 'items' is not available. Call load and sync first.");
    return this.loadedItems;
  }
  get count(): number {
    if (this.loadedCount === undefined) throw officeError('PropertyNotLoaded', "The property 'count' is not available. Call load and sync first.");
    return this.loadedCount;
  }
  load(spec?: string): this {
    const parts = (spec ?? 'items').split(',').map((p) => p.trim());
    const itemProps = parts.filter((p) => p.startsWith('items/')).map((p) => p.slice(6));
    const wantItems = parts.some((p) => p === 'items' || p.startsWith('items/'));
    this.ctx.enqueue({
      request: 0,
      run: () => {
        const models = this.list();
        if (!wantItems) return { bytes: 8, commit: () => (this.loadedCount = models.length) };
        const proxies = models.map((m) => this.wrap(m));
        const pending = proxies.map((p) => (p as unknown as { loadNow(props: string[]): Pending }).loadNow(itemProps));
        return {
          bytes: pending.reduce((s, p) => s + p.bytes, 2),
          commit: () => {
            pending.forEach((p) => p.commit());
            this.loadedItems = proxies;
            this.loadedCount = models.length;
          },
        };
      },
    });
    return this;
  }
}

/** Item proxies made by a collection load are bound at once and loaded in the same step. */
function loadNowMixin<M>(obj: ClientObject<M>, read: (m: M, p: string) => unknown, loaded: Map<string, unknown>, props: string[]): Pending {
  const m = obj.m();
  const data = props.map((p) => [p, read(m, p)] as const);
  return {
    bytes: jsonBytes(Object.fromEntries(data)),
    commit: () => {
      loaded.set('isNullObject', false);
      for (const [k, v] of data) loaded.set(k, v);
    },
  };
}

// ---------------------------------------------------------------- workbook, application

export class FWorkbook {
  readonly worksheets: FWorksheetCollection;
  readonly tables: FTableCollection;
  constructor(readonly ctx: FakeContext) {
    this.worksheets = new FWorksheetCollection(ctx);
    this.tables = new FTableCollection(ctx, null);
  }
}

export class FApplication {
  constructor(readonly ctx: FakeContext) {}
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.enqueue({
      request: 0,
      run: () => {
        this.ctx.requireApi('1.6', 'suspendApiCalculationUntilNextSync');
        this.ctx.suspends.calc++;
      },
    });
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.ctx.enqueue({
      request: 0,
      run: () => {
        this.ctx.requireApi('1.9', 'suspendScreenUpdatingUntilNextSync');
        this.ctx.suspends.screen++;
      },
    });
  }
}

// ---------------------------------------------------------------- worksheets

export class FWorksheetCollection extends Collection<SheetModel, FWorksheet> {
  protected list(): SheetModel[] {
    return [...this.ctx.excel.sheets];
  }
  protected wrap(m: SheetModel): FWorksheet {
    return new FWorksheet(this.ctx, { root: m });
  }
  add(name?: string): FWorksheet {
    return new FWorksheet(this.ctx, { resolve: () => this.ctx.excel.createSheet(name) });
  }
  getItem(key: string): FWorksheet {
    return new FWorksheet(this.ctx, { resolve: () => this.ctx.excel.findSheet(key) });
  }
  getItemOrNullObject(key: string): FWorksheet {
    return new FWorksheet(this.ctx, {
      resolve: () => {
        this.ctx.requireApi('1.4', 'getItemOrNullObject');
        return this.ctx.excel.findSheet(key);
      },
      nullable: true,
    });
  }
}

export class FWorksheet extends ClientObject<SheetModel> {
  protected readonly props = ['name', 'id', 'position', 'visibility'] as const;
  private children: { tables?: FTableCollection; charts?: FChartCollection; freezePanes?: FFreezePanes } = {};

  protected alive(m: SheetModel): boolean {
    return !m.deleted;
  }
  protected read(m: SheetModel, prop: string): unknown {
    if (prop === 'position') return this.ctx.excel.sheets.indexOf(m);
    return (m as unknown as Record<string, unknown>)[prop];
  }
  loadNow(props: string[]): Pending {
    return loadNowMixin(this, (m, p) => this.read(m, p), this.loaded, props);
  }

  get name(): string {
    return this.get('name');
  }
  set name(v: string) {
    this.queue((m) => this.ctx.excel.renameSheet(m, v));
  }
  get id(): string {
    return this.get('id');
  }
  get position(): number {
    return this.get('position');
  }
  set position(p: number) {
    this.queue((m) => {
      const sheets = this.ctx.excel.sheets;
      if (!Number.isInteger(p) || p < 0 || p >= sheets.length) throw officeError('InvalidArgument', 'The position is not valid.');
      sheets.splice(sheets.indexOf(m), 1);
      sheets.splice(p, 0, m);
    });
  }
  get visibility(): string {
    return this.get('visibility');
  }
  set visibility(v: string) {
    this.queue((m) => {
      if (!['Visible', 'Hidden', 'VeryHidden'].includes(v)) throw officeError('InvalidArgument', `Visibility ${v} is not valid.`);
      if (v !== 'Visible' && !this.ctx.excel.sheets.some((s) => s !== m && s.visibility === 'Visible')) {
        throw officeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      }
      m.visibility = v;
    });
  }
  get tables(): FTableCollection {
    return (this.children.tables ??= new FTableCollection(this.ctx, this));
  }
  get charts(): FChartCollection {
    return (this.children.charts ??= new FChartCollection(this.ctx, this));
  }
  get freezePanes(): FFreezePanes {
    return (this.children.freezePanes ??= new FFreezePanes(this.ctx, this));
  }

  getRange(address?: string): FRange {
    return new FRange(this.ctx, {
      resolve: () => {
        const sheet = this.m();
        if (address === undefined) return { sheet, box: { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 } };
        const { sheet: named, box } = parseAddress(address);
        if (named !== undefined && named.toLowerCase() !== sheet.name.toLowerCase()) {
          throw officeError('InvalidArgument', `The address ${address} is not on sheet ${sheet.name}.`);
        }
        return { sheet, box };
      },
    });
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FRange {
    return new FRange(this.ctx, {
      resolve: () => {
        this.ctx.requireApi('1.7', 'getRangeByIndexes');
        const box = { r0: row, c0: col, r1: row + rows - 1, c1: col + cols - 1 };
        checkBox(box);
        return { sheet: this.m(), box };
      },
    });
  }
  getCell(row: number, col: number): FRange {
    return new FRange(this.ctx, {
      resolve: () => {
        const box = { r0: row, c0: col, r1: row, c1: col };
        checkBox(box);
        return { sheet: this.m(), box };
      },
    });
  }
  getUsedRange(valuesOnly = false): FRange {
    return new FRange(this.ctx, {
      resolve: () => {
        const sheet = this.m();
        return { sheet, box: sheet.usedBox(valuesOnly) ?? { r0: 0, c0: 0, r1: 0, c1: 0 } };
      },
    });
  }
  getUsedRangeOrNullObject(valuesOnly = false): FRange {
    return new FRange(this.ctx, {
      resolve: () => {
        this.ctx.requireApi('1.4', 'getUsedRangeOrNullObject');
        const sheet = this.m();
        const box = sheet.usedBox(valuesOnly);
        return box ? { sheet, box } : null;
      },
      nullable: true,
    });
  }
  delete(): void {
    this.queue((m) => this.ctx.excel.deleteSheet(m));
  }
  copy(positionType: string = 'None', relativeTo?: FWorksheet): FWorksheet {
    return new FWorksheet(this.ctx, {
      resolve: () => {
        this.ctx.requireApi('1.10', 'Worksheet.copy');
        return this.ctx.excel.copySheet(this.m(), positionType, relativeTo?.m());
      },
    });
  }
}

// ---------------------------------------------------------------- ranges

export interface RangeRef {
  sheet: SheetModel;
  box: Box;
}

function valueOut(v: Stored | undefined): unknown {
  if (v === undefined) return '';
  return v instanceof ErrorValue ? v.code : v;
}
function typeOut(v: Stored | undefined): string {
  if (v === undefined) return 'Empty';
  if (v instanceof ErrorValue) return 'Error';
  if (typeof v === 'number') return 'Double';
  if (typeof v === 'boolean') return 'Boolean';
  return 'String';
}

function grid<T>(r: RangeRef, cell: (row: number, col: number) => T): T[][] {
  const cells = boxRows(r.box) * boxCols(r.box);
  if (cells > CELL_READ_LIMIT) throw officeError('RangeExceedsLimit', 'The cell count in the range has exceeded the maximum supported number.');
  const out: T[][] = new Array(boxRows(r.box));
  for (let i = 0; i < out.length; i++) {
    const row: T[] = new Array(boxCols(r.box));
    for (let j = 0; j < row.length; j++) row[j] = cell(r.box.r0 + i, r.box.c0 + j);
    out[i] = row;
  }
  return out;
}

function checkShape(r: RangeRef, v: unknown, what: string): unknown[][] {
  const rows = boxRows(r.box);
  const cols = boxCols(r.box);
  if (!Array.isArray(v) || v.length !== rows || !v.every((row) => Array.isArray(row) && row.length === cols)) {
    throw officeError(
      'InvalidArgument',
      `The number of rows or columns in the input array for ${what} doesn't match the size or dimensions of the range (${rows}×${cols}).`,
    );
  }
  return v as unknown[][];
}

export class FRange extends ClientObject<RangeRef> {
  protected readonly props = [
    'address',
    'rowIndex',
    'columnIndex',
    'rowCount',
    'columnCount',
    'cellCount',
    'values',
    'valueTypes',
    'numberFormat',
    'formulas',
  ] as const;
  private formatProxy?: FRangeFormat;

  protected alive(m: RangeRef): boolean {
    return !m.sheet.deleted;
  }
  protected read(m: RangeRef, prop: string): unknown {
    switch (prop) {
      case 'address':
        return qualifiedAddress(m.sheet.name, m.box);
      case 'rowIndex':
        return m.box.r0;
      case 'columnIndex':
        return m.box.c0;
      case 'rowCount':
        return boxRows(m.box);
      case 'columnCount':
        return boxCols(m.box);
      case 'cellCount':
        return boxRows(m.box) * boxCols(m.box);
      case 'values':
        return grid(m, (r, c) => valueOut(m.sheet.get(r, c)));
      case 'valueTypes':
        return grid(m, (r, c) => typeOut(m.sheet.get(r, c)));
      case 'numberFormat':
        return grid(m, (r, c) => m.sheet.format(r, c));
      case 'formulas':
        return grid(m, (r, c) => m.sheet.formulas.get(`${r},${c}`) ?? valueOut(m.sheet.get(r, c)));
    }
    throw new Error(`excel-fake: no ${prop}`);
  }
  loadNow(props: string[]): Pending {
    return loadNowMixin(this, (m, p) => this.read(m, p), this.loaded, props);
  }

  get address(): string {
    return this.get('address');
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }
  get cellCount(): number {
    return this.get('cellCount');
  }
  get values(): unknown[][] {
    return this.get('values');
  }
  set values(v: unknown[][]) {
    this.queue((m) => {
      const rows = checkShape(m, v, 'values');
      for (let i = 0; i < rows.length; i++) {
        for (let j = 0; j < rows[i].length; j++) storeInput(m.sheet, m.box.r0 + i, m.box.c0 + j, rows[i][j]);
      }
    }, jsonBytes(v));
  }
  get valueTypes(): string[][] {
    return this.get('valueTypes');
  }
  get numberFormat(): string[][] {
    return this.get('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    this.queue((m) => {
      const rows = checkShape(m, v, 'numberFormat');
      for (let i = 0; i < rows.length; i++) {
        for (let j = 0; j < rows[i].length; j++) {
          const f = rows[i][j];
          if (f === null || f === undefined) continue;
          if (typeof f !== 'string') throw officeError('InvalidArgument', 'A number format must be text.');
          m.sheet.setFormat(m.box.r0 + i, m.box.c0 + j, f === '' ? 'General' : f);
        }
      }
    }, jsonBytes(v));
  }
  get formulas(): unknown[][] {
    return this.get('formulas');
  }
  get format(): FRangeFormat {
    return (this.formatProxy ??= new FRangeFormat(this));
  }
  get conditionalFormats(): FConditionalFormats {
    return new FConditionalFormats(this);
  }

  private derived(make: (m: RangeRef) => RangeRef | null, nullable = false): FRange {
    return new FRange(this.ctx, { resolve: () => make(this.m()), nullable });
  }
  getCell(row: number, col: number): FRange {
    return this.derived((m) => {
      const box = { r0: m.box.r0 + row, c0: m.box.c0 + col, r1: m.box.r0 + row, c1: m.box.c0 + col };
      checkBox(box);
      return { sheet: m.sheet, box };
    });
  }
  getResizedRange(deltaRows: number, deltaCols: number): FRange {
    return this.derived((m) => {
      const box = { ...m.box, r1: m.box.r1 + deltaRows, c1: m.box.c1 + deltaCols };
      checkBox(box);
      return { sheet: m.sheet, box };
    });
  }
  getOffsetRange(rows: number, cols: number): FRange {
    return this.derived((m) => {
      const box = { r0: m.box.r0 + rows, c0: m.box.c0 + cols, r1: m.box.r1 + rows, c1: m.box.c1 + cols };
      checkBox(box);
      return { sheet: m.sheet, box };
    });
  }
  getUsedRange(valuesOnly = false): FRange {
    return this.derived((m) => {
      const box = m.sheet.usedBox(valuesOnly, m.box);
      if (!box) throw officeError('ItemNotFound', 'The range has no used cells.');
      return { sheet: m.sheet, box };
    });
  }
  getUsedRangeOrNullObject(valuesOnly = false): FRange {
    return this.derived((m) => {
      this.ctx.requireApi('1.4', 'getUsedRangeOrNullObject');
      const box = m.sheet.usedBox(valuesOnly, m.box);
      return box ? { sheet: m.sheet, box } : null;
    }, true);
  }
  clear(applyTo: string = 'All'): void {
    this.queue((m) => {
      if (!['All', 'Formats', 'Contents'].includes(applyTo)) throw officeError('InvalidArgument', `clear(${applyTo}) is not valid.`);
      m.sheet.clear(m.box, applyTo !== 'Formats', applyTo !== 'Contents');
    });
  }
  merge(across = false): void {
    this.queue((m) => {
      const boxes = across ? Array.from({ length: boxRows(m.box) }, (_, i) => ({ ...m.box, r0: m.box.r0 + i, r1: m.box.r0 + i })) : [m.box];
      for (const b of boxes) {
        if (m.sheet.merges.some((x) => overlaps(x, b))) throw officeError('MergedRangeConflict', 'The range overlaps a merged range.');
        m.sheet.merges.push(b);
      }
    });
  }
  getMergedAreasOrNullObject(): FRangeAreas {
    return new FRangeAreas(this.ctx, {
      resolve: () => {
        this.ctx.requireApi('1.13', 'getMergedAreasOrNullObject');
        const m = this.m();
        const boxes = m.sheet.merges.filter((b) => overlaps(b, m.box));
        return boxes.length ? { sheet: m.sheet, boxes } : null;
      },
      nullable: true,
    });
  }
  getSpecialCellsOrNullObject(cellType: string): FRangeAreas {
    return new FRangeAreas(this.ctx, {
      resolve: () => {
        this.ctx.requireApi('1.9', 'getSpecialCellsOrNullObject');
        if (cellType !== 'Formulas' && cellType !== 'Constants') throw new Error(`excel-fake: special cells ${cellType} not modelled`);
        const m = this.m();
        const inside = (r: number, c: number) => r >= m.box.r0 && r <= m.box.r1 && c >= m.box.c0 && c <= m.box.c1;
        const boxes: Box[] = [];
        if (cellType === 'Formulas') {
          for (const key of m.sheet.formulas.keys()) {
            const [r, c] = key.split(',').map(Number);
            if (inside(r, c)) boxes.push({ r0: r, c0: c, r1: r, c1: c });
          }
        } else {
          for (let r = m.box.r0; r <= Math.min(m.box.r1, m.sheet.rows.length - 1); r++) {
            const row = m.sheet.rows[r];
            for (let c = m.box.c0; row && c <= Math.min(m.box.c1, row.length - 1); c++) {
              if (row[c] !== undefined && !m.sheet.formulas.has(`${r},${c}`)) boxes.push({ r0: r, c0: c, r1: r, c1: c });
            }
          }
        }
        return boxes.length ? { sheet: m.sheet, boxes } : null;
      },
      nullable: true,
    });
  }
  /** Internal: the bound model, for collections that take a Range argument. */
  ref(): RangeRef {
    return this.m();
  }
}

/** range.conditionalFormats (ExcelApi 1.6): `add` of a colour scale and its criteria, which is what Kehu uses. */
export class FConditionalFormats {
  constructor(private readonly range: FRange) {}
  add(type: string): { colorScale: { criteria: unknown } } {
    const ctx = this.range.ctx;
    const entry: { type: string; criteria?: unknown } = { type };
    ctx.enqueue({
      request: 0,
      run: () => {
        ctx.requireApi('1.6', 'conditionalFormats');
        if (type !== 'ColorScale') throw new Error(`excel-fake: conditional format ${type} is not modelled`);
        const m = this.range.ref();
        m.sheet.conditionalFormats.push(Object.assign(entry, { box: { ...m.box } }));
      },
    });
    return {
      colorScale: {
        set criteria(c: unknown) {
          ctx.enqueue({
            request: 0,
            run: () => {
              const k = c as Record<string, { type?: string; color?: string } | undefined>;
              for (const key of ['minimum', 'maximum']) {
                if (!k[key]?.type || !/^#[0-9A-F]{6}$/i.test(k[key]!.color ?? '')) {
                  throw officeError('InvalidArgument', `The colour scale's ${key} needs a type and a #RRGGBB colour.`);
                }
              }
              entry.criteria = c;
            },
          });
        },
        get criteria(): unknown {
          throw officeError('PropertyNotLoaded', "The property 'criteria' is not available.");
        },
      },
    };
  }
}

export class FRangeFormat {
  private fontProxy?: FFont;
  private fillProxy?: FFill;
  private widthLoaded: number | undefined;
  constructor(readonly range: FRange) {}
  private queueOnCells(apply: (m: RangeRef) => void): void {
    this.range.ctx.enqueue({ request: 0, run: () => { apply(this.range.ref()); } });
  }
  get columnWidth(): number {
    if (this.widthLoaded === undefined) throw officeError('PropertyNotLoaded', "The property 'columnWidth' is not available.");
    return this.widthLoaded;
  }
  set columnWidth(points: number) {
    this.queueOnCells((m) => {
      if (!(points >= 0 && points <= 255 * 7.5)) throw officeError('InvalidArgument', `Column width ${points} is not valid.`);
      for (let c = m.box.c0; c <= m.box.c1; c++) m.sheet.columnWidths.set(c, points);
    });
  }
  load(prop: string): this {
    if (prop !== 'columnWidth') throw new Error(`excel-fake: format cannot load ${prop}`);
    this.range.ctx.enqueue({
      request: 0,
      run: () => {
        const m = this.range.ref();
        const w = m.sheet.columnWidths.get(m.box.c0) ?? 48;
        return { bytes: 16, commit: () => (this.widthLoaded = w) };
      },
    });
    return this;
  }
  autofitColumns(): void {
    this.queueOnCells((m) => {
      for (let c = m.box.c0; c <= Math.min(m.box.c1, m.box.c0 + 200); c++) {
        let chars = 8;
        for (let r = m.box.r0; r <= Math.min(m.box.r1, m.sheet.rows.length - 1); r++) {
          const v = m.sheet.get(r, c);
          if (v !== undefined) chars = Math.max(chars, String(valueOut(v)).length);
        }
        m.sheet.columnWidths.set(c, (chars * 7 + 5) * 0.75);
      }
    });
  }
  get font(): FFont {
    return (this.fontProxy ??= new FFont((patch) => this.queueOnCells((m) => patchCells(m, patch))));
  }
  get fill(): FFill {
    return (this.fillProxy ??= new FFill((patch) => this.queueOnCells((m) => patchCells(m, patch))));
  }
}

function patchCells(m: RangeRef, patch: { bold?: boolean; size?: number; fill?: string }): void {
  if (boxRows(m.box) * boxCols(m.box) > 100_000) throw new Error('excel-fake: styling more than 100,000 cells is not modelled');
  for (let r = m.box.r0; r <= m.box.r1; r++) for (let c = m.box.c0; c <= m.box.c1; c++) m.sheet.patchStyle(r, c, patch);
}

export class FFont {
  constructor(private readonly patch: (p: { bold?: boolean; size?: number }) => void) {}
  set bold(v: boolean) {
    this.patch({ bold: v });
  }
  set size(v: number) {
    this.patch({ size: v });
  }
}
export class FFill {
  constructor(private readonly patch: (p: { fill?: string }) => void) {}
  set color(v: string) {
    this.patch({ fill: v });
  }
}

interface AreasRef {
  sheet: SheetModel;
  boxes: Box[];
}

export class FRangeAreas extends ClientObject<AreasRef> {
  protected readonly props = ['address', 'cellCount', 'areaCount'] as const;
  private areasProxy?: FAreaCollection;
  protected alive(m: AreasRef): boolean {
    return !m.sheet.deleted;
  }
  protected read(m: AreasRef, prop: string): unknown {
    if (prop === 'address') return m.boxes.map((b) => qualifiedAddress(m.sheet.name, b)).join(',');
    if (prop === 'cellCount') return m.boxes.reduce((s, b) => s + boxRows(b) * boxCols(b), 0);
    return m.boxes.length;
  }
  get address(): string {
    return this.get('address');
  }
  get cellCount(): number {
    return this.get('cellCount');
  }
  get areas(): FAreaCollection {
    return (this.areasProxy ??= new FAreaCollection(this.ctx, this));
  }
}

class FAreaCollection extends Collection<RangeRef, FRange> {
  constructor(
    ctx: FakeContext,
    private readonly owner: FRangeAreas,
  ) {
    super(ctx);
  }
  protected list(): RangeRef[] {
    if (this.owner.peek() === null) throw officeError('ItemNotFound', 'The operation is not valid on a null object.');
    const m = this.owner.m();
    return m.boxes.map((box) => ({ sheet: m.sheet, box }));
  }
  protected wrap(m: RangeRef): FRange {
    return new FRange(this.ctx, { root: m });
  }
}

// ---------------------------------------------------------------- tables

export class FTableCollection extends Collection<TableModel, FTable> {
  constructor(
    ctx: FakeContext,
    private readonly sheet: FWorksheet | null,
  ) {
    super(ctx);
  }
  protected list(): TableModel[] {
    return this.sheet ? [...this.sheet.m().tables] : this.ctx.excel.allTables();
  }
  protected wrap(m: TableModel): FTable {
    return new FTable(this.ctx, { root: m });
  }
  add(address: string | FRange, hasHeaders: boolean): FTable {
    return new FTable(this.ctx, {
      resolve: () => {
        let ref: RangeRef;
        if (typeof address === 'string') {
          const { sheet: named, box } = parseAddress(address);
          const sheet = named !== undefined ? this.ctx.excel.findSheet(named) : this.sheet?.m();
          if (!sheet) throw officeError('InvalidArgument', `The address ${address} does not name a worksheet.`);
          ref = { sheet, box };
        } else ref = address.ref();
        if (this.sheet && ref.sheet !== this.sheet.m()) throw officeError('InvalidArgument', 'The range is on another worksheet.');
        return this.ctx.excel.createTable(ref, hasHeaders);
      },
    });
  }
  getItem(name: string): FTable {
    return new FTable(this.ctx, { resolve: () => this.list().find((t) => t.name.toLowerCase() === name.toLowerCase()) ?? null });
  }
  getItemOrNullObject(name: string): FTable {
    return new FTable(this.ctx, { resolve: () => this.list().find((t) => t.name.toLowerCase() === name.toLowerCase()) ?? null, nullable: true });
  }
}

export class FTable extends ClientObject<TableModel> {
  protected readonly props = ['name', 'style', 'id', 'showHeaders'] as const;
  protected alive(m: TableModel): boolean {
    return !m.sheet.deleted && m.sheet.tables.includes(m);
  }
  protected read(m: TableModel, prop: string): unknown {
    return prop === 'showHeaders' ? true : (m as unknown as Record<string, unknown>)[prop];
  }
  loadNow(props: string[]): Pending {
    return loadNowMixin(this, (m, p) => this.read(m, p), this.loaded, props);
  }
  get name(): string {
    return this.get('name');
  }
  set name(v: string) {
    this.queue((m) => {
      const err = tableNameError(v, this.ctx.excel.allTables().filter((t) => t !== m).map((t) => t.name));
      if (err) throw err;
      m.name = v;
    });
  }
  get style(): string {
    return this.get('style');
  }
  set style(v: string) {
    this.queue((m) => {
      const err = tableStyleError(v);
      if (err) throw err;
      m.style = v;
    });
  }
  get worksheet(): FWorksheet {
    return new FWorksheet(this.ctx, { resolve: () => this.m().sheet });
  }
  private part(make: (b: Box) => Box): FRange {
    return new FRange(this.ctx, { resolve: () => ({ sheet: this.m().sheet, box: make(this.m().box) }) });
  }
  getRange(): FRange {
    return this.part((b) => b);
  }
  getHeaderRowRange(): FRange {
    return this.part((b) => ({ ...b, r1: b.r0 }));
  }
  getDataBodyRange(): FRange {
    return this.part((b) => ({ ...b, r0: b.r0 + 1 }));
  }
  delete(): void {
    this.queue((m) => m.sheet.tables.splice(m.sheet.tables.indexOf(m), 1));
  }
}

// ---------------------------------------------------------------- charts

const SERIES_BY = ['Auto', 'Columns', 'Rows'];

export class FChartCollection extends Collection<ChartRef, FChart> {
  constructor(
    ctx: FakeContext,
    private readonly sheet: FWorksheet,
  ) {
    super(ctx);
  }
  protected list(): ChartRef[] {
    const sheet = this.sheet.m();
    return sheet.charts.map((chart) => ({ chart, sheet }));
  }
  protected wrap(m: ChartRef): FChart {
    return new FChart(this.ctx, { root: m });
  }
  add(type: string, sourceData: FRange, seriesBy: string = 'Auto'): FChart {
    return new FChart(this.ctx, {
      resolve: () => {
        const sheet = this.sheet.m();
        checkChartType(this.ctx, type);
        if (!SERIES_BY.includes(seriesBy)) throw officeError('InvalidArgument', `seriesBy ${seriesBy} is not an Excel.ChartSeriesBy value.`);
        const src = sourceData.ref();
        if (src.sheet !== sheet) throw officeError('InvalidArgument', 'The chart data is on another worksheet.');
        const byRows = seriesBy === 'Rows' || (seriesBy === 'Auto' && boxCols(src.box) > boxRows(src.box));
        const seriesCount = Math.max(1, (byRows ? boxRows(src.box) : boxCols(src.box)) - 1);
        const chart: ChartModel = {
          name: `Chart ${this.ctx.excel.nextChartNumber()}`,
          type,
          seriesBy,
          source: src.box,
          title: '',
          position: null,
          width: 360,
          height: 216,
          top: 0,
          left: 0,
          series: Array.from({ length: seriesCount }, () => ({ chartType: type, axisGroup: 'Primary' })),
        };
        sheet.charts.push(chart);
        return { chart, sheet };
      },
    });
  }
  getItemOrNullObject(name: string): FChart {
    return new FChart(this.ctx, {
      resolve: () => {
        const chart = this.sheet.m().charts.find((c) => c.name === name);
        return chart ? { chart, sheet: this.sheet.m() } : null;
      },
      nullable: true,
    });
  }
}

function checkChartType(ctx: FakeContext, type: string): void {
  if (!excelChartTypes().has(type) || type === 'Invalid') throw officeError('InvalidArgument', `${type} is not an Excel.ChartType value.`);
  if (type === 'Funnel' && !ctx.excel.supports('1.9')) throw officeError('InvalidArgument', 'Funnel charts need ExcelApi 1.9.');
}

interface ChartRef {
  chart: ChartModel;
  sheet: SheetModel;
}

export class FChart extends ClientObject<ChartRef> {
  protected readonly props = ['name', 'chartType', 'width', 'height', 'top', 'left'] as const;
  private seriesProxy?: FSeriesCollection;
  protected alive(m: ChartRef): boolean {
    return !m.sheet.deleted && m.sheet.charts.includes(m.chart);
  }
  protected read(m: ChartRef, prop: string): unknown {
    return prop === 'chartType' ? m.chart.type : (m.chart as unknown as Record<string, unknown>)[prop];
  }
  loadNow(props: string[]): Pending {
    return loadNowMixin(this, (m, p) => this.read(m, p), this.loaded, props);
  }
  get name(): string {
    return this.get('name');
  }
  set name(v: string) {
    this.queue((m) => {
      if (typeof v !== 'string' || v === '' || v.length > 255) throw officeError('InvalidArgument', 'The chart name is not valid.');
      m.chart.name = v;
    });
  }
  set chartType(v: string) {
    this.queue((m) => {
      checkChartType(this.ctx, v);
      m.chart.type = v;
    });
  }
  set width(v: number) {
    this.queue((m) => (m.chart.width = v));
  }
  set height(v: number) {
    this.queue((m) => (m.chart.height = v));
  }
  set top(v: number) {
    this.queue((m) => (m.chart.top = v));
  }
  set left(v: number) {
    this.queue((m) => (m.chart.left = v));
  }
  get title(): { text: string } {
    const queue = (apply: (m: ChartRef) => void) => this.queue(apply);
    return {
      set text(v: string) {
        queue((m) => (m.chart.title = v));
      },
      get text(): string {
        throw officeError('PropertyNotLoaded', "The property 'text' is not available.");
      },
    };
  }
  setPosition(start: string | FRange, end?: string | FRange): void {
    this.queue((m) => {
      const address = (x: string | FRange) => {
        if (typeof x !== 'string') return qualifiedAddress(x.ref().sheet.name, x.ref().box);
        parseAddress(x);
        return x;
      };
      m.chart.position = { start: address(start), end: end === undefined ? undefined : address(end) };
    });
  }
  get series(): FSeriesCollection {
    return (this.seriesProxy ??= new FSeriesCollection(this.ctx, this));
  }
  delete(): void {
    this.queue((m) => m.sheet.charts.splice(m.sheet.charts.indexOf(m.chart), 1));
  }
  ref(): ChartRef {
    return this.m();
  }
}

type SeriesRef = { chart: ChartRef; index: number };

export class FSeriesCollection extends Collection<SeriesRef, FSeries> {
  constructor(
    ctx: FakeContext,
    private readonly chart: FChart,
  ) {
    super(ctx);
  }
  protected list(): SeriesRef[] {
    const c = this.chart.ref();
    return c.chart.series.map((_, index) => ({ chart: c, index }));
  }
  protected wrap(m: SeriesRef): FSeries {
    return new FSeries(this.ctx, { root: m });
  }
  getItemAt(index: number): FSeries {
    return new FSeries(this.ctx, {
      resolve: () => {
        const c = this.chart.ref();
        if (!Number.isInteger(index) || index < 0 || index >= c.chart.series.length) throw officeError('InvalidArgument', `No series at ${index}.`);
        return { chart: c, index };
      },
    });
  }
}

export class FSeries extends ClientObject<SeriesRef> {
  protected readonly props = ['chartType', 'axisGroup'] as const;
  protected alive(m: SeriesRef): boolean {
    return m.chart.sheet.charts.includes(m.chart.chart);
  }
  protected read(m: SeriesRef, prop: string): unknown {
    return (m.chart.chart.series[m.index] as unknown as Record<string, unknown>)[prop];
  }
  loadNow(props: string[]): Pending {
    return loadNowMixin(this, (m, p) => this.read(m, p), this.loaded, props);
  }
  set chartType(v: string) {
    this.queue((m) => {
      this.ctx.requireApi('1.7', 'ChartSeries.chartType');
      checkChartType(this.ctx, v);
      m.chart.chart.series[m.index].chartType = v;
    });
  }
  set axisGroup(v: string) {
    this.queue((m) => {
      this.ctx.requireApi('1.8', 'ChartSeries.axisGroup');
      if (v !== 'Primary' && v !== 'Secondary') throw officeError('InvalidArgument', `axisGroup ${v} is not valid.`);
      m.chart.chart.series[m.index].axisGroup = v;
    });
  }
}

// ---------------------------------------------------------------- freeze panes

export class FFreezePanes {
  constructor(
    readonly ctx: FakeContext,
    private readonly sheet: FWorksheet,
  ) {}
  private queue(apply: (s: SheetModel) => void): void {
    this.ctx.enqueue({
      request: 0,
      run: () => {
        this.ctx.requireApi('1.7', 'freezePanes');
        apply(this.sheet.m());
      },
    });
  }
  freezeRows(count = 1): void {
    this.queue((s) => (s.freeze = { rows: count, cols: 0 }));
  }
  freezeColumns(count = 1): void {
    this.queue((s) => (s.freeze = { rows: 0, cols: count }));
  }
  freezeAt(frozen: string | FRange): void {
    this.queue((s) => {
      const box = typeof frozen === 'string' ? parseAddress(frozen).box : frozen.ref().box;
      if (box.r0 !== 0 || box.c0 !== 0) throw officeError('InvalidArgument', 'The frozen range must start at A1.');
      s.freeze = { rows: box.r1 + 1, cols: box.c1 + 1 };
    });
  }
  unfreeze(): void {
    this.queue((s) => (s.freeze = { rows: 0, cols: 0 }));
  }
}
