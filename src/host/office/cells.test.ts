import { cellFromExcel, cellToExcel, dateToSerial, isDateFormat, serialToDate, stringNeedsTextFormat } from './cells';
import { a1, columnLetters, localAddress } from './a1';

describe('office cells', () => {
  it('converts dates to and from Excel serials in UTC fields', () => {
    expect(dateToSerial(new Date(Date.UTC(2021, 0, 1)))).toBe(44197); // Excel shows 44197 for 2021-01-01
    expect(dateToSerial(new Date(Date.UTC(1900, 2, 1)))).toBe(61);
    expect(serialToDate(45296.5)).toEqual(new Date(Date.UTC(2024, 0, 5, 12)));
    expect(serialToDate(dateToSerial(new Date(Date.UTC(2023, 6, 9, 8, 7, 6))))).toEqual(new Date(Date.UTC(2023, 6, 9, 8, 7, 6)));
  });

  it('tells date formats from number formats', () => {
    for (const f of ['yyyy-mm-dd', 'm/d/yyyy', 'h:mm', '[h]:mm:ss', 'yyyy"年"m"月"d"日"', '[$-F800]dddd, mmmm dd, yyyy', 'mmm-yy', 'hh:mm AM/PM']) {
      expect([f, isDateFormat(f)]).toEqual([f, true]);
    }
    for (const f of ['General', '@', '0.00', '#,##0', '0.0%', '¥#,##0.00', '"天"0', '[Red]0.00;[Blue]-0.00', '0.00E+00', '#,##0 "元"']) {
      expect([f, isDateFormat(f)]).toEqual([f, false]);
    }
  });

  it('reads Office.js cells into CellValues', () => {
    expect(cellFromExcel('', 'Empty', 'General')).toBeNull();
    expect(cellFromExcel('#N/A', 'Error', 'General')).toEqual({ error: '#N/A' });
    expect(cellFromExcel('#N/A', 'String', '@')).toBe('#N/A');
    expect(cellFromExcel(45296, 'Double', 'yyyy-mm-dd')).toEqual(new Date(Date.UTC(2024, 0, 5)));
    expect(cellFromExcel(45296, 'Double', '0')).toBe(45296);
    expect(cellFromExcel('00123', 'String', '@')).toBe('00123');
    expect(cellFromExcel(true, 'Boolean', 'General')).toBe(true);
  });

  it('writes text that Excel would reinterpret with the text format, and dates as serials', () => {
    for (const s of ['=1+1', '+86 138', '-5', '@x', '00123', '2024-01-05', 'TRUE', '#N/A']) {
      expect([s, stringNeedsTextFormat(s), cellToExcel(s).numberFormat]).toEqual([s, true, '@']);
    }
    expect(cellToExcel('张三')).toEqual({ value: '张三', numberFormat: null });
    expect(cellToExcel(12, 'text')).toEqual({ value: '12', numberFormat: '@' });
    expect(cellToExcel(0.25, 'percent')).toEqual({ value: 0.25, numberFormat: '0.0%' });
    expect(cellToExcel(new Date(Date.UTC(2024, 0, 5)))).toEqual({ value: 45296, numberFormat: 'yyyy-mm-dd' });
    expect(cellToExcel(new Date(Date.UTC(2024, 0, 5, 6)))).toEqual({ value: 45296.25, numberFormat: 'yyyy-mm-dd hh:mm:ss' });
    expect(cellToExcel({ error: '#DIV/0!' })).toEqual({ value: '#DIV/0!', numberFormat: null });
    expect(cellToExcel(NaN)).toEqual({ value: '', numberFormat: null });
    expect(cellToExcel(null)).toEqual({ value: '', numberFormat: null });
  });

  it('makes A1 addresses', () => {
    expect([columnLetters(1), columnLetters(26), columnLetters(27), columnLetters(16384)]).toEqual(['A', 'Z', 'AA', 'XFD']);
    expect(a1(0, 0)).toBe('A1');
    expect(a1(2, 1, 8, 3)).toBe('B3:D10');
    expect(() => a1(1_048_576, 0)).toThrow(/超出/);
    expect(localAddress("'My sheet'!$A$1:B2")).toBe('A1:B2');
  });
});
