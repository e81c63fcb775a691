/** Writes into an exceljs workbook: safe typed cells, new columns beside the user's data, whole new sheets. */
import * as ExcelJS from 'exceljs';
import { CellValue, cellToText, isBlank, isCellError } from '../../core/cell';
import { CellFormat, ColumnWrite, FORMAT_CODES, KvBlock, SheetSpec, TableBlock } from '../workbook';
import { typedCell } from './xlsx-cell';
import { planSheet, sheetWidths, tableColumnNames } from './xlsx-sheet-plan';
import { cellValueOf, usedExtent } from './xlsx-read';

/**
 * Loaded cells share style objects (one per style id), so a style is always replaced, never mutated in place:
 * mutating would restyle every original cell sharing it.
 */
function patchStyle(cell: ExcelJS.Cell, patch: Partial<ExcelJS.Style>): void {
  cell.style = { ...cell.style, ...patch };
}

/**
 * Makes cells with equal styles share one frozen style object; run just before exceljs saves. exceljs finds a
 * cell's style id by object identity and renders every object it has not seen to XML, and each cell that
 * getCell creates or a write restyles has an object of its own: saving a 20,000-customer workbook after the
 * pipeline spent 40 of its 45 s there. Frozen, so code that sets `cell.numFmt` (a mutation, in exceljs) on a
 * shared style fails loudly instead of restyling every cell that shares it.
 */
export function shareStyles(book: ExcelJS.Workbook): void {
  const byKey = new Map<string, Partial<ExcelJS.Style>>();
  // A Map, not a WeakMap: V8's garbage collector slows to a crawl over a WeakMap of a million live keys.
  const seen = new Map<object, Partial<ExcelJS.Style>>();
  const empty: Partial<ExcelJS.Style> = Object.freeze({});
  for (const ws of book.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: true }, (cell) => {
        const style = cell.style as Partial<ExcelJS.Style> | undefined;
        if (!style) return;
        let shared = seen.get(style);
        if (!shared) {
          if (Object.keys(style).length === 0) shared = empty;
          else {
            const key = JSON.stringify(style);
            shared = byKey.get(key);
            if (!shared) byKey.set(key, (shared = Object.freeze(style)));
          }
          seen.set(style, shared);
        }
        if (shared !== style) cell.style = shared;
      });
    });
  }
}

/**
 * Writes one value keeping its type (see typedCell). Strings are always text: exceljs writes them as shared
 * strings, never as formulas.
 */
export function writeCell(cell: ExcelJS.Cell, v: CellValue, format?: CellFormat): void {
  const t = typedCell(v, format);
  cell.value = isCellError(t.value) ? ({ error: t.value.error } as ExcelJS.CellErrorValue) : (t.value as ExcelJS.CellValue);
  if (t.format !== undefined) patchStyle(cell, { numFmt: FORMAT_CODES[t.format] });
}

function columnHasValues(ws: ExcelJS.Worksheet, col: number): boolean {
  let found = false;
  ws.eachRow({ includeEmpty: false }, (row) => {
    if (!found && row.findCell(col) && row.getCell(col).type !== ExcelJS.ValueType.Null) found = true;
  });
  return found;
}

/** The first column (1-based) whose header cell passes `matches`, or 0. */
function findHeader(ws: ExcelJS.Worksheet, headerRow: number, lastCol: number, matches: (v: CellValue) => boolean): number {
  const row = ws.findRow(headerRow);
  for (let c = 1; row && c <= lastCol; c++) {
    if (row.findCell(c) && matches(cellValueOf(row.getCell(c)))) return c;
  }
  return 0;
}

