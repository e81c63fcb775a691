/**
 * Comparisons: per field, an ordered list of levels (plain data, as in Splink's comparison library), and the
 * code that puts a pair of rows on a level. Level codes: 0 missing, 1..k the listed levels, k+1 else.
 */
import { columnOf, Prepared, PreparedColumn } from './prepare';
import { jaroWinkler, levenshtein, withinOneEdit } from './similarity';
import { Comparison, DedupField, DedupFieldKind, LevelSpec } from './types';

const NAME_LEVELS: LevelSpec[] = [
  { type: 'exact', tf: true },
  { type: 'folded' },
  { type: 'pinyin' },
  { type: 'jaroWinkler', min: 0.95 },
  { type: 'jaroWinkler', min: 0.88 },
  { type: 'levenshtein', max: 1 },
  { type: 'initials' },
  { type: 'jaroWinkler', min: 0.7 },
];

/** The default levels for each field kind. */
export const LEVELS_BY_KIND: Record<DedupFieldKind, LevelSpec[]> = {
  personName: NAME_LEVELS,
  givenName: NAME_LEVELS,
  surname: NAME_LEVELS,
  company: [
    { type: 'exact', tf: true },
    { type: 'folded' },
    { type: 'pinyin' },
    { type: 'tokens' },
    { type: 'jaroWinkler', min: 0.95 },
    { type: 'jaroWinkler', min: 0.88 },
  ],
  phone: [{ type: 'exact' }, { type: 'digitsSuffix', n: 8 }, { type: 'levenshtein', max: 1 }],
  email: [{ type: 'exact' }, { type: 'levenshtein', max: 1 }, { type: 'emailLocal' }, { type: 'emailDomain' }],
  date: [{ type: 'exact' }, { type: 'dateTypo' }, { type: 'dateSwap' }, { type: 'dateYearMonth' }],
  postcode: [{ type: 'exact', tf: true }, { type: 'levenshtein', max: 1 }],
  region: [{ type: 'exact', tf: true }, { type: 'folded' }, { type: 'jaroWinkler', min: 0.9 }],
  address: [
    { type: 'exact', tf: true },
    { type: 'folded' },
    { type: 'tokens' },
    { type: 'jaroWinkler', min: 0.9 },
    { type: 'jaroWinkler', min: 0.8 },
  ],
  streetNumber: [{ type: 'exact' }, { type: 'levenshtein', max: 1 }],
  id: [{ type: 'exact' }, { type: 'levenshtein', max: 1 }, { type: 'levenshtein', max: 2 }],
  gender: [{ type: 'exact' }],
  text: [{ type: 'exact' }, { type: 'folded' }, { type: 'jaroWinkler', min: 0.9 }],
};

export function defaultComparisons(fields: DedupField[]): Comparison[] {
  return fields.map((f) => ({ field: f.name, levels: LEVELS_BY_KIND[f.kind] }));
}

/** Stable id of a level, e.g. `jaroWinkler>=0.95`; `missing` and `else` for the implicit ones. */
export function levelId(spec: LevelSpec): string {
  switch (spec.type) {
    case 'jaroWinkler':
      return `jaroWinkler>=${spec.min}`;
    case 'levenshtein':
      return `levenshtein<=${spec.max}`;
    case 'digitsSuffix':
      return `digitsSuffix${spec.n}`;
    default:
      return spec.type;
  }
}

export function levelIds(c: Comparison): string[] {
  return ['missing', ...c.levels.map(levelId), 'else'];
}

/**
 * Public mail providers: sharing one says nothing about being one customer. A short hand-written list, as in
 * normalize/email.ts: no maintained package lists the providers Chinese customers use.
 */
const PUBLIC_MAIL_DOMAINS = new Set([
  'qq.com', 'vip.qq.com', 'foxmail.com', '163.com', 'vip.163.com', '126.com', 'yeah.net', 'sina.com', 'sina.cn',
  'sohu.com', '139.com', '189.cn', 'wo.cn', 'aliyun.com', 'tom.com', '21cn.com', 'gmail.com', 'outlook.com',
  'hotmail.com', 'live.com', 'msn.com', 'icloud.com', 'me.com', 'yahoo.com', 'yahoo.com.cn', 'proton.me',
]);

function dateDigits(col: PreparedColumn, id: number): string {
  const d = col.digits(id);
  return d.length === 8 ? d : '';
}

/** Whether x and y have the same characters at [from, to) — no slicing, this runs per pair. */
function sameSpan(x: string, y: string, fromX: number, fromY: number, length: number): boolean {
  for (let i = 0; i < length; i++) if (x.charCodeAt(fromX + i) !== y.charCodeAt(fromY + i)) return false;
  return true;
}

function hammingAtMostOne(x: string, y: string): boolean {
  if (x.length !== y.length) return false;
  let diff = 0;
  for (let i = 0; i < x.length; i++) if (x.charCodeAt(i) !== y.charCodeAt(i) && ++diff > 1) return false;
  return true;
}

