import { compile, defaultComparisons } from './comparisons';
import { estimateU, expectationMaximisation, matchProbabilities, patternCounts, seededRandom } from './em';
import { prepare } from './prepare';
import { DedupField } from './types';

const fields: DedupField[] = [
  { name: 'tel', kind: 'phone' }, // levels: missing, exact, digitsSuffix8, levenshtein<=1, else
  { name: 'dob', kind: 'date' }, // missing, exact, dateTypo, dateSwap, dateYearMonth, else
  { name: 'sex', kind: 'gender' }, // missing, exact, else
];
const ccs = compile(prepare({ fields, rows: [] }, null), defaultComparisons(fields));

// True parameters (index 0, missing, unused).
const M = [
  [0, 0.85, 0.03, 0.07, 0.05],
  [0, 0.8, 0.08, 0.04, 0.03, 0.05],
  [0, 0.97, 0.03],
];
const U = [
  [0, 0.001, 0.001, 0.003, 0.995],
  [0, 0.002, 0.01, 0.002, 0.02, 0.966],
  [0, 0.5, 0.5],
];

function draw(rand: () => number, probs: number[]): number {
  let r = rand();
  for (let l = 1; l < probs.length; l++) if ((r -= probs[l]) < 0) return l;
  return probs.length - 1;
}

function simulate(pairs: number, lambda: number, seed: number): Uint8Array {
  const rand = seededRandom(seed);
  const gamma = new Uint8Array(pairs * 3);
  for (let i = 0; i < pairs; i++) {
    const match = rand() < lambda;
    for (let c = 0; c < 3; c++) gamma[i * 3 + c] = rand() < 0.05 ? 0 : draw(rand, match ? M[c] : U[c]);
  }
  return gamma;
}

describe('expectationMaximisation', () => {
  it('recovers m and λ from simulated pairs when u is known', () => {
    const blocked = patternCounts(simulate(50_000, 0.3, 7), [5, 6, 3]);
    const em = expectationMaximisation(ccs, blocked, U, 200);
    expect(em.converged).toBe(true);
    expect(em.lambda).toBeCloseTo(0.3, 2);
    for (let c = 0; c < 3; c++) for (let l = 1; l < M[c].length; l++) expect(Math.abs(em.m[c][l] - M[c][l])).toBeLessThan(0.02);
  });
});

describe('estimateU', () => {
  it('counts random pairs per level, smoothed toward the prior, ignoring missing', () => {
    const sample = patternCounts(simulate(100_000, 0, 3), [5, 6, 3]);
    const u = estimateU(ccs, sample);
    expect(u[2][1]).toBeCloseTo(0.5, 2);
    expect(u[1][5]).toBeCloseTo(0.966, 2);
    for (const row of u) expect(row.slice(1).reduce((s, x) => s + x, 0)).toBeCloseTo(1, 9);
  });

  it('leaves out pairs by their match probability', () => {
    const sample = patternCounts(Uint8Array.from([1, 1, 1, 4, 5, 2, 4, 5, 1]), [5, 6, 3]);
    const p = matchProbabilities(sample, M, U, 0.01);
    expect(p[0]).toBeGreaterThan(0.99); // all fields agree
    expect(p[1]).toBeLessThan(0.01);
    const plain = estimateU(ccs, sample);
    const weighted = estimateU(ccs, sample, p);
    expect(weighted[0][1]).toBeLessThan(plain[0][1] / 5);
  });
});
