/**
 * Finds the province / prefecture / county an address names, over the index of region-data.ts.
 *
 * Like the Python library cpca it looks names up in a trie and checks them against the code hierarchy, but it
 * reads an address the way people write one, 省 then 市 then 区, as chains of names:
 * - A chain is a run of names that fit each other (广东省广州市天河区). A name that does not fit the units already
 *   read ends the chain (北京市南京东路: 南京 is not in 北京), so a street named after a place (上海市山西路,
 *   广州市北京路) is never read as that place. The earliest chain wins unless a later one names more levels.
 * - A short name (广州, 安吉) directly followed by a road, town or village word (北京路, 龙山镇) names that road or
 *   town, not the unit, unless a region name starts right there (宁波镇海区).
 * - Past a road word (路, 街, 巷, 号 ...) a found place can only be made more specific by official names.
 * - Repeated names (鼓楼区 is in 南京, 福州, 徐州 and 开封) are resolved by the other names read, in any order;
 *   failing that the answer stops at the unit all readings share (江苏省 for 江苏鼓楼区) and lists the readings.
 * - A name that is both a province and a prefecture or county (吉林, 海南, 河南) means the province when nothing
 *   else decides.
 */
import { isWithin, latinNames, RegionEntry, RegionIndex, RegionNode, TrieNode } from './region-data';

export interface RegionMatch {
  /** The most specific unit the text names; null when it names none, or only several that share no province. */
  node: RegionNode | null;
  /**
   * Every equally good reading when they disagree (node is then the preferred one, or the unit they share), else [].
   * Readings that all lie inside the chosen unit (恩施: the prefecture or its 恩施市) do not count as disagreeing.
   */
  readings: RegionNode[];
  /** Retired names the text used (襄樊), to tell the user. */
  aliases: string[];
}

interface State {
  node: RegionNode | null; // null: nothing read yet (the root)
  score: number; // how many names went one level deeper
}

const START: State[] = [{ node: null, score: 0 }];
const NO_MATCH: RegionMatch = Object.freeze({ node: null, readings: [], aliases: [] }) as RegionMatch;
const NO_ALIASES: string[] = [];

/** True when b is a or lies inside it; everything lies inside the root (null). */
function isAncestorOrSelf(a: RegionNode | null, b: RegionNode): boolean {
  return a === null || isWithin(b, a);
}

/** The state after reading one name in one state, or null when the name does not fit it. */
function advanceOne(s: State, node: RegionNode): State | null {
  if (s.node !== node && isAncestorOrSelf(s.node, node)) return { node, score: s.score + 1 }; // one level deeper
  if (s.node !== null && isAncestorOrSelf(node, s.node)) return s; // a unit already read, again
  return null;
}

/** The states after reading one name (entries[0..n)), keeping only those that went deepest. */
function advance(states: readonly State[], entries: readonly RegionEntry[], n: number): State[] {
  if (states.length === 1 && n === 1) {
    const next = advanceOne(states[0], entries[0].node);
    return next === null ? [] : [next];
  }
  const out: State[] = [];
  let best = -1;
  for (const s of states) {
    for (let i = 0; i < n; i++) {
      const next = advanceOne(s, entries[i].node);
      if (next === null) continue;
      const same = out.find((o) => o.node === next.node);
      if (same === undefined) out.push(next === s ? { node: s.node, score: s.score } : next);
      else if (same.score < next.score) same.score = next.score;
      if (next.score > best) best = next.score;
    }
  }
  return out.length <= 1 ? out : out.filter((o) => o.score === best);
}

// ---- Chinese text -------------------------------------------------------------------------------------------

const SEPARATORS = new Set(Array.from(' \t\r\n-_/\\|,，、.。·:：;；?？!！()（）[]【】<>《》"\'“”‘’—~+*#', (c) => c.charCodeAt(0)));
const FILLER_WORDS = ['中华人民共和国', '中国', '市辖区'];
const FILLER_FIRST = new Set(FILLER_WORDS.map((w) => w.charCodeAt(0)));
/** After a short name these make it a road, town or village name (北京路, 龙山镇, 杭州湾). */
const PLACE_WORD_AFTER = new Set(Array.from('路街巷弄号镇乡村桥湾', (c) => c.charCodeAt(0)));
const DIRECTIONS = new Set(Array.from('东西南北中', (c) => c.charCodeAt(0)));
const ROAD_CHARS = new Set(Array.from('路街巷弄道', (c) => c.charCodeAt(0)));
/** A short name may carry its suffix in an older or looser form (奉化市 for 奉化区, 文山州, 日喀则地区). */
const LOOSE_SUFFIXES = ['自治州', '自治县', '地区', '新区', '省', '市', '区', '县', '旗', '州', '盟'];
const LOOSE_FIRST = new Set(LOOSE_SUFFIXES.map((w) => w.charCodeAt(0)));
const ROAD_WORD_FIRST = new Set(Array.from('路巷弄号街大胡', (c) => c.charCodeAt(0)));
const CH_DA = '大'.charCodeAt(0);
const CH_JIE = '街'.charCodeAt(0);
const CH_DAO = '道'.charCodeAt(0);

