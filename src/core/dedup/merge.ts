/** Survivorship: one golden record per cluster, each field chosen by its own strategy, each value traceable to its row. */
import { DedupInput } from './types';

export type MergeStrategy = 'mostRecent' | 'mostComplete' | 'mostFrequent' | 'preferredSource';

export interface MergeOptions {
  /** Strategy per field name; fields not listed use defaultStrategy. */
  strategies?: Record<string, MergeStrategy>;
  /** Default 'mostComplete'. */
  defaultStrategy?: MergeStrategy;
  /** Field whose date (ISO or YYYYMMDD) says which row is newest; needed by mostRecent. */
  dateField?: string;
  /** Field naming each row's source system; needed by preferredSource. */
  sourceField?: string;
  /** Sources, most trusted first; unlisted sources come after, in row order. */
  sourceOrder?: string[];
}

export interface GoldenRecord {
  cluster: number;
  /** The rows merged, ascending. */
  rows: number[];
  values: (string | null)[];
  /** Per field, the row its value came from (-1 when every row is missing it). */
  from: number[];
}

const present = (v: string | null | undefined): v is string => v !== null && v !== undefined && v !== '';

/** Longest value, then earliest row. */
function mostComplete(rows: number[], value: (r: number) => string | null): number {
  let best = -1;
  for (const r of rows) {
    const v = value(r);
    if (present(v) && (best < 0 || v.length > value(best)!.length)) best = r;
  }
  return best;
}

function fieldIndex(input: DedupInput, name: string | undefined, strategy: MergeStrategy): number {
  const i = name === undefined ? -1 : input.fields.findIndex((f) => f.name === name);
  if (i < 0) throw new Error(`合并策略 ${strategy} 需要指定存在的${strategy === 'mostRecent' ? '日期' : '来源'}字段`);
  return i;
}

export function mergeClusters(input: DedupInput, clusters: number[][], options: MergeOptions = {}): GoldenRecord[] {
  const strategyOf = (name: string): MergeStrategy => options.strategies?.[name] ?? options.defaultStrategy ?? 'mostComplete';
  const needs = (s: MergeStrategy) => input.fields.some((f) => strategyOf(f.name) === s);
  const dateCol = needs('mostRecent') ? fieldIndex(input, options.dateField, 'mostRecent') : -1;
  const sourceCol = needs('preferredSource') ? fieldIndex(input, options.sourceField, 'preferredSource') : -1;
  const rank = new Map((options.sourceOrder ?? []).map((s, i) => [s, i]));
  const dateKey = (r: number) => (input.rows[r][dateCol] ?? '').replace(/\D+/g, '');
  const sourceRank = (r: number) => rank.get(input.rows[r][sourceCol] ?? '') ?? rank.size;

  return clusters.map((members, cluster) => {
    const rows = members.slice().sort((x, y) => x - y);
    const from = input.fields.map((f, c) => {
      const value = (r: number) => input.rows[r][c];
      const withValue = rows.filter((r) => present(value(r)));
      if (withValue.length === 0) return -1;
      switch (strategyOf(f.name)) {
        case 'mostComplete':
          return mostComplete(withValue, value);
        case 'mostRecent': {
          const newest = withValue.reduce((best, r) => (dateKey(r) > dateKey(best) ? r : best));
          return mostComplete(withValue.filter((r) => dateKey(r) === dateKey(newest)), value);
        }
        case 'preferredSource': {
          const top = Math.min(...withValue.map(sourceRank));
          return withValue.find((r) => sourceRank(r) === top)!;
        }
        case 'mostFrequent': {
          const count = new Map<string, number>();
          for (const r of withValue) count.set(value(r)!, (count.get(value(r)!) ?? 0) + 1);
          const most = Math.max(...count.values());
          return mostComplete(withValue.filter((r) => count.get(value(r)!) === most), value);
        }
      }
    });
    return { cluster, rows, values: from.map((r, c) => (r < 0 ? null : input.rows[r][c])), from };
  });
}