// The bands of one field ask for the same pair's Jaro-Winkler in a row: compute it once.
let jwCol: PreparedColumn | null = null;
let jwX = -1;
let jwY = -1;
let jwValue = 0;
function jw(col: PreparedColumn, x: number, y: number): number {
  if (col !== jwCol || x !== jwX || y !== jwY) {
    jwCol = col;
    jwX = x;
    jwY = y;
    jwValue = jaroWinkler(col.folded(x), col.folded(y));
  }
  return jwValue;
}

/** Whether values x and y (distinct ids, both present) are on this level. */
function holds(spec: LevelSpec, col: PreparedColumn, x: number, y: number): boolean {
  switch (spec.type) {
    case 'exact':
      return x === y;
    case 'folded':
      return col.folded(x) === col.folded(y);
    case 'pinyin':
      return col.pinyin(x) === col.pinyin(y);
    case 'jaroWinkler':
      return jw(col, x, y) >= spec.min;
    case 'levenshtein':
      return spec.max === 1
        ? withinOneEdit(col.folded(x), col.folded(y))
        : levenshtein(col.folded(x), col.folded(y), spec.max) <= spec.max;
    case 'initials': {
      const fx = col.folded(x);
      const fy = col.folded(y);
      return fx.length > 0 && fy.length > 0 && (fx.length === 1 || fy.length === 1) && fx[0] === fy[0];
    }
    case 'tokens':
      return col.sortedTokens(x) === col.sortedTokens(y);
    case 'digitsSuffix': {
      const dx = col.digits(x);
      const dy = col.digits(y);
      return dx.length >= spec.n && dy.length >= spec.n && sameSpan(dx, dy, dx.length - spec.n, dy.length - spec.n, spec.n);
    }
    case 'emailLocal': {
      const lx = col.values[x]; // normalized emails are lower case already
      const ly = col.values[y];
      const at = lx.indexOf('@');
      return at > 0 && ly.indexOf('@') === at && sameSpan(lx, ly, 0, 0, at);
    }
    case 'emailDomain': {
      const lx = col.values[x];
      const ly = col.values[y];
      const ax = lx.lastIndexOf('@');
      const ay = ly.lastIndexOf('@');
      if (ax < 0 || ay < 0 || lx.length - ax !== ly.length - ay || !sameSpan(lx, ly, ax, ay, lx.length - ax)) return false;
      return !PUBLIC_MAIL_DOMAINS.has(lx.slice(ax + 1));
    }
    case 'dateTypo':
      return hammingAtMostOne(dateDigits(col, x), dateDigits(col, y));
    case 'dateSwap': {
      const dx = dateDigits(col, x);
      const dy = dateDigits(col, y);
      return dx !== '' && dy !== '' && sameSpan(dx, dy, 0, 0, 4) && sameSpan(dx, dy, 4, 6, 2) && sameSpan(dx, dy, 6, 4, 2);
    }
    case 'dateYearMonth': {
      const dx = dateDigits(col, x);
      const dy = dateDigits(col, y);
      return dx !== '' && dy !== '' && sameSpan(dx, dy, 0, 0, 6);
    }
  }
}

/** Similarity shown beside a fuzzy level in explanations. */
export function similarityOf(spec: LevelSpec, col: PreparedColumn, x: number, y: number): number | undefined {
  if (spec.type === 'jaroWinkler') return jw(col, x, y);
  return undefined;
}

export interface CompiledComparison {
  comparison: Comparison;
  col: PreparedColumn;
  /** Number of level codes: missing + levels + else. */
  size: number;
}

export function compile(p: Prepared, comparisons: Comparison[]): CompiledComparison[] {
  return comparisons.map((c) => ({ comparison: c, col: columnOf(p, c.field), size: c.levels.length + 2 }));
}

/** The level code of rows ra and rb on one comparison. */
export function levelOf(cc: CompiledComparison, ra: number, rb: number): number {
  const x = cc.col.ids[ra];
  const y = cc.col.ids[rb];
  if (x < 0 || y < 0) return 0;
  const levels = cc.comparison.levels;
  if (x === y && levels[0]?.type === 'exact') return 1;
  for (let i = 0; i < levels.length; i++) if (holds(levels[i], cc.col, x, y)) return i + 1;
  return levels.length + 1;
}

/** Level codes of every pair, pair-major: gamma[pair * comparisons + c]. */
export function comparePairs(ccs: CompiledComparison[], a: Int32Array, b: Int32Array): Uint8Array {
  const k = ccs.length;
  const gamma = new Uint8Array(a.length * k);
  for (let i = 0; i < a.length; i++) {
    for (let c = 0; c < k; c++) gamma[i * k + c] = levelOf(ccs[c], a[i], b[i]);
  }
  return gamma;
}
