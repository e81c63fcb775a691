/**
 * ABC (Pareto) classes by monetary value. Customers are sorted by monetary descending; ties are broken by customer
 * key ascending (plain code-unit order), so the result never depends on row order. A customer is A while the
 * cumulative share up to and including them is <= `a` (80%), B while <= `b` (95%), C after. Customers with
 * monetary <= 0 are always C and do not count toward the total. With the literal rule a single customer holding
 * more than 80% is not A; that is the rule as specified, kept for predictability.
 */

export type AbcClass = 'A' | 'B' | 'C';

export interface AbcOptions {
  a?: number;
  b?: number;
}

export interface AbcResult {
  classes: AbcClass[];
  /** Sum of positive monetary values. */
  total: number;
  counts: Record<AbcClass, number>;
  /** Share of the total held by each class. */
  shares: Record<AbcClass, number>;
  a: number;
  b: number;
}

export function abcClasses(keys: readonly string[], monetary: ArrayLike<number>, opts: AbcOptions = {}): AbcResult {
  const a = opts.a ?? 0.8;
  const b = opts.b ?? 0.95;
  if (!(a > 0 && a <= b && b <= 1)) throw new Error(`ABC 阈值须满足 0 < A <= B <= 1 (got A=${a}, B=${b})`);
  const n = keys.length;
  const order: number[] = [];
  for (let i = 0; i < n; i++) if (monetary[i] > 0) order.push(i);
  order.sort((x, y) => monetary[y] - monetary[x] || (keys[x] < keys[y] ? -1 : keys[x] > keys[y] ? 1 : 0));
  let total = 0;
  for (const i of order) total += monetary[i];
  const classes = new Array<AbcClass>(n).fill('C');
  const counts: Record<AbcClass, number> = { A: 0, B: 0, C: 0 };
  const sums: Record<AbcClass, number> = { A: 0, B: 0, C: 0 };
  let cum = 0;
  for (const i of order) {
    cum += monetary[i];
    const share = cum / total;
    const cls: AbcClass = share <= a ? 'A' : share <= b ? 'B' : 'C';
    classes[i] = cls;
    sums[cls] += monetary[i];
  }
  for (const cls of classes) counts[cls]++;
  const shares = { A: total > 0 ? sums.A / total : 0, B: total > 0 ? sums.B / total : 0, C: total > 0 ? sums.C / total : 0 };
  return { classes, total, counts, shares, a, b };
}
