/**
 * Fellegi–Sunter training. u (how often non-matches land on each level) comes from random pairs, drawn with a
 * fixed seed; m (the same for matches) from expectation–maximisation per blocking rule with u held fixed, as
 * Splink trains; λ from the blocked pairs. m and u are smoothed toward kind-based priors (Dirichlet pseudo-counts),
 * so tiny inputs still get sane weights. EM runs over distinct level patterns, not pairs: it costs next to nothing.
 */
import { CompiledComparison, levelOf } from './comparisons';
import { DedupFieldKind, LevelSpec } from './types';

// Hot loops use these module-level copies: under jest's vm context each global lookup is slow.
const { floor, imul, exp, log } = Math;

/** How often two different customers share an exact value, before seeing data. */
const EXACT_U_PRIOR: Record<DedupFieldKind, number> = {
  personName: 1e-3,
  givenName: 5e-3,
  surname: 5e-3,
  company: 1e-3,
  phone: 1e-5,
  email: 1e-5,
  date: 1e-4,
  postcode: 2e-2,
  region: 5e-2,
  address: 1e-3,
  streetNumber: 1e-2,
  id: 1e-5,
  gender: 0.5,
  text: 1e-2,
};
/** Pseudo-pairs the priors weigh, for u and for m. */
const U_PRIOR_PAIRS = 50;
const M_PRIOR_PAIRS = 10;

/** Prior m and u of each level code (index 0, missing, unused). */
export function priors(cc: CompiledComparison): { m: number[]; u: number[] } {
  const levels: LevelSpec[] = cc.comparison.levels;
  const k = levels.length;
  const exactU = EXACT_U_PRIOR[cc.col.field.kind];
  const m = [0, 0.8];
  const u = [0, exactU];
  for (let i = 1; i < k; i++) {
    m.push(0.15 / Math.max(1, k - 1));
    u.push(Math.min(0.5, exactU * 3 * i) / k);
  }
  m.push(k === 1 ? 0.2 : 0.05);
  u.push(1 - u.reduce((s, x) => s + x, 0));
  return { m, u };
}

/** Distinct level patterns of a set of pairs, with how many pairs show each: training runs over patterns. */
export interface Patterns {
  /** Pattern-major level codes: patterns[p * k + c]. */
  patterns: Uint8Array;
  counts: Float64Array;
  k: number;
}

export function patternCounts(gamma: Uint8Array, sizes: number[]): Patterns {
  const k = sizes.length;
  const numeric = sizes.reduce((p, s) => p * s, 1) < Number.MAX_SAFE_INTEGER;
  const index = new Map<number | string, number>();
  const counts: number[] = [];
  const patterns: number[] = [];
  const pairs = k === 0 ? 0 : gamma.length / k;
  for (let i = 0; i < pairs; i++) {
    let key: number | string = 0;
    if (numeric) for (let c = 0; c < k; c++) key = (key as number) * sizes[c] + gamma[i * k + c];
    else key = gamma.subarray(i * k, i * k + k).join(',');
    const at = index.get(key);
    if (at !== undefined) counts[at]++;
    else {
      index.set(key, counts.length);
      counts.push(1);
      for (let c = 0; c < k; c++) patterns.push(gamma[i * k + c]);
    }
  }
  return { patterns: Uint8Array.from(patterns), counts: Float64Array.from(counts), k };
}

/** Level patterns of up to `sample` random distinct-row pairs (all pairs when there are fewer). */
export function samplePairs(ccs: CompiledComparison[], rows: number, sample: number, rand: () => number): Patterns & { pairs: number } {
  const k = ccs.length;
  const all = (rows * (rows - 1)) / 2;
  const pairs = all <= sample ? all : sample;
  const gamma = new Uint8Array(pairs * k);
  let i = 0;
  const visit = (a: number, b: number) => {
    for (let c = 0; c < k; c++) gamma[i * k + c] = levelOf(ccs[c], a, b);
    i++;
  };
  if (all <= sample) {
    for (let a = 0; a < rows; a++) for (let b = a + 1; b < rows; b++) visit(a, b);
  } else {
    while (i < pairs) {
      const a = floor(rand() * rows);
      let b = floor(rand() * (rows - 1));
      if (b >= a) b++;
      visit(a, b);
    }
  }
  return { ...patternCounts(gamma, ccs.map((cc) => cc.size)), pairs };
}

