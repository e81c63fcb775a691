import { blockPairs, defaultBlockingRules } from './blocking';
import { prepare } from './prepare';
import { DedupInput } from './types';

const pairsOf = (r: { a: Int32Array; b: Int32Array }) => Array.from(r.a, (a, i) => `${a}-${r.b[i]}`);

describe('defaultBlockingRules', () => {
  it('blocks on identifiers alone and on names with a place or date', () => {
    const rules = defaultBlockingRules([
      { name: 'n', kind: 'personName' },
      { name: 'tel', kind: 'phone' },
      { name: 'dob', kind: 'date' },
      { name: 'city', kind: 'region' },
      { name: 'sex', kind: 'gender' },
    ]).map((r) => r.name);
    expect(rules).toEqual(
      expect.arrayContaining(['tel', 'dob', 'folded(n)', 'phonetic(n) + folded(dob)', 'phonetic(n) + folded(city)']),
    );
    expect(rules.some((r) => r!.includes('sex'))).toBe(false);
    expect(rules.some((r) => r === 'city')).toBe(false); // a city alone would make giant blocks
  });
});

describe('blockPairs', () => {
  const input: DedupInput = {
    fields: [
      { name: 'tel', kind: 'phone' },
      { name: 'n', kind: 'surname' },
    ],
    rows: [
      ['1', 'smith'],
      ['1', 'smyth'],
      ['2', 'smith'],
      [null, 'jones'],
      ['3', null],
      ['1', 'brown'],
    ],
  };
  const p = prepare(input, null);

  it('takes the union of the rules, each pair once, a < b', () => {
    const r = blockPairs(p, [{ keys: [{ field: 'tel' }] }, { keys: [{ field: 'n', transform: 'phonetic' }] }], 100);
    // tel 1: rows 0,1,5 -> 3 pairs; soundex s530: rows 0,1,2 -> 3 pairs, 0-1 shared.
    expect(pairsOf(r).sort()).toEqual(['0-1', '0-2', '0-5', '1-2', '1-5']);
    expect(r.report.rules.map((x) => x.pairs)).toEqual([3, 3]);
  });

  it('leaves out rows missing a key of the rule', () => {
    const r = blockPairs(p, [{ keys: [{ field: 'tel' }, { field: 'n' }] }], 100);
    expect(pairsOf(r)).toEqual([]);
  });

  it('skips and reports blocks larger than the limit', () => {
    const r = blockPairs(p, [{ name: '电话', keys: [{ field: 'tel' }] }, { keys: [{ field: 'n' }] }], 2);
    expect(pairsOf(r)).toEqual(['0-2']);
    expect(r.report.giantBlocks).toEqual([{ rule: '电话', key: '1', rows: 3 }]);
  });

  it('throws a clear error for an unknown field', () => {
    expect(() => blockPairs(p, [{ keys: [{ field: 'nope' }] }], 10)).toThrow('nope');
  });
});
