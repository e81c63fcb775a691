/**
 * Phone numbers: mainland mobiles to 11 digits, landlines to `010-12345678` / `0755-23456789`,
 * 400/800 service numbers to `400-800-1234`, numbers from elsewhere to E.164 (`+85291234567`).
 *
 * Validity comes from libphonenumber-js's full ("max") metadata, never from hand-typed prefixes.
 * Parsing with the library costs 10–30 µs a number, far too slow for a million rows, so:
 *  - fast path: one char scan strips separators into a digit string, and the CN number-type patterns,
 *    compiled at load time from the same metadata, say what it is (well under a microsecond a cell);
 *  - general path: cells with several numbers, extensions, masks, labels or Excel's scientific notation
 *    are split into candidates by hand, then judged the same way;
 *  - the library's parser only sees numbers from other countries.
 * phone.test.ts checks that the fast path and the library's own parser agree on generated numbers.
 */
import { Metadata, parsePhoneNumberFromString } from 'libphonenumber-js/core';
import metadata from 'libphonenumber-js/metadata.max.json';
import { CellValue } from '../cell';
import { foldWidth } from './text';
import { Normalized, invalid, ok, precheck } from './types';

// ---------------------------------------------------------------------------------------------
// CN numbering plan, derived once from the library's metadata.

/** Methods the library's NumberingPlan has at run time but its .d.ts does not declare. */
interface PlanAtRuntime {
  nationalNumberPattern(): string;
  type(t: string): { pattern(): string; possibleLengths(): number[] | undefined } | undefined;
  formats(): Array<{ pattern(): string; leadingDigitsPatterns(): string[]; nationalPrefixFormattingRule(): string | 0 | undefined }>;
}

type CnType = 'FIXED_LINE' | 'MOBILE' | 'TOLL_FREE' | 'SHARED_COST' | 'PREMIUM_RATE';

interface TypeMatcher {
  type: CnType;
  lengths: readonly number[];
  re: RegExp;
}

interface CnFormat {
  leading: RegExp | null;
  whole: RegExp;
  usesTrunkPrefix: boolean;
}

function loadCnPlan(): { general: RegExp; types: TypeMatcher[]; formats: CnFormat[]; mobile: RegExp } {
  const md = new Metadata(metadata);
  md.selectNumberingPlan('CN');
  const plan = md.numberingPlan as unknown as PlanAtRuntime;
  const whole = (p: string) => new RegExp(`^(?:${p})$`);
  // Same order as the library's getNumberType: fixed line first, then the others.
  const order: CnType[] = ['FIXED_LINE', 'MOBILE', 'PREMIUM_RATE', 'TOLL_FREE', 'SHARED_COST'];
  const types: TypeMatcher[] = [];
  for (const t of order) {
    const def = plan.type(t);
    if (!def || !def.pattern()) continue;
    types.push({ type: t, lengths: def.possibleLengths() ?? [], re: whole(def.pattern()) });
  }
  const mobile = types.find((t) => t.type === 'MOBILE');
  if (!mobile) throw new Error('libphonenumber-js metadata has no CN mobile pattern');
  const formats = plan.formats().map((f) => {
    const leading = f.leadingDigitsPatterns();
    const rule = f.nationalPrefixFormattingRule();
    return {
      // The library matches the last (most detailed) leading-digits pattern at the start of the number.
      leading: leading.length > 0 ? new RegExp(`^(?:${leading[leading.length - 1]})`) : null,
      whole: whole(f.pattern()),
      usesTrunkPrefix: typeof rule === 'string' && rule.startsWith('0'),
    };
  });
  return { general: whole(plan.nationalNumberPattern()), types, formats, mobile: mobile.re };
}

const CN = loadCnPlan();

/** The CN type of a national significant number (no trunk 0), as the library's getNumberType decides it. */
function cnType(n: string): CnType | undefined {
  if (!CN.general.test(n)) return undefined;
  for (const t of CN.types) {
    if ((t.lengths.length === 0 || t.lengths.includes(n.length)) && t.re.test(n)) return t.type;
  }
  return undefined;
}

