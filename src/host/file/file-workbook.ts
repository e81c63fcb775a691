/**
 * The file host: a Workbook over .xlsx or .csv bytes, for the CLI, the browser preview and the tests. Runs in Node
 * and in browsers (no fs here; node.ts adds opening and saving by path).
 *
 * Both kinds are held as plain data (xlsx-plain.ts): cell values in column arrays. An .xlsx is read from its
 * package (xlsx-package-read.ts) and saved by copying every part nothing was written to and patching the rest
 * (xlsx-package-write.ts), so the user's sheets keep their styles, formulas, tables and pictures. A CSV is read
 * by our parser (csv.ts) and saved by the streaming writer (xlsx-fast-write.ts). Neither goes through exceljs,
 * which holds an object per cell: gigabytes and minutes for a workbook of a few hundred thousand rows.
 */
import {
  type ColumnWrite,
  type JsonValue,
  type ReadOptions,
  type SheetData,
  type SheetInfo,
  type SheetSpec,
  type Workbook,
  sheetNameProblem,
} from '../workbook';
import { CsvDelimiter, CsvEncoding, CsvRow, CsvTable, csvTableRows, decodeCsvBytes, detectDelimiter, parseCsvTable } from './csv';
import { writePlainBook } from './xlsx-fast-write';
import {
  PlainBook,
  PlainSheet,
  cellValue,
  copyOfSheet,
  plainExtent,
  plainSheetFromCsv,
  readPlainSheet,
  writePlainColumns,
  writePlainSettings,
  writePlainSheet,
} from './xlsx-plain';
import { PackageBook, readPackageBook } from './xlsx-package-read';
import { writePackageBook } from './xlsx-package-write';
import { Deflater, fflateDeflater } from './zip';
import { addChartsToXlsx } from './xlsx-charts';
import { ChartSpec, chartSpecProblems } from '../../core/report/chart-spec';
import { cellToText } from '../../core/cell';
import { OWNERSHIP_KEY, Ownership, fileSheetId, ownershipFrom } from '../ownership';

/** Where the host keeps settings: a very hidden sheet, so they travel with the saved file. */
export const SETTINGS_SHEET = '_kehu_settings';
const CELL_TEXT_MAX = 32_000; // Excel holds at most 32,767 characters per cell

/** What the workbook was opened from; `new` is a workbook made empty, to gather sheets of other files into. */
export type WorkbookOrigin = { kind: 'xlsx' } | { kind: 'csv'; encoding: CsvEncoding; delimiter: CsvDelimiter } | { kind: 'new' };

interface CsvSource {
  sheet: string;
  text: string;
  delimiter: CsvDelimiter;
  table: CsvTable | null;
  rows: CsvRow[] | null;
}

export interface LoadedWorkbook {
  origin: WorkbookOrigin;
  pkg: PackageBook | null;
  csv: CsvSource | null;
}

function extensionOf(fileName: string): string {
  const m = /\.([^./\\]+)$/.exec(fileName);
  return m ? m[1].toLowerCase() : '';
}

/** A CSV's sheet: the file name without extension, cut to what Excel accepts. */
export function sheetNameForFile(fileName: string): string {
  const base = fileName.replace(/^.*[/\\]/, '').replace(/\.[^.]*$/, '');
  const clean = base.replace(/[[\]:*?/\\]/g, '_').replace(/^'+|'+$/g, '').slice(0, 31).trim();
  return clean === '' || clean.toLowerCase() === 'history' ? 'Sheet1' : clean;
}