function skipFiller(s: string, pos: number): number {
  for (;;) {
    if (pos >= s.length) return pos;
    const c = s.charCodeAt(pos);
    if (SEPARATORS.has(c)) {
      pos++;
      continue;
    }
    if (!FILLER_FIRST.has(c)) return pos;
    const w = FILLER_WORDS.find((f) => s.startsWith(f, pos));
    if (w === undefined) return pos;
    pos += w.length;
  }
}

// Names found at one position, longest last; module scratch space, reused by every call (the matcher is synchronous).
const foundEnd: number[] = [];
const foundEntries: RegionEntry[][] = [];
const picked: RegionEntry[] = [];

/** Fills the scratch lists with every name that starts at pos; returns how many. */
function namesAt(trie: TrieNode, s: string, pos: number): number {
  let n = 0;
  let t: TrieNode | undefined = trie;
  for (let i = pos; i < s.length; i++) {
    t = t.next.get(s.charCodeAt(i));
    if (t === undefined) break;
    if (t.entries !== null) {
      foundEnd[n] = i + 1;
      foundEntries[n] = t.entries;
      n++;
    }
  }
  return n;
}

function startsName(trie: TrieNode, s: string, pos: number): boolean {
  let t: TrieNode | undefined = trie;
  for (let i = pos; i < s.length; i++) {
    t = t.next.get(s.charCodeAt(i));
    if (t === undefined) return false;
    if (t.entries !== null) return true;
  }
  return false;
}

/** True when what follows a short name makes it part of a road, town or village name. */
function placeWordAfter(trie: TrieNode, s: string, end: number): boolean {
  if (end >= s.length) return false;
  const c = s.charCodeAt(end);
  const d = end + 1 < s.length ? s.charCodeAt(end + 1) : 0;
  if (c === CH_DA && (d === CH_DAO || d === CH_JIE)) return true; // 北京大道, 南京大街
  if (DIRECTIONS.has(c) && ROAD_CHARS.has(d)) return true; // 南京东路
  return PLACE_WORD_AFTER.has(c) && !startsName(trie, s, end);
}

/** Road words (路, 街, 巷, 弄, 号, 大道, 胡同); 街道 and 天山路街道 are subdistricts, not streets. */
function roadWordAt(s: string, pos: number): boolean {
  if (!ROAD_WORD_FIRST.has(s.charCodeAt(pos))) return false;
  if (s.startsWith('街道', pos + 1)) return false;
  const c = s.charAt(pos);
  if (c === '路' || c === '巷' || c === '弄' || c === '号') return true;
  if (c === '街') return s.charCodeAt(pos + 1) !== CH_DAO;
  return s.startsWith('大道', pos) || s.startsWith('胡同', pos);
}

function looseSuffixEnd(s: string, end: number): number {
  if (end >= s.length || !LOOSE_FIRST.has(s.charCodeAt(end))) return end;
  for (const suf of LOOSE_SUFFIXES) if (s.startsWith(suf, end)) return end + suf.length;
  return end;
}

/** True when a name ending at `end` is not glued to a following ordinary word. */
function standsAlone(trie: TrieNode, s: string, end: number): boolean {
  return end >= s.length || SEPARATORS.has(s.charCodeAt(end)) || looseSuffixEnd(s, end) > end || startsName(trie, s, end);
}

/**
 * Where a name is read: right after another name, at the start of the text, in a gap after a place already found
 * (it must fit that place), inside other text with nothing found yet, or past a road word.
 */
type Place = 'chain' | 'start' | 'gap' | 'text' | 'road';

/**
 * Which names may be read where, outside a chain ("standing alone": followed by the end, a separator, another
 * region name or a suffix):
 * - At the start of the text any name counts (义乌国际商贸城, 柯桥联合市场: real addresses often open with the
 *   county's short name; the price is an occasional 三江国际花园 read as 三江县), except the two-character
 *   城区/东区-like ones, which need a chain.
 * - In a gap after a found place, a short county name counts only standing alone.
 * - Inside text with nothing found yet, short names count only for provinces and prefectures and only standing
 *   alone (湖南 in 千岛湖南山 does not).
 * - Past a road word only official and retired names count (杭州市绍兴路450号杭州市下城区: 绍兴 is a road).
 * - 城东区, 城北区, 城关区, 城厢区 ... count only standing alone: 城东 and 城北 name part of any town (连城北区, 城东小区).
 */
