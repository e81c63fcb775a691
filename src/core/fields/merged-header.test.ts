import { detectHeaderRow } from './header-row';
import { fillMergesDown } from './merged-header';

describe('fillMergesDown', () => {
  // 客户编号 | 客户名称 merged down over rows 1–2; 联系方式 merged across C1:D1 above 手机 | 邮箱.
  const rows = [
    ['客户编号', '客户名称', '联系方式'],
    [null, null, '手机', '邮箱'],
    ['C1', '甲公司', '13812345678', 'a@b.com'],
    ['C2', '乙公司', '13912345678', 'c@d.com'],
  ];
  const merges = ['A1:A2', 'B1:B2', 'C1:D1'];

  it('copies a vertical merge down into the cells it covers, leaving horizontal merges alone', () => {
    const filled = fillMergesDown(rows, merges, 1);
    expect(filled[1]).toEqual(['客户编号', '客户名称', '手机', '邮箱']);
    expect(filled[0]).toBe(rows[0]);
    expect(filled[2]).toBe(rows[2]);
    expect(rows[1]).toEqual([null, null, '手机', '邮箱']); // input unchanged
  });

  it('lets header detection pick the row that names every column', () => {
    expect(detectHeaderRow(fillMergesDown(rows, merges, 1)).headerRow).toBe(1);
  });

  it('reads merges relative to the grid first row and ignores bad or out-of-range refs', () => {
    const shifted = fillMergesDown(rows, ['A3:A4', 'B3:B4', 'x:y', 'A1', 'C9:C12'], 3);
    expect(shifted[1]).toEqual(['客户编号', '客户名称', '手机', '邮箱']);
    expect(fillMergesDown(rows, ['A1:A2'], 1, 1)[1]).toBe(rows[1]); // beyond the scanned rows
  });

  it('never overwrites a value and pads short rows', () => {
    const grid = [['编号', '名称', '备注'], ['x'], []];
    const filled = fillMergesDown(grid, ['A1:A3', 'C1:C3'], 1);
    expect(filled[1]).toEqual(['x', null, '备注']);
    expect(filled[2]).toEqual(['编号', null, '备注']);
  });
});
