/** The bench's shared parts: a seeded PRNG and the case shape every bench module exports. */

export interface BenchResult {
  /** How many values/rows/items the case processed. */
  count: number;
  seconds: number;
  /** Extra figures for the table, e.g. { peakMB: 812, pairs: 120000 }. */
  extra?: Record<string, string | number>;
}

export interface BenchCase {
  /** Short name shown in the table, e.g. "normalize phone (1,000,000 mixed)". */
  name: string;
  /** What the rate is counted in, e.g. "values". */
  unit: string;
  /** Target rate in unit/s, when the issue sets one. */
  target?: number;
  run(): BenchResult | Promise<BenchResult>;
}

/** Mulberry32: small, fast and deterministic, so every bench run sees the same inputs. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(rand: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rand() * xs.length)];
}

/** Time fn once after a short warm-up run on a prefix of the same input. */
export function timeIt(fn: () => number): { count: number; seconds: number } {
  const t0 = process.hrtime.bigint();
  const count = fn();
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return { count, seconds };
}
