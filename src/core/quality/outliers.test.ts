import { findOutliers, outlierRule, typicalValue } from './outliers';

/** The rule as its definition reads, by sorting: the reference the fast version must match. */
function sortedMedian(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}

describe('outlierRule', () => {
  it('finds the median and MAD a full sort finds, odd and even counts, with repeats and blanks', () => {
    let x = 7;
    const next = () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 5; n < 300; n += 7) {
      const values = Array.from({ length: n }, () => (next() < 0.1 ? null : next() < 0.3 ? 3 : -50 + Math.round(next() * 100)));
      const xs = values.filter((v): v is number => v !== null);
      const rule = outlierRule(values);
      if (xs.length < 5) continue;
      const med = sortedMedian(xs);
      expect(rule).toMatchObject({ log: false, median: med, mad: sortedMedian(xs.map((v) => Math.abs(v - med))) });
    }
  });

  it('reads NaN in a Float64Array as no value, as null in an array', () => {
    const values = [12, 15, null, 14, 13, 16, 400, null, 15];
    const typed = Float64Array.from(values, (v) => (v === null ? NaN : v));
    expect(findOutliers(typed)).toEqual(findOutliers(values));
    const { rule, outliers } = findOutliers(values);
    expect(outliers.map((o) => o.value)).toEqual([400]);
    expect(typicalValue(rule!)).toBeCloseTo(15, 10); // log scale: 10 ** median(log10 x)
  });
});
