/**
 * RFM: recency, frequency, monetary -> 1–5 scores -> the R×F segment grid and the Chinese 8 value classes.
 *
 * Quintile scores (default): score = 1 + floor(5 × (rank_min − 1) / n), where rank_min is the value's 1-based
 * minimum rank (1 + how many customers have a strictly smaller value; for R, strictly LARGER recency, so the most
 * recent customers score 5). Equal values always get equal scores and the result never depends on row order;
 * heavy ties (frequency 1 for a third of the customers) simply leave some scores unused instead of failing, as
 * pandas.qcut does on duplicate edges.
 *
 * Threshold scores (user cuts c1 <= c2 <= c3 <= c4): F and M score 1 + (number of cuts with value >= cut);
 * R scores 5 − (number of cuts with recency > cut), so recency <= c1 scores 5 and recency > c4 scores 1.
 */

export type Score = 1 | 2 | 3 | 4 | 5;

export interface RfmValues {
  recencyDays: ArrayLike<number>;
  frequency: ArrayLike<number>;
  monetary: ArrayLike<number>;
}

export type ThresholdKind = 'mean' | 'median';

export interface RfmOptions {
  /** Cut for the 8 Chinese classes: mean (default) or median of each of R, F, M. */
  classThresholds?: ThresholdKind;
  /** Four ascending cut points per measure instead of quintiles. */
  cuts?: { r?: readonly number[]; f?: readonly number[]; m?: readonly number[] };
}

export interface RfmSegment {
  id: string;
  en: string;
  zh: string;
}

/** The ten segments of the well-known R×F grid (the regex map of the common Python RFM tutorials). */
export const RFM_SEGMENTS: readonly RfmSegment[] = [
  { id: 'champions', en: 'Champions', zh: '冠军客户' },
  { id: 'loyal', en: 'Loyal Customers', zh: '忠诚客户' },
  { id: 'potentialLoyalist', en: 'Potential Loyalists', zh: '潜力客户' },
  { id: 'newCustomers', en: 'New Customers', zh: '新客户' },
  { id: 'promising', en: 'Promising', zh: '有望客户' },
  { id: 'needAttention', en: 'Need Attention', zh: '需要关注' },
  { id: 'aboutToSleep', en: 'About To Sleep', zh: '即将沉睡' },
  { id: 'atRisk', en: 'At Risk', zh: '有流失风险' },
  { id: 'cantLose', en: "Can't Lose Them", zh: '不能失去' },
  { id: 'hibernating', en: 'Hibernating', zh: '沉睡客户' },
];

const SEG = new Map(RFM_SEGMENTS.map((s) => [s.id, s]));

/**
 * [R scores, F scores, segment]: r'[1-2][1-2]' Hibernating, r'[1-2][3-4]' At Risk, r'[1-2]5' Can't Lose,
 * r'3[1-2]' About To Sleep, r'33' Need Attention, r'[3-4][4-5]' Loyal, r'41' Promising, r'51' New Customers,
 * r'[4-5][2-3]' Potential Loyalist, r'5[4-5]' Champions.
 */
export const RFM_GRID: readonly (readonly [readonly number[], readonly number[], string])[] = [
  [[1, 2], [1, 2], 'hibernating'],
  [[1, 2], [3, 4], 'atRisk'],
  [[1, 2], [5], 'cantLose'],
  [[3], [1, 2], 'aboutToSleep'],
  [[3], [3], 'needAttention'],
  [[3, 4], [4, 5], 'loyal'],
  [[4], [1], 'promising'],
  [[5], [1], 'newCustomers'],
  [[4, 5], [2, 3], 'potentialLoyalist'],
  [[5], [4, 5], 'champions'],
];

const GRID_LOOKUP: RfmSegment[] = (() => {
  const cells: RfmSegment[] = new Array(25);
  for (const [rs, fs, id] of RFM_GRID) for (const r of rs) for (const f of fs) cells[(r - 1) * 5 + (f - 1)] = SEG.get(id)!;
  return cells;
})();

/** The segment of an R score and an F score (1–5 each). */
export function rfmSegmentOf(r: number, f: number): RfmSegment {
  return GRID_LOOKUP[(r - 1) * 5 + (f - 1)];
}

