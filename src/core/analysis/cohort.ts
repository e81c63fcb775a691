/**
 * Cohorts: customers grouped by the month of their first order; for each month k after it (k = 0 is the first
 * month itself), how many of them ordered in that month and the share of the cohort that is. Plus a monthly
 * repurchase table: buyers in the month, of whom new (first order that month) and returning, and repeat buyers
 * (two or more orders in the month); repurchase rate = repeat buyers / buyers.
 */
import { monthLabel, monthOfDay } from './dates';

export interface OrderList {
  count: number;
  customer: ArrayLike<number>;
  day: ArrayLike<number>;
}

export interface Cohort {
  /** `YYYY-MM` of the first order. */
  month: string;
  size: number;
  /** active[k]: cohort customers with an order k months after the first month; length = months to the last month. */
  active: number[];
  /** active[k] / size. */
  rates: number[];
}

export interface MonthlyRepurchase {
  month: string;
  buyers: number;
  newBuyers: number;
  returningBuyers: number;
  repeatBuyers: number;
  /** repeatBuyers / buyers. */
  repurchaseRate: number;
  /** returningBuyers / buyers. */
  returningRate: number;
}

export interface CohortResult {
  cohorts: Cohort[];
  monthly: MonthlyRepurchase[];
}

export function cohortAnalysis(customerCount: number, orders: OrderList): CohortResult {
  if (orders.count === 0) return { cohorts: [], monthly: [] };
  const monthOf = new Int32Array(orders.count);
  let lo = Infinity;
  let hi = -Infinity;
  for (let o = 0; o < orders.count; o++) {
    const m = monthOfDay(orders.day[o]);
    monthOf[o] = m;
    if (m < lo) lo = m;
    if (m > hi) hi = m;
  }
  const months = hi - lo + 1;
  const first = new Int32Array(customerCount).fill(months);
  for (let o = 0; o < orders.count; o++) {
    const c = orders.customer[o];
    const m = monthOf[o] - lo;
    if (m < first[c]) first[c] = m;
  }
  // Orders per (customer, month), saturating at 2: 0 none, 1 one, 2 two or more.
  const seen = new Uint8Array(customerCount * months);
  for (let o = 0; o < orders.count; o++) {
    const k = orders.customer[o] * months + (monthOf[o] - lo);
    if (seen[k] < 2) seen[k]++;
  }
  const size = new Int32Array(months);
  const active: Int32Array[] = Array.from({ length: months }, (_, m) => new Int32Array(months - m));
  const monthly = Array.from({ length: months }, () => ({ buyers: 0, newBuyers: 0, repeatBuyers: 0 }));
  for (let c = 0; c < customerCount; c++) {
    const f = first[c];
    if (f >= months) continue;
    size[f]++;
    const row = c * months;
    for (let m = f; m < months; m++) {
      const k = seen[row + m];
      if (k === 0) continue;
      active[f][m - f]++;
      const mm = monthly[m];
      mm.buyers++;
      if (m === f) mm.newBuyers++;
      if (k >= 2) mm.repeatBuyers++;
    }
  }
  const cohorts: Cohort[] = [];
  for (let m = 0; m < months; m++) {
    if (size[m] === 0) continue;
    const act = Array.from(active[m]);
    cohorts.push({ month: monthLabel(lo + m), size: size[m], active: act, rates: act.map((x) => x / size[m]) });
  }
  return {
    cohorts,
    monthly: monthly.map((x, m) => ({
      month: monthLabel(lo + m),
      buyers: x.buyers,
      newBuyers: x.newBuyers,
      returningBuyers: x.buyers - x.newBuyers,
      repeatBuyers: x.repeatBuyers,
      repurchaseRate: x.buyers > 0 ? x.repeatBuyers / x.buyers : 0,
      returningRate: x.buyers > 0 ? (x.buyers - x.newBuyers) / x.buyers : 0,
    })),
  };
}
