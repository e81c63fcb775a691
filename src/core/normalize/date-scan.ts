/**
 * Char-code scanner for the numeric date forms that make up almost every real date column:
 * `2023-05-15`, `2023/5/15`, `2023.05.15`, `2023年5月15日`/`号`, `20230515`, `15/05/2023`, `23-5-15`,
 * each optionally followed by a time (`14:30:00`, `T14:30:00Z`, `下午 2:30`, `14点30分`), which is dropped.
 *
 * Written by hand because it is the hot path (target: a million values a second on one core):
 * date-fns `parse` / dayjs `customParseFormat` try one known format per call and are several times
 * slower than that, and a regex per form would be too. No substrings, no Date objects.
 */
import { MAX_YEAR, MIN_YEAR, daysInMonth, expandTwoDigitYear } from './date-calendar';

export type DateOrder = 'ymd' | 'dmy' | 'mdy';

/** What a scan found. Only SCAN_OK carries a valid date in DateParts. */
export const SCAN_NONE = 0; // not a form this scanner knows
export const SCAN_OK = 1;
export const SCAN_IMPOSSIBLE = 2; // month or day out of range (2023-02-30, month 13)
export const SCAN_AMBIGUOUS = 3; // 05/06/2023: day and month both <= 12 and no order given
export const SCAN_BAD_YEAR = 4; // year outside MIN_YEAR..MAX_YEAR
export const SCAN_BAD_TAIL = 5; // a date followed by text that is not a time
export const SCAN_INCOMPLETE = 6; // year-month only, month-day only

/** Flags on DateParts saying how the date was read (they become the `note`). */
export const F_TIME = 1; // a time part was dropped
export const F_TWO_DIGIT_YEAR = 2;
export const F_DAY_FIRST = 4; // read as day/month/year
export const F_MONTH_FIRST = 8; // read as month/day/year
export const F_BY_ORDER = 16; // day/month order came from the caller, not from the value itself
export const F_CANONICAL = 32; // the input already is exactly `YYYY-MM-DD`
export const F_EXCEL_SERIAL = 64;
export const F_COMPACT_NUMBER = 128; // a number like 20230515

/** Scratch result, reused across calls so the hot path allocates nothing but the answer. */
export class DateParts {
  y = 0;
  m = 0;
  d = 0;
  flags = 0;
  /** The two-digit year as written, when F_TWO_DIGIT_YEAR. */
  yy = 0;
  /** For SCAN_AMBIGUOUS: the first and second number of `a/b/yyyy`. */
  a = 0;
  b = 0;
  /** The last SCAN_* outcome, kept by callers that look at many values (the column's day/month evidence). */
  outcome = SCAN_NONE;
}

const C_0 = 48;
const C_9 = 57;
const C_DASH = 45;
const C_SLASH = 47;
const C_DOT = 46;
const C_COLON = 58;
const C_YEAR = 0x5e74; // 年
const C_MONTH = 0x6708; // 月
const C_DAY = 0x65e5; // 日
const C_HAO = 0x53f7; // 号
const C_HAO_T = 0x865f; // 號
const C_HOUR = [0x65f6, 0x6642, 0x70b9, 0x9ede]; // 时 時 点 點
const C_MINUTE = 0x5206; // 分
const C_SECOND = 0x79d2; // 秒
const C_HALF = 0x534a; // 半

/** Two-character Chinese words that may stand before a time. */
const MERIDIEM = new Set(['上午', '下午', '中午', '晚上', '凌晨', '早上', '早晨', '傍晚', '夜里', '夜間', '夜间']);

export function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0x3000 || c === 0xa0 || c === 0xfeff;
}

function isDigitCode(c: number): boolean {
  return c >= C_0 && c <= C_9;
}

/**
 * Reads a numeric date from s (leading/trailing blanks ignored) into out.
 * `order` decides `a/b/yyyy` when both a and b are <= 12, and the order of two-digit-year triples.
 */
