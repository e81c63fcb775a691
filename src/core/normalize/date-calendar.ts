/**
 * Proleptic Gregorian calendar arithmetic for the date normalizer: validity, day counts, Excel serials.
 * Plain integer arithmetic instead of Date objects: it sits on the hot path and has no time-zone traps.
 */

/** Years a date may carry; beyond them a value is far more likely a typo or an ID than a date. */
export const MIN_YEAR = 1000;
export const MAX_YEAR = 9999;

/** Last serial Excel can show as a date (9999-12-31) in the 1900 date system. */
export const MAX_EXCEL_SERIAL = 2958465;

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeapYear(y) ? 29 : DAYS_IN_MONTH[m];
}

export function isValidDate(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Days since 1970-01-01 (H. Hinnant's days_from_civil). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

/** The civil date `days` after 1970-01-01, written into `out` (H. Hinnant's civil_from_days). */
export function civilFromDays(days: number, out: Ymd): void {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const m = mp < 10 ? mp + 3 : mp - 9;
  out.y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  out.m = m;
  out.d = doy - Math.floor((153 * mp + 2) / 5) + 1;
}

/**
 * Whole-day Excel serial (1900 date system) -> days since 1970-01-01.
 * Excel, copying Lotus 1-2-3, counts a 1900-02-29 that never was (serial 60): serials 1..59 are
 * 1900-01-01..1900-02-28 and every serial from 61 on is one higher than a true day count from 1899-12-31.
 * Callers reject serial 60 before calling.
 */
export function excelSerialToDays(serial: number): number {
  return serial < 60 ? serial - 25568 : serial - 25569;
}

/** Two-digit years as Excel reads them: 00–29 -> 2000–2029, 30–99 -> 1930–1999. */
export function expandTwoDigitYear(yy: number): number {
  return yy < 30 ? 2000 + yy : 1900 + yy;
}

/** `-MM-DD` for index m * 32 + d, and each year's text once made: one short flat string per answer. */
const MONTH_DAY: string[] = Array.from({ length: 13 * 32 }, (_, i) => {
  const m = i >> 5;
  const d = i & 31;
  return `-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
});
const YEAR_TEXT: string[] = [];

/** `YYYY-MM-DD`; y must be within MIN_YEAR..MAX_YEAR, m 1..12, d 1..31. */
export function formatYmd(y: number, m: number, d: number): string {
  return (YEAR_TEXT[y] ??= String(y)) + MONTH_DAY[m * 32 + d];
}
