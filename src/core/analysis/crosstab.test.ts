import { crossTab } from './crosstab';

describe('crossTab', () => {
  it('counts pairs, blanks as 未填写, largest first', () => {
    const t = crossTab(['北京', '北京', '上海', null], ['A', 'B', 'A', 'A']);
    expect(t.rowLabels).toEqual(['北京', '上海', '未填写']);
    expect(t.colLabels).toEqual(['A', 'B']);
    expect(t.cells).toEqual([[1, 1], [1, 0], [1, 0]]);
    expect(t.colTotals).toEqual([3, 1]);
    expect(t.total).toBe(4);
  });

  it('sums weights and folds small columns into 其他', () => {
    const t = crossTab(['x', 'x', 'x', 'x'], ['A', 'B', 'C', 'D'], { weights: [10, 5, 2, 1], maxCols: 2 });
    expect(t.colLabels).toEqual(['A', '其他']);
    expect(t.cells).toEqual([[10, 8]]);
  });
});
