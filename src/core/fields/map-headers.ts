/**
 * Header auto-mapping: which standard field each column holds, with a confidence and a reason in plain words.
 *
 * Phases: score every (column, field) pair from the header text -> adjust by what the values look like -> keep each
 * column's near-best candidates -> assign greedily, best first, one field per column and one column per field ->
 * promote secondaries whose primary found no column.
 */
import { CellValue, cellToText } from '../cell';
import { trimAll } from '../normalize/text';
import { STANDARD_FIELDS, StandardField, ValueKind, fieldById } from './dictionary';
import { KindGuess, guessColumnKind } from './guess-kind';
import { ParsedHeader, isLatinKey, parseHeader } from './header-text';

export interface ColumnMapping {
  /** 0-based column index. */
  column: number;
  header: string;
  fieldId: string | null;
  /** 0..1; 0 when unmapped. */
  confidence: number;
  /** Why, in zh-CN. */
  reason: string;
  /** What the sample values look like, when samples were given. */
  valueKind?: ValueKind;
}

/** One way a header could be read. */
export interface HeaderMatch {
  fieldId: string;
  confidence: number;
  reason: string;
}

/** Below this a candidate is not assigned. */
export const MIN_MAPPING_CONFIDENCE = 0.5;
/** A column only falls back to a candidate this close to its best (a second 电话 -> 备用电话, never 电话 -> 地址). */
const FALLBACK_MARGIN = 0.15;
const SECONDARY_FACTOR = 0.9;
const QUALIFIER_FACTOR = 0.95;

interface Synonym {
  field: StandardField;
  text: string;
  key: string;
  tokens: string[];
  latin: boolean;
  exactOnly: boolean;
}

const SYNONYMS: Synonym[] = buildSynonyms();
const EXACT = new Map<string, Synonym[]>();
for (const s of SYNONYMS) {
  const list = EXACT.get(s.key);
  if (list) list.push(s);
  else EXACT.set(s.key, [s]);
}
const FIELD_ORDER = new Map(STANDARD_FIELDS.map((f, i) => [f.id, i]));

function buildSynonyms(): Synonym[] {
  const out: Synonym[] = [];
  for (const field of STANDARD_FIELDS) {
    const seen = new Set<string>();
    const add = (text: string, exactOnly: boolean): void => {
      const p = parseHeader(text);
      // `phone2` would read as the second `phone`: such names match through the secondary rule instead.
      if (p.key === '' || p.ordinal > 0 || seen.has(p.key)) return;
      seen.add(p.key);
      out.push({ field, text, key: p.key, tokens: p.tokens, latin: isLatinKey(p.key), exactOnly });
    };
    for (const t of field.exactOnly ?? []) add(t, true);
    // A one-character Chinese name (名, 姓) is inside too many headers (报名日期, 姓名) to count when contained.
    for (const t of [field.zh, field.en, field.id, ...field.synonyms]) add(t, Array.from(t).length === 1);
  }
  return out;
}

/**
 * Every field a header could name, best first, from the text alone. Exact synonym = 1.0; synonym inside the header
 * 0.5–0.9 (more when it ends the header, as a Chinese head noun does: 客户联系电话); a typo away 0.5–0.7.
 */
