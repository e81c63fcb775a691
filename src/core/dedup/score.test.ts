import { compile, defaultComparisons } from './comparisons';
import { prepare } from './prepare';
import { buildModel, makeScorer, probabilityOf, scorePairs } from './score';
import { DedupInput } from './types';

describe('term-frequency adjustment', () => {
  const input: DedupInput = {
    fields: [{ name: 'surname', kind: 'surname' }],
    rows: [...Array.from({ length: 50 }, () => ['smith']), ['zabrinski'], ['zabrinski'], ['jones'], ['jones']],
  };
  const ccs = compile(prepare(input, null), defaultComparisons(input.fields));
  const size = ccs[0].size;
  const m = [[1, 0.9, ...Array(size - 3).fill(0.01), 0.1 - 0.01 * (size - 3)]];
  const u = [[1, 0.02, ...Array(size - 3).fill(0.01), 0.98 - 0.01 * (size - 3)]];
  const scorer = makeScorer(ccs, buildModel(ccs, m, u, 0.001, 0.1, 1, true, 100));

  it('a shared rare surname weighs more than a shared common one', () => {
    const smithPair = scorePairs(scorer, ccs, Int32Array.from([0]), Uint8Array.from([1]))[0];
    const rarePair = scorePairs(scorer, ccs, Int32Array.from([50]), Uint8Array.from([1]))[0];
    expect(rarePair).toBeGreaterThan(smithPair + 4);
    // freq(zabrinski) = 2/54: weight log2(0.9 / (2/54)).
    expect(rarePair - scorer.prior).toBeCloseTo(Math.log2(0.9 / (2 / 54)), 9);
  });

  it('other levels keep log2(m/u); the prior comes from λ', () => {
    const elsePair = scorePairs(scorer, ccs, Int32Array.from([0]), Uint8Array.from([size - 1]))[0];
    expect(elsePair).toBeCloseTo(Math.log2(0.001 / 0.999) + Math.log2(m[0][size - 1] / u[0][size - 1]), 9);
    expect(probabilityOf(0)).toBe(0.5);
    expect(probabilityOf(10)).toBeCloseTo(1024 / 1025, 12);
  });

  it('refuses a model trained with other comparison levels', () => {
    const model = buildModel(ccs, m, u, 0.001, 0.1, 1, true, 100);
    model.comparisons[0].levels[1].id = 'something-else';
    expect(() => makeScorer(ccs, model)).toThrow('surname');
  });
});
