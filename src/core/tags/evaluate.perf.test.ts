/**
 * Performance sanity: 100,000 customers x the 5 default rules. Measured and printed, not asserted (timings vary
 * with the machine); the assertions only check the work was done.
 */
import { compileTagRules, defaultTagRules, evaluateTagRules, viewFromColumns, viewFromRows, type ViewValue } from './index';

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
}

const N = 100_000;

function makeColumns(): Record<string, ViewValue[]> {
  const rand = lcg(42);
  const cols: Record<string, ViewValue[]> = { totalSpend: [], frequency: [], recencyDays: [], complaints: [], firstPurchase: [] };
  const base = Date.UTC(2022, 0, 1);
  for (let i = 0; i < N; i++) {
    const missing = rand() < 0.05;
    cols.totalSpend.push(missing ? null : Math.round(rand() * 20000));
    cols.frequency.push(missing ? null : 1 + Math.floor(rand() * 10));
    cols.recencyDays.push(missing ? null : Math.floor(rand() * 400));
    cols.complaints.push(rand() < 0.1 ? null : Math.floor(rand() * 4));
    cols.firstPurchase.push(missing ? null : new Date(base + Math.floor(rand() * 900) * 86_400_000));
  }
  return cols;
}

test('100k customers x 5 rules', () => {
  const columns = makeColumns();
  const t0 = performance.now();
  const { compiled, errors } = compileTagRules(defaultTagRules());
  const t1 = performance.now();
  const result = evaluateTagRules(compiled, viewFromColumns(columns), { asOf: '2024-06-30' });
  const t2 = performance.now();
  const rows = Array.from({ length: N }, (_, i) => Object.fromEntries(Object.keys(columns).map((k) => [k, columns[k][i]])));
  const t3 = performance.now();
  const fromRows = evaluateTagRules(compiled, viewFromRows(rows), { asOf: '2024-06-30' });
  const t4 = performance.now();

  expect(errors).toEqual([]);
  expect(result.tagLists).toHaveLength(N);
  expect(fromRows.counts).toEqual(result.counts);
  expect(result.counts.every((c) => c.count > 0 && c.count < N)).toBe(true);
  console.log(
    `tags perf: parse 5 rules ${(t1 - t0).toFixed(1)} ms; evaluate ${N} customers (columns) ${(t2 - t1).toFixed(0)} ms; ` +
      `(rows) ${(t4 - t3).toFixed(0)} ms; counts ${result.counts.map((c) => `${c.tag}=${c.count}`).join(' ')}`,
  );
});
