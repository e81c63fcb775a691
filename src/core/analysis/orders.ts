/**
 * Order lines -> per-customer purchase facts (first/last day, distinct orders, total amount) and one record per
 * distinct order, in typed arrays. Lines are fed in chunks (`addRows`), so a caller reading a large file never
 * has to hold all of it.
 *
 * Excluded from value metrics and counted, each line under the FIRST reason that applies, in this order:
 *   noCustomer      – blank customer
 *   cancelled       – order id `C` + digit (UCI Online Retail's cancellations, `C536379`; `CN2024…` is not one)
 *   badDate         – no readable order date
 *   badAmount       – amount (or quantity / unit price) not a number
 *   nonPositiveQuantity – quantity <= 0 (returns, corrections)
 *   negativePrice   – unit price < 0 (bad-debt adjustments)
 *   negativeAmount  – amount < 0, when an amount column is given
 * Zero-price lines stay (free samples are still an order).
 *
 * A distinct order is a distinct (customer, order id); without an order id column, a distinct (customer, day).
 * An order's day is the earliest day among its lines.
 */
import { CellValue } from '../cell';
import { normalizeAmount } from '../normalize/amount';
import { dayNumber } from './dates';

/** 0-based column positions in the rows handed to addRows. Give `amount`, or `quantity` and `price`. */
export interface OrderColumns {
  customer: number;
  date: number;
  order?: number;
  amount?: number;
  quantity?: number;
  price?: number;
  /** Product name or code, for preferred product and cross tabs. */
  product?: number;
}

export interface OrderOptions {
  /** Exclude cancellation orders (`C` + digit). Default true. */
  excludeCancelled?: boolean;
  /** Map a customer id to the key it is counted under (dedup golden customer); default: the id itself. */
  keyOf?: (customerId: string) => string;
}

export interface OrderExclusions {
  noCustomer: number;
  cancelled: number;
  badDate: number;
  badAmount: number;
  nonPositiveQuantity: number;
  negativePrice: number;
  negativeAmount: number;
}

export const EXCLUSION_LABELS: Readonly<Record<keyof OrderExclusions, { zh: string; en: string }>> = {
  noCustomer: { zh: '缺少客户编号', en: 'No customer' },
  cancelled: { zh: '取消订单（订单号以 C 开头）', en: 'Cancelled (order id starts with C)' },
  badDate: { zh: '日期无法识别', en: 'Unreadable date' },
  badAmount: { zh: '金额/数量/单价不是数字', en: 'Amount, quantity or price not a number' },
  nonPositiveQuantity: { zh: '数量小于等于 0', en: 'Quantity <= 0' },
  negativePrice: { zh: '单价为负', en: 'Negative unit price' },
  negativeAmount: { zh: '金额为负', en: 'Negative amount' },
};

export interface OrderFacts {
  /** Customer index -> customer key, in order of first appearance. */
  customers: string[];
  indexOf: Map<string, number>;
  firstDay: Int32Array;
  lastDay: Int32Array;
  /** Distinct orders. */
  frequency: Int32Array;
  monetary: Float64Array;
  /** One entry per distinct order. */
  orders: { count: number; customer: Int32Array; day: Int32Array; amount: Float64Array };
  /** Per customer: the product with the most order lines (first seen wins a tie), or null. */
  preferredProduct: (string | null)[];
  linesRead: number;
  linesUsed: number;
  excluded: OrderExclusions;
  /** Latest day among the lines used; NaN when none. */
  maxDay: number;
  minDay: number;
}

function grow<T extends Int32Array | Float64Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  const b = new (a.constructor as { new (n: number): T })(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

/** Fast text -> number: plain numerals by `+s`, anything else (`¥1,200`, `1.2万`) by normalizeAmount. */
function numberOf(v: CellValue): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v !== '') {
    const x = +v;
    // x - x === 0: finite; `+' '` is 0, so a zero must come from a written 0.
    if (x - x === 0 && (x !== 0 || v.indexOf('0') >= 0)) return x;
  }
  if (v === null || v === undefined || v === '') return NaN;
  const n = normalizeAmount(v);
  return n.value === null ? NaN : n.value;
}

function textOf(v: CellValue): string | null {
  if (v === null || v === undefined) return null;
  let s = typeof v === 'string' ? v : v instanceof Date ? v.toISOString() : typeof v === 'object' ? '' : String(v);
  if (s.length > 0 && (s.charCodeAt(0) <= 32 || s.charCodeAt(s.length - 1) <= 32)) s = s.trim();
  return s === '' ? null : s;
}

function isCancellation(id: string | null): boolean {
  if (id === null || id.length < 2) return false;
  const c = id.charCodeAt(0);
  const d = id.charCodeAt(1);
  return (c === 67 || c === 99) && d >= 48 && d <= 57;
}