/** Reads the bytes far enough to know the format; CSV text is decoded now and parsed on first use. */
export async function loadWorkbookBytes(bytes: Uint8Array, fileName: string): Promise<LoadedWorkbook> {
  const isZip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  const isOle = bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  const ext = extensionOf(fileName);
  if (isOle) {
    throw new Error(`“${fileName}”是旧版 .xls 或加密的工作簿，请在 Excel 中另存为 .xlsx 后再试 (.xls or encrypted workbook: save it as .xlsx)`);
  }
  if (isZip) {
    try {
      return { origin: { kind: 'xlsx' }, pkg: readPackageBook(bytes), csv: null };
    } catch (e) {
      throw new Error(`无法读取工作簿“${fileName}”：${(e as Error).message} (cannot read the .xlsx file)`);
    }
  }
  if (ext === 'xlsx' || ext === 'xlsm') {
    throw new Error(`“${fileName}”不是有效的 .xlsx 文件 (not a valid .xlsx file)`);
  }
  if (ext !== 'csv' && ext !== 'tsv' && ext !== 'txt') {
    throw new Error(`不支持的文件类型“${fileName}”，请使用 .xlsx 或 .csv (unsupported file type: use .xlsx or .csv)`);
  }
  const { text, encoding } = decodeCsvBytes(bytes);
  const delimiter = detectDelimiter(text);
  return {
    origin: { kind: 'csv', encoding, delimiter },
    pkg: null,
    csv: { sheet: sheetNameForFile(fileName), text, delimiter, table: null, rows: null },
  };
}

export interface FileWorkbookOptions {
  /** The compressor for saving CSV-born workbooks; fflate unless the host has a faster one (Node: zlib). */
  deflater?: Deflater;
}

/**
 * One of two states: a CSV as read (`csv`), before anything is written; or plain data (`plain`): an .xlsx from
 * the start (with its package, `pkg`), a CSV from its first write.
 */
export class FileWorkbook implements Workbook {
  readonly origin: WorkbookOrigin;
  private readonly pkg: PackageBook | null;
  private csv: CsvSource | null;
  private plain: PlainBook | null = null;
  private plainPending: Promise<PlainBook> | null = null;
  private charts: ChartSpec[] = [];
  private settings: Map<string, JsonValue> | null = null;
  private readonly deflater: Deflater | undefined;

  constructor(loaded: LoadedWorkbook, opts: FileWorkbookOptions = {}) {
    this.origin = loaded.origin;
    this.pkg = loaded.pkg;
    this.csv = loaded.csv;
    if (loaded.pkg) this.plain = { sheets: [...loaded.pkg.sheets] };
    else if (!loaded.csv) this.plain = { sheets: [] };
    this.deflater = opts.deflater;
  }

  async listSheets(): Promise<SheetInfo[]> {
    if (this.csv) {
      const table = await this.csvTable();
      const columnCount = table.widths.reduce((m, w) => Math.max(m, w), 0);
      return [{ name: this.csv.sheet, rowCount: table.rowCount, columnCount }];
    }
    return this.plainUserSheets().map((s) => {
      const { firstRow, lastRow, lastCol } = plainExtent(s);
      return { name: s.name, rowCount: lastRow === 0 ? 0 : lastRow - firstRow + 1, columnCount: lastCol };
    });
  }

  async readSheet(name: string, opts: ReadOptions = {}): Promise<SheetData> {
    if (this.csv) {
      if (name !== this.csv.sheet) throw notFound(name);
      const rows = await this.csvRows(opts);
      return { name, rows, firstRow: 1, merges: [], formulas: 0 };
    }
    opts.signal?.throwIfAborted();
    const data = readPlainSheet(this.plainSheet(name));
    opts.onProgress?.(data.rows.length, data.rows.length);
    return data;
  }

  async writeColumns(sheet: string, columns: ColumnWrite[]): Promise<void> {
    await this.plainBook();
    writePlainColumns(this.plainSheet(sheet), columns);
    await this.recordOwnership((o) => {
      for (const { header, headerRow } of columns) {
        const sheetId = fileSheetId(sheet);
        if (!o.columns.some((c) => c.sheetId === sheetId && c.header === header && c.headerRow === headerRow)) o.columns.push({ sheetId, header, headerRow });
      }
    });
  }