function readable(e: RegionEntry, place: Place, alone: boolean): boolean {
  if (place === 'chain') return true;
  if (e.townPart && !alone) return false;
  switch (place) {
    case 'start':
      return !(e.twoChar && e.node.name.endsWith('区'));
    case 'gap':
      return e.kind === 'short' ? e.prefecture || alone : !e.twoChar;
    case 'text':
      return e.kind === 'short' ? e.prefecture && alone : !e.twoChar;
    case 'road':
      return e.kind !== 'short' && !e.twoChar;
  }
}

// What the last successful step() read besides its states: where the name ended, and the retired name if one.
let stepEnd = 0;
let stepAlias: string | null = null;

/**
 * Reads the longest of the `found` names at pos that may be read there and fits the states: returns the new
 * states (and sets stepEnd, stepAlias), or null.
 */
function step(ix: RegionIndex, s: string, pos: number, found: number, states: readonly State[], place: Place): State[] | null {
  for (let k = found - 1; k >= 0; k--) {
    const end = foundEnd[k];
    const entries = foundEntries[k];
    let alone = -1; // -1: not worked out yet; both tests below look ahead in the text, so only when needed
    let fullOnly = -1;
    let n = 0;
    let loose = false;
    let alias = false;
    for (const e of entries) {
      if (e.kind !== 'full') {
        if (fullOnly < 0) fullOnly = placeWordAfter(ix.trie, s, end) ? 1 : 0;
        if (fullOnly === 1) continue;
      }
      if (place !== 'chain') {
        if (alone < 0) alone = standsAlone(ix.trie, s, end) ? 1 : 0;
        if (!readable(e, place, alone === 1)) continue;
      }
      picked[n++] = e;
      if (e.kind !== 'full') loose = true;
      if (e.kind === 'alias') alias = true;
    }
    if (n === 0) continue;
    const next = advance(states, picked, n);
    if (next.length === 0) continue;
    stepEnd = loose ? looseSuffixEnd(s, end) : end;
    stepAlias = alias ? s.slice(pos, end) : null;
    return next;
  }
  return null;
}

/** A run of names read one after the other (浙江省杭州市西湖区), or continued across a gap (浙江小义乌市). */
interface Chain {
  states: State[];
  aliases: string[];
  /** It began after a road word: only a chain naming two levels counts there (XX路杭州萧山店). */
  afterRoad: boolean;
}

function depth(c: Chain): number {
  return c.states[0].score;
}

function better(best: Chain | null, c: Chain): Chain | null {
  if (c.afterRoad && depth(c) < 2) return best;
  return best === null || depth(c) > depth(best) ? c : best;
}

/**
 * True when nothing later in the text can change the best chain: it named all three levels (no later chain can
 * name more), or it reached a county and a road word came (past it a chain can only be made more specific).
 */
function settled(best: Chain, afterRoad: boolean): boolean {
  return depth(best) >= 3 || (afterRoad && best.states.every((st) => st.node !== null && st.node.level === 3));
}

/** The chain after the last step (chains are never shared, so it changes in place). */
function extend(c: Chain, states: State[]): Chain {
  c.states = states;
  if (stepAlias !== null) c.aliases = [...c.aliases, stepAlias];
  return c;
}

/**
 * Reads chains of names through the text. A gap of other text may separate names of one place (浙江小义乌市,
 * 吉林省朝鲜族延边自治州和龙市, 浙江省杭州市null杭州市滨江区): a later name that fits the best chain continues it.
 * A name that does not fit starts a new chain, and a later chain wins only by naming more levels
 * (温州广州市荔湾区 -> 广州市荔湾区; 广州市北京大厦 stays 广州市). Past a road word a found place can only be
 * made more specific by official names, and no new place starts (上海市山西路, 北京市南京东路).
 */
