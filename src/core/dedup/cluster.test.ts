import { clusterPairs } from './cluster';

const o = { minWeight: 3, strongWeight: 7, maxDiameter: 2 };
const run = (n: number, edges: [number, number, number][], opts = o) =>
  clusterPairs(
    n,
    Int32Array.from(edges, (e) => e[0]),
    Int32Array.from(edges, (e) => e[1]),
    Float64Array.from(edges, (e) => e[2]),
    opts,
  );

describe('clusterPairs', () => {
  it('joins links above the threshold; everyone else stays alone', () => {
    const c = run(5, [
      [0, 1, 10],
      [2, 3, 2], // below threshold
    ]);
    expect(c.clusters).toEqual([[0, 1], [2], [3], [4]]);
    expect(Array.from(c.clusterOf)).toEqual([0, 0, 1, 2, 3]);
  });

  it('keeps a star of strong links (diameter 2)', () => {
    const c = run(4, [
      [0, 1, 12],
      [0, 2, 11],
      [0, 3, 9],
    ]);
    expect(c.clusters).toEqual([[0, 1, 2, 3]]);
    expect(c.split).toBe(0);
  });

  it('splits a long chain at its weakest links', () => {
    // 0-1-2-3-4: diameter 4 > 2.
    const c = run(5, [
      [0, 1, 12],
      [1, 2, 8],
      [2, 3, 12],
      [3, 4, 11],
    ]);
    expect(c.clusters).toEqual([[0, 1], [2, 3, 4]]);
    expect(c.split).toBe(1);
  });

  it('drops a member held only by weak links', () => {
    const c = run(3, [
      [0, 1, 12],
      [1, 2, 4], // above threshold, below strong
    ]);
    expect(c.clusters).toEqual([[0, 1], [2]]);
  });

  it('lets a pair in on a weak link alone', () => {
    expect(run(2, [[0, 1, 4]]).clusters).toEqual([[0, 1]]);
  });
});
