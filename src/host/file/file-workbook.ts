/**
 * The file host: a Workbook over .xlsx or .csv bytes, for the CLI, the browser preview and the tests. Runs in Node
 * and in browsers (no fs here; node.ts adds opening and saving by path).
 *
 * .xlsx goes through exceljs: maintained, and it reads and writes what we must keep intact or produce — cell
 * types, styles and number formats, merges, Excel tables, frozen panes. (Known exceljs limits: charts and pivot
 * tables of the original file are not carried into the saved copy.) exceljs is loaded only for .xlsx inputs.
 * CSV uses our own parser (csv.ts); once something is written it becomes a plain-data workbook (xlsx-plain.ts)
 * saved by our streaming writer (xlsx-fast-write.ts): a CSV has no styles to keep, and exceljs needs minutes and
 * gigabytes to save 500,000 rows.
 */
import type * as ExcelJS from 'exceljs';
import type {
  ColumnWrite,
  JsonValue,
  ReadOptions,
  SheetData,
  SheetInfo,
  SheetSpec,
  Workbook,
} from '../workbook';
import { CsvDelimiter, CsvEncoding, CsvRow, CsvTable, csvTableRows, decodeCsvBytes, detectDelimiter, parseCsvTable } from './csv';
import { writePlainBook } from './xlsx-fast-write';
import {
  PlainBook,
  PlainSheet,
  plainExtent,
  plainSheetFromCsv,
  readPlainSheet,
  writePlainColumns,
  writePlainSettings,
  writePlainSheet,
} from './xlsx-plain';
import type { Deflater } from './zip';
import { addChartsToXlsx } from './xlsx-charts';
import { ChartSpec, chartSpecProblems } from '../../core/report/chart-spec';

/** exceljs and our code over it, loaded on first use: CSV work never needs them (and exceljs takes a while to load). */
async function exceljsModules() {
  const [lib, read, write] = await Promise.all([import('exceljs'), import('./xlsx-read'), import('./xlsx-write')]);
  return { ExcelJS: lib, ...read, ...write };
}

/** Where the host keeps settings: a very hidden sheet, so they travel with the saved file. */
export const SETTINGS_SHEET = '_kehu_settings';
const CELL_TEXT_MAX = 32_000; // Excel holds at most 32,767 characters per cell

export type WorkbookOrigin = { kind: 'xlsx' } | { kind: 'csv'; encoding: CsvEncoding; delimiter: CsvDelimiter };

interface CsvSource {
  sheet: string;
  text: string;
  delimiter: CsvDelimiter;
  table: CsvTable | null;
  rows: CsvRow[] | null;
}

export interface LoadedWorkbook {
  origin: WorkbookOrigin;
  book: ExcelJS.Workbook | null;
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
    const { ExcelJS } = await exceljsModules();
    const book = new ExcelJS.Workbook();
    try {
      await book.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch (e) {
      throw new Error(`无法读取工作簿“${fileName}”：${(e as Error).message} (cannot read the .xlsx file)`);
    }
    return { origin: { kind: 'xlsx' }, book, csv: null };
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
    book: null,
    csv: { sheet: sheetNameForFile(fileName), text, delimiter, table: null, rows: null },
  };
}

export interface FileWorkbookOptions {
  /** The compressor for saving CSV-born workbooks; fflate unless the host has a faster one (Node: zlib). */
  deflater?: Deflater;
}

/**
 * One of three states: an .xlsx held by exceljs (`book`); a CSV as read (`csv`), before anything is written; or
 * a CSV that was written to, held as plain data (`plain`).
 */
export class FileWorkbook implements Workbook {
  readonly origin: WorkbookOrigin;
  private book: ExcelJS.Workbook | null;
  private csv: CsvSource | null;
  private plain: PlainBook | null = null;
  private plainPending: Promise<PlainBook> | null = null;
  private charts: ChartSpec[] = [];
  private settings: Map<string, JsonValue> | null = null;
  private readonly deflater: Deflater | undefined;

  constructor(loaded: LoadedWorkbook, opts: FileWorkbookOptions = {}) {
    this.origin = loaded.origin;
    this.book = loaded.book;
    this.csv = loaded.csv;
    this.deflater = opts.deflater;
  }

  async listSheets(): Promise<SheetInfo[]> {
    if (this.csv) {
      const table = await this.csvTable();
      const columnCount = table.widths.reduce((m, w) => Math.max(m, w), 0);
      return [{ name: this.csv.sheet, rowCount: table.rowCount, columnCount }];
    }
    if (this.plain) {
      return this.plainUserSheets().map((s) => {
        const { firstRow, lastRow, lastCol } = plainExtent(s);
        return { name: s.name, rowCount: lastRow === 0 ? 0 : lastRow - firstRow + 1, columnCount: lastCol };
      });
    }
    const { usedExtent } = await exceljsModules();
    return this.userSheets().map((ws) => {
      const { firstRow, lastRow, lastCol } = usedExtent(ws);
      return { name: ws.name, rowCount: lastRow === 0 ? 0 : lastRow - firstRow + 1, columnCount: lastCol };
    });
  }

