/**
 * A seeded random source (mulberry32, the same generator as bench/harness.ts's `prng`): the same seed gives the
 * same sample workbook on every machine, which Math.random cannot.
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [lo, hi], both included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }

  /** One of `items`, drawn with the given weights (need not sum to 1). */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let x = this.next() * total;
    for (const [item, w] of items) {
      x -= w;
      if (x < 0) return item;
    }
    return items[items.length - 1][0];
  }

  /** Index into a list ordered most common first, with Zipf-like weights 1/(i+1)^s. */
  zipf(n: number, s = 1): number {
    const cumulative = zipfTable(n, s);
    const x = this.next() * cumulative[n - 1];
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** k distinct indices in [0, n), in random order (k is clamped to n). */
  sample(n: number, k: number): number[] {
    const idx = Array.from({ length: n }, (_, i) => i);
    const m = Math.min(k, n);
    for (let i = 0; i < m; i++) {
      const j = i + Math.floor(this.next() * (n - i));
      [idx[i], idx[j]] = [idx[j], idx[i]];
    }
    return idx.slice(0, m);
  }
}

const zipfTables = new Map<string, Float64Array>();

function zipfTable(n: number, s: number): Float64Array {
  const key = `${n}/${s}`;
  let t = zipfTables.get(key);
  if (!t) {
    t = new Float64Array(n);
    let total = 0;
    for (let i = 0; i < n; i++) t[i] = total += 1 / Math.pow(i + 1, s);
    zipfTables.set(key, t);
  }
  return t;
}
