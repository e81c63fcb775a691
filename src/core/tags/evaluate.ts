/**
 * Evaluating parsed rules over the unified customer view, a column at a time.
 *
 * Missing values follow three-valued (Kleene) logic, as in SQL: a comparison that involves a missing value is
 * UNKNOWN, NOT UNKNOWN is UNKNOWN, `false AND unknown` is false, `true OR unknown` is true, and a customer gets a
 * tag only when the rule is TRUE. So a missing value never matches a comparison, whatever its direction: neither
 * `最近购买天数 > 90` nor `最近购买天数 <= 90`, nor `地区 != 北京`, nor `非 (地区 = 北京)`, is true for a customer whose
 * value is missing. Ask for it with `为空` / `is null`, which is always true or false.
 *
 * Text equality (=, !=, 属于) ignores case, width and surrounding spaces, and a trailing 省 / 市 / 自治区 /
 * 特别行政区, so `地区 = 北京` matches 北京市. 包含 / 开头是 / 结尾是 ignore case and width.
 */
import { cellErrorCode } from '../cell';
import { dayNumber } from '../analysis/dates';
import { normalizeAmount } from '../normalize/amount';
import { foldWidth } from '../normalize/text';
import type { CondNode, ParsedRule, ValueNode } from './ast';
import { FALSE_WORDS, TRUE_WORDS, ValueType, nameKey } from './catalogue';
import type { CmpOp } from './lexer';

export type ViewValue = number | string | boolean | Date | null | undefined;

/** The unified customer view as the evaluator reads it: one column of values per field id. */
export interface CustomerView {
  rowCount: number;
  /** The values of one field, one per customer; undefined when the view has no such field. */
  column(id: string): ArrayLike<ViewValue> | undefined;
}

/** A view over rows keyed by field id (analysis/view-fields.ts `ViewRow`). */
export function viewFromRows(rows: readonly Readonly<Record<string, ViewValue>>[]): CustomerView {
  return {
    rowCount: rows.length,
    column(id) {
      if (!rows.some((r) => id in r)) return undefined;
      return rows.map((r) => r[id]);
    },
  };
}

/** A view over column arrays keyed by field id. */
export function viewFromColumns(columns: Readonly<Record<string, ArrayLike<ViewValue>>>, rowCount?: number): CustomerView {
  const n = rowCount ?? Object.values(columns).reduce((m, c) => Math.max(m, c.length), 0);
  return { rowCount: n, column: (id) => (Object.prototype.hasOwnProperty.call(columns, id) ? columns[id] : undefined) };
}

export interface EvaluateOptions {
  /** "Today" for 今天 / 天数(…): `YYYY-MM-DD` or a Date; the local date when not given. */
  asOf?: string | Date;
  /** The same as a day number (days since 1970-01-01, as analysis/dates.ts counts); wins over `asOf`. */
  asOfDay?: number;
}

// Three-valued results, ordered so that AND is min, OR is max and NOT is 2 - x.
const F = 0;
const U = 1;
const T = 2;

/** Boolean column cells: 0 no, 1 yes, 2 missing. */
const B_MISSING = 2;

interface TextColumn {
  raw: (string | null)[];
  eq?: (string | null)[];
  fold?: (string | null)[];
}

type Num = Float64Array | number;
type Text = TextColumn | string;
type Bool = Uint8Array | number;

const ADMIN_SUFFIX = /(特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|省|市)$/;

/** The key text equality compares: width, case and spaces folded, a trailing 省/市/自治区 dropped. */
export function textEqualityKey(s: string): string {
  const k = foldWidth(s).trim().toLowerCase();
  const stripped = k.replace(ADMIN_SUFFIX, '');
  return stripped.length >= 2 ? stripped : k;
}

function foldKey(s: string): string {
  return foldWidth(s).toLowerCase();
}

function today({ asOf, asOfDay }: EvaluateOptions): number {
  if (asOfDay !== undefined) {
    if (Number.isInteger(asOfDay)) return asOfDay;
    throw new RangeError(`asOfDay is not a whole day number: ${asOfDay}`);
  }
  if (asOf !== undefined) {
    const d = dayNumber(asOf);
    if (d === d) return d;
    throw new RangeError(`asOf is not a date: ${String(asOf)}`);
  }
  const now = new Date();
  return dayNumber(`${now.getFullYear()}-${now.getMonth() + 1}-${now.getDate()}`);
}

/** Reads view columns once per field (cached across the rules of one evaluation) and evaluates nodes. */
export class RuleEvaluator {
  readonly n: number;
  readonly today: number;
  /** Fields a rule named that the view does not hold; they read as missing for every customer. */
  readonly missingFields = new Set<string>();
  private readonly cache = new Map<string, Num | Text | Bool>();

