/**
 * Outliers on amounts and counts, flagged and never removed. Two rules, either flags a value:
 * - robust: modified z-score |0.6745·(y − median) / MAD| > 3.5 (Iglewicz & Hoaglin). Amounts and quantities are
 *   skewed (a 20-yuan and a 2,000-yuan order are both ordinary), so when most values are positive the rule measures
 *   ratios: y = log10(x) over the positive values, and zeros and negatives (refunds, free lines) are left to the
 *   other rule. Where MAD is 0 (most values equal, e.g. quantity 1) there is no spread to measure and the rule
 *   does not apply;
 * - the seeds' rule: |x| more than 10× the mean of |x|.
 */
export interface OutlierRule {
  /** Whether the robust rule works on log10 of the values. */
  log: boolean;
  /** Median and MAD on the scale the robust rule uses (log10 when `log`). */
  median: number;
  mad: number;
  /** Mean of |x| on the original scale, for the 10× rule. */
  mean: number;
  limit: number;
}

export interface Outlier {
  index: number;
  value: number;
  reason: 'robust' | 'tenTimesMean' | 'both';
}

const Z_LIMIT = 3.5;
const MIN_VALUES = 5;

/**
 * The k-th smallest of `a` (0-based), moving elements so that a[0..k) <= a[k] <= a(k..]: Hoare's selection (as
 * Wirth writes it), linear on average. A full sort of half a million values costs ten times as much, and a
 * median needs only the middle.
 */
function select(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >>> 1];
    let i = lo;
    let j = hi;
    do {
      while (a[i] < pivot) i++;
      while (pivot < a[j]) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    } while (i <= j);
    if (j < k) lo = i;
    if (k < i) hi = j;
  }
  return a[k];
}

/** The median of `a`, whose order it changes. */
function median(a: Float64Array): number {
  const n = a.length;
  const h = n >> 1;
  const upper = select(a, h);
  if (n % 2) return upper;
  let lower = a[0]; // the largest of a[0..h), which select left below a[h]
  for (let i = 1; i < h; i++) if (a[i] > lower) lower = a[i];
  return (lower + upper) / 2;
}

function isFiniteNumber(v: number | null): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** Share of positive values from which the robust rule works on log10 of the positive values. */
const LOG_SCALE_SHARE = 0.8;

/** `values` may be a Float64Array with NaN for "no value": anything not a finite number is left out. */
export function outlierRule(values: ArrayLike<number | null>): OutlierRule | null {
  let count = 0;
  let positives = 0;
  let sumAbs = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (!isFiniteNumber(x)) continue;
    count++;
    sumAbs += Math.abs(x);
    if (x > 0) positives++;
  }
  if (count < MIN_VALUES) return null;
  const log = positives >= LOG_SCALE_SHARE * count && positives >= MIN_VALUES;
  const ys = new Float64Array(log ? positives : count);
  for (let i = 0, k = 0; i < values.length; i++) {
    const x = values[i];
    if (!isFiniteNumber(x)) continue;
    if (!log) ys[k++] = x;
    else if (x > 0) ys[k++] = Math.log10(x);
  }
  const med = median(ys);
  for (let i = 0; i < ys.length; i++) ys[i] = Math.abs(ys[i] - med); // the deviations, in place
  return { log, median: med, mad: median(ys), mean: sumAbs / count, limit: Z_LIMIT };
}

export function findOutliers(values: ArrayLike<number | null>): { rule: OutlierRule | null; outliers: Outlier[] } {
  const rule = outlierRule(values);
  const outliers: Outlier[] = [];
  if (!rule) return { rule, outliers };
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!isFiniteNumber(v)) continue;
    const judged = rule.mad > 0 && (!rule.log || v > 0);
    const y = rule.log ? Math.log10(v) : v;
    const robust = judged && Math.abs((0.6745 * (y - rule.median)) / rule.mad) > rule.limit;
    const ten = rule.mean > 0 && Math.abs(v) > 10 * rule.mean;
    if (robust || ten) outliers.push({ index: i, value: v, reason: robust && ten ? 'both' : robust ? 'robust' : 'tenTimesMean' });
  }
  return { rule, outliers };
}

/** The robust rule's centre on the original scale, for messages. */
export function typicalValue(rule: OutlierRule): number {
  return rule.log ? 10 ** rule.median : rule.median;
}