export function scanNumericDate(s: string, order: DateOrder | undefined, out: DateParts): number {
  out.flags = 0;
  let i = 0;
  let end = s.length;
  while (i < end && isSpaceCode(s.charCodeAt(i))) i++;
  while (end > i && isSpaceCode(s.charCodeAt(end - 1))) end--;
  const start = i;

  let n1 = 0;
  while (i < end && isDigitCode(s.charCodeAt(i))) n1 = n1 * 10 + s.charCodeAt(i++) - C_0;
  const l1 = i - start;
  if (l1 === 8) {
    const code = ymd(Math.floor(n1 / 10000), Math.floor(n1 / 100) % 100, n1 % 100, out);
    return withTail(code, s, i, end, false, out);
  }
  if (l1 === 0 || l1 > 4 || i === end) return SCAN_NONE; // bare numbers go to the number path

  const sep = s.charCodeAt(i++);
  const cjk = sep === C_YEAR;
  if (!cjk && sep !== C_DASH && sep !== C_SLASH && sep !== C_DOT) return SCAN_NONE;

  const s2 = i;
  let n2 = 0;
  while (i < end && isDigitCode(s.charCodeAt(i))) n2 = n2 * 10 + s.charCodeAt(i++) - C_0;
  const l2 = i - s2;
  if (l2 === 0 || l2 > 2) return SCAN_NONE;
  if (i === end) return SCAN_INCOMPLETE; // 2023-05, 2023年5
  if (s.charCodeAt(i++) !== (cjk ? C_MONTH : sep)) return SCAN_NONE;
  if (cjk && i === end) return SCAN_INCOMPLETE; // 2023年5月

  const s3 = i;
  let n3 = 0;
  while (i < end && isDigitCode(s.charCodeAt(i))) n3 = n3 * 10 + s.charCodeAt(i++) - C_0;
  const l3 = i - s3;
  if (l3 === 0 || l3 === 3 || l3 > 4) return SCAN_NONE;
  if (cjk && i < end) {
    const c = s.charCodeAt(i);
    if (c === C_DAY || c === C_HAO || c === C_HAO_T) i++;
  }

  const code = resolveTriple(n1, l1, n2, n3, l3, cjk, order, out);
  if (code === SCAN_NONE) return code;
  if (sep === C_DASH && l1 === 4 && l2 === 2 && l3 === 2 && start === 0 && i === s.length) out.flags |= F_CANONICAL;
  return withTail(code, s, i, end, cjk, out);
}

/** Decides which of the three numbers is the year, month and day. */
function resolveTriple(
  n1: number,
  l1: number,
  n2: number,
  n3: number,
  l3: number,
  cjk: boolean,
  order: DateOrder | undefined,
  out: DateParts,
): number {
  if (l1 === 4) return l3 <= 2 ? ymd(n1, n2, n3, out) : SCAN_NONE;
  if (l1 === 3) return SCAN_NONE;
  if (cjk) return l1 === 2 && l3 <= 2 ? twoDigitYearFirst(n1, n2, n3, out) : SCAN_NONE;
  if (l3 === 4) return yearLast(n3, n1, n2, order, out);
  // Two-digit year, e.g. 23-5-15. Year first (the Chinese and ISO order) unless told otherwise or the
  // last number cannot be a day (5/15/98), in which case the year is last.
  if (order === 'dmy' || order === 'mdy' || (order === undefined && n3 > 31)) {
    if (l3 !== 2) return SCAN_NONE;
    out.flags |= F_TWO_DIGIT_YEAR;
    out.yy = n3;
    return yearLast(expandTwoDigitYear(n3), n1, n2, order, out);
  }
  return l1 === 2 ? twoDigitYearFirst(n1, n2, n3, out) : SCAN_NONE;
}

function twoDigitYearFirst(yy: number, m: number, d: number, out: DateParts): number {
  out.flags |= F_TWO_DIGIT_YEAR;
  out.yy = yy;
  return ymd(expandTwoDigitYear(yy), m, d, out);
}

/** `a/b/y`: day-first when a > 12, month-first when b > 12, else by `order`, else ambiguous. */
function yearLast(y: number, a: number, b: number, order: DateOrder | undefined, out: DateParts): number {
  if (y < MIN_YEAR || y > MAX_YEAR || a === 0 || b === 0 || (a > 12 && b > 12)) return ymd(y, b, a, out);
  if (a > 12) {
    out.flags |= F_DAY_FIRST;
    return ymd(y, b, a, out);
  }
  if (b > 12) {
    out.flags |= F_MONTH_FIRST;
    return ymd(y, a, b, out);
  }
  if (a === b) return ymd(y, a, a, out);
  if (order === 'dmy') {
    out.flags |= F_DAY_FIRST | F_BY_ORDER;
    return ymd(y, b, a, out);
  }
  if (order === 'mdy') {
    out.flags |= F_MONTH_FIRST | F_BY_ORDER;
    return ymd(y, a, b, out);
  }
  out.y = y;
  out.a = a;
  out.b = b;
  return SCAN_AMBIGUOUS;
}

