/**
 * Outliers on amounts and counts, flagged and never removed. Two rules, either flags a value:
 * - robust: modified z-score |0.6745·(x − median) / MAD| > 3.5 (Iglewicz & Hoaglin); where MAD is 0 (most values equal)
 *   the mean absolute deviation scaled by 1.2533 stands in for it, as it estimates the same spread;
 * - the seeds' rule: |x| more than 10× the mean of |x|.
 */
export interface OutlierRule {
  median: number;
  mad: number;
  mean: number;
  limit: number;
}

export interface Outlier {
  index: number;
  value: number;
  reason: 'robust' | 'tenTimesMean' | 'both';
}

const Z_LIMIT = 3.5;

function median(sorted: Float64Array): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = n >> 1;
  return n % 2 ? sorted[h] : (sorted[h - 1] + sorted[h]) / 2;
}

export function outlierRule(values: readonly (number | null)[]): OutlierRule | null {
  const xs: number[] = [];
  let sumAbs = 0;
  for (const v of values) {
    if (typeof v === 'number' && Number.isFinite(v)) {
      xs.push(v);
      sumAbs += Math.abs(v);
    }
  }
  if (xs.length < 5) return null;
  const sorted = Float64Array.from(xs).sort();
  const med = median(sorted);
  const dev = new Float64Array(sorted.length);
  let sumDev = 0;
  for (let i = 0; i < sorted.length; i++) {
    dev[i] = Math.abs(sorted[i] - med);
    sumDev += dev[i];
  }
  dev.sort();
  let mad = median(dev);
  if (mad === 0) mad = (sumDev / dev.length) * 1.2533 * 0.6745;
  return { median: med, mad, mean: sumAbs / xs.length, limit: Z_LIMIT };
}

export function findOutliers(values: readonly (number | null)[]): { rule: OutlierRule | null; outliers: Outlier[] } {
  const rule = outlierRule(values);
  const outliers: Outlier[] = [];
  if (!rule) return { rule, outliers };
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) continue;
    const robust = rule.mad > 0 && Math.abs((0.6745 * (v - rule.median)) / rule.mad) > rule.limit;
    const ten = rule.mean > 0 && Math.abs(v) > 10 * rule.mean;
    if (robust || ten) outliers.push({ index: i, value: v, reason: robust && ten ? 'both' : robust ? 'robust' : 'tenTimesMean' });
  }
  return { rule, outliers };
}
