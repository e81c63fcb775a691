/**
 * Churn-risk flags per customer, as of a day:
 *   noOrder90d        – no order in the last `windowDays` (recency > windowDays); null for a customer who never bought
 *   manyComplaints    – complaints >= `complaintLimit` (2)
 *   frequencyFalling  – fewer orders in the last window (order age 0..W days) than in the one before (W+1..2W days)
 * churnRisk is true when any flag is.
 */

export interface ChurnOptions {
  windowDays?: number;
  complaintLimit?: number;
}

export interface OrderWindows {
  last: Int32Array;
  previous: Int32Array;
}

/** Orders per customer in the last window and the one before it, counted back from asOfDay. */
export function orderWindows(
  customerCount: number,
  orders: { count: number; customer: ArrayLike<number>; day: ArrayLike<number> },
  asOfDay: number,
  windowDays = 90,
): OrderWindows {
  const last = new Int32Array(customerCount);
  const previous = new Int32Array(customerCount);
  for (let o = 0; o < orders.count; o++) {
    const age = asOfDay - orders.day[o];
    if (age >= 0 && age <= windowDays) last[orders.customer[o]]++;
    else if (age > windowDays && age <= 2 * windowDays) previous[orders.customer[o]]++;
  }
  return { last, previous };
}

export interface ChurnFlags {
  noOrder90d: boolean | null;
  manyComplaints: boolean | null;
  frequencyFalling: boolean | null;
  churnRisk: boolean;
  /** zh-CN reasons joined by '；', '' when none. */
  reasons: string;
}

/** Flags of one customer. recencyDays NaN = never bought; complaints NaN = no interaction data. */
export function churnFlags(
  recencyDays: number,
  ordersLast: number,
  ordersPrevious: number,
  complaints: number,
  opts: ChurnOptions = {},
): ChurnFlags {
  const w = opts.windowDays ?? 90;
  const limit = opts.complaintLimit ?? 2;
  const bought = recencyDays === recencyDays;
  const noOrder90d = bought ? recencyDays > w : null;
  const manyComplaints = complaints === complaints ? complaints >= limit : null;
  const frequencyFalling = bought ? ordersLast < ordersPrevious : null;
  const reasons: string[] = [];
  if (noOrder90d) reasons.push(`${w}天未下单`);
  if (manyComplaints) reasons.push(`投诉${complaints}次`);
  if (frequencyFalling) reasons.push(`近${w}天订单${ordersLast}笔，少于前${w}天的${ordersPrevious}笔`);
  return { noOrder90d, manyComplaints, frequencyFalling, churnRisk: reasons.length > 0, reasons: reasons.join('；') };
}