/**
 * u per level from random pairs. With `matchProbability` (per pattern), each pair counts as a non-match only by
 * 1 - P(match): on small inputs the true duplicates are a visible share of all pairs and would inflate u.
 */
export function estimateU(ccs: CompiledComparison[], sample: Patterns, matchProbability?: Float64Array): number[][] {
  const { patterns, counts, k } = sample;
  const tally = ccs.map((cc) => new Float64Array(cc.size));
  for (let p = 0; p < counts.length; p++) {
    const w = counts[p] * (matchProbability ? 1 - matchProbability[p] : 1);
    for (let c = 0; c < k; c++) tally[c][patterns[p * k + c]] += w;
  }
  return ccs.map((cc, c) => {
    const prior = priors(cc).u;
    let seen = 0;
    for (let l = 1; l < cc.size; l++) seen += tally[c][l];
    return prior.map((p0, l) => (l === 0 ? 1 : (tally[c][l] + U_PRIOR_PAIRS * p0) / (seen + U_PRIOR_PAIRS)));
  });
}

/** P(match) of each pattern under m, u and the prior λ. */
export function matchProbabilities(pats: Patterns, m: number[][], u: number[][], lambda: number): Float64Array {
  const { patterns, counts, k } = pats;
  const logBf = m.map((row, c) => row.map((mv, l) => (l === 0 ? 0 : log(mv / u[c][l]))));
  const out = new Float64Array(counts.length);
  const prior = log(lambda / (1 - lambda));
  for (let p = 0; p < counts.length; p++) {
    let logit = prior;
    for (let c = 0; c < k; c++) logit += logBf[c][patterns[p * k + c]];
    out[p] = 1 / (1 + exp(-logit));
  }
  return out;
}

export interface EmResult {
  m: number[][];
  lambda: number;
  iterations: number;
  converged: boolean;
}

/** m and λ over the blocked pairs' patterns, u held fixed, m smoothed toward its prior. */
export function expectationMaximisation(
  ccs: CompiledComparison[],
  blocked: Patterns,
  u: number[][],
  maxIterations: number,
): EmResult {
  const { patterns, counts, k } = blocked;
  const nPatterns = counts.length;
  const mPrior = ccs.map((cc) => priors(cc).m);
  let m = mPrior.map((x) => x.slice());
  let lambda = 0.1;
  const total = counts.reduce((s, x) => s + x, 0);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations && total > 0) {
    iterations++;
    const p = matchProbabilities(blocked, m, u, lambda);
    const mNum = ccs.map((cc) => new Float64Array(cc.size));
    let matches = 0;
    for (let i = 0; i < nPatterns; i++) {
      const w = counts[i] * p[i];
      matches += w;
      for (let c = 0; c < k; c++) mNum[c][patterns[i * k + c]] += w;
    }
    const next = ccs.map((cc, c) => {
      let seen = 0;
      for (let l = 1; l < cc.size; l++) seen += mNum[c][l];
      return mPrior[c].map((p0, l) => (l === 0 ? 1 : (mNum[c][l] + M_PRIOR_PAIRS * p0) / (seen + M_PRIOR_PAIRS)));
    });
    const nextLambda = Math.min(1 - 1e-9, Math.max(1e-9, matches / total));
    let change = Math.abs(nextLambda - lambda);
    for (let c = 0; c < k; c++) for (let l = 1; l < next[c].length; l++) change = Math.max(change, Math.abs(next[c][l] - m[c][l]));
    m = next;
    lambda = nextLambda;
    if (change < 1e-5) {
      converged = true;
      break;
    }
  }
  return { m, lambda, iterations, converged };
}

export interface Trained {
  m: number[][];
  u: number[][];
  /** Prior over all pairs. */
  lambda: number;
  /** Share of the blocked pairs that match. */
  lambdaBlocked: number;
  iterations: number;
  converged: boolean;
  uPairs: number;
}

/** Rounds of u refinement after the first fit: u again from the random pairs, leaving out likely matches. */
const U_ROUNDS = 2;

/** The pairs one blocking rule found, and the comparisons it must not learn from (its own key fields). */
export interface RuleSample {
  pairs: Int32Array;
  exclude: number[];
}