/** The Chinese 8 value classes by (R high, F high, M high). */
export function rfmClassCn(rHigh: boolean, fHigh: boolean, mHigh: boolean): string {
  if (mHigh) return rHigh ? (fHigh ? '重要价值客户' : '重要发展客户') : fHigh ? '重要保持客户' : '重要挽留客户';
  return rHigh ? (fHigh ? '一般价值客户' : '一般发展客户') : fHigh ? '一般保持客户' : '一般挽留客户';
}

export const RFM_CLASSES_CN = [
  '重要价值客户', '重要发展客户', '重要保持客户', '重要挽留客户', '一般价值客户', '一般发展客户', '一般保持客户', '一般挽留客户',
] as const;

/** Quintile scores by minimum rank (see the file comment). `descending`: smaller values score higher (R). */
export function quintileScores(values: ArrayLike<number>, descending = false): Uint8Array {
  const n = values.length;
  const sorted = Float64Array.from(values).sort();
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    const before = descending ? n - upperBound(sorted, v) : lowerBound(sorted, v);
    out[i] = 1 + Math.floor((5 * before) / n);
  }
  return out;
}

/** Scores by four user cuts (see the file comment). */
export function thresholdScores(values: ArrayLike<number>, cuts: readonly number[], descending = false): Uint8Array {
  if (cuts.length !== 4 || cuts.some((c, i) => !Number.isFinite(c) || (i > 0 && c < cuts[i - 1]))) {
    throw new Error(`评分阈值须为 4 个递增的数 (need 4 ascending cut points), got ${cuts.join(',')}`);
  }
  const out = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    let k = 0;
    for (const c of cuts) if (descending ? v > c : v >= c) k++;
    out[i] = descending ? 5 - k : 1 + k;
  }
  return out;
}

/** First index with sorted[i] >= v. */
function lowerBound(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index with sorted[i] > v. */
function upperBound(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function mean(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return values.length === 0 ? NaN : s / values.length;
}

export function median(values: ArrayLike<number>): number {
  const n = values.length;
  if (n === 0) return NaN;
  const s = Float64Array.from(values).sort();
  return n % 2 === 1 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

export interface RfmClassThresholds {
  kind: ThresholdKind;
  /** R high (recent) when recency < this. */
  recencyDays: number;
  /** F high when frequency > this. */
  frequency: number;
  /** M high when monetary > this. */
  monetary: number;
}

export interface RfmResult {
  r: Uint8Array;
  f: Uint8Array;
  m: Uint8Array;
  segment: RfmSegment[];
  classCn: string[];
  classThresholds: RfmClassThresholds;
  /** How the 1–5 scores were made, for the report. */
  scoring: 'quintile' | 'cuts';
}

export function computeRfm(values: RfmValues, opts: RfmOptions = {}): RfmResult {
  const { recencyDays, frequency, monetary } = values;
  const n = recencyDays.length;
  const cuts = opts.cuts;
  const r = cuts?.r ? thresholdScores(recencyDays, cuts.r, true) : quintileScores(recencyDays, true);
  const f = cuts?.f ? thresholdScores(frequency, cuts.f) : quintileScores(frequency);
  const m = cuts?.m ? thresholdScores(monetary, cuts.m) : quintileScores(monetary);
  const kind = opts.classThresholds ?? 'mean';
  const centre = kind === 'median' ? median : mean;
  const classThresholds: RfmClassThresholds = {
    kind,
    recencyDays: centre(recencyDays),
    frequency: centre(frequency),
    monetary: centre(monetary),
  };
  const segment = new Array<RfmSegment>(n);
  const classCn = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    segment[i] = rfmSegmentOf(r[i], f[i]);
    classCn[i] = rfmClassCn(
      recencyDays[i] < classThresholds.recencyDays,
      frequency[i] > classThresholds.frequency,
      monetary[i] > classThresholds.monetary,
    );
  }
  return { r, f, m, segment, classCn, classThresholds, scoring: cuts && (cuts.r || cuts.f || cuts.m) ? 'cuts' : 'quintile' };
}
