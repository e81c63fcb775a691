/**
 * Money amounts to a number: `¥1,234.50`, `￥`, `RMB`/`CNY`/`元`, units `万` `亿` `千` (and `w`/`k`),
 * accounting negatives `(1,000.00)`, full-width digits, numbers as numbers.
 * Units are applied by shifting the decimal point (`1.1e4`), not by multiplying, so `1.1万` is exactly
 * 11000; numbers that arrive with float noise are cut to 15 significant digits, Excel's own precision.
 * Amounts in another currency keep their number and say so: nothing is converted.
 */
import { CellValue } from '../cell';
import { foldWidth, trimAll } from './text';
import { Normalized, invalid, ok, precheck } from './types';

const UNIT_POWER: Readonly<Record<string, number>> = { 千: 3, k: 3, 万: 4, w: 4, 百万: 6, 千万: 7, 亿: 8 };

/** Currency words and signs; the short list is written by hand because only these appear in such sheets. */
const CNY = new Set(['¥', '￥', 'rmb', 'cny', '人民币', '元', '圆', '块', '元整']);
const OTHER_CURRENCY: ReadonlyMap<string, string> = new Map([
  ['$', 'USD'], ['us$', 'USD'], ['usd', 'USD'], ['美元', 'USD'], ['美金', 'USD'],
  ['hk$', 'HKD'], ['hkd', 'HKD'], ['港币', 'HKD'], ['港元', 'HKD'],
  ['€', 'EUR'], ['eur', 'EUR'], ['欧元', 'EUR'],
  ['£', 'GBP'], ['gbp', 'GBP'], ['英镑', 'GBP'],
  ['jpy', 'JPY'], ['日元', 'JPY'],
]);

const CURRENCY = '(¥|￥|rmb|cny|人民币|us\\$|hk\\$|\\$|usd|hkd|€|eur|£|gbp|jpy)';
const SUFFIX_CURRENCY = '(元整|元|圆|块|rmb|cny|人民币|美元|美金|usd|港币|港元|hkd|欧元|eur|英镑|gbp|日元|jpy)';
const AMOUNT = new RegExp(
  `^([-+−])?\\s*(?:${CURRENCY}\\s*)?([-+−])?\\s*(\\d[\\d,]*(?:\\.\\d*)?|\\.\\d+)\\s*(百万|千万|万|亿|千|k|w)?\\s*${SUFFIX_CURRENCY}?$`,
  'i',
);
const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;
const RANGE = /\d\s*(?:-|~|～|至|到)\s*[-+¥￥$]?\s*\d/;

/** Any cell value to an amount; never throws. */
export function normalizeAmount(v: CellValue): Normalized<number> {
  const pre = precheck<number>(v);
  if (pre) return pre;
  if (typeof v === 'number') return Number.isFinite(v) ? ok(tidy(v)) : invalid('不是有限的数');
  if (typeof v === 'string') return fromText(v);
  if (typeof v === 'boolean') return invalid('是真/假值，不是金额');
  if (v instanceof Date) return invalid('是日期，不是金额');
  return invalid('无法识别的单元格值');
}

/** 15 significant digits, as Excel keeps, and no negative zero. */
function tidy(x: number): number {
  return x === 0 ? 0 : Number(x.toPrecision(15));
}

function fromText(raw: string): Normalized<number> {
  if (raw.length > 100) return invalid(`内容过长（${raw.length} 个字符），不是金额`);
  let t = trimAll(foldWidth(raw)).replace(/\s+/g, ' ');
  const notes: string[] = [];
  let negative = false;
  const paren = /^\((.*)\)$/.exec(t);
  if (paren) {
    t = paren[1].trim();
    negative = true;
    notes.push('括号表示负数');
  }
  if (t.endsWith('%')) return invalid('是百分比，不是金额');
  const m = AMOUNT.exec(t);
  if (!m) {
    const bare = t.replace(/^[-+−]/, '');
    if (RANGE.test(bare)) return invalid(`是区间，不是单个金额：${shorten(raw)}`);
    return invalid(`无法识别的金额：${shorten(raw)}`);
  }
  const [, sign1, prefix, sign2, num, unit, suffix] = m;
  if (num.includes(',') && !GROUPED.test(num)) return invalid(`千位分隔符位置不对：${shorten(raw)}`);
  const minus = (s: string | undefined) => s === '-' || s === '−';
  const minuses = Number(negative) + Number(minus(sign1)) + Number(minus(sign2));
  if (minuses > 1) return invalid(`负号重复：${shorten(raw)}`);
  negative = minuses === 1;

  const power = unit ? UNIT_POWER[unit.toLowerCase()] : 0;
  if (unit) notes.push(`按「${unit}」换算`);
  const currency = otherCurrency(prefix, suffix);
  if (currency === null) return invalid(`币种写了两种：${shorten(raw)}`);
  if (currency) notes.push(`币种为 ${currency}，未换算`);

  const value = Number(`${num.replace(/,/g, '')}e${power}`);
  if (!Number.isFinite(value)) return invalid('数值过大');
  const result = tidy(negative ? -value : value);
  return notes.length > 0 ? ok(result, notes.join('；')) : ok(result);
}

/** The non-CNY currency named, '' for CNY or none, null when prefix and suffix disagree. */
function otherCurrency(prefix: string | undefined, suffix: string | undefined): string | null {
  const code = (s: string | undefined) => {
    if (!s) return undefined;
    const k = s.toLowerCase();
    return CNY.has(k) ? 'CNY' : (OTHER_CURRENCY.get(k) ?? k);
  };
  const a = code(prefix);
  const b = code(suffix);
  if (a && b && a !== b) return null;
  const c = a ?? b;
  return c && c !== 'CNY' ? c : '';
}

function shorten(s: string): string {
  return s.length > 20 ? `${s.slice(0, 20)}…` : s;
}