  constructor(
    private readonly view: CustomerView,
    options: EvaluateOptions = {},
  ) {
    this.n = view.rowCount;
    this.today = today(options);
  }

  /** 1 for every customer the rule is true for, 0 otherwise (false or unknown). */
  matches(rule: ParsedRule | CondNode): Uint8Array {
    const tri = this.cond('condition' in rule ? rule.condition : rule);
    const out = new Uint8Array(this.n);
    for (let i = 0; i < this.n; i++) out[i] = tri[i] === T ? 1 : 0;
    return out;
  }

  /** Three-valued result per customer: 0 false, 1 unknown, 2 true. */
  cond(node: CondNode): Uint8Array {
    const n = this.n;
    switch (node.kind) {
      case 'and':
      case 'or': {
        const a = this.cond(node.left);
        const b = this.cond(node.right);
        if (node.kind === 'and') for (let i = 0; i < n; i++) a[i] = a[i] < b[i] ? a[i] : b[i];
        else for (let i = 0; i < n; i++) a[i] = a[i] > b[i] ? a[i] : b[i];
        return a;
      }
      case 'not':
        return negate(this.cond(node.operand));
      case 'compare':
        return this.compare(node.op, node.left, node.right);
      case 'in': {
        const out = new Uint8Array(n); // all false: OR over the items starts from false
        for (const item of node.items) {
          const eq = this.compare('=', node.left, item);
          for (let i = 0; i < n; i++) if (eq[i] > out[i]) out[i] = eq[i];
        }
        return node.negated ? negate(out) : out;
      }
      case 'between': {
        const lo = this.compare('>=', node.left, node.low);
        const hi = this.compare('<=', node.left, node.high);
        for (let i = 0; i < n; i++) if (hi[i] < lo[i]) lo[i] = hi[i];
        return node.negated ? negate(lo) : lo;
      }
      case 'isNull':
        return this.isNull(node.operand, node.negated);
      case 'truthy': {
        const b = this.bool(node.operand);
        const out = new Uint8Array(n);
        for (let i = 0; i < n; i++) {
          const v = typeof b === 'number' ? b : b[i];
          out[i] = v === B_MISSING ? U : v === 1 ? T : F;
        }
        return out;
      }
      case 'match':
        return this.match(node);
    }
  }

  private compare(op: CmpOp, left: ValueNode, right: ValueNode): Uint8Array {
    const n = this.n;
    const out = new Uint8Array(n);
    if (left.type === 'number' || left.type === 'date') {
      const a = this.num(left);
      const b = this.num(right);
      for (let i = 0; i < n; i++) {
        const x = typeof a === 'number' ? a : a[i];
        const y = typeof b === 'number' ? b : b[i];
        if (x !== x || y !== y) out[i] = U;
        else out[i] = compareNumbers(op, x, y) ? T : F;
      }
      return out;
    }
    const ne = op === '!=';
    if (left.type === 'boolean') {
      const a = this.bool(left);
      const b = this.bool(right);
      for (let i = 0; i < n; i++) {
        const x = typeof a === 'number' ? a : a[i];
        const y = typeof b === 'number' ? b : b[i];
        out[i] = x === B_MISSING || y === B_MISSING ? U : (x === y) !== ne ? T : F;
      }
      return out;
    }
    const a = this.textKeys(this.text(left), 'eq');
    const b = this.textKeys(this.text(right), 'eq');
    for (let i = 0; i < n; i++) {
      const x = typeof a === 'string' || a === null ? a : a[i];
      const y = typeof b === 'string' || b === null ? b : b[i];
      out[i] = x === null || y === null ? U : (x === y) !== ne ? T : F;
    }
    return out;
  }

  private match(node: Extract<CondNode, { kind: 'match' }>): Uint8Array {
    const n = this.n;
    const out = new Uint8Array(n);
    const a = this.textKeys(this.text(node.left), 'fold');
    const b = this.textKeys(this.text(node.right), 'fold');
    for (let i = 0; i < n; i++) {
      const x = typeof a === 'string' || a === null ? a : a[i];
      const y = typeof b === 'string' || b === null ? b : b[i];
      if (x === null || y === null) {
        out[i] = U;
        continue;
      }
      const hit = node.op === 'contains' ? x.includes(y) : node.op === 'startsWith' ? x.startsWith(y) : x.endsWith(y);
      out[i] = hit !== node.negated ? T : F;
    }
    return out;
  }