/** Stores y-m-d and checks it exists. */
export function ymd(y: number, m: number, d: number, out: DateParts): number {
  out.y = y;
  out.m = m;
  out.d = d;
  if (y < MIN_YEAR || y > MAX_YEAR) return SCAN_BAD_YEAR;
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return SCAN_IMPOSSIBLE;
  return SCAN_OK;
}

function withTail(code: number, s: string, i: number, end: number, afterCjk: boolean, out: DateParts): number {
  if (i === end || code !== SCAN_OK) return code;
  if (!scanTimeTail(s, i, end, afterCjk)) return SCAN_BAD_TAIL;
  out.flags |= F_TIME;
  return code;
}

/** The two digits at s[i], s[i+1] as a number, or -1. */
function twoDigits(s: string, i: number, end: number): number {
  if (i + 1 >= end) return -1;
  const a = s.charCodeAt(i);
  const b = s.charCodeAt(i + 1);
  return isDigitCode(a) && isDigitCode(b) ? (a - C_0) * 10 + b - C_0 : -1;
}

/**
 * True when s[i..end) is a time: `T14:30:00.123Z`, ` 14:30`, ` 14:30:00 +08:00`, ` 2:30 PM`, ` 下午 2:30`,
 * `14点30分`, `2点半`. After 年月日 no space is needed (`2023年5月15日14:30`).
 */
export function scanTimeTail(s: string, i: number, end: number, afterCjk: boolean): boolean {
  let c = s.charCodeAt(i);
  const iso = c === 84 || c === 116; // T t
  if (iso) i++;
  else if (isSpaceCode(c)) while (i < end && isSpaceCode(s.charCodeAt(i))) i++;
  else if (!afterCjk) return false;

  if (!iso && i + 1 < end && s.charCodeAt(i) >= 0x4e00) {
    if (!MERIDIEM.has(s.slice(i, i + 2))) return false;
    i += 2;
    while (i < end && isSpaceCode(s.charCodeAt(i))) i++;
  }

  let h = 0;
  const hs = i;
  while (i < end && isDigitCode(s.charCodeAt(i))) h = h * 10 + s.charCodeAt(i++) - C_0;
  if (i === hs || i - hs > 2) return false;

  let min = 0;
  let sec = 0;
  c = s.charCodeAt(i);
  if (c === C_COLON) {
    min = twoDigits(s, i + 1, end);
    if (min < 0) return false;
    i += 3;
    if (i < end && s.charCodeAt(i) === C_COLON) {
      sec = twoDigits(s, i + 1, end);
      if (sec < 0) return false;
      i += 3;
      if (i < end && (s.charCodeAt(i) === C_DOT || s.charCodeAt(i) === 44)) {
        const fs = ++i;
        while (i < end && isDigitCode(s.charCodeAt(i))) i++;
        if (i === fs) return false;
      }
    }
  } else if (!iso && C_HOUR.includes(c)) {
    i++;
    if (i < end && s.charCodeAt(i) === C_HALF) i++;
    else {
      const ms = i;
      while (i < end && isDigitCode(s.charCodeAt(i))) min = min * 10 + s.charCodeAt(i++) - C_0;
      if (i > ms) {
        if (i - ms > 2) return false;
        if (i < end && s.charCodeAt(i) === C_MINUTE) i++;
        const ss = i;
        while (i < end && isDigitCode(s.charCodeAt(i))) sec = sec * 10 + s.charCodeAt(i++) - C_0;
        if (i > ss) {
          if (i - ss > 2 || i === end || s.charCodeAt(i) !== C_SECOND) return false;
          i++;
        }
      }
    }
  } else return false;

  if (!iso) while (i < end && isSpaceCode(s.charCodeAt(i))) i++;
  if (i < end) {
    c = s.charCodeAt(i);
    const next = i + 1 < end ? s.charCodeAt(i + 1) | 32 : 0;
    if ((c | 32) === 97 || (c | 32) === 112) {
      if (next !== 109) return false; // AM PM am pm
      i += 2;
    } else if (c === 90 || c === 122) i++; // Z
    else if (c === 43 || c === C_DASH) {
      // +08, +0800, +08:00
      const zs = ++i;
      while (i < end && (isDigitCode(s.charCodeAt(i)) || s.charCodeAt(i) === C_COLON)) i++;
      const len = i - zs;
      if (len !== 2 && len !== 4 && len !== 5) return false;
    }
  }
  return i === end && h <= 24 && min <= 59 && sec <= 60;
}