  async writeSheet(spec: SheetSpec): Promise<void> {
    // A replaced sheet loses the charts drawn on its old cells; the step that replaces it adds them again.
    if (spec.replace) this.charts = this.charts.filter((c) => c.sheet !== spec.name);
    writePlainSheet(await this.plainBook(), spec, [SETTINGS_SHEET]);
    await this.recordOwnership((o) => {
      if (!o.sheets.some((s) => s.id === fileSheetId(spec.name))) o.sheets.push({ id: fileSheetId(spec.name), name: spec.name });
    });
  }

  /**
   * Keeps the ownership marker (ownership.ts) with the settings, so the add-in, opening the saved file, replaces
   * what this wrote instead of refusing to touch it or adding a second copy.
   */
  private async recordOwnership(update: (owned: Ownership) => void): Promise<void> {
    const owned = ownershipFrom(this.loadSettings().get(OWNERSHIP_KEY));
    const before = JSON.stringify(owned);
    update(owned);
    if (JSON.stringify(owned) !== before) await this.setSetting(OWNERSHIP_KEY, owned as unknown as JsonValue);
  }

  /** Whether a sheet is shown (not hidden); false for a name that does not exist. */
  async isVisible(name: string): Promise<boolean> {
    if (this.csv) return name === this.csv.sheet;
    return this.plainUserSheets().some((s) => s.name === name && s.state === 'visible');
  }

  /**
   * Adds a copy of sheet `sheet` of another workbook as `name`, after the other sheets (see copyOfSheet): how
   * `kehu run` gathers several files into one workbook. `from` is not to be written to afterwards.
   */
  async addSheetCopy(from: FileWorkbook, sheet: string, name: string): Promise<void> {
    await from.plainBook();
    const source = from.plainSheet(sheet);
    const plain = await this.plainBook();
    const problem = sheetNameProblem(name, plain.sheets.map((s) => s.name));
    if (problem) throw new Error(problem);
    const settingsAt = plain.sheets.findIndex((s) => s.name === SETTINGS_SHEET);
    plain.sheets.splice(settingsAt < 0 ? plain.sheets.length : settingsAt, 0, copyOfSheet(source, name));
  }

  /** Deletes a sheet; a name that does not exist is a no-op, so re-running a cleanup is harmless. */
  async deleteSheet(name: string): Promise<void> {
    if (name === SETTINGS_SHEET) return;
    if (this.csv && name !== this.csv.sheet) return;
    const plain = await this.plainBook();
    const sheet = this.plainUserSheets().find((s) => s.name === name);
    if (!sheet) return;
    if (plain.sheets.filter((s) => s !== sheet && s.state === 'visible').length === 0) {
      throw new Error(`不能删除最后一个可见的工作表“${name}” (cannot delete the last visible sheet)`);
    }
    plain.sheets.splice(plain.sheets.indexOf(sheet), 1);
    await this.recordOwnership((o) => {
      o.sheets = o.sheets.filter((s) => s.id !== fileSheetId(name));
      o.columns = o.columns.filter((c) => c.sheetId !== fileSheetId(name));
    });
  }

  async getSetting(key: string): Promise<JsonValue | undefined> {
    return this.loadSettings().get(key);
  }

  async setSetting(key: string, value: JsonValue): Promise<void> {
    const json = JSON.stringify(value);
    if (json === undefined) throw new Error(`设置“${key}”的值不能保存为 JSON (setting is not JSON)`);
    const settings = this.loadSettings();
    settings.set(key, JSON.parse(json) as JsonValue);
    const rows: string[][] = [];
    for (const [k, v] of settings) {
      const text = JSON.stringify(v);
      const cells: string[] = [k];
      for (let i = 0; i < text.length; i += CELL_TEXT_MAX) cells.push(text.slice(i, i + CELL_TEXT_MAX));
      rows.push(cells);
    }
    writePlainSettings(await this.plainBook(), SETTINGS_SHEET, rows);
  }