  private isNull(operand: ValueNode, negated: boolean): Uint8Array {
    const n = this.n;
    const out = new Uint8Array(n);
    const yes = negated ? F : T;
    const no = negated ? T : F;
    if (operand.type === 'text') {
      const t = this.text(operand);
      for (let i = 0; i < n; i++) out[i] = (typeof t === 'string' ? t : t.raw[i]) === null ? yes : no;
    } else if (operand.type === 'boolean') {
      const b = this.bool(operand);
      for (let i = 0; i < n; i++) out[i] = (typeof b === 'number' ? b : b[i]) === B_MISSING ? yes : no;
    } else {
      const v = this.num(operand);
      for (let i = 0; i < n; i++) {
        const x = typeof v === 'number' ? v : v[i];
        out[i] = x !== x ? yes : no;
      }
    }
    return out;
  }

  // ---- values ----

  /** Numbers and dates (days since 1970-01-01); NaN is missing. */
  private num(node: ValueNode): Num {
    switch (node.kind) {
      case 'literal':
        return node.value as number;
      case 'today':
        return this.today;
      case 'field':
        return this.column(node.id, node.type) as Float64Array;
      case 'daysSince': {
        const d = this.num(node.arg);
        return mapNum(this.n, d, (x) => this.today - x);
      }
      case 'negate':
        return mapNum(this.n, this.num(node.operand), (x) => -x);
      case 'arith': {
        const a = this.num(node.left);
        const b = this.num(node.right);
        const op = node.op;
        const f =
          op === '+' ? (x: number, y: number) => x + y
          : op === '-' ? (x: number, y: number) => x - y
          : op === '*' ? (x: number, y: number) => x * y
          : (x: number, y: number) => x / y;
        if (typeof a === 'number' && typeof b === 'number') return finite(f(a, b));
        const out = new Float64Array(this.n);
        for (let i = 0; i < this.n; i++) out[i] = finite(f(typeof a === 'number' ? a : a[i], typeof b === 'number' ? b : b[i]));
        return out;
      }
    }
  }

  private text(node: ValueNode): Text {
    if (node.kind === 'literal') return String(node.value);
    if (node.kind === 'field') return this.column(node.id, 'text') as TextColumn;
    throw new TypeError(`not a text node: ${node.kind}`);
  }

  private textKeys(t: Text, which: 'eq' | 'fold'): (string | null)[] | string | null {
    const key = which === 'eq' ? textEqualityKey : foldKey;
    if (typeof t === 'string') return key(t);
    const cached = t[which];
    if (cached) return cached;
    const keys = t.raw.map((s) => (s === null ? null : key(s)));
    t[which] = keys;
    return keys;
  }

  private bool(node: ValueNode): Bool {
    if (node.kind === 'literal') return node.value ? 1 : 0;
    if (node.kind === 'field') return this.column(node.id, 'boolean') as Uint8Array;
    throw new TypeError(`not a yes/no node: ${node.kind}`);
  }

  /** A field's values read as `type`, once per evaluation. */
  private column(id: string, type: ValueType): Num | Text | Bool {
    const cacheKey = `${type}:${id}`;
    const hit = this.cache.get(cacheKey);
    if (hit !== undefined) return hit;
    let values = this.view.column(id);
    if (!values) {
      this.missingFields.add(id);
      values = { length: 0 };
    }
    const col = CONVERTERS[type](values, this.n);
    this.cache.set(cacheKey, col);
    return col;
  }
}

function negate(a: Uint8Array): Uint8Array {
  for (let i = 0; i < a.length; i++) a[i] = T - a[i];
  return a;
}

function compareNumbers(op: CmpOp, x: number, y: number): boolean {
  switch (op) {
    case '>':
      return x > y;
    case '>=':
      return x >= y;
    case '<':
      return x < y;
    case '<=':
      return x <= y;
    case '=':
      return x === y;
    case '!=':
      return x !== y;
  }
}

function finite(x: number): number {
  return x === Infinity || x === -Infinity ? NaN : x;
}

function mapNum(n: number, v: Num, f: (x: number) => number): Num {
  if (typeof v === 'number') return f(v);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = f(v[i]);
  return out;
}

function isMissing(v: ViewValue): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === 'string') return v.trim() === '' || cellErrorCode(v) !== null;
  return false;
}

// Column converters: a view may hold numbers as text, dates as Date, text or Excel serials, yes/no as 是/否.
// The loops touch no globals (Number.isFinite, Math.floor, Date): under a vm context such as jest's each global
// lookup costs far more than the work itself.

const DATE = Date;
const MS_PER_DAY = 86_400_000;

