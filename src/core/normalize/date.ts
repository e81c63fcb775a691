/**
 * Dates -> `YYYY-MM-DD`, from any cell value.
 *
 * Text: ISO and slash/dot forms, 年月日/号, `20230515`, date-times (the time is dropped, the date is kept as
 * written: no time-zone shift), `15/05/2023` and `5/15/2023` when one number is > 12, English month names,
 * full-width digits, Chinese numerals. Two-digit years (`23-5-15`) are read year first, the Chinese and ISO
 * order, unless the last number cannot be a day (`5/15/98`) or an order is given; 00–29 -> 20xx, 30–99 -> 19xx
 * as in Excel.
 * Numbers: 8-digit integers as YYYYMMDD, 1..2958465 as Excel serials (1900 date system; fraction = time);
 * digits-only text only as YYYYMMDD or a 5-digit serial.
 * Date objects: their UTC fields, because exceljs hands dates over as UTC midnight of the date Excel shows.
 * exceljs ignores Excel's phantom 1900-02-29, so its Dates before 1900-03-01 are one day early; those are left as is.
 *
 * Why hand-written: see date-scan.ts (date-fns / dayjs parse one known format per call, far below the
 * million-values-a-second target).
 */
import { CellValue } from '../cell';
import { MAX_EXCEL_SERIAL, MAX_YEAR, MIN_YEAR, civilFromDays, excelSerialToDays, formatYmd } from './date-calendar';
import {
  DateOrder,
  DateParts,
  F_BY_ORDER,
  F_CANONICAL,
  F_COMPACT_NUMBER,
  F_DAY_FIRST,
  F_EXCEL_SERIAL,
  F_MONTH_FIRST,
  F_TIME,
  F_TWO_DIGIT_YEAR,
  SCAN_AMBIGUOUS,
  SCAN_BAD_TAIL,
  SCAN_BAD_YEAR,
  SCAN_IMPOSSIBLE,
  SCAN_INCOMPLETE,
  SCAN_NONE,
  SCAN_OK,
  scanNumericDate,
  ymd,
} from './date-scan';
import {
  chineseNumeralsToDigits,
  isIncompleteChineseDate,
  isRelativeDate,
  scanEnglishDate,
  stripChineseWeekday,
} from './date-words';
import { foldWidth, trimAll } from './text';
import { Normalized, invalid, ok, precheck } from './types';

export type { DateOrder } from './date-scan';

export interface NormalizeDateOptions {
  /** How to read `05/06/2023` (both numbers <= 12) and two-digit-year triples like `05/06/23`. */
  order?: DateOrder;
}

const NOTE_TIME = '已去掉时间部分';
const NOTE_SERIAL = '按 Excel 日期序号换算';
const NOTE_COMPACT = '8 位数字按 年月日（YYYYMMDD）读取';
const NOTE_PROVEN_DMY = '按 日/月/年 读取（第一个数大于 12，只能是日）';
const NOTE_PROVEN_MDY = '按 月/日/年 读取（第二个数大于 12，只能是日）';
const NOTE_GIVEN_DMY = '按指定的 日/月/年 顺序读取';
const NOTE_GIVEN_MDY = '按指定的 月/日/年 顺序读取';
const NOTE_COLUMN_DMY = '日/月顺序按本列其他值判定为 日/月/年';
const NOTE_COLUMN_MDY = '日/月顺序按本列其他值判定为 月/日/年';
const NOTE_PHANTOM_LEAP_DAY =
  'Excel 日期序号 60 对应 1900-02-29，这一天并不存在（Excel 沿用 Lotus 1-2-3 把 1900 年当作闰年的错误）';
const NOTE_TIME_ONLY = '只有时间，没有日期';
const NOTE_COLUMN_UNDECIDED = '本列没有能判定顺序的值（如 25/05/2023）';
const NOTE_COLUMN_CONFLICT = '本列同时出现 日/月/年 和 月/日/年 两种写法，无法判定';

/** Parse outcome for digits-only text other than YYYYMMDD (`45061`): see fromNumericText. */
const SCAN_NUMBER = -1;

const DECIMAL_NUMBER = /^\d+(?:\.\d+)?$/;
const LATIN_LETTER = /[a-z]/i;
/** Blanks around separators: `2023 - 05 - 15`, `2023 年 5 月 15 日`. */
const SPACED_SEPARATOR = /\s*([-/.年月日号號])\s*/g;

const MS_PER_DAY = 86_400_000;
/** `45061`, `45061.5`; not `052023` (a leading zero says it is not a serial). */
const FIVE_DIGIT_SERIAL = /^[1-9]\d{4}(?:\.\d+)?$/;

const scratch = new DateParts();

/** Any cell value -> `YYYY-MM-DD`, or missing / invalid with a note saying why. Never throws. */
export function normalizeDate(v: CellValue, opts?: NormalizeDateOptions): Normalized<string> {
  return normalizeCell(v, opts?.order, false, scratch);
}