/** See ColumnWrite: new columns never cover a cell that holds a value, unless `replaceOwn` finds our own column. */
export function writeColumnsTo(ws: ExcelJS.Worksheet, columns: ColumnWrite[]): void {
  let { lastRow, lastCol } = usedExtent(ws);
  const afterAnchor = new Map<string, number>();
  for (const col of columns) {
    if (!Number.isInteger(col.headerRow) || col.headerRow < 1) {
      throw new Error(`表头行号无效：${col.headerRow} (headerRow must be a 1-based row number)`);
    }
    if (col.header.trim() === '') throw new Error('新列的表头不能为空 (new column header is empty)');
    let target = 0;
    if (col.replaceOwn) {
      target = findHeader(ws, col.headerRow, lastCol, (v) => v === col.header); // exact: only our own header
      if (target > 0) {
        for (let r = col.headerRow + 1; r <= lastRow; r++) {
          if (ws.findRow(r)?.findCell(target)) {
            const cell = ws.getCell(r, target);
            cell.value = null;
            cell.style = {};
          }
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
            : findHeader(ws, col.headerRow, lastCol, (v) => !isBlank(v) && cellToText(v).trim() === key.trim());
        if (anchor < 1) {
          throw new Error(`找不到列“${col.afterColumn}” (column ${col.afterColumn} not found in row ${col.headerRow})`);
        }
      }
      if (!columnHasValues(ws, anchor + 1)) target = anchor + 1;
      afterAnchor.set(key, target || anchor);
    }
    if (target === 0) target = lastCol + 1;
    lastCol = Math.max(lastCol, target);
    lastRow = Math.max(lastRow, col.headerRow + col.values.length);

    const head = ws.getCell(col.headerRow, target);
    writeCell(head, col.header);
    patchStyle(head, { font: { bold: true } });
    for (let i = 0; i < col.values.length; i++) {
      const v = col.values[i];
      if (v === null || v === undefined) continue;
      writeCell(ws.getCell(col.headerRow + 1 + i, target), v, col.format);
    }
  }
}

function tableNamesIn(book: ExcelJS.Workbook, except?: ExcelJS.Worksheet): string[] {
  const names: string[] = [];
  for (const ws of book.worksheets) {
    if (ws === except) continue;
    for (const t of ws.getTables() as unknown as { table?: { name: string }; name?: string }[]) {
      const name = t.table?.name ?? t.name;
      if (name) names.push(name);
    }
  }
  return names;
}

function writeTable(ws: ExcelJS.Worksheet, b: TableBlock, name: string): void {
  const header = tableColumnNames(b.header);
  const width = header.length;
  const rows = b.rows.length > 0 ? b.rows : [[]]; // an Excel table needs at least one data row
  const padded = rows.map((r) => Array.from({ length: width }, (_, j) => (r[j] === undefined ? null : r[j])));
  const [r0, c0] = b.at;
  ws.addTable({
    name,
    ref: ws.getCell(r0, c0).address,
    headerRow: true,
    totalsRow: false,
    style: { theme: (b.style ?? 'TableStyleMedium2') as ExcelJS.TableStyleProperties['theme'], showRowStripes: true },
    columns: header.map((h) => ({ name: h, filterButton: true })),
    rows: padded,
  });
  // Rewrite through writeCell for types, text safety and number formats (addTable stores raw values only).
  header.forEach((h, j) => writeCell(ws.getCell(r0, c0 + j), h));
  for (let i = 0; i < b.rows.length; i++) {
    const row = padded[i];
    for (let j = 0; j < width; j++) {
      const v = row[j];
      if (v === null && b.formats?.[j] === undefined) continue;
      writeCell(ws.getCell(r0 + 1 + i, c0 + j), v, b.formats?.[j]);
    }
  }
}

function writeKv(ws: ExcelJS.Worksheet, b: KvBlock): void {
  b.pairs.forEach(([label, value, format], i) => {
    const l = ws.getCell(b.at[0] + i, b.at[1]);
    writeCell(l, label);
    patchStyle(l, { font: { bold: true } });
    writeCell(ws.getCell(b.at[0] + i, b.at[1] + 1), value, format);
  });
}

/**
 * Adds the sheet `spec` describes. An existing sheet of that name is an error unless `spec.replace`, which puts
 * the new sheet in the old one's place. `reserved` are names the host keeps for itself.
 */
export function writeSheetTo(book: ExcelJS.Workbook, spec: SheetSpec, reserved: readonly string[] = []): void {
  const old = book.worksheets.find((ws) => ws.name.toLowerCase() === spec.name.toLowerCase());
  const names = book.worksheets.map((ws) => ws.name);
  const { tableNames } = planSheet(spec, names, tableNamesIn(book, spec.replace ? old : undefined), reserved);

  // exceljs orders sheets by `orderNo` (not in its typings); the replacement takes the old sheet's place.
  type Ordered = ExcelJS.Worksheet & { orderNo: number };
  const orderNo = (old as Ordered | undefined)?.orderNo;
  if (old) book.removeWorksheet(old.id);
  const ws = book.addWorksheet(spec.name);
  if (orderNo !== undefined) (ws as Ordered).orderNo = orderNo;

  for (const b of spec.blocks) {
    if (b.kind === 'title') {
      const cell = ws.getCell(b.at[0], b.at[1]);
      writeCell(cell, b.text);
      patchStyle(cell, { font: { bold: true, size: 14 } });
    } else if (b.kind === 'kv') writeKv(ws, b);
    else writeTable(ws, b, tableNames.get(b)!);
  }

  sheetWidths(spec).forEach((w, c) => {
    if (w !== undefined) ws.getColumn(c + 1).width = w;
  });
  if (spec.freeze && (spec.freeze.rows > 0 || spec.freeze.cols > 0)) {
    ws.views = [{ state: 'frozen', xSplit: spec.freeze.cols, ySplit: spec.freeze.rows }];
  }
}