/** Digit groups of a national number per the plan's formats (the library's chooseFormatForNumber). */
function cnGroups(n: string): { groups: string[]; trunk: boolean } | null {
  for (const f of CN.formats) {
    if (f.leading && !f.leading.test(n)) continue;
    const m = f.whole.exec(n);
    if (m) return { groups: m.slice(1), trunk: f.usesTrunkPrefix };
  }
  return null;
}

/** `0` + area code + `-` + the rest: the area code is the format's first group, and groups cover the number. */
function formatLandline(n: string): string {
  const g = cnGroups(n);
  if (!g) return '0' + n;
  const area = g.groups[0].length;
  return '0' + n.slice(0, area) + '-' + n.slice(area);
}

function formatService(n: string): string {
  const g = cnGroups(n);
  return g ? (g.trunk ? '0' : '') + g.groups.join('-') : n;
}

// ---------------------------------------------------------------------------------------------
// Judging one digit string.

/** How the number was written before its national significant number. */
type Lead = 'bare' | 'trunk' | 'country';

const MAX_TEXT = 256;

/** Judge one number given as digits (country code / trunk 0 / IDD included) and whether it began with `+`. */
function judgeDigits(d: string, plus: boolean): Normalized<string> {
  if (plus) return d.startsWith('86') ? judgeNational(stripTrunk(d.slice(2)), 'country') : foreign(`+${d}`);
  if (d.length >= 13 && d.startsWith('0086')) return judgeNational(stripTrunk(d.slice(4)), 'country');
  if (d.length >= 7 && d.startsWith('00')) return foreign(`+${d.slice(2)}`);
  // Written as 86-138…: no domestic number of 12+ digits starts with 8, so 86 is the country code.
  if (d.length >= 12 && d.startsWith('86')) return judgeNational(stripTrunk(d.slice(2)), 'country');
  if (d.charCodeAt(0) === 48 /* 0 */) return judgeNational(d.slice(1), 'trunk');
  return judgeNational(d, 'bare');
}

function stripTrunk(n: string): string {
  return n.charCodeAt(0) === 48 ? n.slice(1) : n;
}

function judgeNational(n: string, lead: Lead): Normalized<string> {
  const first = n.charCodeAt(0);
  if (n.length === 11 && first === 49 /* 1 */ && CN.mobile.test(n)) {
    return lead === 'trunk' ? ok(n, '去掉了手机号前多余的 0') : ok(n);
  }
  // Written without trunk 0 or country code, a number starting with 1 is read as a mobile: 10 digits is a
  // mobile short of a digit, not a Beijing landline missing its 0.
  if (first === 49 && lead === 'bare') return invalid(whyNotMobile(n));
  const type = cnType(n);
  if (type === 'FIXED_LINE') {
    // Excel drops the leading 0 of landlines stored as numbers; put it back and say so.
    return lead === 'bare' ? ok(formatLandline(n), '补回了区号开头的 0') : ok(formatLandline(n));
  }
  if (type === 'TOLL_FREE' || type === 'SHARED_COST' || type === 'PREMIUM_RATE') {
    return ok(formatService(n), '企业服务号码（400/800/95 等），不是个人电话');
  }
  if (type === 'MOBILE') return ok(n);
  if (first === 49) return invalid(whyNotMobile(n));
  if (lead === 'bare' && n.length <= 8) return invalid(`缺少区号：只有 ${n.length} 位本地号码`);
  if (lead === 'bare') return invalid(`不是有效的电话号码（${n.length} 位数字）`);
  return invalid(`不是有效的座机号：区号 0${n.slice(0, 3)}… 或位数不对（区号后 ${n.length} 位）`);
}

function whyNotMobile(n: string): string {
  if (n.length !== 11) return `手机号应为 11 位，这里是 ${n.length} 位`;
  return `${n.slice(0, 3)} 不是有效的手机号段`;
}

/** Numbers from other countries: only here does the library's parser run. */
function foreign(e164: string): Normalized<string> {
  const p = parsePhoneNumberFromString(e164, metadata);
  if (!p || !p.isValid()) return invalid(`不是有效的号码（${e164}）`);
  if (p.countryCallingCode === '86') return judgeNational(p.nationalNumber, 'country');
  return ok(p.number, `境外号码（${regionName(p.country) ?? `+${p.countryCallingCode}`}），保留国际格式`);
}

