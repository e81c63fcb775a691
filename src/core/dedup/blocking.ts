/**
 * Blocking: only rows that agree on every key of some rule are compared. Rules are plain values; the union of
 * their pairs is compared once. A block with too many rows (a shared switchboard number, 张伟 in a big city) is
 * skipped and reported, so the count of pairs stays near linear in the rows.
 */
import { columnOf, Prepared, PreparedColumn } from './prepare';
import { BlockingKey, BlockingReport, BlockingRule, DedupField, DedupFieldKind, KeyTransform } from './types';

const { floor } = Math; // module copy: global lookups are slow under jest's vm context

/** Rules from the field kinds: strong identifiers alone, names alone and with a place or a date. */
export function defaultBlockingRules(fields: DedupField[]): BlockingRule[] {
  const of = (...kinds: DedupFieldKind[]) => fields.filter((f) => kinds.includes(f.kind)).map((f) => f.name);
  const rules: BlockingRule[] = [];
  const add = (...keys: BlockingKey[]) =>
    rules.push({ name: keys.map((k) => (k.transform && k.transform !== 'value' ? `${k.transform}(${k.field})` : k.field)).join(' + '), keys });

  for (const f of of('phone', 'email', 'id', 'date', 'postcode')) add({ field: f });
  for (const f of of('company')) {
    add({ field: f, transform: 'folded' });
    add({ field: f, transform: 'phonetic' }); // 鑫立置业 / 新立置业
  }
  for (const f of of('address')) add({ field: f, transform: 'folded' });

  const places = of('date', 'postcode', 'region', 'address');
  for (const n of of('personName')) {
    // The sound of a name alone would put every 张伟 with every 章玮 (a third of all pairs on 100,000 rows);
    // a homophone is compared when a place, a date, a phone or an e-mail agrees too.
    add({ field: n, transform: 'folded' });
    for (const x of places) add({ field: n, transform: 'phonetic' }, { field: x, transform: 'folded' });
  }
  for (const g of of('givenName')) for (const s of of('surname')) {
    add({ field: g }, { field: s });
    add({ field: g, transform: 'phonetic' }, { field: s, transform: 'phonetic' });
  }
  for (const n of of('surname', 'givenName')) {
    for (const x of places) add({ field: n, transform: 'phonetic' }, { field: x, transform: 'folded' });
  }
  return rules;
}

export function ruleName(rule: BlockingRule): string {
  return rule.name ?? rule.keys.map((k) => k.field).join(' + ');
}

/** row -> key id of one blocking key (-1 when missing), interning transformed values. */
function keyIds(col: PreparedColumn, transform: KeyTransform): { ids: Int32Array; size: number } {
  if (transform === 'value') return { ids: col.ids, size: col.values.length };
  const make: (id: number) => string = {
    folded: (id: number) => col.folded(id),
    phonetic: (id: number) => col.phonetic(id),
    initial: (id: number) => col.folded(id).slice(0, 1),
    prefix3: (id: number) => col.folded(id).slice(0, 3),
    year: (id: number) => col.digits(id).slice(0, 4),
    digits7: (id: number) => col.digits(id).slice(-7),
  }[transform];
  const interned = new Map<string, number>();
  const byValue = new Int32Array(col.values.length);
  for (let v = 0; v < col.values.length; v++) {
    const k = make(v);
    if (k === '') {
      byValue[v] = -1;
      continue;
    }
    let id = interned.get(k);
    if (id === undefined) interned.set(k, (id = interned.size));
    byValue[v] = id;
  }
  const ids = new Int32Array(col.ids.length);
  for (let r = 0; r < ids.length; r++) ids[r] = col.ids[r] < 0 ? -1 : byValue[col.ids[r]];
  return { ids, size: interned.size };
}

/** A growable buffer of pair codes a * n + b (a < b); exact in a double for up to 94 million rows. */
class PairBuffer {
  codes = new Float64Array(1 << 16);
  length = 0;
  push(code: number): void {
    if (this.length === this.codes.length) {
      const bigger = new Float64Array(this.codes.length * 2);
      bigger.set(this.codes);
      this.codes = bigger;
    }
    this.codes[this.length++] = code;
  }
}