/**
 * A whole column: `05/06/2023` is read day-first when another value such as `25/05/2023` proves the column
 * writes day-first (month-first likewise). With no proof, or proof both ways, such values are invalid.
 */
export function normalizeDateColumn(values: readonly CellValue[]): Normalized<string>[] {
  const out = new DateParts();
  const results = new Array<Normalized<string>>(values.length);
  const ambiguous: number[] = [];
  const evidence = new OrderEvidence();
  for (let i = 0; i < values.length; i++) {
    results[i] = normalizeCell(values[i], undefined, false, out);
    if (out.outcome === SCAN_AMBIGUOUS) ambiguous.push(i);
    else evidence.add(out);
  }
  if (ambiguous.length === 0) return results;
  const order = evidence.decide();
  const reason = evidence.dayFirst > 0 ? NOTE_COLUMN_CONFLICT : NOTE_COLUMN_UNDECIDED;
  for (const i of ambiguous) {
    results[i] = order !== null ? normalizeCell(values[i], order, true, out) : invalid(`${results[i].note}；${reason}`);
  }
  return results;
}

/** The day/month order a column's text proves (`25/05/2023` -> dmy), or null when none or both are proven. */
export function detectDayMonthOrder(values: readonly CellValue[]): 'dmy' | 'mdy' | null {
  const out = new DateParts();
  const evidence = new OrderEvidence();
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'string') continue;
    out.flags = 0;
    out.outcome = parseText(v, undefined, out);
    evidence.add(out);
  }
  return evidence.decide();
}

/** Counts values whose own numbers prove day-first or month-first. */
class OrderEvidence {
  dayFirst = 0;
  monthFirst = 0;

  add(parts: DateParts): void {
    if (parts.outcome !== SCAN_OK || (parts.flags & F_BY_ORDER) !== 0) return;
    if (parts.flags & F_DAY_FIRST) this.dayFirst++;
    else if (parts.flags & F_MONTH_FIRST) this.monthFirst++;
  }

  decide(): 'dmy' | 'mdy' | null {
    if (this.dayFirst > 0 && this.monthFirst === 0) return 'dmy';
    if (this.monthFirst > 0 && this.dayFirst === 0) return 'mdy';
    return null;
  }
}

function normalizeCell(v: CellValue, order: DateOrder | undefined, byColumn: boolean, out: DateParts): Normalized<string> {
  out.flags = 0;
  out.outcome = SCAN_NONE;
  if (typeof v === 'number') return fromNumber(v, out);
  const pre = precheck<string>(v);
  if (pre !== null) return pre;
  if (typeof v === 'string') return fromText(v, order, byColumn, out);
  if (v instanceof Date) return fromDateObject(v, out);
  if (typeof v === 'boolean') return invalid(`逻辑值 ${v ? 'TRUE' : 'FALSE'} 不是日期`);
  return invalid('无法识别的日期值');
}

function fromText(s: string, order: DateOrder | undefined, byColumn: boolean, out: DateParts): Normalized<string> {
  const code = parseText(s, order, out);
  out.outcome = code;
  switch (code) {
    case SCAN_OK:
      return ok(out.flags & F_CANONICAL ? s : formatYmd(out.y, out.m, out.d), okNote(out, byColumn));
    case SCAN_NUMBER:
      return fromNumericText(tidy(s), out);
    case SCAN_AMBIGUOUS:
      return invalid(
        `日/月顺序不明确：${echo(s)} 可读作 ${formatYmd(out.y, out.b, out.a)}（日/月/年）` +
          `或 ${formatYmd(out.y, out.a, out.b)}（月/日/年）`,
      );
    case SCAN_IMPOSSIBLE:
      return invalid(`日期不存在：${echo(s)}（月应为 1–12，日不能超过当月天数）`);
    case SCAN_BAD_YEAR:
      return invalid(`年份 ${out.y} 超出范围（${MIN_YEAR}–${MAX_YEAR}）：${echo(s)}`);
    case SCAN_BAD_TAIL:
      return invalid(`日期后面有无法识别的内容：${echo(s)}`);
    case SCAN_INCOMPLETE:
      return invalid(`日期不完整（缺少年、月或日）：${echo(s)}`);
    default:
      return invalid(
        isRelativeDate(s) ? `相对日期无法换算为具体日期：${echo(s)}` : `无法识别的日期：${echo(s)}`,
      );
  }
}

/** Fast scan first; only what it cannot read goes through width folding, numerals and month names. */
function parseText(s: string, order: DateOrder | undefined, out: DateParts): number {
  const code = scanNumericDate(s, order, out);
  if (code !== SCAN_NONE && code !== SCAN_BAD_TAIL) return code;
  const t = tidy(s);
  let slow = t === s ? SCAN_NONE : scanNumericDate(t, order, out);
  out.flags &= ~F_CANONICAL; // canonical tidied text is not the user's text
  if (slow === SCAN_NONE && DECIMAL_NUMBER.test(t)) return SCAN_NUMBER;
  if (slow === SCAN_NONE && LATIN_LETTER.test(t)) slow = scanEnglishDate(t, out);
  if (slow === SCAN_NONE && isIncompleteChineseDate(t)) slow = SCAN_INCOMPLETE;
  return slow === SCAN_NONE ? code : slow;
}

