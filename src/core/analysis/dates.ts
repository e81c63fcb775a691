/**
 * Calendar days as integers (days since 1970-01-01, the UTC calendar day a cell shows; no time zone applied), so
 * per-row date work is integer arithmetic. `YYYY-MM-DD[ HH:MM[:SS]]` (also `/` or `.` between the parts) is read by
 * char codes; anything else goes through normalizeDate, which knows Excel serials, Chinese dates and the rest.
 */
import { CellValue } from '../cell';
import { normalizeDate } from '../normalize/date';

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil; no Date allocated). */
export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -100;
}

/** Fast path for `YYYY-MM-DD…` / `YYYY/M/D…`; NaN when the text has another shape. */
function isoDay(s: string): number {
  if (s.length < 8) return NaN;
  const y = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);
  const sep = s.charCodeAt(4);
  if (y < 1000 || (sep !== 45 && sep !== 47 && sep !== 46)) return NaN;
  let i = 5;
  let m = digit(s, i++);
  if (s.charCodeAt(i) !== sep) m = m * 10 + digit(s, i++);
  if (s.charCodeAt(i++) !== sep) return NaN;
  let d = digit(s, i++);
  if (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) d = d * 10 + digit(s, i++);
  if (i < s.length && s.charCodeAt(i) !== 32 && s.charCodeAt(i) !== 84 /* T */) return NaN;
  if (m < 1 || m > 12 || d < 1 || d > DAYS_IN_MONTH[m - 1]) return NaN;
  if (m === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return NaN;
  return daysFromCivil(y, m, d);
}

/** The calendar day of any cell value, or NaN when it holds no date. */
export function dayNumber(v: CellValue): number {
  if (v instanceof Date) {
    const t = v.getTime();
    return Number.isFinite(t) ? Math.floor(t / MS_PER_DAY) : NaN;
  }
  if (typeof v === 'string') {
    const fast = isoDay(v);
    if (fast === fast) return fast;
  }
  if (v === null || v === undefined || v === '') return NaN;
  const n = normalizeDate(v);
  return n.value === null ? NaN : isoDay(n.value);
}

/** The hour (0–23) of a date-time cell, or -1 when it has no time part. */
export function hourOf(v: CellValue): number {
  if (v instanceof Date) {
    const t = v.getTime();
    if (!Number.isFinite(t)) return -1;
    const ms = ((t % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY;
    return ms === 0 ? -1 : Math.floor(ms / 3_600_000);
  }
  if (typeof v === 'number') {
    const frac = v - Math.floor(v);
    return frac > 0 ? Math.floor(frac * 24 + 1e-9) : -1;
  }
  if (typeof v === 'string') {
    const m = /(?:^|[\sT日])(\d{1,2})[:：]\d{2}/.exec(v);
    if (m) {
      const h = Number(m[1]);
      return h < 24 ? h : -1;
    }
  }
  return -1;
}

export function dayToDate(day: number): Date {
  return new Date(day * MS_PER_DAY);
}

export function dayToIso(day: number): string {
  return dayToDate(day).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` -> day number; NaN when not such a date. */
export function isoToDay(s: string): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) ? isoDay(s) : NaN;
}

/** Months since 1970-01 (year * 12 + month - 1 - 1970 * 12) of a day number. */
export function monthOfDay(day: number): number {
  const d = dayToDate(day);
  return (d.getUTCFullYear() - 1970) * 12 + d.getUTCMonth();
}

/** `YYYY-MM` of a month number from monthOfDay. */
export function monthLabel(month: number): string {
  const y = 1970 + Math.floor(month / 12);
  const m = month - (y - 1970) * 12 + 1;
  return `${y}-${String(m).padStart(2, '0')}`;
}
