/// <reference types="office-js" />
/**
 * The Office host: the Workbook port over the open workbook through Office.js (Excel.run). Each call is one
 * Excel.run; reads and writes go in chunks under the 5 MB request payload limit of Excel on the web.
 *
 * Safety, beyond the port's conventions:
 * - Own output is recognised by name AND by a marker in the settings sheet (worksheet ids, header cells), so a
 *   re-run replaces its own sheet or column and never a user's sheet or column that merely has the same name.
 * - writeSheet builds the new sheet under a temporary name and only then swaps it for the old one, in one last
 *   batch; a failure on the way deletes the partial sheet and leaves the old output as it was.
 * - writeColumns clears what it wrote when a later chunk fails.
 * - In-place rewrites (rewriteColumnsInPlace) copy the whole sheet to a backup sheet first.
 */
import { CellValue, cellToText, isBlank } from '../../core/cell';
import type { ChartSpec } from '../../core/report/chart-spec';
import { uniqueHeaders } from '../../core/table';
import {
  CellFormat,
  ColumnWrite,
  JsonValue,
  ReadOptions,
  SheetData,
  SheetInfo,
  SheetSpec,
  TableBlock,
  Workbook,
  sheetNameProblem,
  tableNameProblem,
} from '../workbook';
import { MAX_COLUMNS, a1, localAddress } from './a1';
import { addChartTo } from './chart';
import {
  BASE_REQUIREMENT,
  IsSetSupported,
  OfficeEnv,
  PAYLOAD_LIMIT_BYTES,
  featuresOf,
  messageOf,
  syncWrites,
} from './env';
import { columnWidthsOf, widthToPoints } from './layout';
import { readBlock } from './read';
import { Ownership, pruneOwnership } from '../ownership';
import { SETTINGS_SHEET, StoredSettings, ownershipOf, queueSettingsWrite, readSettings, setOwnership } from './settings';
import { Grid, gridOf, writeGrid } from './write';

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface OfficeWorkbookOptions {
  /** Excel.run, or a stand-in (tests pass the strict fake's). */
  run?: ExcelRun;
  /** Office.context.requirements.isSetSupported, or a stand-in. */
  isSetSupported?: IsSetSupported;
  /** Bytes one request may carry; 5 MB (Excel on the web) unless a test narrows it. */
  payloadLimit?: number;
}

/** An Excel table in the workbook. `rowCount` counts data rows (header excluded). */
export interface TableInfo {
  name: string;
  sheet: string;
  /** A1 address on `sheet`, header included (`A1:F200`). */
  address: string;
  headers: string[];
  rowCount: number;
  columnCount: number;
}

/** One user column to rewrite in place (only through rewriteColumnsInPlace, after a backup). */
export interface InPlaceColumn {
  /** The column's header text in `headerRow`, or its 1-based number. */
  column: string | number;
  headerRow: number;
  /** values[i] goes to row headerRow + 1 + i; rows past the end are left as they are. */
  values: CellValue[];
  format?: CellFormat;
}

function notFound(name: string): Error {
  return new Error(`找不到工作表“${name}” (no sheet named ${name})`);
}

function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function defaultIsSetSupported(): IsSetSupported {
  if (typeof Office !== 'undefined' && Office.context?.requirements) {
    return (name, version) => Office.context.requirements.isSetSupported(name, version);
  }
  return () => false;
}

function checkBlocks(spec: SheetSpec): void {
  if (sameName(spec.name, SETTINGS_SHEET)) throw new Error(`工作表名称“${spec.name}”为本工具保留 (reserved sheet name)`);
  for (const b of spec.blocks) {
    const [r, c] = b.at;
    if (!Number.isInteger(r) || !Number.isInteger(c) || r < 1 || c < 1) {
      throw new Error(`${b.kind} 区块位置无效：[${b.at.join(',')}] (block position must be 1-based [row, col])`);
    }
    if (b.kind === 'table' && b.header.length === 0) throw new Error('表格区块没有列 (table block has no columns)');
  }
}

