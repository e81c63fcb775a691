import { foldWidth, trimAll } from '../normalize/text';

/** A header cell reduced to what matching compares, plus what was stripped on the way. */
export interface ParsedHeader {
  /** The header as written, trimmed. */
  text: string;
  /** Lower-case letters, digits and CJK only: `客户 ID(必填)` -> `客户id`. */
  key: string;
  /** Words: CJK runs, Latin words (camelCase split), digit runs. */
  tokens: string[];
  /** A trailing series number (`电话2`, `address_1`), 0 when none. */
  ordinal: number;
  /** Bracketed text that was neither a unit nor an annotation (`电话(家)` -> `家`); it lowers confidence a little. */
  qualifiers: string[];
  /** The column is one Kehu wrote itself (`联系电话(清洗)`): never mapped again. */
  derived: boolean;
}

/** Suffixes Kehu puts on its own output columns, e.g. `联系电话(清洗)`. */
export const KEHU_OUTPUT_MARKERS: readonly string[] = ['清洗', '标准化', '校验', 'cleaned', 'normalized'];

// Units and annotations carry no meaning for matching: `金额(元)` is `金额`, `手机号(必填)` is `手机号`.
const UNITS = new Set([
  '元', '万元', '千元', '百万', '亿元', '人民币', '块', '¥', '$', '€', '£', '%', 'rmb', 'cny', 'usd', 'eur', 'gbp', 'hkd',
  '美元', '港币', '个', '件', '次', '天', '日', '月', '年', '岁', '人', '台', '套', '箱', '秒', '分钟', '小时', 'kg', 'g', '公斤',
  '克', '斤', 'm', 'cm', 'km', '米', 'pcs', 'qty', '单位元', '单位:元', '单位:万元',
]);
const ANNOTATION = /^(必填|选填|可选|非必填|必须|唯一|可空|可为空|可不填|选择|下拉|多选|单选|格式.*|如.*|例.*|e\.?g\..*|yyyy.*|optional|required|\*)$/i;
const KEHU_MARKERS = new Set(KEHU_OUTPUT_MARKERS);

const TRAILING_GROUP = /\s*[([{【〔<《]([^()[\]{}【】〔〕<>《》]*)[)\]}】〕>》]\s*$/;
const LEADING_GROUP = /^\s*[([{【〔<《]([^()[\]{}【】〔〕<>《》]*)[)\]}】〕>》]\s*/;
const LEADING_MARKS = /^[*★☆※●■◆\s]+/;
const LEADING_NUMBERING = /^(\d{1,2}|[①-⑳])[.、)]\s*/;
const TRAILING_MARKS = /[\s*:：★]+$/;
const TRAILING_SLASH_UNIT = /\s*\/\s*([^/\s]{1,4})$/;
const WORDS = /[a-z]+|\d+|[\u3400-\u9fff]+/g;

/** Reduce a header to its matching key. Never throws; an empty header gives an empty key. */
export function parseHeader(raw: string): ParsedHeader {
  const text = trimAll(foldWidth(raw ?? '')).replace(/[\s\u00a0]+/g, ' ');
  const qualifiers: string[] = [];
  let derived = false;
  let s = text;

  const classify = (inner: string): void => {
    const c = inner.trim().toLowerCase().replace(/\s+/g, '');
    if (c === '') return;
    if (KEHU_MARKERS.has(c)) derived = true;
    else if (!UNITS.has(c) && !ANNOTATION.test(c)) qualifiers.push(inner.trim());
  };
  const strip = (re: RegExp): boolean => {
    const m = re.exec(s);
    if (!m) return false;
    const rest = s.slice(0, m.index) + s.slice(m.index + m[0].length);
    if (trimAll(rest) === '') return false; // the bracket is the whole header: keep it
    classify(m[1] ?? '');
    s = rest;
    return true;
  };

  for (let guard = 0; guard < 4; guard++) {
    const before = s;
    s = s.replace(TRAILING_MARKS, '');
    strip(TRAILING_GROUP);
    strip(LEADING_GROUP);
    if (LEADING_MARKS.test(s) && s.replace(LEADING_MARKS, '') !== '') s = s.replace(LEADING_MARKS, '');
    if (LEADING_NUMBERING.test(s) && s.replace(LEADING_NUMBERING, '') !== '') s = s.replace(LEADING_NUMBERING, '');
    const unit = TRAILING_SLASH_UNIT.exec(s);
    if (unit && UNITS.has(unit[1].toLowerCase())) s = s.slice(0, unit.index);
    if (s === before) break;
  }

  const spaced = s.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2').toLowerCase();
  const tokens = spaced.match(WORDS) ?? [];
  let ordinal = 0;
  const last = tokens[tokens.length - 1];
  if (tokens.length > 1 && last !== undefined && /^\d{1,2}$/.test(last)) {
    ordinal = Number(last);
    tokens.pop();
  }
  return { text, key: tokens.join(''), tokens, ordinal, qualifiers, derived };
}

/** True when the key has no CJK: such keys are matched word by word, CJK keys character by character. */
export function isLatinKey(key: string): boolean {
  return /^[a-z0-9]+$/.test(key);
}