/** Half-width, trimmed, no blanks around separators, no weekday suffix, Arabic digits for Chinese numerals. */
function tidy(s: string): string {
  return chineseNumeralsToDigits(stripChineseWeekday(trimAll(foldWidth(s)).replace(SPACED_SEPARATOR, '$1')));
}

/**
 * Digits-only text (CSV has no types). Only 5-digit serials (1927-05-18..2173-10-14) are taken: shorter or
 * longer digit strings in a date column are far more often typos or IDs than dates.
 */
function fromNumericText(t: string, out: DateParts): Normalized<string> {
  if (FIVE_DIGIT_SERIAL.test(t)) return fromNumber(Number(t), out);
  return invalid(`数字 ${t} 不是日期：文本中的纯数字只按 5 位 Excel 日期序号或 8 位年月日（YYYYMMDD）读取`);
}

function fromNumber(n: number, out: DateParts): Normalized<string> {
  if (!Number.isFinite(n)) return invalid('数字不是有限值，不是日期');
  if (Number.isInteger(n) && n >= 10_000_000 && n <= 99_999_999) {
    const code = ymd(Math.floor(n / 10000), Math.floor(n / 100) % 100, n % 100, out);
    if (code !== SCAN_OK) return invalid(`数字 ${n} 按 年月日（YYYYMMDD）读取，但这个日期不存在`);
    out.flags = F_COMPACT_NUMBER;
    return ok(formatYmd(out.y, out.m, out.d), NOTE_COMPACT);
  }
  if (n >= 1 && n < MAX_EXCEL_SERIAL + 1) {
    const serial = Math.floor(n);
    if (serial === 60) return invalid(NOTE_PHANTOM_LEAP_DAY);
    civilFromDays(excelSerialToDays(serial), out);
    out.flags = F_EXCEL_SERIAL | (serial !== n ? F_TIME : 0);
    return ok(formatYmd(out.y, out.m, out.d), okNote(out, false));
  }
  if (n > 0 && n < 1) return invalid(`${NOTE_TIME_ONLY}（Excel 日期序号小于 1）`);
  return invalid(
    `数字 ${n} 不是日期：既不是 Excel 日期序号（1–${MAX_EXCEL_SERIAL}），也不是 8 位年月日（YYYYMMDD）`,
  );
}

function fromDateObject(d: Date, out: DateParts): Normalized<string> {
  const t = d.getTime();
  if (Number.isNaN(t)) return invalid('无效的日期对象');
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  // exceljs turns a time-only cell (serial < 1) into a Date on 1899-12-30, its day zero.
  if (y === 1899 && m === 12 && day === 30) return invalid(NOTE_TIME_ONLY);
  if (ymd(y, m, day, out) !== SCAN_OK) return invalid(`年份 ${y} 超出范围（${MIN_YEAR}–${MAX_YEAR}）`);
  if (t - Math.floor(t / MS_PER_DAY) * MS_PER_DAY !== 0) out.flags = F_TIME;
  return ok(formatYmd(y, m, day), okNote(out, false));
}

/** What was done to read the value, or undefined when it was already plain. */
function okNote(out: DateParts, byColumn: boolean): string | undefined {
  const f = out.flags & ~F_CANONICAL;
  if (f === 0) return undefined;
  if (f === F_TIME) return NOTE_TIME;
  let note: string | undefined;
  if (f & F_EXCEL_SERIAL) note = NOTE_SERIAL;
  if (f & F_COMPACT_NUMBER) note = NOTE_COMPACT;
  if (f & F_TWO_DIGIT_YEAR) note = join(note, `两位年份 ${String(out.yy).padStart(2, '0')} 按 ${out.y} 年理解`);
  if (f & F_DAY_FIRST) {
    note = join(note, !(f & F_BY_ORDER) ? NOTE_PROVEN_DMY : byColumn ? NOTE_COLUMN_DMY : NOTE_GIVEN_DMY);
  } else if (f & F_MONTH_FIRST) {
    note = join(note, !(f & F_BY_ORDER) ? NOTE_PROVEN_MDY : byColumn ? NOTE_COLUMN_MDY : NOTE_GIVEN_MDY);
  }
  if (f & F_TIME) note = join(note, NOTE_TIME);
  return note;
}

function join(a: string | undefined, b: string): string {
  return a === undefined ? b : `${a}；${b}`;
}

/** The user's text, trimmed and cut short, for quoting in a note. */
function echo(s: string): string {
  const t = trimAll(s);
  return t.length > 40 ? `${t.slice(0, 40)}…` : t;
}