/** Table names for every table block: the given ones checked, the missing ones made from the sheet name. */
function planTableNames(spec: SheetSpec, used: string[]): Map<TableBlock, string> {
  const names = new Map<TableBlock, string>();
  for (const b of spec.blocks) {
    if (b.kind !== 'table' || b.name === undefined) continue;
    const problem = tableNameProblem(b.name, used);
    if (problem) throw new Error(problem);
    used.push(b.name);
    names.set(b, b.name);
  }
  for (const b of spec.blocks) {
    if (b.kind !== 'table' || b.name !== undefined) continue;
    const base = `Kehu_${spec.name.replace(/[^\p{L}\p{N}_.]/gu, '_')}`;
    let name = base;
    for (let k = 2; tableNameProblem(name, used) !== null; k++) name = `${base}_${k}`;
    used.push(name);
    names.set(b, name);
  }
  return names;
}

/** The grid a block writes, 0-based. A table block writes its header row and at least one data row. */
function blockGrid(b: SheetSpec['blocks'][number]): Grid {
  const row0 = b.at[0] - 1;
  const col0 = b.at[1] - 1;
  if (b.kind === 'title') return gridOf(row0, col0, [[b.text]], 1);
  if (b.kind === 'kv') {
    return {
      row0,
      col0,
      rows: b.pairs.length,
      cols: 2,
      cell: (i, j) => b.pairs[i][j] ?? null,
      format: (i, j) => (j === 1 ? b.pairs[i][2] : undefined),
    };
  }
  const header = uniqueHeaders(b.header);
  const dataRows = Math.max(b.rows.length, 1);
  return {
    row0,
    col0,
    rows: 1 + dataRows,
    cols: header.length,
    cell: (i, j) => (i === 0 ? header[j] : (b.rows[i - 1]?.[j] ?? null)),
    format: (i, j) => (i === 0 ? undefined : b.formats?.[j]),
  };
}

export class OfficeWorkbook implements Workbook {
  private readonly excelRun: ExcelRun;
  private readonly isSetSupported: IsSetSupported;
  private readonly payloadLimit: number;

  constructor(options: OfficeWorkbookOptions = {}) {
    this.excelRun = options.run ?? ((batch) => Excel.run(batch));
    this.isSetSupported = options.isSetSupported ?? defaultIsSetSupported();
    this.payloadLimit = options.payloadLimit ?? PAYLOAD_LIMIT_BYTES;
  }

  /** The API sets in use, read at every call so a test (or a host update) is seen at once. */
  private env(): OfficeEnv {
    return { features: featuresOf(this.isSetSupported), payloadLimit: this.payloadLimit };
  }

