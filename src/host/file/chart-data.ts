/**
 * How a chart's data range splits into categories and series, the way Excel reads a table with headers:
 * - seriesBy 'columns': the first row holds the series names, the first column the categories, and every other
 *   column is one series;
 * - seriesBy 'rows': the first column holds the series names, the first row the categories, every other row is a series.
 * A range one cell wide (or high, for 'rows') has no category column: the one remaining line is the only series.
 */
import { CellRange, rangeFormula } from './chart-a1';
import { ChartCell, RangeValues } from './chart-sheet-read';

export interface ChartSeriesData {
  /** Formula of the series-name cell and its text; absent when the range has no header. */
  nameRef?: string;
  name: string;
  valuesRef: string;
  /** One entry per category; null where the cell is not a number (drawn as a gap). */
  values: (number | null)[];
  formatCode: string;
}

export interface ChartData {
  /** Absent when the range has no category line. */
  categoriesRef?: string;
  categories: ChartCell[];
  /** All category cells are numbers (dates included): written as c:numRef so their format applies. */
  categoriesNumeric: boolean;
  categoryFormat: string;
  series: ChartSeriesData[];
}

export function chartDataFromRange(
  sheet: string,
  range: CellRange,
  seriesBy: 'columns' | 'rows',
  cells: RangeValues,
): ChartData {
  const byCols = seriesBy === 'columns';
  // Work on a "series by columns" view: t(r, c) swaps axes when the series run along rows.
  const rows = byCols ? range.lastRow - range.firstRow + 1 : range.lastCol - range.firstCol + 1;
  const cols = byCols ? range.lastCol - range.firstCol + 1 : range.lastRow - range.firstRow + 1;
  const value = (r: number, c: number) => (byCols ? cells.values[r][c] : cells.values[c][r]);
  const format = (r: number, c: number) => (byCols ? cells.formats[r][c] : cells.formats[c][r]);
  const sub = (r0: number, c0: number, r1: number, c1: number): CellRange =>
    byCols
      ? { firstRow: range.firstRow + r0, firstCol: range.firstCol + c0, lastRow: range.firstRow + r1, lastCol: range.firstCol + c1 }
      : { firstRow: range.firstRow + c0, firstCol: range.firstCol + r0, lastRow: range.firstRow + c1, lastCol: range.firstCol + r1 };

  const hasHeader = rows > 1;
  const hasCategories = cols > 1;
  const first = hasHeader ? 1 : 0;
  const points = rows - first;
  const categories: ChartCell[] = [];
  for (let r = first; r < rows && hasCategories; r++) categories.push(value(r, 0));
  const present = categories.filter((v) => v !== null);
  const categoriesNumeric = present.length > 0 && present.every((v) => typeof v === 'number');

  const series: ChartSeriesData[] = [];
  for (let c = hasCategories ? 1 : 0; c < cols; c++) {
    const header = hasHeader ? value(0, c) : null;
    const values: (number | null)[] = [];
    for (let r = first; r < rows; r++) {
      const v = value(r, c);
      values.push(typeof v === 'number' && Number.isFinite(v) ? v : null);
    }
    const firstNumber = values.findIndex((v) => v !== null);
    series.push({
      nameRef: hasHeader ? rangeFormula(sheet, sub(0, c, 0, c)) : undefined,
      name: header === null ? '' : String(header),
      valuesRef: rangeFormula(sheet, sub(first, c, rows - 1, c)),
      values,
      formatCode: firstNumber >= 0 ? format(first + firstNumber, c) : 'General',
    });
  }
  return {
    categoriesRef: hasCategories && points > 0 ? rangeFormula(sheet, sub(first, 0, rows - 1, 0)) : undefined,
    categories,
    categoriesNumeric,
    categoryFormat: hasCategories && points > 0 ? format(first, 0) : 'General',
    series,
  };
}
