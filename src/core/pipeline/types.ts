/**
 * The pipeline over a workbook, as the add-in, the ribbon buttons, the preview and `kehu run` all use it:
 * sources -> clean -> dedup -> analyze (+ tags) -> report. Every step reads what it needs through the Workbook
 * port and writes its own outputs (replacing its earlier ones), so a ribbon button can run one step alone with
 * the settings saved in the workbook. A `PipelineSession` may keep results between steps of one task-pane visit;
 * a step given a fresh session recomputes what it needs.
 *
 * This file holds the shapes the UI and the CLI code against; the steps live in src/core/pipeline/steps/*.
 */
import type { SheetRole } from '../fields';
import type { TagRule } from '../tags';
import type { Locale } from '../report/quality-sheet';
import type { Progress } from './progress';
import type { JsonValue } from '../../host/workbook';
import type { ChartSpec } from '../report/chart-spec';

/** Workbook setting key under which PipelineSettings are saved (Workbook.setSetting). */
export const SETTINGS_KEY = 'kehu.settings';

export type SourceRole = SheetRole | 'ignore';

/** What the user decided (or accepted) for one sheet on the 数据源 step. */
export interface SourceSetting {
  sheet: string;
  role: SourceRole;
  /** 1-based Excel row of the header; 0 when the sheet has no header row (columns are then 列1, 列2 …). */
  headerRow: number;
  /**
   * Column header -> standard field id, or null for "not used". Columns not listed (added after the settings were
   * made, or Kehu's own `(清洗)` columns) are not used.
   */
  mapping: Record<string, string | null>;
}

export type ReportSheetId = 'quality' | 'duplicates' | 'segments' | 'tags' | 'cohorts' | 'funnel' | 'crossTab';
export type ReportChartId = 'segments' | 'industry' | 'abcPareto' | 'monthlyTrend' | 'weekdayHour' | 'funnel';

export interface PipelineSettings {
  version: 1;
  locale: Locale;
  /** `YYYY-MM-DD`; default: the day after the latest order date, else today. */
  asOf?: string;
  sources: SourceSetting[];
  clean: { keyFieldIds: string[] };
  dedup: {
    /** Match probability from which two rows are the same customer. */
    threshold: number;
    /** Groups the analyst rejected on the 去重 step, by their stable key (sorted source row ids). */
    rejectedGroups: string[];
  };
  analysis: { thresholds: 'mean' | 'median' };
  tags: TagRule[];
  report: { sheets: ReportSheetId[]; charts: ReportChartId[] };
}

/** One sheet as the 数据源 step shows it. */
export interface SourceDetection {
  sheet: string;
  rowCount: number;
  columnCount: number;
  headerRow: number;
  role: SourceRole;
  roleConfidence: number;
  columns: { header: string; fieldId: string | null; confidence: number; reason: string }[];
  /** Why the sheet cannot be used, in the user's language (empty sheet, header only …). */
  problem?: string;
}

/** One source row of a duplicate group, as the 去重 step lists it. */
export interface DuplicateMember {
  sheet: string;
  row: number;
  /** A short line describing the record (name · phone · region). */
  label: string;
  /** Explanation of this row's best link, e.g. `联系电话 相同 (+9.1) · … → 99.2%`. */
  reason: string;
  probability: number;
}

export interface DuplicateGroup {
  /** Stable key: sorted `sheet!row` ids joined by `|`. */
  key: string;
  members: DuplicateMember[];
  /** The merged (golden) record, field id -> value text. */
  golden: Record<string, string>;
  rejected: boolean;
}

export interface StepSummary {
  /** Plain words for the user: what was done, counts. */
  message: string;
  /** Sheets written or replaced. */
  sheets: string[];
  /** Columns written, as `sheet!header`. */
  columns: string[];
  charts: number;
  durationMs: number;
}

export interface CleanStepResult extends StepSummary {
  reports: { sheet: string; rows: number; usable: number; availability: number; issues: number }[];
  /** Before -> after examples per field for the preview on the 清洗 step. */
  examples: { sheet: string; field: string; before: string; after: string; status: string }[];
}

export interface DedupStepResult extends StepSummary {
  rows: number;
  customers: number;
  pairsCompared: number;
  groups: DuplicateGroup[];
  /** The keys of `DuplicateGroup.golden`, in display order, with their labels in the user's language. */
  fields: { id: string; label: string }[];
}

export interface AnalyzeStepResult extends StepSummary {
  customers: number;
  asOf: string;
  /** Thresholds used by the 8 classes, shown to the user. */
  classThresholds: { recency: number; frequency: number; monetary: number; basis: 'mean' | 'median' };
  segments: { name: string; count: number }[];
  tagCounts: { tag: string; count: number }[];
  tagErrors: { ruleId: string; message: string }[];
}

export interface ReportStepResult extends StepSummary {
  /** The charts of the report, drawn through `Workbook.addChart` when the host has it (`charts` counts those). */
  chartSpecs: ChartSpec[];
}

export interface PipelineSession {
  progress?: Progress;
  /**
   * Results one step computes for the next (the customers found by dedup, the unified view), reused while the
   * settings they came from are unchanged. Steps own its contents. Leave it out (or start a new one) after the
   * workbook's data changed: the cache does not see edits to cells.
   */
  cache?: Record<string, unknown>;
}

export function settingsToJson(s: PipelineSettings): JsonValue {
  return JSON.parse(JSON.stringify(s)) as JsonValue;
}