  private run<T>(batch: (context: Excel.RequestContext, env: OfficeEnv) => Promise<T>): Promise<T> {
    if (!this.isSetSupported(BASE_REQUIREMENT.name, BASE_REQUIREMENT.version)) {
      return Promise.reject(
        new Error('此版本的 Excel 不支持所需的接口 ExcelApi 1.4，请更新 Office (this Excel lacks ExcelApi 1.4: update Office)'),
      );
    }
    const env = this.env();
    return this.excelRun((context) => batch(context, env));
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets.load('items/name');
      await context.sync();
      const user = sheets.items.filter((s) => s.name !== SETTINGS_SHEET);
      const used = user.map((s) => s.getUsedRangeOrNullObject(true).load('rowCount,columnIndex,columnCount'));
      await context.sync();
      return user.map((s, i) => {
        const u = used[i];
        return u.isNullObject
          ? { name: s.name, rowCount: 0, columnCount: 0 }
          : { name: s.name, rowCount: u.rowCount, columnCount: u.columnIndex + u.columnCount };
      });
    });
  }

  async listTables(): Promise<TableInfo[]> {
    return this.run(async (context) => {
      const tables = context.workbook.tables.load('items/name');
      await context.sync();
      const parts = tables.items.map((t) => ({
        table: t,
        sheet: t.worksheet.load('name'),
        range: t.getRange().load('address,columnCount'),
        header: t.getHeaderRowRange().load('values'),
        body: t.getDataBodyRange().load('rowCount'),
      }));
      await context.sync();
      return parts.map((p) => ({
        name: p.table.name,
        sheet: p.sheet.name,
        address: localAddress(p.range.address),
        headers: (p.header.values[0] ?? []).map((v) => cellToText(v as CellValue)),
        rowCount: p.body.rowCount,
        columnCount: p.range.columnCount,
      }));
    });
  }

  async readSheet(name: string, opts: ReadOptions = {}): Promise<SheetData> {
    return this.run(async (context, env) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(name);
      sheet.load('name');
      await context.sync();
      if (sheet.isNullObject || sheet.name === SETTINGS_SHEET) throw notFound(name);
      const used = sheet.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount');
      await context.sync();
      if (used.isNullObject) {
        opts.onProgress?.(0, 0);
        return { name: sheet.name, rows: [], firstRow: 1, merges: [], formulas: 0 };
      }
      const block = { row0: used.rowIndex, col0: used.columnIndex, rows: used.rowCount, cols: used.columnCount };
      const rows = await readBlock(context, sheet, block, env, opts);

      const merged = env.features.mergedAreas ? used.getMergedAreasOrNullObject() : null;
      const formulaCells = env.features.specialCells ? used.getSpecialCellsOrNullObject('Formulas').load('cellCount') : null;
      if (merged || formulaCells) await context.sync();
      let merges: string[] = [];
      if (merged && !merged.isNullObject) {
        const areas = merged.areas.load('items/address');
        await context.sync();
        merges = areas.items.map((r) => localAddress(r.address));
      }
      const data: SheetData = { name: sheet.name, rows, firstRow: used.rowIndex + 1, merges };
      if (formulaCells) data.formulas = formulaCells.isNullObject ? 0 : formulaCells.cellCount;
      return data;
    });
  }

  async writeColumns(sheetName: string, columns: ColumnWrite[]): Promise<void> {
    for (const col of columns) {
      if (!Number.isInteger(col.headerRow) || col.headerRow < 1) {
        throw new Error(`表头行号无效：${col.headerRow} (headerRow must be a 1-based row number)`);
      }
      if (col.header.trim() === '') throw new Error('新列的表头不能为空 (new column header is empty)');
    }
    if (columns.length === 0) return;
    return this.run(async (context, env) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
      sheet.load('id,name');
      const used = sheet.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount');
      await context.sync();
      if (sheet.isNullObject || sheet.name === SETTINGS_SHEET) throw notFound(sheetName);
      const stored = await readSettings(context);
      const owned = ownershipOf(stored, [sheet]);
      let lastRow = used.isNullObject ? 0 : used.rowIndex + used.rowCount;
      let lastCol = used.isNullObject ? 0 : used.columnIndex + used.columnCount;
      const headers = await this.headerRows(context, sheet, columns.map((c) => c.headerRow), lastCol);

      // Where each column goes (see ColumnWrite); existing cells are never covered.
      const plan: { col: ColumnWrite; target: number; clearTo: number }[] = [];
      const taken = new Set<number>();
      const afterAnchor = new Map<string, number>();
      for (const col of columns) {
        const headerCells = headers.get(col.headerRow) ?? [];
        let target = 0;
        let clearTo = 0;
        const isOwn = owned.columns.some((o) => o.sheetId === sheet.id && o.headerRow === col.headerRow && o.header === col.header);
        if (col.replaceOwn && isOwn) {
          for (let c = headerCells.length; c >= 1 && target === 0; c--) {
            if (headerCells[c - 1] === col.header && !taken.has(c)) target = c;
          }
          if (target > 0) clearTo = lastRow;
        }
        if (target === 0 && col.afterColumn !== undefined) {
          const key = String(col.afterColumn);
          let anchor = afterAnchor.get(key) ?? 0;
          if (anchor === 0) {
            anchor =
              typeof col.afterColumn === 'number'
                ? col.afterColumn
                : headerCells.findIndex((v) => !isBlank(v) && cellToText(v).trim() === key.trim()) + 1;
            if (anchor < 1) throw new Error(`找不到列“${col.afterColumn}” (column ${col.afterColumn} not found in row ${col.headerRow})`);
          }
          const next = anchor + 1;
          if (!taken.has(next) && next <= MAX_COLUMNS && (await this.columnIsEmpty(context, sheet, next, lastRow))) target = next;
          afterAnchor.set(key, target || anchor);
        }
        if (target === 0) target = Math.max(lastCol, ...taken) + 1;
        if (target > MAX_COLUMNS) throw new Error('工作表已没有空列可写 (no empty column left on the sheet)');
        taken.add(target);
        lastCol = Math.max(lastCol, target);
        lastRow = Math.max(lastRow, col.headerRow + col.values.length);
        plan.push({ col, target, clearTo });
      }

      const written: { target: number; headerRow: number; rows: number }[] = [];
      try {
        const clears = plan.filter((p) => p.clearTo > p.col.headerRow);
        if (clears.length > 0) {
          await syncWrites(context, env, () => {
            for (const p of clears) sheet.getRange(a1(p.col.headerRow, p.target - 1, p.clearTo - p.col.headerRow, 1)).clear();
          });
        }
        for (const group of contiguousGroups(plan)) {
          const height = 1 + Math.max(...group.map((p) => p.col.values.length));
          for (const p of group) written.push({ target: p.target, headerRow: p.col.headerRow, rows: height });
          await writeGrid(
            context,
            sheet,
            {
              row0: group[0].col.headerRow - 1,
              col0: group[0].target - 1,
              rows: height,
              cols: group.length,
              cell: (i, j) => (i === 0 ? group[j].col.header : (group[j].col.values[i - 1] ?? null)),
              format: (i, j) => (i === 0 ? undefined : group[j].col.format),
            },
            env,
          );
        }
        for (const p of plan) {
          const mine = (o: Ownership['columns'][number]) =>
            o.sheetId === sheet.id && o.headerRow === p.col.headerRow && o.header === p.col.header;
          if (!owned.columns.some(mine)) owned.columns.push({ sheetId: sheet.id, headerRow: p.col.headerRow, header: p.col.header });
        }
        setOwnership(stored, owned);
        await syncWrites(context, env, () => {
          for (const group of contiguousGroups(plan)) {
            sheet.getRange(a1(group[0].col.headerRow - 1, group[0].target - 1, 1, group.length)).format.font.bold = true;
          }
          queueSettingsWrite(context, stored);
        });
      } catch (e) {
        let undone = true;
        try {
          for (const w of written) sheet.getRange(a1(w.headerRow - 1, w.target - 1, w.rows, 1)).clear();
          await context.sync();
        } catch {
          undone = false;
        }
        throw new Error(
          undone
            ? `写入新列失败，已清除写了一半的列：${messageOf(e)} (writing the new columns failed; the partial columns were cleared)`
            : `写入新列失败，且未能清除写了一半的列，请检查工作表“${sheetName}”右侧：${messageOf(e)} (writing failed and the partial columns could not be cleared)`,
        );
      }
    });
  }

  async writeSheet(spec: SheetSpec): Promise<void> {
    checkBlocks(spec);
    return this.run(async (context, env) => {
      const worksheets = context.workbook.worksheets.load('items/name,items/id,items/position');
      const tables = context.workbook.tables.load('items/name');
      await context.sync();
      const stored = await readSettings(context);
      const owned = pruneOwnership(
        ownershipOf(stored, worksheets.items),
        worksheets.items.map((w) => w.id),
      );
      const old = worksheets.items.find((w) => sameName(w.name, spec.name));
      const others = worksheets.items.filter((w) => w !== old || !spec.replace).map((w) => w.name);
      const problem = sheetNameProblem(spec.name, others);
      if (problem) throw new Error(spec.replace || !old ? problem : `${problem}；如需覆盖本工具之前的输出请使用 replace (use replace)`);
      if (old && !owned.sheets.some((s) => s.id === old.id)) {
        throw new Error(
          `工作表“${old.name}”不是本工具创建的，不会覆盖；请改名或删除后重试 (sheet ${old.name} was not written by Kehu; rename or delete it first)`,
        );
      }
      let oldTables: string[] = [];
      if (old) {
        const t = old.tables.load('items/name');
        await context.sync();
        oldTables = t.items.map((x) => x.name);
      }
      const finalNames = planTableNames(
        spec,
        tables.items.map((t) => t.name).filter((n) => !oldTables.includes(n)),
      );
      // While the old sheet still holds its tables, the new ones carry temporary names.
      const stamp = Date.now().toString(36);
      const tempNames = new Map([...finalNames].map(([b], k) => [b, old ? `_kehu_tmp_${stamp}_${k}` : finalNames.get(b)!]));
      const sheetName = old ? `_kehu_tmp_${stamp}` : spec.name;

      const sheet = worksheets.add(sheetName);
      sheet.load('id');
      await context.sync();
      try {
        for (const b of spec.blocks) await writeGrid(context, sheet, blockGrid(b), env);
        await syncWrites(context, env, () => this.queueLayout(sheet, spec, tempNames, env));
      } catch (e) {
        throw await rollBack(context, sheet, spec.name, e);
      }
      // The swap: old output out, new one in its place, marker updated, all in one batch.
      owned.sheets = owned.sheets.filter((s) => s.id !== old?.id);
      owned.sheets.push({ id: sheet.id, name: spec.name });
      owned.columns = owned.columns.filter((c) => c.sheetId !== old?.id);
      setOwnership(stored, owned);
      await syncWrites(context, env, () => {
        if (old) {
          old.delete();
          sheet.name = spec.name;
          sheet.position = old.position;
          for (const [b, temp] of tempNames) sheet.tables.getItem(temp).name = finalNames.get(b)!;
        }
        queueSettingsWrite(context, stored);
      });
    });
  }

  /** Styles, tables, widths and frozen panes: after every value is in. */
  private queueLayout(sheet: Excel.Worksheet, spec: SheetSpec, tableNames: Map<TableBlock, string>, env: OfficeEnv): void {
    for (const b of spec.blocks) {
      const [r, c] = [b.at[0] - 1, b.at[1] - 1];
      if (b.kind === 'title') {
        const font = sheet.getRange(a1(r, c)).format.font;
        font.bold = true;
        font.size = 14;
      } else if (b.kind === 'kv') {
        if (b.pairs.length > 0) sheet.getRange(a1(r, c, b.pairs.length, 1)).format.font.bold = true;
      } else {
        const table = sheet.tables.add(sheet.getRange(a1(r, c, 1 + Math.max(b.rows.length, 1), b.header.length)), true);
        table.name = tableNames.get(b)!;
        table.style = b.style ?? 'TableStyleMedium2';
        if (b.heatMap && env.features.conditionalFormats && b.rows.length > 0 && b.header.length > 1) {
          const body = sheet.getRange(a1(r + 1, c + 1, b.rows.length, b.header.length - 1));
          const scale = body.conditionalFormats.add('ColorScale' as Excel.ConditionalFormatType);
          scale.colorScale.criteria = {
            minimum: { type: 'LowestValue' as Excel.ConditionalFormatColorCriterionType, color: '#FCFCFF' },
            maximum: { type: 'HighestValue' as Excel.ConditionalFormatColorCriterionType, color: '#5A8AC6' },
          };
        }
      }
    }
    columnWidthsOf(spec).forEach((w, c) => {
      sheet.getRange(a1(0, c)).format.columnWidth = widthToPoints(w);
    });
    const freeze = spec.freeze;
    if (freeze && env.features.freezePanes && (freeze.rows > 0 || freeze.cols > 0)) {
      if (freeze.rows > 0 && freeze.cols > 0) sheet.freezePanes.freezeAt(sheet.getRange(a1(0, 0, freeze.rows, freeze.cols)));
      else if (freeze.rows > 0) sheet.freezePanes.freezeRows(freeze.rows);
      else sheet.freezePanes.freezeColumns(freeze.cols);
    }
  }

  /**
   * Rewrites user columns in place: the whole sheet is first copied to a backup sheet (`<name>_备份`, numbered
   * when taken), then only the given cells are written. Returns the backup sheet's name.
   */
  async rewriteColumnsInPlace(sheetName: string, columns: InPlaceColumn[]): Promise<{ backupSheet: string }> {
    return this.run(async (context, env) => {
      const worksheets = context.workbook.worksheets.load('items/name');
      const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
      sheet.load('name');
      const used = sheet.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount');
      await context.sync();
      if (sheet.isNullObject || sheet.name === SETTINGS_SHEET) throw notFound(sheetName);
      const lastCol = used.isNullObject ? 0 : used.columnIndex + used.columnCount;
      const headers = await this.headerRows(context, sheet, columns.map((c) => c.headerRow), lastCol);
      const targets = columns.map((col) => {
        const cells = headers.get(col.headerRow) ?? [];
        const c =
          typeof col.column === 'number'
            ? col.column
            : cells.findIndex((v) => !isBlank(v) && cellToText(v).trim() === String(col.column).trim()) + 1;
        if (!Number.isInteger(c) || c < 1 || c > MAX_COLUMNS) {
          throw new Error(`找不到列“${col.column}” (column ${col.column} not found in row ${col.headerRow})`);
        }
        return c;
      });

      const names = worksheets.items.map((w) => w.name);
      const base = `${sheet.name.slice(0, 26)}_备份`;
      let backupSheet = base;
      for (let k = 2; sheetNameProblem(backupSheet, names) !== null; k++) backupSheet = `${base}${k}`;
      if (env.features.copySheet) {
        const copy = sheet.copy('End');
        copy.name = backupSheet;
        await context.sync();
      } else {
        const rows = used.isNullObject
          ? []
          : await readBlock(context, sheet, { row0: used.rowIndex, col0: 0, rows: used.rowCount, cols: lastCol }, env);
        const backup = context.workbook.worksheets.add(backupSheet);
        await context.sync();
        if (rows.length > 0) await writeGrid(context, backup, gridOf(used.rowIndex, 0, rows, lastCol), env);
      }
      try {
        for (let k = 0; k < columns.length; k++) {
          const col = columns[k];
          if (col.values.length === 0) continue;
          const values = col.values.map((v) => [v]);
          await writeGrid(context, sheet, gridOf(col.headerRow, targets[k] - 1, values, 1, [col.format]), env);
        }
      } catch (e) {
        throw new Error(
          `改写失败，原数据已备份在工作表“${backupSheet}”：${messageOf(e)} (rewrite failed; the original data is in the backup sheet ${backupSheet})`,
        );
      }
      return { backupSheet };
    });
  }

  /** Deletes a sheet; a name that does not exist is a no-op, so re-running a cleanup is harmless. */
  async deleteSheet(name: string): Promise<void> {
    if (sameName(name, SETTINGS_SHEET)) return;
    return this.run(async (context, env) => {
      const worksheets = context.workbook.worksheets.load('items/name,items/id,items/visibility');
      await context.sync();
      const sheet = worksheets.items.find((w) => w.name === name);
      if (!sheet) return;
      if (!worksheets.items.some((w) => w !== sheet && w.visibility === 'Visible')) {
        throw new Error(`不能删除最后一个可见的工作表“${name}” (cannot delete the last visible sheet)`);
      }
      const stored = await readSettings(context);
      const owned = ownershipOf(stored, worksheets.items);
      const wasOwned = owned.sheets.some((s) => s.id === sheet.id) || owned.columns.some((c) => c.sheetId === sheet.id);
      await syncWrites(context, env, () => {
        sheet.delete();
        if (wasOwned) {
          setOwnership(stored, pruneOwnership(owned, worksheets.items.filter((w) => w !== sheet).map((w) => w.id)));
          queueSettingsWrite(context, stored);
        }
      });
    });
  }

  async getSetting(key: string): Promise<JsonValue | undefined> {
    return this.run(async (context) => (await readSettings(context)).values.get(key));
  }

  async setSetting(key: string, value: JsonValue): Promise<void> {
    const json = JSON.stringify(value);
    if (json === undefined) throw new Error(`设置“${key}”的值不能保存为 JSON (setting is not JSON)`);
    return this.run(async (context, env) => {
      const stored: StoredSettings = await readSettings(context);
      stored.values.set(key, JSON.parse(json) as JsonValue);
      await syncWrites(context, env, () => queueSettingsWrite(context, stored));
    });
  }

  /** Adds (or, on a re-run, replaces) a chart; see ChartSpec. */
  async addChart(spec: ChartSpec): Promise<void> {
    return this.run((context, env) => addChartTo(context, spec, env));
  }

  /** Header rows' cells from column A to `lastCol`, one sync for all rows asked. */
  private async headerRows(
    context: Excel.RequestContext,
    sheet: Excel.Worksheet,
    rows: number[],
    lastCol: number,
  ): Promise<Map<number, CellValue[]>> {
    const out = new Map<number, CellValue[]>();
    if (lastCol === 0) return out;
    const ranges = [...new Set(rows)].map((r) => [r, sheet.getRange(a1(r - 1, 0, 1, lastCol)).load('values,valueTypes')] as const);
    await context.sync();
    for (const [r, range] of ranges) {
      out.set(
        r,
        range.values[0].map((v, j) => (range.valueTypes[0][j] === 'Empty' ? null : (v as CellValue))),
      );
    }
    return out;
  }

  /** Whether a column holds no value in rows 1..lastRow (beyond the used range it is empty by definition). */
  private async columnIsEmpty(context: Excel.RequestContext, sheet: Excel.Worksheet, col: number, lastRow: number): Promise<boolean> {
    if (lastRow === 0) return true;
    const used = sheet.getRange(a1(0, col - 1, lastRow, 1)).getUsedRangeOrNullObject(true);
    used.load('address');
    await context.sync();
    return used.isNullObject;
  }
}

