/**
 * Sales funnel 线索 -> 意向 -> 成交 -> 复购 from a status/stage column. Each customer is at the furthest stage any of
 * its evidence shows: the stage text, and its orders (one order = 成交, two or more = 复购). The funnel counts,
 * for each stage, the customers who reached at least that stage, and the step conversion from the stage before.
 * Stage words are matched by the small list below (written by hand: these CRM status words have no library).
 */
import { foldWidth, trimAll } from '../normalize/text';

export const FUNNEL_STAGES = ['线索', '意向', '成交', '复购'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];
export const FUNNEL_EN: Readonly<Record<FunnelStage, string>> = { 线索: 'Lead', 意向: 'Interest', 成交: 'Won', 复购: 'Repeat' };

/** Lower-case words per stage; a status containing one of them is at that stage, the furthest match winning. */
const STAGE_WORDS: readonly (readonly string[])[] = [
  ['线索', '潜在', '待跟进', '未联系', '初次接触', 'lead', 'prospect', 'new'],
  ['意向', '有意向', '商机', '洽谈', '报价', '跟进中', '试用', '谈判', '需求确认', 'interest', 'opportunity', 'qualified', 'negotiat', 'proposal', 'trial'],
  ['成交', '已购', '已购买', '签约', '赢单', '已付款', '购买', '下单', 'won', 'closed won', 'customer', 'purchased', 'paid'],
  ['复购', '回购', '续费', '续约', '老客', '再次购买', 'repeat', 'renew', 'loyal'],
];

/** The stage (0..3) a status text names, or -1 when none. */
export function funnelStageOf(status: string | null | undefined): number {
  if (!status) return -1;
  const t = trimAll(foldWidth(status)).toLowerCase();
  if (t === '') return -1;
  if (/未成交|输单|丢单|lost|流失/.test(t)) return 1; // lost deals got as far as interest
  for (let s = STAGE_WORDS.length - 1; s >= 0; s--) if (STAGE_WORDS[s].some((w) => t.includes(w))) return s;
  return -1;
}

export interface FunnelRow {
  stage: FunnelStage;
  /** Customers who reached at least this stage. */
  customers: number;
  /** customers / customers of the stage before (1 for the first stage). */
  stepRate: number;
  /** customers / customers of the first stage. */
  overallRate: number;
}

export interface FunnelResult {
  rows: FunnelRow[];
  /** Customers with neither a recognised status nor orders (not in the funnel). */
  unknown: number;
}

/**
 * stageTexts[i]: customer i's status texts (any number); frequency[i]: its distinct orders (optional).
 * A customer with no recognised status and no order is left out and counted as unknown.
 */
export function buildFunnel(stageTexts: readonly (readonly (string | null)[])[], frequency?: ArrayLike<number>): FunnelResult {
  const reached = [0, 0, 0, 0];
  let unknown = 0;
  for (let i = 0; i < stageTexts.length; i++) {
    let s = -1;
    for (const t of stageTexts[i]) s = Math.max(s, funnelStageOf(t));
    const f = frequency ? frequency[i] : 0;
    if (f >= 2) s = 3;
    else if (f >= 1) s = Math.max(s, 2);
    if (s < 0) {
      unknown++;
      continue;
    }
    for (let k = 0; k <= s; k++) reached[k]++;
  }
  const rows = FUNNEL_STAGES.map((stage, k) => ({
    stage,
    customers: reached[k],
    stepRate: k === 0 ? (reached[0] > 0 ? 1 : 0) : reached[k - 1] > 0 ? reached[k] / reached[k - 1] : 0,
    overallRate: reached[0] > 0 ? reached[k] / reached[0] : 0,
  }));
  return { rows, unknown };
}