export class OrderAccumulator {
  private readonly cols: OrderColumns;
  private readonly excludeCancelled: boolean;
  private readonly keyOf?: (id: string) => string;
  private readonly customers: string[] = [];
  private readonly indexOf = new Map<string, number>();
  private firstDay = new Int32Array(1024);
  private lastDay = new Int32Array(1024);
  private frequency = new Int32Array(1024);
  private monetary = new Float64Array(1024);
  private readonly orderIndex = new Map<string, number>();
  private orderCustomer = new Int32Array(4096);
  private orderDay = new Int32Array(4096);
  private orderAmount = new Float64Array(4096);
  private orderCount = 0;
  private readonly productCounts: (Map<string, number> | undefined)[] = [];
  private prevCustomer: string | null = null;
  private prevOrderId: string | null = null;
  private prevC = -1;
  private prevDateText: string | null = null;
  private prevDay = NaN;
  private prevO = -1;
  private linesRead = 0;
  private linesUsed = 0;
  private maxDay = -Infinity;
  private minDay = Infinity;
  private readonly excluded: OrderExclusions = {
    noCustomer: 0, cancelled: 0, badDate: 0, badAmount: 0, nonPositiveQuantity: 0, negativePrice: 0, negativeAmount: 0,
  };

  constructor(cols: OrderColumns, opts: OrderOptions = {}) {
    if (cols.amount === undefined && (cols.quantity === undefined || cols.price === undefined)) {
      throw new Error('需要金额列，或数量列和单价列 (need an amount column, or quantity and unit price columns)');
    }
    this.cols = cols;
    this.excludeCancelled = opts.excludeCancelled ?? true;
    this.keyOf = opts.keyOf;
  }

  /** Adds rows[from..to) (default all). Each row is one order line; cells by the column positions given. */
  addRows(rows: readonly (readonly CellValue[])[], from = 0, to = rows.length): void {
    const { customer: cC, date: cD, order: cO, amount: cA, quantity: cQ, price: cP, product: cPr } = this.cols;
    const ex = this.excluded;
    for (let r = from; r < to; r++) {
      const row = rows[r];
      this.linesRead++;
      let cust = textOf(row[cC]);
      if (cust === null) {
        ex.noCustomer++;
        continue;
      }
      const orderId = cO === undefined ? null : textOf(row[cO]);
      if (this.excludeCancelled && isCancellation(orderId)) {
        ex.cancelled++;
        continue;
      }
      // Lines of one order share their date text: parse it once.
      const dv = row[cD];
      let day: number;
      if (typeof dv === 'string' && dv === this.prevDateText) day = this.prevDay;
      else {
        day = dayNumber(dv);
        if (typeof dv === 'string') {
          this.prevDateText = dv;
          this.prevDay = day;
        }
      }
      if (day !== day) {
        ex.badDate++;
        continue;
      }
      const qty = cQ === undefined ? 1 : numberOf(row[cQ]);
      const price = cP === undefined ? 0 : numberOf(row[cP]);
      const amount = cA === undefined ? qty * price : numberOf(row[cA]);
      if (amount !== amount || qty !== qty || price !== price) {
        ex.badAmount++;
        continue;
      }
      if (qty <= 0) {
        ex.nonPositiveQuantity++;
        continue;
      }
      if (price < 0) {
        ex.negativePrice++;
        continue;
      }
      if (amount < 0) {
        ex.negativeAmount++;
        continue;
      }
      this.linesUsed++;
      // Lines of one order come together: reuse the previous line's lookups instead of hashing both ids again.
      let c: number;
      let o: number;
      if (cust === this.prevCustomer && orderId !== null && orderId === this.prevOrderId) {
        c = this.prevC;
        o = this.prevO;
      } else {
        this.prevCustomer = cust;
        this.prevOrderId = orderId;
        if (this.keyOf) cust = this.keyOf(cust);
        c = this.prevC = this.customerIndex(cust);
        o = this.prevO = this.orderOf(c, cust, orderId, day);
      }
      this.orderAmount[o] += amount;
      if (day < this.orderDay[o]) this.orderDay[o] = day;
      if (day > this.maxDay) this.maxDay = day;
      if (day < this.minDay) this.minDay = day;
      if (cPr !== undefined) {
        const p = textOf(row[cPr]);
        if (p !== null) {
          let m = this.productCounts[c];
          if (!m) this.productCounts[c] = m = new Map();
          m.set(p, (m.get(p) ?? 0) + 1);
        }
      }
    }
  }

  /** Adds a column-oriented table (columns[c][r]), positions as in OrderColumns; transposed in small chunks. */
  addColumns(columns: readonly (readonly CellValue[])[], rowCount: number): void {
    const used = Object.values(this.cols).filter((c): c is number => c !== undefined);
    const width = Math.max(...used) + 1;
    const chunk: CellValue[][] = Array.from({ length: Math.min(rowCount, 4096) }, () => new Array<CellValue>(width).fill(null));
    for (let start = 0; start < rowCount; start += chunk.length) {
      const n = Math.min(chunk.length, rowCount - start);
      for (const c of used) {
        const col = columns[c];
        for (let i = 0; i < n; i++) chunk[i][c] = col?.[start + i] ?? null;
      }
      this.addRows(chunk, 0, n);
    }
  }