  /**
   * Charts are kept as specs and drawn into the package when it is written (toBytes), as native DrawingML charts
   * over the cells then in the file: neither writer draws charts itself.
   */
  async addChart(spec: ChartSpec): Promise<void> {
    const problems = chartSpecProblems(spec);
    if (problems.length) throw new Error(problems.join('；'));
    const sheets = await this.listSheets();
    if (!sheets.some((s) => s.name === spec.sheet)) throw notFound(spec.sheet);
    this.charts = this.charts.filter((c) => !(c.sheet === spec.sheet && c.anchor === spec.anchor));
    this.charts.push(spec);
  }

  /** The workbook as .xlsx bytes: original sheets as they were, plus what was written. */
  async toBytes(): Promise<Uint8Array> {
    const plain = await this.plainBook();
    const bytes = this.pkg
      ? await writePackageBook(this.pkg, plain.sheets, this.deflater ?? fflateDeflater(1))
      : await writePlainBook(plain, this.deflater);
    return this.charts.length ? addChartsToXlsx(bytes, this.charts) : bytes;
  }

  /** The sheets a user works with: not the settings sheet, not chart or macro sheets. */
  private plainUserSheets(): PlainSheet[] {
    return this.plain ? this.plain.sheets.filter((s) => s.name !== SETTINGS_SHEET && s.source?.worksheet !== false) : [];
  }

  private plainSheet(name: string): PlainSheet {
    const sheet = this.plainUserSheets().find((s) => s.name === name);
    if (!sheet) throw notFound(name);
    return sheet;
  }

  private async csvTable(opts?: ReadOptions): Promise<CsvTable> {
    const csv = this.csv!;
    if (!csv.table) csv.table = await parseCsvTable(csv.text, csv.delimiter, opts);
    else opts?.onProgress?.(csv.table.rowCount, csv.table.rowCount);
    return csv.table;
  }

  private async csvRows(opts?: ReadOptions): Promise<CsvRow[]> {
    const table = await this.csvTable(opts);
    const csv = this.csv!;
    csv.rows ??= csvTableRows(table);
    return csv.rows;
  }

  /**
   * The workbook as plain data; a CSV is turned into it on the first write (its cells stay text, format `@`, as
   * they were read), once: concurrent first writes share the same promise, so none is lost.
   */
  private plainBook(): Promise<PlainBook> {
    if (this.plain) return Promise.resolve(this.plain);
    this.plainPending ??= (async () => {
      const csv = this.csv!;
      this.plain = { sheets: [plainSheetFromCsv(csv.sheet, await this.csvTable())] };
      this.csv = null;
      return this.plain;
    })();
    return this.plainPending;
  }

  private loadSettings(): Map<string, JsonValue> {
    if (this.settings) return this.settings;
    const settings = new Map<string, JsonValue>();
    const sheet = this.plain?.sheets.find((s) => s.name === SETTINGS_SHEET);
    const { lastRow, lastCol } = sheet ? plainExtent(sheet) : { lastRow: 0, lastCol: 0 };
    for (let r = 1; sheet && r <= lastRow; r++) {
      const key = cellValue(sheet, r, 1);
      if (typeof key !== 'string' || key === '') continue;
      let text = '';
      for (let c = 2; c <= lastCol; c++) {
        const v = cellValue(sheet, r, c);
        text += v === null || v === undefined ? '' : cellToText(v);
      }
      try {
        settings.set(key, JSON.parse(text) as JsonValue);
      } catch {
        // A hand-edited, broken setting is ignored rather than failing the whole workbook.
      }
    }
    this.settings = settings;
    return settings;
  }
}

function notFound(name: string): Error {
  return new Error(`找不到工作表“${name}” (no sheet named ${name})`);
}

/** A workbook with no sheet yet, saved by the plain writer once sheets are added. */
export function newWorkbook(opts?: FileWorkbookOptions): FileWorkbook {
  return new FileWorkbook({ origin: { kind: 'new' }, pkg: null, csv: null }, opts);
}

/** Opens .xlsx or .csv bytes (browser and Node). */
export async function openWorkbookBytes(bytes: Uint8Array, fileName: string, opts?: FileWorkbookOptions): Promise<FileWorkbook> {
  return new FileWorkbook(await loadWorkbookBytes(bytes, fileName), opts);
}
