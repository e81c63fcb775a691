/**
 * Cross tab of two text keys (e.g. region × product): a count, or a sum of weights, per pair. Only the `maxCols`
 * largest columns (by total) are kept and the rest are folded into `其他`; rows likewise with `maxRows`. Blank keys
 * are `未填写`. Labels are ordered by total descending, ties by label.
 */

export const OTHER_LABEL = '其他';
export const BLANK_LABEL = '未填写';

export interface CrossTab {
  rowLabels: string[];
  colLabels: string[];
  /** cells[r][c]. */
  cells: number[][];
  rowTotals: number[];
  colTotals: number[];
  total: number;
}

export interface CrossTabOptions {
  weights?: ArrayLike<number>;
  maxRows?: number;
  maxCols?: number;
}

function topLabels(keys: readonly string[], w: (i: number) => number, max: number): Map<string, string> {
  const totals = new Map<string, number>();
  keys.forEach((k, i) => totals.set(k, (totals.get(k) ?? 0) + w(i)));
  const sorted = [...totals].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const out = new Map<string, string>();
  sorted.forEach(([k], i) => out.set(k, sorted.length > max && i >= max - 1 ? OTHER_LABEL : k));
  return out;
}

export function crossTab(
  rowKeys: readonly (string | null)[],
  colKeys: readonly (string | null)[],
  opts: CrossTabOptions = {},
): CrossTab {
  const n = Math.min(rowKeys.length, colKeys.length);
  const w = (i: number) => (opts.weights ? opts.weights[i] : 1);
  const rk = rowKeys.slice(0, n).map((k) => (k === null || k === '' ? BLANK_LABEL : k));
  const ck = colKeys.slice(0, n).map((k) => (k === null || k === '' ? BLANK_LABEL : k));
  const rowOf = topLabels(rk, w, opts.maxRows ?? Infinity);
  const colOf = topLabels(ck, w, opts.maxCols ?? Infinity);
  const rowLabels = [...new Set(rowOf.values())];
  const colLabels = [...new Set(colOf.values())];
  const ri = new Map(rowLabels.map((l, i) => [l, i]));
  const ci = new Map(colLabels.map((l, i) => [l, i]));
  const cells = rowLabels.map(() => new Array<number>(colLabels.length).fill(0));
  for (let i = 0; i < n; i++) cells[ri.get(rowOf.get(rk[i])!)!][ci.get(colOf.get(ck[i])!)!] += w(i);
  const rowTotals = cells.map((row) => row.reduce((s, x) => s + x, 0));
  const colTotals = colLabels.map((_, c) => cells.reduce((s, row) => s + row[c], 0));
  return { rowLabels, colLabels, cells, rowTotals, colTotals, total: rowTotals.reduce((s, x) => s + x, 0) };
}
