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

function median(sorted: Float64Array): number {
  const n = sorted.length;
  const h = n >> 1;
  return n % 2 ? sorted[h] : (sorted[h - 1] + sorted[h]) / 2;
}

function finiteValues(values: readonly (number | null)[]): number[] {
  const xs: number[] = [];
  for (const v of values) if (typeof v === 'number' && Number.isFinite(v)) xs.push(v);
  return xs;
}

/** Share of positive values from which the robust rule works on log10 of the positive values. */
const LOG_SCALE_SHARE = 0.8;

export function outlierRule(values: readonly (number | null)[]): OutlierRule | null {
  const xs = finiteValues(values);
  if (xs.length < MIN_VALUES) return null;
  let sumAbs = 0;
  const positives: number[] = [];
  for (const x of xs) {
    sumAbs += Math.abs(x);
    if (x > 0) positives.push(Math.log10(x));
  }
  const log = positives.length >= LOG_SCALE_SHARE * xs.length && positives.length >= MIN_VALUES;
  const ys = Float64Array.from(log ? positives : xs).sort();
  const med = median(ys);
  const dev = new Float64Array(ys.length); // a loop: Float64Array.from with a map function is ~20x slower
  for (let i = 0; i < ys.length; i++) dev[i] = Math.abs(ys[i] - med);
  dev.sort();
  return { log, median: med, mad: median(dev), mean: sumAbs / xs.length, limit: Z_LIMIT };
}

export function findOutliers(values: readonly (number | null)[]): { rule: OutlierRule | null; outliers: Outlier[] } {
  const rule = outlierRule(values);
  const outliers: Outlier[] = [];
  if (!rule) return { rule, outliers };
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) continue;
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