export function matchHeader(header: string | ParsedHeader): HeaderMatch[] {
  const h = typeof header === 'string' ? parseHeader(header) : header;
  if (h.key === '' || h.derived) return [];
  const latin = isLatinKey(h.key);
  const words = new Set(h.tokens);
  const best = new Map<string, HeaderMatch>();
  const offer = (fieldId: string, confidence: number, reason: string): void => {
    const prev = best.get(fieldId);
    if (!prev || confidence > prev.confidence) best.set(fieldId, { fieldId, confidence, reason });
  };

  for (const s of EXACT.get(h.key) ?? []) offer(s.field.id, 1, `表头与「${s.text}」一致`);
  for (const s of SYNONYMS) {
    if (s.exactOnly || s.key === h.key || best.get(s.field.id)?.confidence === 1) continue;
    // Cheap pre-checks: a word synonym needs its first word in the header, a CJK one needs CJK in the header.
    const inside = (s.latin ? words.has(s.tokens[0]) : !latin) ? containment(h, s) : 0;
    if (inside > 0) {
      offer(s.field.id, inside, `表头包含「${s.text}」`);
      continue;
    }
    const d = typoDistance(h.key, s.key, s.latin === latin);
    if (d > 0) offer(s.field.id, 0.72 * (1 - d / Math.max(h.key.length, s.key.length)), `表头与「${s.text}」相近`);
  }

  // Ordinals and qualifiers: `电话2` is slightly less the phone than `电话`; `电话(家)` slightly less than `电话`.
  const factor = (h.ordinal > 1 ? Math.max(0.9, 1 - 0.02 * (h.ordinal - 1)) : 1) * QUALIFIER_FACTOR ** h.qualifiers.length;
  const note = (h.ordinal > 1 ? `；第 ${h.ordinal} 个` : '') + (h.qualifiers.length ? `；括注「${h.qualifiers.join('、')}」` : '');
  for (const m of best.values()) {
    m.confidence *= factor;
    m.reason += note;
  }
  // A secondary field can take any header its primary takes, a little less surely.
  for (const f of STANDARD_FIELDS) {
    const primary = f.secondaryOf ? best.get(f.secondaryOf) : undefined;
    if (primary) offer(f.id, primary.confidence * SECONDARY_FACTOR, `${primary.reason}（作为第二个「${fieldById(f.secondaryOf!)!.zh}」）`);
  }
  return [...best.values()].sort(byConfidenceThenOrder);
}

/** The header's best single reading, or null. */
export function bestHeaderMatch(header: string): HeaderMatch | null {
  return matchHeader(header)[0] ?? null;
}

function containment(h: ParsedHeader, s: Synonym): number {
  if (s.key.length >= h.key.length) return 0;
  let at = -1;
  let suffix = false;
  if (s.latin) {
    const n = s.tokens.length;
    for (let i = 0; i + n <= h.tokens.length; i++) {
      if (s.tokens.every((t, j) => h.tokens[i + j] === t)) {
        at = i;
        suffix = i + n === h.tokens.length;
      }
    }
  } else {
    at = h.key.lastIndexOf(s.key);
    suffix = at >= 0 && at + s.key.length === h.key.length;
  }
  if (at < 0) return 0;
  const ratio = s.key.length / h.key.length;
  return (suffix ? 0.6 : 0.5) + 0.3 * ratio;
}

/** Edit distance (with swaps) when small enough to be a typo: 1 for short keys, 2 from 8 characters; else 0. */
function typoDistance(a: string, b: string, sameScript: boolean): number {
  const short = Math.min(a.length, b.length);
  if (short < 4 || !sameScript) return 0;
  const max = short >= 8 ? 2 : 1;
  if (Math.abs(a.length - b.length) > max) return 0;
  // A typo leaves one end of the word intact; checking that first skips almost every pair.
  if (a[0] !== b[0] && a[a.length - 1] !== b[b.length - 1]) return 0;
  const d = osaDistance(a, b, max);
  return d <= max ? d : 0;
}

