import { alignsRight, displayCell, pageOf, widthOf } from './grid-model';

describe('displayCell', () => {
  it('shows dates from their UTC fields (Excel wall-clock), with a time only when there is one', () => {
    expect(displayCell(new Date(Date.UTC(2024, 0, 5)))).toBe('2024-01-05');
    expect(displayCell(new Date(Date.UTC(2024, 11, 31, 23, 5)))).toBe('2024-12-31 23:05');
    expect(displayCell(new Date(Date.UTC(2024, 11, 31, 8, 0, 9)))).toBe('2024-12-31 08:00:09');
    expect(displayCell(new Date(NaN))).toBe('');
  });

  it('shows numbers without grouping or float noise, and text, booleans and errors as Excel does', () => {
    expect(displayCell(0.1 + 0.2)).toBe('0.3');
    expect(displayCell(12800)).toBe('12800');
    expect(displayCell(-1.5)).toBe('-1.5');
    expect(displayCell(Infinity)).toBe('');
    expect(displayCell('00123')).toBe('00123');
    expect(displayCell(true)).toBe('TRUE');
    expect(displayCell({ error: '#N/A' })).toBe('#N/A');
    expect(displayCell(null)).toBe('');
    expect(displayCell(undefined)).toBe('');
  });

  it('right-aligns numbers and dates only', () => {
    expect([3, new Date(0), '3', null, true].map(alignsRight)).toEqual([true, true, false, false, false]);
  });
});

describe('pageOf', () => {
  it('splits rows into pages and clamps the page asked for', () => {
    expect(pageOf(250, 100, 0)).toEqual({ index: 0, count: 3, start: 0, end: 100 });
    expect(pageOf(250, 100, 2)).toEqual({ index: 2, count: 3, start: 200, end: 250 });
    expect(pageOf(250, 100, 9)).toEqual({ index: 2, count: 3, start: 200, end: 250 });
    expect(pageOf(250, 100, -1)).toEqual({ index: 0, count: 3, start: 0, end: 100 });
    expect(pageOf(200, 100, 1)).toEqual({ index: 1, count: 2, start: 100, end: 200 });
  });

  it('gives an empty sheet one empty page', () => {
    expect(pageOf(0, 100, 3)).toEqual({ index: 0, count: 1, start: 0, end: 0 });
  });
});

it('widthOf is the longest row', () => {
  expect(widthOf([[1], [1, 2, 3], []])).toBe(3);
  expect(widthOf([])).toBe(0);
});
