/** Columns interned once (value -> id), with derived forms computed once per distinct value, not per pair. */
import { toSimplified } from '../normalize/chinese';
import { foldWidth } from '../normalize/text';
import { soundex } from './similarity';
import { DedupField, DedupInput } from './types';

export type PinyinKey = (s: string) => string;

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const SEPARATORS = /[\s\p{P}\p{S}]+/gu;

/**
 * Lower case, half width, simplified Chinese, no spaces or punctuation: the form `exact after normalization`
 * compares (`張 偉` = `张伟`, `ＺＨＡＮＧ` = `zhang`).
 */
export function foldValue(s: string): string {
  // Fast path: lower-case letters, digits and CJK ideographs only (most normalized values) need at most the
  // traditional -> simplified step, which returns simplified text unchanged in ~0.1 µs.
  let plain = true;
  let cjk = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x3400 && c <= 0x9fff) cjk = true;
    else if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) {
      plain = false;
      break;
    }
  }
  if (plain) return cjk ? toSimplified(s) : s;
  return toSimplified(foldWidth(s).toLowerCase().replace(SEPARATORS, ''));
}

export class PreparedColumn {
  /** row -> value id, -1 when missing. */
  readonly ids: Int32Array;
  readonly values: string[] = [];
  /** value id -> number of rows holding it. */
  counts: Int32Array;
  nonMissing = 0;
  // Caches per value id, filled on first use; null = not computed yet.
  private readonly foldedCache: (string | null)[];
  private readonly phoneticCache: (string | null)[];
  private readonly digitsCache: (string | null)[];
  private readonly tokensCache: (string | null)[];

  constructor(
    readonly field: DedupField,
    column: number,
    rows: (string | null)[][],
    private readonly pinyinKey: PinyinKey | null,
  ) {
    this.ids = new Int32Array(rows.length);
    const idOf = new Map<string, number>();
    const counts: number[] = [];
    for (let r = 0; r < rows.length; r++) {
      const cell: unknown = rows[r][column];
      const v = typeof cell === 'string' ? cell : cell === null || cell === undefined ? '' : String(cell);
      if (v === '') {
        this.ids[r] = -1;
        continue;
      }
      let id = idOf.get(v);
      if (id === undefined) {
        id = this.values.length;
        idOf.set(v, id);
        this.values.push(v);
        counts.push(0);
      }
      counts[id]++;
      this.ids[r] = id;
      this.nonMissing++;
    }
    this.counts = Int32Array.from(counts);
    const empty = () => new Array<string | null>(this.values.length).fill(null);
    this.foldedCache = empty();
    this.phoneticCache = empty();
    this.digitsCache = empty();
    this.tokensCache = empty();
  }

  folded(id: number): string {
    let f = this.foldedCache[id];
    if (f === null) this.foldedCache[id] = f = foldValue(this.values[id]);
    return f;
  }

  /** Pinyin of Chinese text (when a pinyinKey is given), else the folded text. */
  pinyin(id: number): string {
    let p = this.phoneticCache[id];
    if (p === null) {
      const f = this.folded(id);
      this.phoneticCache[id] = p = this.pinyinKey && CJK.test(f) ? this.pinyinKey(f) : f;
    }
    return p;
  }

  /** Blocking sound key: pinyin for Chinese, Soundex for latin. */
  phonetic(id: number): string {
    const f = this.folded(id);
    return CJK.test(f) ? this.pinyin(id) : soundex(f) || f;
  }

  digits(id: number): string {
    let d = this.digitsCache[id];
    if (d === null) this.digitsCache[id] = d = this.values[id].replace(/\D+/g, '');
    return d;
  }

  /** Words sorted, so word order does not matter. */
  sortedTokens(id: number): string {
    let t = this.tokensCache[id];
    if (t === null) {
      const words = foldWidth(this.values[id]).toLowerCase().split(SEPARATORS).filter(Boolean);
      this.tokensCache[id] = t = words.sort().join(' ');
    }
    return t;
  }
}

export interface Prepared {
  input: DedupInput;
  columns: PreparedColumn[];
  byName: Map<string, PreparedColumn>;
}

export function prepare(input: DedupInput, pinyinKey: PinyinKey | null): Prepared {
  const columns = input.fields.map((f, i) => new PreparedColumn(f, i, input.rows, pinyinKey));
  return { input, columns, byName: new Map(columns.map((c) => [c.field.name, c])) };
}

export function columnOf(p: Prepared, field: string): PreparedColumn {
  const c = p.byName.get(field);
  if (!c) throw new Error(`查重设置引用了不存在的字段：${field}`);
  return c;
}