let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/** Optimal-string-alignment distance (Levenshtein plus adjacent swaps), stopping early once it exceeds `max`. */
export function osaDistance(a: string, b: string, max = Infinity): number {
  const m = a.length;
  const n = b.length;
  if (rowA.length <= n) [rowA, rowB, rowC] = [new Int32Array(n + 1), new Int32Array(n + 1), new Int32Array(n + 1)];
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        v = Math.min(v, prev2[j - 2] + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return rowMin;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[n];
}

// ---- value evidence ----

const KIND_ZH: Record<ValueKind, string> = {
  phone: '电话号码', email: '邮箱', date: '日期', gender: '性别', region: '地区', amount: '金额', industry: '行业',
  name: '人名', company: '公司名', text: '文本', id: '编码', number: '数字', category: '类别',
};

/** Kinds a field can also hold without doubt being cast on its header (Office.js hands dates over as serial numbers). */
const NEAR: Partial<Record<ValueKind, ValueKind[]>> = {
  amount: ['number'], number: ['amount', 'id'], id: ['number', 'phone', 'email', 'text', 'category', 'name'],
  name: ['company', 'text'], company: ['name', 'text'], region: ['text', 'company'], category: ['text', 'gender', 'industry', 'number'],
  industry: ['category', 'text'], gender: ['category'], date: ['number', 'id'], phone: ['id', 'number'],
};
/** Value kinds that, when clear, contradict a header naming another kind. */
const DECISIVE = new Set<ValueKind>(['phone', 'email', 'date', 'amount', 'number', 'gender', 'id']);
/** When values alone name a field (no header, or one Kehu cannot read). */
const FIELDS_FOR_VALUES: Partial<Record<ValueKind, string[]>> = {
  phone: ['phone'], email: ['email'], gender: ['gender'], region: ['region'], industry: ['industry'],
  name: ['customerName', 'contact'], company: ['customerName', 'company'], id: ['customerId'], date: [], amount: ['amount'],
};
const VALUE_ONLY_FACTOR = 0.75;
const DECISIVE_AT = 0.6;

function withValueEvidence(m: HeaderMatch, field: StandardField, g: KindGuess): HeaderMatch {
  const pct = `${Math.round(g.confidence * 100)}%`;
  if (g.kind === field.kind) {
    return { ...m, confidence: m.confidence + (1 - m.confidence) * 0.5 * g.confidence, reason: `${m.reason}；取值像${KIND_ZH[g.kind]}（${pct}）` };
  }
  if (NEAR[field.kind]?.includes(g.kind)) {
    return { ...m, confidence: m.confidence + (1 - m.confidence) * 0.2 * g.confidence };
  }
  if (field.kind !== 'text' && DECISIVE.has(g.kind) && g.confidence >= DECISIVE_AT) {
    return {
      ...m,
      confidence: m.confidence * (1 - 0.7 * g.confidence),
      reason: `${m.reason}，但取值像${KIND_ZH[g.kind]}（${pct}）`,
    };
  }
  return m;
}

function valueOnlyMatches(g: KindGuess): HeaderMatch[] {
  if (g.confidence < DECISIVE_AT) return [];
  return (FIELDS_FOR_VALUES[g.kind] ?? []).map((fieldId, i) => ({
    fieldId,
    confidence: g.confidence * VALUE_ONLY_FACTOR * (i === 0 ? 1 : 0.95),
    reason: `按取值推断：像${KIND_ZH[g.kind]}（${Math.round(g.confidence * 100)}%）`,
  }));
}

// ---- assignment ----

/**
 * Map each column to at most one standard field, each field to at most one column.
 *
 * Conflicts: candidates are taken best confidence first; on a tie the column with fewer equally good choices goes
 * first (so 所在地区 takes 地区 and 收货地址 takes 详细地址), then the field listed first in the dictionary, then the
 * leftmost column. A column whose best field is taken falls back to another candidate within 0.15 of its best — a
 * second 电话 column becomes 备用电话 (phone2), a third stays null. A secondary whose primary has no column is promoted
 * to the primary. Columns Kehu wrote itself (`…(清洗)`) are never mapped.
 *
 * `sampleColumns[c]` are values of column c (any number; a few hundred are plenty). With them, values that agree with
 * the header raise the confidence, values that clearly contradict it lower it (a 电话 column of emails is not the
 * phone), and columns without a readable header are named from their values alone, less surely.
 */
export function mapHeaders(headers: readonly CellValue[], sampleColumns?: readonly (readonly CellValue[])[]): ColumnMapping[] {
  const width = Math.max(headers.length, sampleColumns?.length ?? 0);
  const parsed: ParsedHeader[] = [];
  const guesses: (KindGuess | undefined)[] = [];
  const candidates: HeaderMatch[][] = [];

  for (let c = 0; c < width; c++) {
    const h = parseHeader(trimAll(cellToText(headers[c])));
    parsed.push(h);
    const samples = sampleColumns?.[c];
    const g = samples && samples.length > 0 ? guessColumnKind(samples) : undefined;
    guesses.push(g && g.sampled > 0 ? g : undefined);
    candidates.push(h.derived ? [] : columnCandidates(h, guesses[c]));
  }

  type Pick = { column: number; match: HeaderMatch; choices: number };
  const picks: Pick[] = [];
  candidates.forEach((list, column) => {
    const top = list[0]?.confidence ?? 0;
    const near = list.filter((m) => m.confidence >= top - 1e-9).length;
    for (const match of list) picks.push({ column, match, choices: near });
  });
  picks.sort(
    (a, b) =>
      b.match.confidence - a.match.confidence ||
      a.choices - b.choices ||
      FIELD_ORDER.get(a.match.fieldId)! - FIELD_ORDER.get(b.match.fieldId)! ||
      a.column - b.column,
  );

  const byColumn = new Map<number, HeaderMatch>();
  const byField = new Map<string, number>();
  for (const p of picks) {
    if (byColumn.has(p.column) || byField.has(p.match.fieldId)) continue;
    byColumn.set(p.column, p.match);
    byField.set(p.match.fieldId, p.column);
  }
  for (const f of STANDARD_FIELDS) {
    if (!f.secondaryOf || byField.has(f.secondaryOf) || !byField.has(f.id)) continue;
    const column = byField.get(f.id)!;
    const m = byColumn.get(column)!;
    byColumn.set(column, { ...m, fieldId: f.secondaryOf, reason: `${m.reason}；没有其他「${fieldById(f.secondaryOf)!.zh}」列，作为主字段` });
    byField.delete(f.id);
    byField.set(f.secondaryOf, column);
  }

  const out: ColumnMapping[] = [];
  for (let c = 0; c < width; c++) {
    const m = byColumn.get(c);
    const base: ColumnMapping = m
      ? { column: c, header: parsed[c].text, fieldId: m.fieldId, confidence: round2(m.confidence), reason: m.reason }
      : { column: c, header: parsed[c].text, fieldId: null, confidence: 0, reason: unmappedReason(c, candidates[c], byField, parsed) };
    const g = guesses[c];
    if (g) base.valueKind = g.kind;
    out.push(base);
  }
  return out;
}

function columnCandidates(h: ParsedHeader, g: KindGuess | undefined): HeaderMatch[] {
  const fromText = matchHeader(h);
  let list = fromText;
  if (g) {
    list = fromText.map((m) => withValueEvidence(m, fieldById(m.fieldId)!, g));
    // Values name a column only when it has no header, or a header its values contradict (电话 full of emails).
    // A header Kehu does not know (rec_id, 自定义1) is the user's own column: left alone.
    if (h.key === '' || fromText.length > 0) {
      for (const v of valueOnlyMatches(g)) {
        if (list.some((m) => m.fieldId === v.fieldId && m.confidence >= v.confidence)) continue;
        list = list.filter((m) => m.fieldId !== v.fieldId).concat(v);
      }
    }
    list.sort(byConfidenceThenOrder);
  }
  const top = list[0]?.confidence ?? 0;
  return list.filter((m) => m.confidence >= MIN_MAPPING_CONFIDENCE && m.confidence >= top - FALLBACK_MARGIN);
}

function unmappedReason(c: number, list: HeaderMatch[], byField: Map<string, number>, parsed: ParsedHeader[]): string {
  const h = parsed[c];
  if (h.derived) return 'Kehu 生成的结果列，不参与映射';
  if (h.key === '' && list.length === 0) return '表头为空';
  const parts: string[] = [];
  const fromText = h.key === '' ? undefined : matchHeader(h)[0];
  if (fromText && fromText.confidence >= MIN_MAPPING_CONFIDENCE && !list.some((m) => m.fieldId === fromText.fieldId)) {
    parts.push(`表头像「${fieldById(fromText.fieldId)!.zh}」，但取值不符`);
  }
  for (const m of list) {
    const taken = byField.get(m.fieldId)!;
    parts.push(`「${fieldById(m.fieldId)!.zh}」已由第 ${taken + 1} 列「${parsed[taken].text}」占用`);
  }
  if (parts.length > 0) return parts.join('；');
  return fromText ? `未识别（最接近「${fieldById(fromText.fieldId)!.zh}」，把握不足）` : '未识别的表头';
}

function byConfidenceThenOrder(a: HeaderMatch, b: HeaderMatch): number {
  return b.confidence - a.confidence || FIELD_ORDER.get(a.fieldId)! - FIELD_ORDER.get(b.fieldId)!;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
