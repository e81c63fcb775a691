import { CellValue, cellToText, isBlank } from './cell';
import { trimAll } from './normalize/text';

/** One column: its (unique, trimmed) header and one value per data row. */
export interface Column {
  name: string;
  values: CellValue[];
}

/**
 * A sheet's data below its header, column by column. `provenance.rows[i]` is the 1-based Excel row number of data
 * row i, so every result can point back to the cell it came from; `headerRow` is the Excel row of the header.
 */
export interface Table {
  name: string;
  columns: Column[];
  rowCount: number;
  provenance: { sheet: string; headerRow: number; rows: Int32Array };
}

/**
 * Header cells made usable as column names: trimmed; blanks become `列<n>` (n = 1-based column position) and
 * repeats get `_2`, `_3` … (`电话`, `电话_2`), never colliding with a name already present.
 */
export function uniqueHeaders(cells: readonly CellValue[]): string[] {
  const raw = cells.map((c) => (isBlank(c) ? '' : trimAll(cellToText(c))));
  const taken = new Set(raw.filter((h) => h !== ''));
  const used = new Set<string>();
  return raw.map((h, i) => {
    let name = h === '' ? `列${i + 1}` : h;
    if (used.has(name) || (h === '' && taken.has(name))) {
      const base = name;
      let k = 2;
      do name = `${base}_${k++}`;
      while (used.has(name) || taken.has(name));
    }
    used.add(name);
    return name;
  });
}

function rowIsBlank(row: readonly CellValue[] | undefined): boolean {
  if (!row) return true;
  for (const v of row) if (!isBlank(v)) return false;
  return true;
}

/**
 * Builds a table from a sheet grid. `rows[0]` is Excel row `firstRowNumber`; `headerRow` is the 0-based index of
 * the header line in `rows`. Rows below the header become data; trailing fully blank rows are dropped, inner
 * blank rows are kept (they are real rows of the sheet). Trailing columns with neither header nor any value are
 * dropped. Rows may be ragged: a missing cell is null.
 */
export function tableFromRows(
  name: string,
  rows: readonly (readonly CellValue[])[],
  headerRow: number,
  sheet: string,
  firstRowNumber: number,
): Table {
  const header = rows[headerRow] ?? [];
  let end = rows.length;
  while (end > headerRow + 1 && rowIsBlank(rows[end - 1])) end--;
  const first = headerRow + 1;
  const rowCount = Math.max(0, end - first);

  let width = 0;
  for (let c = header.length - 1; c >= 0; c--) {
    if (!isBlank(header[c])) {
      width = c + 1;
      break;
    }
  }
  for (let r = first; r < end; r++) {
    const row = rows[r];
    for (let c = row.length - 1; c >= width; c--) {
      if (!isBlank(row[c])) {
        width = c + 1;
        break;
      }
    }
  }

  const names = uniqueHeaders(Array.from({ length: width }, (_, c) => header[c]));
  const columns: Column[] = names.map((n) => ({ name: n, values: new Array<CellValue>(rowCount) }));
  const excelRows = new Int32Array(rowCount);
  for (let i = 0; i < rowCount; i++) {
    const row = rows[first + i];
    excelRows[i] = firstRowNumber + first + i;
    for (let c = 0; c < width; c++) {
      const v = row[c];
      columns[c].values[i] = v === undefined ? null : v;
    }
  }
  return {
    name,
    columns,
    rowCount,
    provenance: { sheet, headerRow: firstRowNumber + headerRow, rows: excelRows },
  };
}

export function columnByName(table: Table, name: string): Column | undefined {
  return table.columns.find((c) => c.name === name);
}
