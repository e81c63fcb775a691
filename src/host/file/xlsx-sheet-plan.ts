/**
 * The host-neutral part of writing a SheetSpec, shared by both writers: name checks, table names, table column
 * names and column widths.
 */
import { CellValue } from '../../core/cell';
import { uniqueHeaders } from '../../core/table';
import { SheetSpec, TableBlock, sheetNameProblem, tableNameProblem } from '../workbook';
import { columnWidthsOf } from '../column-widths';

/**
 * Checks that `spec` may be written into a workbook holding `sheetNames` and returns the name of each table block.
 * `usedTableNames` are the tables of the other sheets (the replaced sheet's own tables go with it).
 */
export function planSheet(
  spec: SheetSpec,
  sheetNames: readonly string[],
  usedTableNames: readonly string[],
  reserved: readonly string[] = [],
): { replaces: string | undefined; tableNames: Map<TableBlock, string> } {
  const lower = spec.name.toLowerCase();
  const old = sheetNames.find((n) => n.toLowerCase() === lower);
  if (reserved.some((r) => r.toLowerCase() === lower)) throw new Error(`工作表名称“${spec.name}”为本工具保留 (reserved sheet name)`);
  const others = sheetNames.filter((n) => n !== old || !spec.replace);
  const problem = sheetNameProblem(spec.name, others);
  if (problem) throw new Error(spec.replace || !old ? problem : `${problem}；如需覆盖本工具之前的输出请使用 replace (use replace)`);

  const used = [...usedTableNames];
  const tableNames = new Map<TableBlock, string>();
  for (const b of spec.blocks) {
    checkAt(b.at, b.kind);
    if (b.kind === 'table' && b.header.length === 0) throw new Error('表格区块没有列 (table block has no columns)');
    if (b.kind === 'table' && b.name !== undefined) {
      const p = tableNameProblem(b.name, used);
      if (p) throw new Error(p);
      used.push(b.name);
      tableNames.set(b, b.name);
    }
  }
  for (const b of spec.blocks) {
    if (b.kind === 'table' && b.name === undefined) {
      const name = autoTableName(spec.name, used);
      used.push(name);
      tableNames.set(b, name);
    }
  }
  return { replaces: old && spec.replace ? old : undefined, tableNames };
}

function checkAt(at: [number, number], kind: string): void {
  if (!Number.isInteger(at[0]) || !Number.isInteger(at[1]) || at[0] < 1 || at[1] < 1) {
    throw new Error(`${kind} 区块位置无效：[${at.join(',')}] (block position must be 1-based [row, col])`);
  }
}

/** A free table name made from the sheet name (Excel allows letters of any script, digits, `_` and `.`). */
function autoTableName(sheet: string, used: string[]): string {
  const base = `Kehu_${sheet.replace(/[^\p{L}\p{N}_.]/gu, '_')}`;
  let name = base;
  for (let k = 2; tableNameProblem(name, used) !== null; k++) name = `${base}_${k}`;
  return name;
}

/**
 * A table's column names, which its header cells must hold exactly: blanks named, repeats numbered. Excel
 * compares them ignoring case, so `ID` and `id` are told apart too.
 */
export function tableColumnNames(header: readonly CellValue[]): string[] {
  const names = uniqueHeaders(header);
  const seen = new Set<string>();
  return names.map((name) => {
    let n = name;
    for (let k = 2; seen.has(n.toLowerCase()); k++) n = `${name}_${k}`;
    seen.add(n.toLowerCase());
    return n;
  });
}

/** Widths from column A: the spec's own, else estimated from the content (host/column-widths, as the Office host). */
export function sheetWidths(spec: SheetSpec): number[] {
  return columnWidthsOf(spec);
}
