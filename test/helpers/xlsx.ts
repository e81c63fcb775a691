/** Reading the CLI's .xlsx output back for the acceptance tests (exceljs), and opening it in LibreOffice. */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as ExcelJS from 'exceljs';

export async function loadBook(file: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  return book;
}

export function sheetOf(book: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = book.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}; have ${book.worksheets.map((w) => w.name).join(', ')}`);
  return ws;
}

/** Row `r` as an array from column A; exceljs' leading hole dropped, missing cells null. */
export function rowValues(ws: ExcelJS.Worksheet, r: number): ExcelJS.CellValue[] {
  const values = ws.getRow(r).values as ExcelJS.CellValue[];
  return Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => values[i + 1] ?? null);
}

/** 1-based column of `header` in row `r`, or 0. */
export function columnOf(ws: ExcelJS.Worksheet, r: number, header: string): number {
  return rowValues(ws, r).indexOf(header) + 1;
}

/** The row whose column A reads `label` (the report's key/value summary), or 0. */
export function rowLabelled(ws: ExcelJS.Worksheet, label: string): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === label) return r;
  return 0;
}

export interface TableInfo {
  name: string;
  ref: string;
  columns: string[];
}

export function tablesOf(ws: ExcelJS.Worksheet): TableInfo[] {
  return (ws.getTables() as unknown as { table: { name: string; tableRef: string; columns: { name: string }[] } }[]).map(
    ({ table }) => ({ name: table.name, ref: table.tableRef, columns: table.columns.map((c) => c.name) }),
  );
}

/** Data rows of an Excel table, as objects keyed by its column names. */
export function tableRows(ws: ExcelJS.Worksheet, t: TableInfo): Record<string, ExcelJS.CellValue>[] {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(t.ref);
  if (!m) throw new Error(`bad table ref ${t.ref}`);
  const col0 = ws.getColumn(m[1]).number;
  const out: Record<string, ExcelJS.CellValue>[] = [];
  for (let r = +m[2] + 1; r <= +m[4]; r++) {
    const o: Record<string, ExcelJS.CellValue> = {};
    t.columns.forEach((name, j) => (o[name] = ws.getCell(r, col0 + j).value));
    out.push(o);
  }
  return out;
}

export const LIBREOFFICE = ['libreoffice', 'soffice'].find(
  (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).status === 0,
);

/**
 * `libreoffice --headless --convert-to <format> --outdir <dir> <file>`, with a profile of its own so it neither
 * clashes with another running LibreOffice nor depends on the user's.
 */
export function libreOfficeConvert(file: string, format: string, outDir: string): { code: number; output: string } {
  if (!LIBREOFFICE) throw new Error('LibreOffice is not installed');
  const profile = path.join(outDir, 'lo-profile');
  fs.mkdirSync(profile, { recursive: true });
  const r = spawnSync(
    LIBREOFFICE,
    [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', format, '--outdir', outDir, file],
    { encoding: 'utf8', timeout: 180_000 },
  );
  return { code: r.status ?? -1, output: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}` };
}
