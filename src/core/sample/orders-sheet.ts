/**
 * 「电商订单」: two years of shop orders. The shop knows the buyer's member number, name and phone, not the CRM id.
 * Busy in June (618) and November (双11), quiet around the Spring Festival; some orders cancelled or refunded.
 */
import { SheetBuilder } from './builder';
import { Ctx, Roles, workSeconds } from './context';
import { DIRT, countOf } from './dirt';
import { Person, dayOf, isoOf } from './model';
import { AMOUNT_FORMATS, amountCell, dateCell, isoToDate, personName, phoneCell } from './variants';
import { PRODUCTS, Product } from './vocab';

export const ORDERS_SHEET = '电商订单';
export const ORDERS_HEADER = [
  '订单号', '下单时间', '会员号', '收货人', '手机号', '商品名称', '商品类别', '数量', '单价', '实付金额', '订单状态', '收货地址',
];
/** Relative order volume per month, January first. */
const SEASON = [0.8, 0.55, 0.9, 0.9, 1.0, 1.6, 0.9, 0.9, 1.0, 1.1, 2.0, 1.3];
const SEASON_MAX = Math.max(...SEASON);
const RECENT_DAYS = 30;

export interface Order {
  buyer: Person;
  day: number;
  seconds: number;
  product: Product;
  quantity: number;
  unitPrice: number;
  amount: number;
  status: '已完成' | '已发货' | '待发货' | '已取消' | '已退款';
  /** Which part the order plays, if any. */
  role: 'churnedButRecentPurchase' | 'orderBeforeFirstContact' | null;
}