  private customerIndex(key: string): number {
    let c = this.indexOf.get(key);
    if (c === undefined) {
      c = this.customers.length;
      this.customers.push(key);
      this.indexOf.set(key, c);
    }
    return c;
  }

  private orderOf(c: number, cust: string, orderId: string | null, day: number): number {
    let key = orderId === null ? `${c}\u0001${day}` : orderId;
    let o = this.orderIndex.get(key);
    // The same order id under another customer is a different order (ids may restart per shop or source).
    if (o !== undefined && this.orderCustomer[o] !== c) {
      key = `${cust}\u0001${orderId}`;
      o = this.orderIndex.get(key);
    }
    if (o !== undefined) return o;
    o = this.orderCount++;
    this.orderCustomer = grow(this.orderCustomer, o + 1);
    this.orderDay = grow(this.orderDay, o + 1);
    this.orderAmount = grow(this.orderAmount, o + 1);
    this.orderCustomer[o] = c;
    this.orderDay[o] = day;
    this.orderIndex.set(key, o);
    return o;
  }

  finish(): OrderFacts {
    const n = this.customers.length;
    const firstDay = new Int32Array(n).fill(2 ** 31 - 1);
    const lastDay = new Int32Array(n).fill(-(2 ** 31));
    const frequency = new Int32Array(n);
    const monetary = new Float64Array(n);
    const oc = this.orderCount;
    for (let o = 0; o < oc; o++) {
      const c = this.orderCustomer[o];
      const d = this.orderDay[o];
      frequency[c]++;
      monetary[c] += this.orderAmount[o];
      if (d < firstDay[c]) firstDay[c] = d;
      if (d > lastDay[c]) lastDay[c] = d;
    }
    const preferredProduct: (string | null)[] = new Array(n).fill(null);
    for (let c = 0; c < n; c++) {
      const m = this.productCounts[c];
      if (!m) continue;
      let best: string | null = null;
      let bestN = 0;
      for (const [p, k] of m) if (k > bestN) [best, bestN] = [p, k];
      preferredProduct[c] = best;
    }
    return {
      customers: this.customers,
      indexOf: this.indexOf,
      firstDay,
      lastDay,
      frequency,
      monetary,
      orders: {
        count: oc,
        customer: this.orderCustomer.slice(0, oc),
        day: this.orderDay.slice(0, oc),
        amount: this.orderAmount.slice(0, oc),
      },
      preferredProduct,
      linesRead: this.linesRead,
      linesUsed: this.linesUsed,
      excluded: { ...this.excluded },
      maxDay: this.linesUsed > 0 ? this.maxDay : NaN,
      minDay: this.linesUsed > 0 ? this.minDay : NaN,
    };
  }
}

/** All rows at once: `orderFacts(rows, cols)` = new OrderAccumulator(cols).addRows(rows) then finish(). */
export function orderFacts(rows: readonly (readonly CellValue[])[], cols: OrderColumns, opts?: OrderOptions): OrderFacts {
  const acc = new OrderAccumulator(cols, opts);
  acc.addRows(rows);
  return acc.finish();
}

/** Total lines excluded, over all reasons. */
export function excludedTotal(ex: OrderExclusions): number {
  return Object.values(ex).reduce((s, k) => s + k, 0);
}

/** Field ids of the standard dictionary that feed each order column. */
const ORDER_FIELD_IDS: Readonly<Record<keyof OrderColumns, string>> = {
  customer: 'customerId',
  date: 'orderDate',
  order: 'orderId',
  amount: 'amount',
  quantity: 'quantity',
  price: 'unitPrice',
  product: 'product',
};

/**
 * Order columns from a header mapping (mapHeaders). `missing` names what is lacking: customer, date, and amount
 * or quantity+price. When both an amount and quantity+price are present, the amount is used.
 */
export function orderColumnsFromMapping(
  mapping: readonly { column: number; fieldId: string | null }[],
): { columns: Partial<OrderColumns>; missing: string[] } {
  const columns: Partial<OrderColumns> = {};
  for (const [key, fieldId] of Object.entries(ORDER_FIELD_IDS) as [keyof OrderColumns, string][]) {
    const m = mapping.find((x) => x.fieldId === fieldId);
    if (m) columns[key] = m.column;
  }
  if (columns.product === undefined) {
    const code = mapping.find((x) => x.fieldId === 'productCode');
    if (code) columns.product = code.column;
  }
  return { columns, missing: missingOrderColumns(columns) };
}

export function missingOrderColumns(columns: Partial<OrderColumns>): string[] {
  const missing: string[] = [];
  if (columns.customer === undefined) missing.push('customer');
  if (columns.date === undefined) missing.push('date');
  if (columns.amount === undefined && (columns.quantity === undefined || columns.price === undefined)) {
    missing.push(columns.quantity === undefined && columns.price === undefined ? 'amount' : columns.quantity === undefined ? 'quantity' : 'price');
  }
  return missing;
}
