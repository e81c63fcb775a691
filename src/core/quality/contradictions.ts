/**
 * Cross-field contradictions: facts in one row (or one customer's orders) that cannot all be true.
 * Dates are compared as `YYYY-MM-DD` strings, which sort like the dates they name.
 */
import { Normalized } from '../normalize/types';
import { OrderDates } from './types';

export interface Contradiction {
  index: number;
  fieldId: string;
  problem: string;
  suggestion: string;
}

type Lookup = (fieldId: string, index: number) => Normalized<unknown> | undefined;

function dateAt(get: Lookup, fieldId: string, i: number): string | null {
  const r = get(fieldId, i);
  return r && r.status === 'ok' && typeof r.value === 'string' ? r.value : null;
}

/** Whole days from a to b, both `YYYY-MM-DD`. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86400000);
}

const CHURNED = /流失|churn/i;
const RECENT_DAYS = 30;

export function findContradictions(
  rowCount: number,
  get: Lookup,
  asOf: string,
  customerIdOf: (index: number) => string | null,
  orders?: OrderDates,
): Contradiction[] {
  const firstOrder = new Map<string, string>();
  const lastOrder = new Map<string, string>();
  if (orders) {
    for (let k = 0; k < orders.customerIds.length; k++) {
      const id = orders.customerIds[k];
      const d = orders.dates[k];
      if (!id || !d) continue;
      const f = firstOrder.get(id);
      if (f === undefined || d < f) firstOrder.set(id, d);
      const l = lastOrder.get(id);
      if (l === undefined || d > l) lastOrder.set(id, d);
    }
  }
  const out: Contradiction[] = [];
  for (let i = 0; i < rowCount; i++) {
    const created = dateAt(get, 'createdAt', i);
    const updated = dateAt(get, 'updatedAt', i);
    if (created && updated && created > updated) {
      out.push({
        index: i,
        fieldId: 'createdAt',
        problem: `首次接触时间 ${created} 晚于最后更新时间 ${updated}`,
        suggestion: '核对两个日期，可能填反',
      });
    }
    const birth = dateAt(get, 'birthDate', i);
    if (birth && birth > asOf) {
      out.push({ index: i, fieldId: 'birthDate', problem: `出生日期 ${birth} 在未来`, suggestion: '核对出生日期' });
    }
    const status = get('status', i);
    const id = customerIdOf(i);
    const lastBuy = [dateAt(get, 'lastOrderDate', i), id ? lastOrder.get(id) ?? null : null]
      .filter((d): d is string => d !== null)
      .sort()
      .pop();
    if (status?.status === 'ok' && CHURNED.test(String(status.value)) && lastBuy && daysBetween(lastBuy, asOf) <= RECENT_DAYS) {
      out.push({
        index: i,
        fieldId: 'status',
        problem: `状态为「${String(status.value)}」，但 ${lastBuy} 仍有购买（近 ${RECENT_DAYS} 天内）`,
        suggestion: '更新客户状态',
      });
    }
    const first = id ? firstOrder.get(id) : undefined;
    if (created && first && first < created) {
      out.push({
        index: i,
        fieldId: 'createdAt',
        problem: `订单日期 ${first} 早于首次接触时间 ${created}`,
        suggestion: '首次接触时间应不晚于第一笔订单',
      });
    }
  }
  return out;
}