function seasonalDay(ctx: Ctx, lo: number, hi: number): number {
  for (;;) {
    const day = ctx.rng.int(lo, hi);
    if (ctx.rng.next() * SEASON_MAX < SEASON[new Date(day * 86400000).getUTCMonth()]) return day;
  }
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

function makeOrder(ctx: Ctx, buyer: Person, day: number, role: Order['role'] = null): Order {
  const { rng } = ctx;
  const forCompany = buyer.b2b && rng.chance(0.7);
  const product = rng.pick(PRODUCTS.filter((p) => !!p.b2b === forCompany));
  const quantity = buyer.b2b && product.b2b ? (product.price > 5000 ? rng.int(1, 3) : rng.int(2, 30)) : rng.weighted([[1, 70], [2, 20], [3, 7], [5, 3]]);
  const month = new Date(day * 86400000).getUTCMonth();
  const promo = (month === 5 || month === 10) && rng.chance(0.6) ? rng.pick([0.8, 0.85, 0.9]) : 1;
  const unitPrice = round2(product.price * promo);
  const coupon = quantity * unitPrice > 200 && rng.chance(0.3) ? rng.pick([10, 20, 50]) : 0;
  const amount = round2(quantity * unitPrice - coupon);
  let status: Order['status'] = '已完成';
  if (role === null) {
    if (day > ctx.asOfDay - 5) status = rng.chance(0.5) ? '待发货' : '已发货';
    else status = rng.weighted([['已完成', 88], ['已取消', 6], ['已退款', 6]] as const);
  }
  return { buyer, day, seconds: workSeconds(ctx), product, quantity, unitPrice, amount, status, role };
}

/** The orders of every buyer: how many depends on the customer's state; the churned stopped buying long ago. */
export function drawOrders(ctx: Ctx, customers: readonly Person[], guests: readonly Person[], roles: Roles): Order[] {
  const { rng } = ctx;
  const orders: Order[] = [];
  for (const p of [...customers, ...guests]) {
    const status = p.status;
    if (status !== null && status !== '成交' && status !== '复购' && status !== '流失') continue;
    const count = status === '复购' ? rng.int(3, 5) : status === '流失' ? rng.int(1, 3) : status === '成交' ? (rng.chance(0.3) ? 2 : 1) : rng.chance(0.25) ? 2 : 1;
    const lo = Math.max(ctx.windowStart, status === null ? ctx.windowStart : dayOf(p.createdAt));
    const hi = status === '流失' ? ctx.asOfDay - 180 : ctx.asOfDay;
    if (lo > hi) continue;
    for (let k = 0; k < count; k++) orders.push(makeOrder(ctx, p, seasonalDay(ctx, lo, hi)));
    if (roles.churnedButRecentPurchase.has(p)) {
      orders.push(makeOrder(ctx, p, ctx.asOfDay - rng.int(0, RECENT_DAYS - 5), 'churnedButRecentPurchase'));
    }
    if (roles.orderBeforeFirstContact.has(p)) {
      const created = dayOf(p.createdAt);
      orders.push(makeOrder(ctx, p, Math.max(ctx.windowStart, created - rng.int(3, 60)), 'orderBeforeFirstContact'));
    }
  }
  return orders;
}

export function buildOrdersSheet(ctx: Ctx, orders: readonly Order[], roles: Roles): SheetBuilder {
  const { rng } = ctx;
  const d = DIRT.orders;
  const sheet = new SheetBuilder('orders', ORDERS_SHEET, ORDERS_HEADER, 1);
  const eligible = orders.map((o, i) => (o.role === null && o.status === '已完成' ? i : -1)).filter((i) => i >= 0);
  const picked = rng.sample(eligible.length, countOf(d.outlier, orders.length) + d.formulas).map((k) => eligible[k]);
  const outliers = new Set(picked.slice(0, countOf(d.outlier, orders.length)));
  const formulas = new Set(picked.slice(countOf(d.outlier, orders.length)));
  const ids = new Set<string>();

  orders.forEach((o, i) => {
    const p = o.buyer;
    const iso = isoOf(o.day);
    let id: string;
    do id = `${iso.replace(/-/g, '')}${String(rng.int(0, 99999999)).padStart(8, '0')}`;
    while (ids.has(id));
    ids.add(id);
    const row = sheet.add({ 订单号: id, 会员号: p.memberNo }, p.key, o.day * 86400 + o.seconds);

    if (rng.chance(d.dateText)) {
      sheet.set(row, '下单时间', isoToDate(iso, o.seconds).toISOString().slice(0, 19).replace('T', ' '));
      sheet.note(row, 'dateFormat', '下单时间', 'isoText');
    } else sheet.set(row, '下单时间', dateCell(iso, 'date', o.seconds));

    const showcase = p === roles.showcase;
    const nameStyle = showcase ? 'traditional' : rng.chance(d.nameVariant) ? rng.pick(['spaced', 'traditional'] as const) : 'plain';
    sheet.set(row, '收货人', personName(p.name, p.surnameLength, p.gender, nameStyle));
    if (nameStyle !== 'plain') sheet.note(row, 'nameVariant', '收货人', nameStyle);

    const u = showcase || roles.plainPhone.has(p) ? 1 : rng.next();
    const phoneStyle = u < d.phoneMasked ? 'masked' : u < d.phoneMasked + d.phoneFormat ? rng.pick(['number', 'plus86', 'spaced'] as const) : 'plain';
    sheet.set(row, '手机号', phoneCell(p.phone, phoneStyle));
    if (phoneStyle === 'masked') sheet.note(row, 'phoneInvalid', '手机号', phoneStyle);
    else if (phoneStyle !== 'plain') sheet.note(row, 'phoneFormat', '手机号', phoneStyle);

    sheet.set(row, '商品名称', o.product.name);
    if (rng.chance(d.errorCell)) {
      sheet.set(row, '商品类别', { error: '#N/A' });
      sheet.note(row, 'errorCell', '商品类别', 'VLOOKUP');
    } else sheet.set(row, '商品类别', o.product.category);
    sheet.set(row, '数量', o.quantity);
    sheet.set(row, '单价', o.unitPrice);
    sheet.set(row, '订单状态', o.status);

    const qtyCol = String.fromCharCode(65 + sheet.col('数量'));
    const priceCol = String.fromCharCode(65 + sheet.col('单价'));
    if (formulas.has(i)) {
      sheet.set(row, '实付金额', { formula: `${qtyCol}{row}*${priceCol}{row}`, result: round2(o.quantity * o.unitPrice) });
      sheet.note(row, 'formula', '实付金额', '数量*单价');
    } else if (outliers.has(i)) {
      sheet.set(row, '实付金额', round2(o.amount * 100));
      sheet.note(row, 'outlier', '实付金额', `应为 ${o.amount}`);
    } else if (o.status === '已取消') {
      sheet.set(row, '实付金额', 0);
    } else if (o.status === '已退款') {
      const paren = rng.chance(0.5);
      sheet.set(row, '实付金额', paren ? amountCell(-o.amount, 'paren') : -o.amount);
      if (paren) sheet.note(row, 'amountFormat', '实付金额', 'paren');
    } else if (rng.chance(d.amountFormat)) {
      const style = rng.pick(AMOUNT_FORMATS);
      sheet.set(row, '实付金额', amountCell(o.amount, style));
      sheet.note(row, 'amountFormat', '实付金额', style);
    } else sheet.set(row, '实付金额', o.amount);

    const muni = p.place.province === p.place.city;
    sheet.set(row, '收货地址', `${muni ? '' : p.place.province}${p.place.city}${p.place.district}${p.street}`);
  });
  return sheet;
}