function matchChinese(ix: RegionIndex, s: string): RegionMatch {
  const start = skipFiller(s, 0);
  let best: Chain | null = null;
  let chain: Chain | null = null;
  let afterRoad = false;
  let pos = start;
  while (pos < s.length) {
    if (chain === null && best !== null && settled(best, afterRoad)) break;
    const found = namesAt(ix.trie, s, pos);
    if (chain !== null) {
      const st = found > 0 ? step(ix, s, pos, found, chain.states, 'chain') : null;
      if (st !== null) {
        chain = extend(chain, st);
        pos = skipFiller(s, stepEnd);
        continue;
      }
      best = better(best, chain);
      chain = null;
    }
    if (found > 0) {
      const place: Place = afterRoad ? 'road' : pos === start ? 'start' : 'text';
      if (best !== null) {
        const st = step(ix, s, pos, found, best.states, place === 'text' ? 'gap' : place);
        if (st !== null && (!afterRoad || st[0].score > depth(best))) {
          chain = extend(best, st); // the best chain goes on
          best = null;
          pos = skipFiller(s, stepEnd);
          continue;
        }
      }
      if (best === null || !afterRoad) {
        // Past a road word with nothing found yet, a new chain must name two levels (XX路杭州萧山店): see better().
        const st = step(ix, s, pos, found, START, afterRoad ? 'text' : place);
        if (st !== null) {
          chain = extend({ states: START, aliases: NO_ALIASES, afterRoad }, st);
          pos = skipFiller(s, stepEnd);
          continue;
        }
      }
    }
    if (!afterRoad && roadWordAt(s, pos)) afterRoad = true;
    pos++;
  }
  if (chain !== null) best = better(best, chain);
  return best === null ? NO_MATCH : resolve(best.states, best.aliases);
}

// ---- Pinyin / English --------------------------------------------------------------------------------------

const LATIN_ROAD_WORDS = new Set(['road', 'rd', 'street', 'st', 'avenue', 'ave', 'lane', 'ln', 'alley', 'boulevard', 'blvd', 'way', 'lu', 'jie', 'dajie', 'dadao', 'hutong']);
const LATIN_SUFFIXES = ['shi', 'sheng', 'city', 'province'];

function latinEntries(latin: Map<string, RegionEntry[]>, key: string): RegionEntry[] | undefined {
  const entries = latin.get(key);
  if (entries !== undefined) return entries;
  const suf = LATIN_SUFFIXES.find((x) => key.endsWith(x) && key.length > x.length + 1); // guangzhoushi
  return suf === undefined ? undefined : latin.get(key.slice(0, -suf.length));
}

/** Pinyin and English, in any order (Guangzhou, Guangdong): a name that does not fit is skipped, not an end. */
function matchLatin(s: string): RegionMatch {
  const latin = latinNames();
  const words = s.toLowerCase().replace(/['’]/g, '').split(/[^a-z]+/).filter((w) => w.length > 0);
  let states = START;
  let read = 0;
  for (let i = 0; i < words.length; i++) {
    // Up to three words make one name (hong kong, inner mongolia, guang zhou shi).
    for (let k = Math.min(3, words.length - i); k >= 1; k--) {
      const entries = latinEntries(latin, k === 1 ? words[i] : words.slice(i, i + k).join(''));
      if (entries === undefined || LATIN_ROAD_WORDS.has(words[i + k])) continue;
      const next = advance(states, entries, entries.length);
      if (next.length > 0) {
        states = next;
        read++;
      }
      i += k - 1;
      break;
    }
  }
  return read === 0 ? NO_MATCH : resolve(states, NO_ALIASES);
}

// ---- Resolution --------------------------------------------------------------------------------------------

function commonAncestor(nodes: readonly RegionNode[]): RegionNode | null {
  let a: RegionNode | null = nodes[0];
  for (const n of nodes) while (a !== null && !isAncestorOrSelf(a, n)) a = a.parent;
  return a;
}

function resolve(states: readonly State[], aliases: string[]): RegionMatch {
  if (states.length === 1) return states[0].node === null ? NO_MATCH : { node: states[0].node, readings: [], aliases };
  const nodes = states.map((s) => s.node).filter((n): n is RegionNode => n !== null);
  if (nodes.length === 0) return NO_MATCH;
  // The highest unit wins when it is alone at its level (吉林 -> 吉林省, 海南 -> 海南省); else what all readings share.
  const top = Math.min(...nodes.map((n) => n.level));
  const atTop = nodes.filter((n) => n.level === top);
  if (atTop.length > 1) return { node: commonAncestor(nodes), readings: nodes, aliases };
  // 恩施 is 恩施州 or the 恩施市 inside it: the answer holds either way, so it is not reported as ambiguous.
  const node = atTop[0];
  return { node, readings: nodes.every((n) => isWithin(n, node)) ? [] : nodes, aliases };
}

/** Reads the region named by a text (already width-folded and trimmed). */
export function matchRegion(ix: RegionIndex, text: string): RegionMatch {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x2e80) return matchChinese(ix, text);
  return matchLatin(text);
}
