/**
 * The per-customer analysis of order facts, as of a day: recency, RFM scores/segments/classes, ABC, churn flags,
 * lifecycle stage and value level, all in arrays by customer index. Used by `kehu rfm` and the unified view.
 */
import { AbcOptions, AbcResult, abcClasses } from './abc';
import { ChurnFlags, ChurnOptions, churnFlags, orderWindows } from './churn';
import { LifecycleOptions, LifecycleStage, ValueLevel, lifecycleStage, valueLevel } from './lifecycle';
import type { OrderFacts } from './orders';
import { RfmOptions, RfmResult, computeRfm } from './rfm';

export interface AnalyzeOptions {
  /** Day number of the as-of date; default the day after the latest order day. */
  asOfDay?: number;
  rfm?: RfmOptions;
  abc?: AbcOptions;
  churn?: ChurnOptions;
  lifecycle?: LifecycleOptions;
  /** Complaints per customer index (NaN or absent: unknown). */
  complaints?: ArrayLike<number>;
}

export interface CustomerAnalysis {
  asOfDay: number;
  /** asOf − last order day, whole days. */
  recencyDays: Int32Array;
  /** asOf − first order day. */
  tenureDays: Int32Array;
  rfm: RfmResult;
  abc: AbcResult;
  ordersLast90: Int32Array;
  ordersPrevious90: Int32Array;
  churn: ChurnFlags[];
  lifecycle: LifecycleStage[];
  valueLevel: ValueLevel[];
}

/** RFM and ABC only (what `kehu rfm` needs); no per-customer objects. */
export function analyzeRfm(facts: OrderFacts, opts: Pick<AnalyzeOptions, 'asOfDay' | 'rfm' | 'abc'> = {}) {
  const asOfDay = opts.asOfDay ?? facts.maxDay + 1;
  const n = facts.customers.length;
  const recencyDays = new Int32Array(n);
  const tenureDays = new Int32Array(n);
  for (let c = 0; c < n; c++) {
    recencyDays[c] = asOfDay - facts.lastDay[c];
    tenureDays[c] = asOfDay - facts.firstDay[c];
  }
  const rfm = computeRfm({ recencyDays, frequency: facts.frequency, monetary: facts.monetary }, opts.rfm);
  const abc = abcClasses(facts.customers, facts.monetary, opts.abc);
  return { asOfDay, recencyDays, tenureDays, rfm, abc };
}

export function analyzeCustomers(facts: OrderFacts, opts: AnalyzeOptions = {}): CustomerAnalysis {
  const base = analyzeRfm(facts, opts);
  const n = facts.customers.length;
  const w = opts.churn?.windowDays ?? 90;
  const win = orderWindows(n, facts.orders, base.asOfDay, w);
  const churn = new Array<ChurnFlags>(n);
  const lifecycle = new Array<LifecycleStage>(n);
  const level = new Array<ValueLevel>(n);
  for (let c = 0; c < n; c++) {
    const complaints = opts.complaints ? opts.complaints[c] : NaN;
    churn[c] = churnFlags(base.recencyDays[c], win.last[c], win.previous[c], complaints, opts.churn);
    lifecycle[c] = lifecycleStage(
      base.recencyDays[c], base.tenureDays[c], facts.frequency[c], churn[c].frequencyFalling === true, opts.lifecycle,
    );
    level[c] = valueLevel(base.abc.classes[c]);
  }
  return { ...base, ordersLast90: win.last, ordersPrevious90: win.previous, churn, lifecycle, valueLevel: level };
}
