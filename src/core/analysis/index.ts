/** The analysis engine: order lines -> per-customer facts -> RFM, ABC, lifecycle, churn, cohorts, funnel, cross tabs. */
export { OrderAccumulator, orderFacts, orderColumnsFromMapping, missingOrderColumns, excludedTotal, EXCLUSION_LABELS } from './orders';
export type { OrderColumns, OrderOptions, OrderExclusions, OrderFacts } from './orders';
export {
  computeRfm, quintileScores, thresholdScores, rfmSegmentOf, rfmClassCn, mean, median, RFM_SEGMENTS, RFM_GRID, RFM_CLASSES_CN,
} from './rfm';
export type { RfmOptions, RfmResult, RfmSegment, RfmValues, RfmClassThresholds, ThresholdKind } from './rfm';
export { abcClasses } from './abc';
export type { AbcClass, AbcOptions, AbcResult } from './abc';
export { churnFlags, orderWindows } from './churn';
export type { ChurnFlags, ChurnOptions, OrderWindows } from './churn';
export { lifecycleStage, valueLevel, LIFECYCLE_STAGES, LIFECYCLE_EN } from './lifecycle';
export type { LifecycleStage, LifecycleOptions, ValueLevel } from './lifecycle';
export { cohortAnalysis } from './cohort';
export type { Cohort, CohortResult, MonthlyRepurchase } from './cohort';
export { buildFunnel, funnelStageOf, FUNNEL_STAGES, FUNNEL_EN } from './funnel';
export type { FunnelResult, FunnelRow, FunnelStage } from './funnel';
export { crossTab, OTHER_LABEL, BLANK_LABEL } from './crosstab';
export type { CrossTab, CrossTabOptions } from './crosstab';
export { analyzeCustomers, analyzeRfm } from './analyze';
export type { AnalyzeOptions, CustomerAnalysis } from './analyze';
export { buildUnifiedView, sourceTable, interactionKind, periodOfHour } from './unified-view';
export type { SourceTable, UnifiedView, UnifiedViewInput } from './unified-view';
export { VIEW_FIELDS, resolveViewField, viewFieldById, channelField } from './view-fields';
export type { ViewField, ViewFieldType, ViewFieldGroup, ViewRow, ViewValue } from './view-fields';
export { dayNumber, hourOf, dayToDate, dayToIso, isoToDay, monthOfDay, monthLabel, daysFromCivil } from './dates';
