import { dayNumber, dayToIso, daysFromCivil, hourOf, isoToDay, monthLabel, monthOfDay } from './dates';

describe('dates', () => {
  it('counts days from 1970-01-01 as Date.UTC does', () => {
    for (const [y, m, d] of [[1970, 1, 1], [2000, 2, 29], [2011, 12, 9], [1899, 12, 31], [2024, 3, 1]]) {
      expect(daysFromCivil(y, m, d)).toBe(Date.UTC(y, m - 1, d) / 86_400_000);
    }
  });

  it('reads ISO text with time, slashes, Dates and Excel serials; NaN otherwise', () => {
    expect(dayToIso(dayNumber('2011-12-09 12:50:00'))).toBe('2011-12-09');
    expect(dayToIso(dayNumber('2024/3/4'))).toBe('2024-03-04');
    expect(dayToIso(dayNumber(new Date(Date.UTC(2024, 0, 5, 23, 59))))).toBe('2024-01-05');
    expect(dayToIso(dayNumber(45296))).toBe('2024-01-05');
    expect(dayToIso(dayNumber('2024年1月5日'))).toBe('2024-01-05');
    expect(dayNumber('2023-02-29')).toBeNaN();
    expect(dayNumber('abc')).toBeNaN();
    expect(dayNumber(null)).toBeNaN();
    expect(isoToDay('2024-1-5')).toBeNaN();
  });

  it('finds the hour of a date-time and months for cohorts', () => {
    expect(hourOf('2024-01-05 14:30:00')).toBe(14);
    expect(hourOf('2024-01-05')).toBe(-1);
    expect(hourOf(new Date(Date.UTC(2024, 0, 5, 9, 15)))).toBe(9);
    expect(monthLabel(monthOfDay(isoToDay('2011-12-09')))).toBe('2011-12');
  });
});
