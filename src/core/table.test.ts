import { CellValue } from './cell';
import { columnByName, tableFromRows, uniqueHeaders } from './table';

describe('uniqueHeaders', () => {
  it('trims, names blanks by position and numbers repeats', () => {
    expect(uniqueHeaders([' 姓名 ', '电话', null, '电话', '', '电话'])).toEqual(['姓名', '电话', '列3', '电话_2', '列5', '电话_3']);
  });

  it('never produces a name that is already a real header', () => {
    expect(uniqueHeaders(['电话', '电话', '电话_2', null, '列4'])).toEqual(['电话', '电话_3', '电话_2', '列4_2', '列4']);
  });

  it('turns non-text headers into text', () => {
    expect(uniqueHeaders([2024, true, { error: '#N/A' }])).toEqual(['2024', 'TRUE', '#N/A']);
  });
});

describe('tableFromRows', () => {
  const grid: CellValue[][] = [
    ['客户名单'],
    [],
    ['姓名', ' 电话 ', null, '电话'],
    ['张三', '13800000000', 1, '010-1'],
    [],
    ['李四', null, 2],
    [null, '  '],
    [],
  ];

  it('takes the header row, keeps inner blank rows and drops trailing blank ones', () => {
    const t = tableFromRows('客户', grid, 2, 'Sheet1', 5);
    expect(t.columns.map((c) => c.name)).toEqual(['姓名', '电话', '列3', '电话_2']);
    expect(t.rowCount).toBe(3);
    expect(columnByName(t, '姓名')!.values).toEqual(['张三', null, '李四']);
    expect(columnByName(t, '列3')!.values).toEqual([1, null, 2]);
    expect(columnByName(t, '电话_2')!.values).toEqual(['010-1', null, null]);
  });

  it('records the Excel row of the header and of every data row', () => {
    const t = tableFromRows('客户', grid, 2, 'Sheet1', 5);
    expect(t.provenance.sheet).toBe('Sheet1');
    // grid[0] is Excel row 5, so the header (grid[2]) is row 7 and data starts at row 8
    expect(t.provenance.headerRow).toBe(7);
    expect(Array.from(t.provenance.rows)).toEqual([8, 9, 10]);
  });

  it('gives data beyond the header a column of its own and drops empty trailing columns', () => {
    const t = tableFromRows('t', [['a', null, null], ['x', null, 'extra', null]], 0, 's', 1);
    expect(t.columns.map((c) => c.name)).toEqual(['a', '列2', '列3']);
    expect(t.columns[2].values).toEqual(['extra']);
  });

  it('handles a header-only grid and a header index past the end', () => {
    expect(tableFromRows('t', [['a', 'b']], 0, 's', 1)).toMatchObject({ rowCount: 0, columns: [{ name: 'a' }, { name: 'b' }] });
    const none = tableFromRows('t', [], 0, 's', 1);
    expect(none.rowCount).toBe(0);
    expect(none.columns).toEqual([]);
  });

  it('columnByName returns undefined for an unknown column', () => {
    expect(columnByName(tableFromRows('t', [['a']], 0, 's', 1), 'b')).toBeUndefined();
  });
});
