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

/** A field's normalized column, or undefined when the sheet has no such field. */
type ColumnOf = (fieldId: string) => readonly Normalized<unknown>[] | undefined;

function dateAt(column: readonly Normalized<unknown>[] | undefined, i: number): string | null {
  const r = column?.[i];
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
  columnOf: ColumnOf,
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
  const createdAt = columnOf('createdAt');
  const updatedAt = columnOf('updatedAt');
  const birthDate = columnOf('birthDate');
  const status = columnOf('status');
  const lastOrderDate = columnOf('lastOrderDate');
  const out: Contradiction[] = [];
  // Every rule needs one of these: without them (an order sheet, say) there is nothing to look at row by row.
  if (!createdAt && !birthDate && !status) return out;
  for (let i = 0; i < rowCount; i++) {
    const created = dateAt(createdAt, i);
    const updated = dateAt(updatedAt, i);
    if (created && updated && created > updated) {
      out.push({
        index: i,
        fieldId: 'createdAt',
        problem: `首次接触时间 ${created} 晚于最后更新时间 ${updated}`,
        suggestion: '核对两个日期，可能填反',
      });
    }
    const birth = dateAt(birthDate, i);
    if (birth && birth > asOf) {
      out.push({ index: i, fieldId: 'birthDate', problem: `出生日期 ${birth} 在未来`, suggestion: '核对出生日期' });
    }
    const state = status?.[i];
    const id = customerIdOf(i);
    if (state?.status === 'ok' && CHURNED.test(String(state.value))) {
      const lastBuy = later(dateAt(lastOrderDate, i), id ? lastOrder.get(id) ?? null : null);
      if (lastBuy && daysBetween(lastBuy, asOf) <= RECENT_DAYS) {
        out.push({
          index: i,
          fieldId: 'status',
          problem: `状态为「${String(state.value)}」，但 ${lastBuy} 仍有购买（近 ${RECENT_DAYS} 天内）`,
          suggestion: '更新客户状态',
        });
      }
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

/** The later of two `YYYY-MM-DD` dates, either of which may be missing. */
function later(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}
