/**
 * Collects one sheet's rows and the oddities injected into them. Rows are noted before the sheet is sorted, so an
 * injection names its row only when the sheet is finished, by then in its final place.
 */
import { cellToText } from '../cell';
import { InjectionKind, Injection, SampleCell, SampleSheet, SheetKey, isSampleFormula } from './types';

export interface PendingRow {
  cells: SampleCell[];
  truth: string | null;
  sortKey: number;
  notes: { kind: InjectionKind; column: string | null; detail: string }[];
}

export function cellText(v: SampleCell): string {
  if (isSampleFormula(v)) return `=${v.formula}`;
  if (v instanceof Date) return v.toISOString().slice(0, v.getUTCHours() || v.getUTCMinutes() ? 19 : 10).replace('T', ' ');
  return cellToText(v);
}

export class SheetBuilder {
  private rows: PendingRow[] = [];
  private readonly index: Map<string, number>;

  constructor(
    readonly key: SheetKey,
    readonly name: string,
    readonly header: string[],
    readonly headerRow: number,
    readonly title: SampleSheet['title'] = null,
  ) {
    this.index = new Map(header.map((h, i) => [h, i]));
  }

  col(header: string): number {
    const i = this.index.get(header);
    if (i === undefined) throw new Error(`sample sheet ${this.name} has no column ${header}`);
    return i;
  }

  add(values: Record<string, SampleCell>, truth: string | null, sortKey: number): PendingRow {
    const cells = new Array<SampleCell>(this.header.length).fill(null);
    for (const [h, v] of Object.entries(values)) cells[this.col(h)] = v;
    const row: PendingRow = { cells, truth, sortKey, notes: [] };
    this.rows.push(row);
    return row;
  }

  set(row: PendingRow, header: string, value: SampleCell): void {
    row.cells[this.col(header)] = value;
  }

  get(row: PendingRow, header: string): SampleCell {
    return row.cells[this.col(header)];
  }

  note(row: PendingRow, kind: InjectionKind, column: string | null, detail: string): void {
    row.notes.push({ kind, column, detail });
  }

  /** Puts an empty row before the data row that ends up at `at` (0-based, in sorted order). */
  blankBefore(at: number): void {
    this.blanks.add(at);
  }
  private blanks = new Set<number>();

  /** Sorts by sortKey (stable), places the blank rows, and hands the injections over with their row numbers. */
  finish(injections: Injection[]): { sheet: SampleSheet; truth: (string | null)[] } {
    const ordered = this.rows
      .map((r, i) => ({ r, i }))
      .sort((a, b) => a.r.sortKey - b.r.sortKey || a.i - b.i)
      .map((x) => x.r);
    const rows: SampleCell[][] = [];
    const truth: (string | null)[] = [];
    const first = this.headerRow + 1;
    ordered.forEach((r, k) => {
      if (k > 0 && this.blanks.has(k)) {
        rows.push([]);
        truth.push(null);
        injections.push({ kind: 'blankRow', sheet: this.key, row: first + rows.length - 1, column: null, value: '', customer: null, detail: '' });
      }
      const rowNumber = first + rows.length;
      // A formula names its own row, known only now: `H{row}*I{row}`.
      rows.push(r.cells.map((c) => (isSampleFormula(c) ? { ...c, formula: c.formula.replace(/\{row\}/g, String(rowNumber)) } : c)));
      truth.push(r.truth);
      for (const n of r.notes) {
        injections.push({
          kind: n.kind,
          sheet: this.key,
          row: first + rows.length - 1,
          column: n.column,
          value: n.column === null ? '' : cellText(rows[rows.length - 1][this.col(n.column)]),
          customer: r.truth,
          detail: n.detail,
        });
      }
    });
    return { sheet: { key: this.key, name: this.name, title: this.title, headerRow: this.headerRow, header: this.header, rows }, truth };
  }
}