  async readSheet(name: string, opts: ReadOptions = {}): Promise<SheetData> {
    if (this.csv) {
      if (name !== this.csv.sheet) throw notFound(name);
      const rows = await this.csvRows(opts);
      return { name, rows, firstRow: 1, merges: [], formulas: 0 };
    }
    if (this.plain) {
      opts.signal?.throwIfAborted();
      const data = readPlainSheet(this.plainSheet(name));
      opts.onProgress?.(data.rows.length, data.rows.length);
      return data;
    }
    const { readWorksheet } = await exceljsModules();
    return readWorksheet(this.sheet(name), opts);
  }

  async writeColumns(sheet: string, columns: ColumnWrite[]): Promise<void> {
    if (this.book) {
      const { writeColumnsTo } = await exceljsModules();
      writeColumnsTo(this.sheet(sheet), columns);
      return;
    }
    await this.plainBook();
    writePlainColumns(this.plainSheet(sheet), columns);
  }

  async writeSheet(spec: SheetSpec): Promise<void> {
    // A replaced sheet loses the charts drawn on its old cells; the step that replaces it adds them again.
    if (spec.replace) this.charts = this.charts.filter((c) => c.sheet !== spec.name);
    if (this.book) {
      const { writeSheetTo } = await exceljsModules();
      writeSheetTo(this.book, spec, [SETTINGS_SHEET]);
      return;
    }
    writePlainSheet(await this.plainBook(), spec, [SETTINGS_SHEET]);
  }

  /** Deletes a sheet; a name that does not exist is a no-op, so re-running a cleanup is harmless. */
  async deleteSheet(name: string): Promise<void> {
    if (name === SETTINGS_SHEET) return;
    if (this.csv && name !== this.csv.sheet) return;
    const lastVisible = () => new Error(`不能删除最后一个可见的工作表“${name}” (cannot delete the last visible sheet)`);
    if (this.book) {
      const book = this.book;
      const ws = this.userSheets().find((s) => s.name === name);
      if (!ws) return;
      if (book.worksheets.filter((s) => s !== ws && s.state === 'visible').length === 0) throw lastVisible();
      book.removeWorksheet(ws.id);
      return;
    }
    const plain = await this.plainBook();
    const sheet = this.plainUserSheets().find((s) => s.name === name);
    if (!sheet) return;
    if (plain.sheets.filter((s) => s !== sheet && s.state === 'visible').length === 0) throw lastVisible();
    plain.sheets.splice(plain.sheets.indexOf(sheet), 1);
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
    if (!this.book) {
      writePlainSettings(await this.plainBook(), SETTINGS_SHEET, rows);
      return;
    }
    const book = this.book;
    const old = book.getWorksheet(SETTINGS_SHEET);
    if (old) book.removeWorksheet(old.id);
    book.addWorksheet(SETTINGS_SHEET, { state: 'veryHidden' }).addRows(rows);
  }

  /** The workbook as .xlsx bytes: original sheets as they were, plus what was written. */
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

  async toBytes(): Promise<Uint8Array> {
    let bytes: Uint8Array;
    if (!this.book) bytes = await writePlainBook(await this.plainBook(), this.deflater);
    else {
      const out = await this.book.xlsx.writeBuffer();
      bytes = out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer);
    }
    return this.charts.length ? addChartsToXlsx(bytes, this.charts) : bytes;
  }

  private userSheets(): ExcelJS.Worksheet[] {
    return this.book ? this.book.worksheets.filter((ws) => ws.name !== SETTINGS_SHEET) : [];
  }

  private sheet(name: string): ExcelJS.Worksheet {
    const ws = this.userSheets().find((s) => s.name === name);
    if (!ws) throw notFound(name);
    return ws;
  }

  private plainUserSheets(): PlainSheet[] {
    return this.plain ? this.plain.sheets.filter((s) => s.name !== SETTINGS_SHEET) : [];
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

  /** The CSV as plain data, made on the first write. Its cells stay text (format `@`), as they were read. */
  /** The CSV as a writable plain book, made once: concurrent first writes share the same promise, so none is lost. */
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
    const ws = this.book?.getWorksheet(SETTINGS_SHEET);
    ws?.eachRow((row) => {
      const values = (row.values as unknown[]).slice(1).map((v) => (typeof v === 'string' ? v : ''));
      const [key, ...chunks] = values;
      if (!key) return;
      try {
        settings.set(key, JSON.parse(chunks.join('')) as JsonValue);
      } catch {
        // A hand-edited, broken setting is ignored rather than failing the whole workbook.
      }
    });
    this.settings = settings;
    return settings;
  }
}

function notFound(name: string): Error {
  return new Error(`找不到工作表“${name}” (no sheet named ${name})`);
}

/** Opens .xlsx or .csv bytes (browser and Node). */
export async function openWorkbookBytes(bytes: Uint8Array, fileName: string, opts?: FileWorkbookOptions): Promise<FileWorkbook> {
  return new FileWorkbook(await loadWorkbookBytes(bytes, fileName), opts);
}