/** Runs of the plan's columns that sit side by side on the same header row, so they go in one grid. */
function contiguousGroups<T extends { col: ColumnWrite; target: number }>(plan: T[]): T[][] {
  const sorted = [...plan].sort((a, b) => a.col.headerRow - b.col.headerRow || a.target - b.target);
  const groups: T[][] = [];
  for (const p of sorted) {
    const g = groups[groups.length - 1];
    const last = g?.[g.length - 1];
    if (last && last.col.headerRow === p.col.headerRow && last.target + 1 === p.target) g.push(p);
    else groups.push([p]);
  }
  return groups;
}

/** Deletes the partial new sheet after a failed write and says what happened. */
async function rollBack(context: Excel.RequestContext, sheet: Excel.Worksheet, name: string, cause: unknown): Promise<Error> {
  try {
    sheet.delete();
    await context.sync();
  } catch {
    return new Error(
      `写入工作表“${name}”失败，且未能删除写了一半的工作表，请手动删除：${messageOf(cause)} (writing the sheet failed and the partial sheet could not be removed)`,
    );
  }
  return new Error(
    `写入工作表“${name}”失败，已删除写了一半的工作表，原有内容未改变：${messageOf(cause)} (writing the sheet failed; the partial sheet was removed and nothing else changed)`,
  );
}
