/**
 * The fields a rule may name. Any catalogue of this shape plugs in; the default is the unified customer view's
 * (analysis/view-fields.ts). A field is found by its zh or en name, its id or an alias, ignoring case, width,
 * spaces, underscores and hyphens (`last_purchase_date` = `lastPurchase`'s en name `last_purchase_date` =
 * `Last purchase date`).
 */
import { levenshtein } from '../dedup/similarity';
import { VIEW_FIELDS } from '../analysis/view-fields';
import { foldWidth } from '../normalize/text';

export type ValueType = 'number' | 'text' | 'date' | 'boolean';

export interface CatalogueField {
  id: string;
  zh: string;
  en: string;
  type: ValueType;
  aliases?: readonly string[];
}

export interface FieldCatalogue {
  fields: readonly CatalogueField[];
}

export const VIEW_CATALOGUE: FieldCatalogue = { fields: VIEW_FIELDS };

/** The one function of the language: days from a date to today. Its names in both languages. */
export const DAYS_SINCE_NAMES: readonly string[] = ['天数', '距今天数', '距今', 'days_since', 'days'];

/** Words that stand for values wherever a value may stand. */
export const TODAY_WORDS: readonly string[] = ['今天', '今日', 'today'];
export const TRUE_WORDS: readonly string[] = ['是', '真', 'true', 'yes'];
export const FALSE_WORDS: readonly string[] = ['否', '假', 'false', 'no'];

export function nameKey(name: string): string {
  return foldWidth(name)
    .toLowerCase()
    .replace(/[\s_\-\u3000]+/g, '');
}

export interface CatalogueIndex {
  byKey: Map<string, CatalogueField>;
  /** Every name and alias as typed, for splitting text written without spaces (`累计消费金额大于5000`). */
  names: string[];
  /** [name, key] pairs for did-you-mean. */
  candidates: [string, string][];
}

const INDEXES = new WeakMap<FieldCatalogue, CatalogueIndex>();

export function indexCatalogue(catalogue: FieldCatalogue): CatalogueIndex {
  const cached = INDEXES.get(catalogue);
  if (cached) return cached;
  const byKey = new Map<string, CatalogueField>();
  const names: string[] = [];
  const candidates: [string, string][] = [];
  for (const field of catalogue.fields) {
    for (const name of [field.zh, field.en, field.id, ...(field.aliases ?? [])]) {
      const key = nameKey(name);
      if (!key || byKey.has(key)) continue;
      byKey.set(key, field);
      names.push(name);
      candidates.push([name, key]);
    }
  }
  const index = { byKey, names, candidates };
  INDEXES.set(catalogue, index);
  return index;
}

/**
 * The closest known name to `typed`, when it is close enough to be a likely typo or a near miss: within
 * 40% edits of the longer name (at least 1), or one name contains the other. Names in the script the user typed
 * in (Chinese or Latin) are preferred on a tie.
 */
export function suggestName(typed: string, candidates: readonly [string, string][]): string | undefined {
  const key = nameKey(typed);
  if (!key) return undefined;
  const typedCjk = /[^\x00-\x7f]/.test(key);
  let best: string | undefined;
  let bestScore = Infinity;
  for (const [name, candKey] of candidates) {
    const longer = Math.max(key.length, candKey.length);
    const allowed = Math.max(1, Math.floor(longer * 0.4));
    let d = levenshtein(key, candKey, allowed);
    if (d > allowed && (candKey.includes(key) || key.includes(candKey)) && Math.min(key.length, candKey.length) >= 2) {
      d = allowed;
    }
    // A suggestion must share something with what was typed: `x` is not a typo of `R`.
    if (d > allowed || d >= key.length || d >= candKey.length) continue;
    const sameScript = /[^\x00-\x7f]/.test(candKey) === typedCjk;
    const score = d + (sameScript ? 0 : 0.5);
    if (score < bestScore) {
      bestScore = score;
      best = name;
    }
  }
  return best;
}