/** Level patterns of a rule's pairs, its own key fields set to missing. */
function rulePatterns(gamma: Uint8Array, sizes: number[], rule: RuleSample): Patterns {
  const k = sizes.length;
  const g = new Uint8Array(rule.pairs.length * k);
  for (let i = 0; i < rule.pairs.length; i++) g.set(gamma.subarray(rule.pairs[i] * k, rule.pairs[i] * k + k), i * k);
  for (let i = 0; i < rule.pairs.length; i++) for (const c of rule.exclude) g[i * k + c] = 0;
  return patternCounts(g, sizes);
}

/** λ alone by EM, m and u fixed. */
function fitLambda(pats: Patterns, m: number[][], u: number[][], maxIterations: number): { lambda: number; iterations: number } {
  const total = pats.counts.reduce((s, x) => s + x, 0);
  let lambda = 0.1;
  let iterations = 0;
  while (iterations < maxIterations && total > 0) {
    iterations++;
    const p = matchProbabilities(pats, m, u, lambda);
    let matches = 0;
    for (let i = 0; i < p.length; i++) matches += pats.counts[i] * p[i];
    const next = Math.min(1 - 1e-9, Math.max(1e-9, matches / total));
    const change = Math.abs(next - lambda);
    lambda = next;
    if (change < 1e-7) break;
  }
  return { lambda, iterations };
}

/**
 * Training, after Splink. u: random pairs. m: EM per blocking rule over the pairs that rule found, never on the
 * rule's own key fields (its pairs agree there by construction, match or not); each field's m is the average over
 * rules, weighted by the matches each rule expects. λ: EM over all blocked pairs with m and u fixed, scaled to all
 * pairs. Then u is re-estimated without the likely matches among the random pairs, and m and λ again.
 */
export function train(
  ccs: CompiledComparison[],
  gamma: Uint8Array,
  rows: number,
  rules: RuleSample[],
  o: { sample: number; seed: number; maxIterations: number },
): Trained {
  const sizes = ccs.map((cc) => cc.size);
  const sample = samplePairs(ccs, rows, o.sample, seededRandom(o.seed));
  const blocked = patternCounts(gamma, sizes);
  const blockedPairs = blocked.counts.reduce((s, x) => s + x, 0);
  const allPairs = (rows * (rows - 1)) / 2;
  const perRule = rules
    .filter((r) => r.pairs.length > 0 && r.exclude.length < ccs.length)
    .map((r) => ({ rule: r, pats: rulePatterns(gamma, sizes, r) }));
  const mPrior = ccs.map((cc) => priors(cc).m);
  let iterations = 0;
  let converged = true;

  const fitM = (u: number[][]): number[][] => {
    const num = ccs.map((cc) => new Float64Array(cc.size));
    const den = new Float64Array(ccs.length);
    for (const { rule, pats } of perRule) {
      const em = expectationMaximisation(ccs, pats, u, o.maxIterations);
      iterations += em.iterations;
      converged &&= em.converged;
      const weight = em.lambda * rule.pairs.length;
      for (let c = 0; c < ccs.length; c++) {
        if (rule.exclude.includes(c)) continue;
        for (let l = 1; l < ccs[c].size; l++) num[c][l] += weight * em.m[c][l];
        den[c] += weight;
      }
    }
    return ccs.map((cc, c) => (den[c] > 0 ? Array.from(num[c], (x, l) => (l === 0 ? 1 : x / den[c])) : mPrior[c].slice()));
  };
  // Matches outside the blocks are assumed rare: the expected matches over all pairs give the prior.
  const overall = (lambdaBlocked: number) =>
    allPairs > 0 ? Math.min(lambdaBlocked, Math.max(1e-12, (lambdaBlocked * blockedPairs) / allPairs)) : lambdaBlocked;

  let u = estimateU(ccs, sample);
  let m = fitM(u);
  let fit = fitLambda(blocked, m, u, o.maxIterations);
  for (let round = 0; round < U_ROUNDS; round++) {
    u = estimateU(ccs, sample, matchProbabilities(sample, m, u, overall(fit.lambda)));
    m = fitM(u);
    fit = fitLambda(blocked, m, u, o.maxIterations);
  }
  return { m, u, lambda: overall(fit.lambda), lambdaBlocked: fit.lambda, iterations, converged, uPairs: sample.pairs };
}

/** Mulberry32: small, fast and deterministic, so the same input always trains the same model. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