function toNumberColumn(values: ArrayLike<ViewValue>, n: number): Float64Array {
  const out = new Float64Array(n).fill(NaN);
  for (let i = 0; i < n && i < values.length; i++) {
    const v = values[i];
    if (typeof v === 'number') {
      if (v - v === 0) out[i] = v; // finite
    } else if (typeof v === 'string' && !isMissing(v)) out[i] = normalizeAmount(v).value ?? NaN;
  }
  return out;
}

function toDayColumn(values: ArrayLike<ViewValue>, n: number): Float64Array {
  const out = new Float64Array(n).fill(NaN);
  for (let i = 0; i < n && i < values.length; i++) {
    const v = values[i];
    if (v instanceof DATE) {
      // The view's dates are UTC midnight of the day; floor for any time of day, before 1970 too.
      const t = v.getTime();
      if (t - t !== 0) continue;
      let d = (t / MS_PER_DAY) | 0;
      if (d * MS_PER_DAY > t) d--;
      out[i] = d;
    } else if (!isMissing(v) && typeof v !== 'boolean') out[i] = dayNumber(v as string | number);
  }
  return out;
}

function toTextColumn(values: ArrayLike<ViewValue>, n: number): TextColumn {
  const raw: (string | null)[] = new Array(n).fill(null);
  for (let i = 0; i < n && i < values.length; i++) {
    const v = values[i];
    if (isMissing(v)) continue;
    if (typeof v === 'string') raw[i] = v.trim();
    else if (typeof v === 'number') raw[i] = Number.isFinite(v) ? String(v) : null;
    else if (typeof v === 'boolean') raw[i] = v ? '是' : '否';
    else if (v instanceof Date) raw[i] = Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
  }
  return { raw };
}

const TRUE_KEYS = new Set([...TRUE_WORDS, '1', 'y', '对', '有']);
const FALSE_KEYS = new Set([...FALSE_WORDS, '0', 'n', '错', '无']);

function toBoolColumn(values: ArrayLike<ViewValue>, n: number): Uint8Array {
  const out = new Uint8Array(n).fill(B_MISSING);
  for (let i = 0; i < n && i < values.length; i++) {
    const v = values[i];
    if (typeof v === 'boolean') out[i] = v ? 1 : 0;
    else if (typeof v === 'number') out[i] = v === 1 ? 1 : v === 0 ? 0 : B_MISSING;
    else if (typeof v === 'string') {
      const k = nameKey(v);
      out[i] = TRUE_KEYS.has(k) ? 1 : FALSE_KEYS.has(k) ? 0 : B_MISSING;
    }
  }
  return out;
}

const CONVERTERS: Record<ValueType, (values: ArrayLike<ViewValue>, n: number) => Num | Text | Bool> = {
  number: toNumberColumn,
  date: toDayColumn,
  text: toTextColumn,
  boolean: toBoolColumn,
};

export interface CompiledTagRule {
  /** The rule's id (its TagRule id, or its position). */
  id: string;
  tag: string;
  rule: ParsedRule;
}

export interface TagEvaluation {
  /** Per rule, in the order given: 1 for each customer the rule tags. */
  matches: Uint8Array[];
  /** Per rule: how many customers it tags. */
  counts: { id: string; tag: string; count: number }[];
  /** Per customer: the tags, in rule order, without repeats, joined with 、 ('' when none). */
  tagLists: string[];
  /** Fields the rules named that the view does not hold (read as missing). */
  missingFields: string[];
}

/** Every rule over every customer, sharing one read of each column. */
export function evaluateTagRules(rules: readonly CompiledTagRule[], view: CustomerView, options: EvaluateOptions = {}): TagEvaluation {
  const ev = new RuleEvaluator(view, options);
  const matches = rules.map((r) => ev.matches(r.rule));
  const counts = rules.map((r, k) => {
    let count = 0;
    const m = matches[k];
    for (let i = 0; i < m.length; i++) count += m[i];
    return { id: r.id, tag: r.tag, count };
  });
  // A tag two rules give is listed once: a rule is skipped for a customer an earlier rule with its tag matched.
  const earlierSameTag = rules.map((r, k) => matches.filter((_, j) => j < k && rules[j].tag === r.tag));
  const tagLists: string[] = new Array(ev.n);
  for (let i = 0; i < ev.n; i++) {
    let list = '';
    for (let k = 0; k < rules.length; k++) {
      if (matches[k][i] !== 1) continue;
      const earlier = earlierSameTag[k];
      if (earlier.length > 0 && earlier.some((m) => m[i] === 1)) continue;
      list = list ? `${list}、${rules[k].tag}` : rules[k].tag;
    }
    tagLists[i] = list;
  }
  return { matches, counts, tagLists, missingFields: [...ev.missingFields] };
}
