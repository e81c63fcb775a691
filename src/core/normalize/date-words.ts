/**
 * The date normalizer's slow path: dates written with words rather than digits only.
 * English month names (`May 15, 2023`, `15-May-23`, `Sept 5 2023`), Chinese numerals (`二〇二三年五月十五日`,
 * `廿一日`), weekday suffixes (`（周一）`) and relative words (`明天`, `下周一`) that name no fixed date.
 * These are rare in real columns, so plain regexes are fine here.
 */
import { expandTwoDigitYear } from './date-calendar';
import { DateParts, F_TIME, F_TWO_DIGIT_YEAR, SCAN_INCOMPLETE, SCAN_NONE, ymd } from './date-scan';

const MONTH_NAMES: Readonly<Record<string, number>> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12,
};

const WEEKDAY_NAMES = new Set([
  'mon', 'monday', 'tue', 'tues', 'tuesday', 'wed', 'wednesday', 'thu', 'thur', 'thurs', 'thursday',
  'fri', 'friday', 'sat', 'saturday', 'sun', 'sunday',
]);

const ORDINAL_SUFFIXES = new Set(['st', 'nd', 'rd', 'th']);

/** A trailing clock time, with am/pm, zone and the `(中国标准时间)` that JavaScript's Date#toString adds. */
const ENGLISH_TIME_TAIL =
  /[\s,]+(?:at\s+)?(?:[01]?\d|2[0-4]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?\s*(?:[ap]\.?m\.?)?\s*(?:(?:z|utc|gmt)?\s*[+-]\d{2}:?\d{2}|z|utc|gmt)?\s*(?:\([^)]*\))?$/;

/** Letters, digits and separators, starting with a letter or digit and ending with one or an abbreviation's dot. */
const ENGLISH_DATE_CHARS = /^[a-z0-9](?:[a-z0-9\s,./-]*(?:[a-z0-9]|[a-z]\.))?$/;

/**
 * `May 15, 2023`, `15 May 2023`, `15-May-23`, `2023-May-15`, `Monday, May 15th 2023 2:30 PM`:
 * one month name and two numbers; the year is the 4-digit number, or the last one.
 */
export function scanEnglishDate(text: string, out: DateParts): number {
  out.flags = 0;
  let s = text.toLowerCase();
  const time = ENGLISH_TIME_TAIL.exec(s);
  if (time) {
    s = s.slice(0, time.index);
    out.flags |= F_TIME;
  }
  if (!ENGLISH_DATE_CHARS.test(s)) return SCAN_NONE;
  const tokens = s.match(/[a-z]+|\d+/g) ?? [];
  let month = 0;
  const nums: string[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.charCodeAt(0) <= 57) {
      nums.push(t);
    } else if (MONTH_NAMES[t] !== undefined) {
      if (month !== 0) return SCAN_NONE;
      month = MONTH_NAMES[t];
    } else if (!WEEKDAY_NAMES.has(t) && !(ORDINAL_SUFFIXES.has(t) && k > 0 && /\d$/.test(tokens[k - 1]))) {
      return SCAN_NONE;
    }
  }
  if (month === 0) return SCAN_NONE;
  if (nums.length < 2) return SCAN_INCOMPLETE;
  if (nums.length > 2) return SCAN_NONE;
  const [dayText, yearText] = nums[0].length === 4 ? [nums[1], nums[0]] : nums;
  if (dayText.length > 2) return SCAN_NONE;
  let year = Number(yearText);
  if (yearText.length === 2) {
    out.flags |= F_TWO_DIGIT_YEAR;
    out.yy = year;
    year = expandTwoDigitYear(year);
  } else if (yearText.length !== 4) return SCAN_NONE;
  return ymd(year, month, Number(dayText), out);
}

const CN_DIGITS: Readonly<Record<string, number>> = {
  '〇': 0, '○': 0, '零': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9,
};

const CN_NUMERAL_RUN = /[〇○零一二两三四五六七八九十廿卅]+/g;
const CN_DATE_WORD = /[年月日号號]/;

/**
 * Chinese numerals in a date -> Arabic digits: `二〇二三年五月十五日` -> `2023年5月15日`.
 * Runs without 十/廿/卅 are read digit by digit (years: 二零二三 -> 2023); runs with them as a number up to
 * 39 (十五, 二十一, 三十一, 廿一, 卅). Text without 年/月/日 is returned unchanged.
 */
export function chineseNumeralsToDigits(s: string): string {
  if (!CN_DATE_WORD.test(s)) return s;
  return s.replace(CN_NUMERAL_RUN, (run) => {
    const n = chineseRunValue(run);
    return n === null ? run : n;
  });
}

function chineseRunValue(run: string): string | null {
  const tensAt = run.search(/[十廿卅]/);
  if (tensAt < 0) {
    let digits = '';
    for (const ch of run) digits += CN_DIGITS[ch];
    return digits;
  }
  const tensChar = run[tensAt];
  let tens: number;
  if (tensChar === '十') {
    if (tensAt > 1) return null;
    tens = tensAt === 0 ? 1 : CN_DIGITS[run[0]];
    if (tens === 0) return null;
  } else {
    if (tensAt !== 0) return null;
    tens = tensChar === '廿' ? 2 : 3;
  }
  const rest = run.slice(tensAt + 1);
  if (rest.length > 1) return null;
  const units = rest === '' ? 0 : CN_DIGITS[rest];
  if (units === undefined) return null;
  return String(tens * 10 + units);
}

/** A weekday written after a date: `2023-05-15 周一`, `2023年5月15日（星期一）`. */
const WEEKDAY_SUFFIX = /\s*[(（]?\s*(?:星期|周|週|礼拜|禮拜)[一二三四五六日天]\s*[)）]?\s*$/;

export function stripChineseWeekday(s: string): string {
  return s.replace(WEEKDAY_SUFFIX, '');
}

/** Words that name a date relative to today, which a cleaned column cannot keep. */
const RELATIVE_DATE =
  /今天|明天|昨天|前天|后天|今日|明日|昨日|下周|上周|本周|这周|下星期|上星期|下个?月|上个?月|本月|今年|明年|去年|前年|周末|月底|月初|年底|年初|tomorrow|yesterday|today|next\s+week/i;

export function isRelativeDate(s: string): boolean {
  return RELATIVE_DATE.test(s);
}

/** A date without its year (`5月15日`, `15日`); year-month only (`2023年5月`) is caught by the scanner. */
const MONTH_DAY_ONLY = /^\d{1,2}\s*月\s*\d{1,2}\s*[日号號]?$|^\d{1,2}\s*[日号號]$/;

export function isIncompleteChineseDate(s: string): boolean {
  return MONTH_DAY_ONLY.test(s);
}
