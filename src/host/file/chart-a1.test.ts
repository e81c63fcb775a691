import { columnIndex, columnLetters, parseA1Cell, parseA1Range, quoteSheetName, rangeFormula } from './chart-a1';

describe('A1 references', () => {
  it('converts column letters both ways at the alphabet boundaries and Excel limit', () => {
    const pairs: [string, number][] = [['A', 0], ['Z', 25], ['AA', 26], ['AZ', 51], ['BA', 52], ['XFD', 16383]];
    for (const [letters, index] of pairs) {
      expect(columnIndex(letters)).toBe(index);
      expect(columnLetters(index)).toBe(letters);
    }
    expect(columnIndex('a')).toBe(0);
    expect(columnIndex('')).toBe(-1);
    expect(columnIndex('A1')).toBe(-1);
  });

  it('parses cells and ranges, with $ signs and corners in any order', () => {
    expect(parseA1Cell('$C$7')).toEqual({ row: 6, col: 2 });
    expect(parseA1Range('D9:B2')).toEqual({ firstRow: 1, firstCol: 1, lastRow: 8, lastCol: 3 });
    expect(parseA1Range('B2')).toEqual({ firstRow: 1, firstCol: 1, lastRow: 1, lastCol: 1 });
    expect(parseA1Range('Sheet1!A1:B2')).toBeNull();
    expect(parseA1Range('A0')).toBeNull();
    expect(parseA1Range('A1:B2:C3')).toBeNull();
  });

  it('writes absolute, always-quoted formulas with embedded quotes doubled', () => {
    expect(quoteSheetName("O'Neil 客户")).toBe("'O''Neil 客户'");
    expect(rangeFormula('分析', { firstRow: 1, firstCol: 1, lastRow: 8, lastCol: 1 })).toBe("'分析'!$B$2:$B$9");
    expect(rangeFormula('S', { firstRow: 0, firstCol: 27, lastRow: 0, lastCol: 27 })).toBe("'S'!$AB$1");
  });
});