let regionNames: Intl.DisplayNames | null | undefined;

function regionName(code: string | undefined): string | undefined {
  if (!code) return undefined;
  if (regionNames === undefined) {
    try {
      regionNames = new Intl.DisplayNames(['zh-CN'], { type: 'region' });
    } catch {
      regionNames = null; // runtimes without full ICU: show the code
    }
  }
  return regionNames?.of(code) ?? code;
}

// ---------------------------------------------------------------------------------------------
// Fast path: one number written with digits and separators, maybe followed by more numbers or `转` + extension.

const enum Stop {
  /** The scan reached the end of the text. */
  End,
  /** At `/ , ; 、 |` or a line break: what follows is another number. */
  Separator,
  /** At `转` or `#`: what follows is an extension. */
  Extension,
}

/** What scanSimple found besides the digits; one shared object so the hot path allocates nothing. */
const scan = {
  plus: false,
  separated: false,
  stop: Stop.End,
  /** Where the text after the stop begins. */
  restAt: -1,
  /** The first space after 11+ digits, where a second number may begin (-1: none), and the digits before it. */
  splitAt: -1,
  splitDigits: '',
};

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0x3000 || c === 0xa0;
}

function isInNumberSeparator(c: number): boolean {
  return c === 45 || c === 40 || c === 41 || c === 0xff08 || c === 0xff09 || c === 0xff0d; // - ( ) （ ） －
}

function isNumberSeparator(c: number): boolean {
  // / \ , ， ; ； 、 | LF CR
  return c === 47 || c === 92 || c === 44 || c === 0xff0c || c === 59 || c === 0xff1b || c === 0x3001 || c === 124 || c === 10 || c === 13;
}

/**
 * Digits of the first number in a cell made only of digits (ASCII or full-width), spaces, `-`, `.`,
 * brackets, a leading `+` and an optional `tel:`; null when anything else is there (the general path
 * handles it). Digits are copied a run at a time: slices are much cheaper than char-by-char
 * concatenation or String(number), and a cell of bare digits comes back as the same string.
 */
function scanSimple(s: string): string | null {
  let out = '';
  let runStart = -1;
  let plus = false;
  let separated = false;
  scan.stop = Stop.End;
  scan.restAt = -1;
  scan.splitAt = -1;
  let i = s.charCodeAt(0) === 116 /* t */ && s.startsWith('tel:') ? 4 : 0;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (runStart < 0) runStart = i;
      continue;
    }
    if (runStart >= 0) {
      out += s.slice(runStart, i);
      runStart = -1;
    }
    if (c >= 0xff10 && c <= 0xff19) {
      out += String.fromCharCode(c - 0xfee0);
    } else if (isSpace(c)) {
      separated = true;
      // After a complete-looking number a space may start a second one; remember where.
      if (out.length >= 11 && scan.splitAt < 0) {
        scan.splitAt = i;
        scan.splitDigits = out;
      }
    } else if (isInNumberSeparator(c)) {
      separated = true;
    } else if (c === 46 /* . */) {
      // `13812345678.0`: Excel's number shown as text; dots elsewhere (`138.1234.5678`) are separators.
      if (!separated && out.length > 0 && onlyZerosFrom(s, i + 1)) break;
      separated = true;
    } else if ((c === 43 || c === 0xff0b) /* + */ && out.length === 0 && !plus) {
      plus = true;
    } else if (isNumberSeparator(c) || c === 0x8f6c /* 转 */ || c === 35 /* # */) {
      scan.stop = c === 0x8f6c || c === 35 ? Stop.Extension : Stop.Separator;
      scan.restAt = i + 1;
      break;
    } else {
      return null;
    }
  }
  if (runStart >= 0) out += runStart === 0 && i === s.length ? s : s.slice(runStart, i);
  scan.plus = plus;
  scan.separated = separated;
  return out;
}

function onlyZerosFrom(s: string, from: number): boolean {
  if (from >= s.length) return false;
  for (let i = from; i < s.length; i++) if (s.charCodeAt(i) !== 48) return false;
  return true;
}

/** `123` from ` 123 `; null when the text is not just an extension of 1–6 digits. */
function extensionDigits(s: string): string | null {
  const m = /^\s*(\d{1,6})\s*$/.exec(s);
  return m ? m[1] : null;
}

function hasDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19)) return true;
  }
  return false;
}

function normalizeText(raw: string): Normalized<string> {
  if (raw.length > MAX_TEXT) return invalid(`内容过长（${raw.length} 个字符），不像电话号码`);
  const d = scanSimple(raw);
  if (d === null || d === '') return normalizeGeneral(raw);
  const r = judgeDigits(d, scan.plus);
  if (scan.stop === Stop.Extension) {
    const ext = extensionDigits(raw.slice(scan.restAt));
    return r.status === 'ok' && ext !== null ? withExtension(r, ext) : normalizeGeneral(raw);
  }
  if (scan.stop === Stop.Separator) {
    if (r.status !== 'ok') return normalizeGeneral(raw);
    const rest = raw.slice(scan.restAt).trim();
    return hasDigit(rest) ? withDropped(r, [rest]) : r;
  }
  if (r.status === 'ok' || !scan.separated) return r;
  // Invalid but separated: maybe two numbers split by a space, or a `-` extension; the general path knows.
  if (scan.splitAt >= 0) {
    const first = judgeDigits(scan.splitDigits, scan.plus);
    if (first.status === 'ok') return withDropped(first, [raw.slice(scan.splitAt).trim()]);
  }
  return normalizeGeneral(raw);
}

function withDropped(r: Normalized<string>, dropped: string[]): Normalized<string> {
  const note = `另有号码未保留：${dropped.join('、')}`;
  return r.status === 'ok' ? ok(r.value as string, joinNotes(r.note, note)) : invalid(joinNotes(r.note, note));
}

// ---------------------------------------------------------------------------------------------
// General path: labels, several numbers, extensions, masks, scientific notation.

