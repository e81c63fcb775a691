import { abcClasses } from './abc';

describe('abcClasses', () => {
  it('is A while the cumulative share including the customer is <= 80%, B <= 95%, C after', () => {
    // total 100: cumulative 50, 80 (A), 90, 95 (B), 100 (C)
    const r = abcClasses(['a', 'b', 'c', 'd', 'e'], [50, 30, 10, 5, 5]);
    expect(r.classes).toEqual(['A', 'A', 'B', 'B', 'C']);
    expect(r.counts).toEqual({ A: 2, B: 2, C: 1 });
    expect(r.total).toBe(100);
    expect(r.shares.A).toBeCloseTo(0.8);
  });

  it('breaks monetary ties by customer key, not by row order', () => {
    // total 100; the tie at 45 crosses 80%: the key that sorts first (y) takes the A slot
    const a = abcClasses(['z', 'y', 'x'], [45, 45, 10]);
    expect(a.classes).toEqual(['B', 'A', 'C']);
    const b = abcClasses(['y', 'z', 'x'], [45, 45, 10]);
    expect(b.classes).toEqual(['A', 'B', 'C']);
  });

  it('puts customers with monetary <= 0 in C and leaves them out of the total', () => {
    // total 80 (0 and -5 left out): 60/80 = 75% A, 75/80 = 93.75% B, 80/80 C
    const r = abcClasses(['a', 'b', 'c', 'd', 'e'], [60, 0, 15, 5, -5]);
    expect(r.classes).toEqual(['A', 'C', 'B', 'C', 'C']);
    expect(r.total).toBe(80);
  });

  it('takes custom thresholds and rejects impossible ones', () => {
    expect(abcClasses(['a', 'b'], [60, 40], { a: 0.6, b: 1 }).classes).toEqual(['A', 'B']);
    expect(() => abcClasses(['a'], [1], { a: 0.9, b: 0.8 })).toThrow();
  });
});
