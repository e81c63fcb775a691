/**
 * Lifecycle stage from purchase history, first rule that applies:
 *   1. never bought                                   -> 获客期 (acquisition)
 *   2. recency > churnDays (180)                      -> 流失期 (churned)
 *   3. recency > dormantDays (90) or orders falling   -> 衰退期 (declining)
 *   4. one order so far                               -> 获客期 (just acquired)
 *   5. tenure (as-of − first order) < matureDays (365) -> 成长期 (growing)
 *   6. otherwise                                      -> 成熟期 (mature)
 * Value level from the ABC class: A 高, B 中, C 低.
 */
import type { AbcClass } from './abc';

export type LifecycleStage = '获客期' | '成长期' | '成熟期' | '衰退期' | '流失期';
export const LIFECYCLE_STAGES: readonly LifecycleStage[] = ['获客期', '成长期', '成熟期', '衰退期', '流失期'];
export const LIFECYCLE_EN: Readonly<Record<LifecycleStage, string>> = {
  获客期: 'Acquisition', 成长期: 'Growth', 成熟期: 'Maturity', 衰退期: 'Decline', 流失期: 'Churned',
};

export interface LifecycleOptions {
  churnDays?: number;
  dormantDays?: number;
  matureDays?: number;
}

/** recencyDays and tenureDays are NaN for a customer who never bought. */
export function lifecycleStage(
  recencyDays: number,
  tenureDays: number,
  frequency: number,
  frequencyFalling: boolean,
  opts: LifecycleOptions = {},
): LifecycleStage {
  if (!(frequency > 0) || recencyDays !== recencyDays) return '获客期';
  if (recencyDays > (opts.churnDays ?? 180)) return '流失期';
  if (recencyDays > (opts.dormantDays ?? 90) || frequencyFalling) return '衰退期';
  if (frequency === 1) return '获客期';
  return tenureDays < (opts.matureDays ?? 365) ? '成长期' : '成熟期';
}

export type ValueLevel = '高' | '中' | '低';

export function valueLevel(abc: AbcClass): ValueLevel {
  return abc === 'A' ? '高' : abc === 'B' ? '中' : '低';
}