export interface BlockedPairs {
  a: Int32Array;
  b: Int32Array;
  /** Per rule, the pairs it found, as indexes into a/b: training learns m per rule, as Splink does. */
  pairsOfRule: Int32Array[];
  report: BlockingReport;
}

export function blockPairs(p: Prepared, rules: BlockingRule[], maxBlockSize: number): BlockedPairs {
  const n = p.input.rows.length;
  const buffer = new PairBuffer();
  const report: BlockingReport = { rules: [], giantBlocks: [] };
  const keyCache = new Map<string, { ids: Int32Array; size: number }>();

  for (const rule of rules) {
    const parts = rule.keys.map((k) => {
      const t = k.transform ?? 'value';
      const cacheKey = `${k.field}\u0000${t}`;
      let part = keyCache.get(cacheKey);
      if (!part) keyCache.set(cacheKey, (part = keyIds(columnOf(p, k.field), t)));
      return part;
    });
    // Rows grouped by combined key (mixed radix over the parts' ids), as linked lists: head per key, next per row.
    let radix = 1;
    for (const part of parts) radix *= part.size + 1;
    const numeric = radix < Number.MAX_SAFE_INTEGER;
    const head = new Map<number | string, number>();
    const next = new Int32Array(n);
    for (let r = n - 1; r >= 0; r--) {
      let key: number | string = numeric ? 0 : '';
      let missing = false;
      for (const part of parts) {
        const id = part.ids[r];
        if (id < 0) {
          missing = true;
          break;
        }
        key = numeric ? (key as number) * (part.size + 1) + id : `${key}${id},`;
      }
      if (missing) continue;
      const first = head.get(key);
      next[r] = first === undefined ? -1 : first;
      head.set(key, r);
    }
    const before = buffer.length;
    const block: number[] = [];
    for (const first of head.values()) {
      if (next[first] < 0) continue;
      block.length = 0;
      for (let r = first; r >= 0; r = next[r]) block.push(r); // ascending rows
      if (block.length > maxBlockSize) {
        report.giantBlocks.push({ rule: ruleName(rule), key: describeKey(p, rule, first), rows: block.length });
        continue;
      }
      for (let i = 0; i < block.length; i++) {
        const ra = block[i];
        for (let j = i + 1; j < block.length; j++) buffer.push(ra * n + block[j]);
      }
    }
    report.rules.push({ name: ruleName(rule), pairs: buffer.length - before });
  }

  const found = buffer.codes.subarray(0, buffer.length);
  const codes = found.slice().sort();
  let unique = 0;
  for (let i = 0; i < codes.length; i++) if (i === 0 || codes[i] !== codes[i - 1]) codes[unique++] = codes[i];
  const a = new Int32Array(unique);
  const b = new Int32Array(unique);
  for (let i = 0; i < unique; i++) {
    a[i] = floor(codes[i] / n);
    b[i] = codes[i] - a[i] * n;
  }
  const pairsOfRule: Int32Array[] = [];
  let start = 0;
  for (const r of report.rules) {
    const own = new Int32Array(r.pairs);
    for (let i = 0; i < r.pairs; i++) own[i] = indexOf(codes, unique, found[start + i]);
    pairsOfRule.push(own);
    start += r.pairs;
  }
  return { a, b, pairsOfRule, report };
}

/** Binary search in the sorted unique codes. */
function indexOf(codes: Float64Array, length: number, code: number): number {
  let lo = 0;
  let hi = length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (codes[mid] < code) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The key of a giant block as the user would read it, e.g. `北京市 + 张伟`. */
function describeKey(p: Prepared, rule: BlockingRule, row: number): string {
  return rule.keys.map((k) => p.input.rows[row][p.input.fields.findIndex((f) => f.name === k.field)] ?? '').join(' + ');
}
