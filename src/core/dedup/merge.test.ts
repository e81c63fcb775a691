import { mergeClusters } from './merge';
import { DedupInput } from './types';

const input: DedupInput = {
  fields: [
    { name: 'name', kind: 'personName' },
    { name: 'phone', kind: 'phone' },
    { name: 'address', kind: 'address' },
    { name: 'updated', kind: 'date' },
    { name: 'source', kind: 'text' },
  ],
  rows: [
    ['张伟', '13812345678', '北京市朝阳区', '2023-01-05', 'CRM'],
    ['张伟', '13900000000', null, '2024-06-30', '电商'],
    ['张 伟', null, '北京市朝阳区建国路88号', '2022-03-01', 'ERP'],
    ['李娜', '13700000000', '上海市', '2021-01-01', 'CRM'],
  ],
};
const clusters = [[2, 0, 1], [3]];

describe('mergeClusters', () => {
  it('lists the source rows and where each value came from', () => {
    const [g, single] = mergeClusters(input, clusters);
    expect(g.rows).toEqual([0, 1, 2]);
    expect(g.values[2]).toBe('北京市朝阳区建国路88号'); // mostComplete by default
    expect(g.from[2]).toBe(2);
    expect(single.values).toEqual(input.rows[3]);
  });

  it('mostRecent takes the value of the newest row that has one', () => {
    const [g] = mergeClusters(input, clusters, { defaultStrategy: 'mostRecent', dateField: 'updated' });
    expect(g.values[1]).toBe('13900000000');
    expect(g.values[2]).toBe('北京市朝阳区'); // row 1 has none, row 0 is next newest
  });

  it('mostFrequent takes the commonest value', () => {
    const [g] = mergeClusters(input, clusters, { strategies: { name: 'mostFrequent' } });
    expect(g.values[0]).toBe('张伟');
  });

  it('preferredSource follows the source order, unlisted sources last', () => {
    const [g] = mergeClusters(input, clusters, {
      defaultStrategy: 'preferredSource',
      sourceField: 'source',
      sourceOrder: ['ERP', 'CRM'],
    });
    expect(g.values[0]).toBe('张 伟');
    expect(g.values[1]).toBe('13812345678'); // ERP has none, CRM next
    expect(g.from[1]).toBe(0);
  });

  it('needs the date field for mostRecent', () => {
    expect(() => mergeClusters(input, clusters, { defaultStrategy: 'mostRecent' })).toThrow('日期');
  });

  it('gives null when every row misses a field', () => {
    const [g] = mergeClusters({ fields: input.fields, rows: [[null, null, null, null, null]] }, [[0]]);
    expect(g.values).toEqual([null, null, null, null, null]);
    expect(g.from).toEqual([-1, -1, -1, -1, -1]);
  });
});