const LABELS = /(?:tel|phone|mobile|mob|fax|电话|手机|座机|固话|移动电话|联系电话|联系方式|号码|传真)\s*[:：]?/g;
const HARD_SEPARATORS = /[\/\\,;、|\n\r]+|或|\bor\b/;
const EXPLICIT_EXT = /^(.*?\d[^\d]*?)(?:转|分机|ext\.?|extension|x|#)\s*(\d{1,6})\s*$/;
const MASK = /[*×]|\d[x]{2,}\d?/;
const SCIENTIFIC = /^[+]?(\d)(?:\.(\d+))?e\+?(\d{1,2})$/;

interface Candidate {
  digits: string;
  plus: boolean;
  text: string;
}

function normalizeGeneral(raw: string): Normalized<string> {
  const t = foldWidth(raw).toLowerCase().replace(LABELS, ' ').trim();
  const sci = SCIENTIFIC.exec(t);
  if (sci) return fromScientific(sci);
  const parts = t.split(HARD_SEPARATORS).map((p) => p.trim()).filter((p) => /\d/.test(p));
  if (parts.length === 0) return invalid(t.length > 0 && MASK.test(t) ? '号码被打码，无法还原' : '没有号码数字');

  const results: Array<{ text: string; r: Normalized<string> }> = [];
  for (const part of parts) {
    for (const one of judgePart(part)) results.push(one);
  }
  const chosen = results.find((x) => x.r.status === 'ok') ?? results[0];
  const dropped = results.filter((x) => x !== chosen).map((x) => x.text);
  return dropped.length === 0 ? chosen.r : withDropped(chosen.r, dropped);
}

function joinNotes(a: string | undefined, b: string): string {
  return a ? `${a}；${b}` : b;
}

function fromScientific(m: RegExpExecArray): Normalized<string> {
  const mantissa = m[1] + (m[2] ?? '');
  const exponent = Number(m[3]);
  if (mantissa.length > exponent + 1) return invalid('科学计数法的数不是整数，不像电话号码');
  if (mantissa.length < exponent + 1) return invalid('Excel 科学计数法只留了前几位数字，号码无法还原');
  const r = judgeDigits(mantissa, false);
  return r.status === 'ok' ? ok(r.value as string, joinNotes(r.note, '从 Excel 科学计数法还原')) : r;
}

/** One piece between hard separators: one number (maybe with extension), or several split by spaces. */
function judgePart(part: string): Array<{ text: string; r: Normalized<string> }> {
  const p = part.replace(/(\d{7,})\.0+(?!\d)/g, '$1');
  if (MASK.test(p)) return [{ text: part, r: invalid('号码被打码（含 * 或 x），无法还原') }];

  const ext = EXPLICIT_EXT.exec(p);
  if (ext) {
    const r = judgeCandidates(ext[1]);
    return r.map((x, i) => (i === r.length - 1 ? { text: x.text, r: withExtension(x.r, ext[2]) } : x));
  }
  return judgeCandidates(p);
}

function judgeCandidates(p: string): Array<{ text: string; r: Normalized<string> }> {
  const tokens = tokenize(p);
  if (tokens.length === 0) return [{ text: p, r: invalid('没有号码数字') }];
  const whole = joinTokens(tokens);
  const wholeResult = judgeWithTrailingExtension(whole);
  if (wholeResult.status === 'ok' || tokens.length === 1) return [{ text: p, r: wholeResult }];

  // Spaces between complete numbers: take tokens greedily until they make a valid number.
  const out: Array<{ text: string; r: Normalized<string> }> = [];
  let start = 0;
  while (start < tokens.length) {
    let end = start;
    let found: Normalized<string> | null = null;
    for (let j = start; j < tokens.length; j++) {
      const r = judgeDigits(joinTokens(tokens.slice(start, j + 1)).digits, tokens[start].plus);
      if (r.status === 'ok') {
        found = r;
        end = j;
        break;
      }
    }
    if (!found) break;
    out.push({ text: tokens.slice(start, end + 1).map((x) => x.text).join(' '), r: found });
    start = end + 1;
  }
  if (out.length === 0 || start < tokens.length) return [{ text: p, r: wholeResult }];
  return out;
}

/** `010-12345678-8001`: a trailing dash group after a complete landline is an extension. */
function judgeWithTrailingExtension(c: Candidate): Normalized<string> {
  const r = judgeDigits(c.digits, c.plus);
  if (r.status === 'ok') return r;
  const m = /^(.*\d)\s*-\s*(\d{1,5})$/.exec(c.text);
  if (!m || c.digits.charCodeAt(0) !== 48) return r;
  const head = judgeDigits(digitsOf(m[1]), c.plus);
  return head.status === 'ok' ? withExtension(head, m[2]) : r;
}

function withExtension(r: Normalized<string>, ext: string): Normalized<string> {
  return r.status === 'ok' ? ok(r.value as string, joinNotes(r.note, `分机号 ${ext} 未写入号码`)) : r;
}

/** Runs of digits and in-number separators; letters, CJK and spaces end a token. */
function tokenize(p: string): Candidate[] {
  const out: Candidate[] = [];
  const re = /\+?\s*[\d(（][\d\-.()（）]*/g;
  for (let m = re.exec(p); m; m = re.exec(p)) {
    const text = m[0].trim();
    const digits = digitsOf(text);
    if (digits.length > 0) out.push({ digits, plus: text.startsWith('+'), text });
  }
  return out;
}

function joinTokens(tokens: Candidate[]): Candidate {
  if (tokens.length === 1) return tokens[0];
  return {
    digits: tokens.map((x) => x.digits).join(''),
    plus: tokens[0].plus,
    text: tokens.map((x) => x.text).join(' '),
  };
}

function digitsOf(s: string): string {
  return s.replace(/\D+/g, '');
}

// ---------------------------------------------------------------------------------------------

/** Any cell value to a normalized phone number; never throws. */
export function normalizePhone(v: CellValue): Normalized<string> {
  const pre = precheck<string>(v);
  if (pre) return pre;
  if (typeof v === 'string') return normalizeText(v);
  if (typeof v === 'number') return normalizeNumberCell(v);
  if (typeof v === 'boolean') return invalid('是真/假值，不是电话号码');
  if (v instanceof Date) return invalid('是日期，不是电话号码');
  return invalid('无法识别的单元格值');
}

function normalizeNumberCell(v: number): Normalized<string> {
  if (!Number.isFinite(v)) return invalid('不是有限的数');
  if (!Number.isInteger(v) || v <= 0) return invalid('数值不是正整数，不像电话号码');
  if (v >= 1e16) return invalid('数值过大，不像电话号码');
  return judgeDigits(String(v), false);
}
