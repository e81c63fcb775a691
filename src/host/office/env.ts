/// <reference types="office-js" />
/**
 * What one Office.js call needs besides the request context: the optional API sets (checked at run time, so older
 * Excel builds degrade instead of failing), the payload budget, and the per-batch suspensions.
 */

export type IsSetSupported = (name: string, minVersion?: string) => boolean;

/** The request payload limit of Excel on the web (the strictest host): 5 MB for a request and for a response. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
/** Excel reads at most 5,000,000 cells in one request. */
export const CELL_READ_LIMIT = 5_000_000;

export interface Features {
  /** ExcelApi 1.6: application.suspendApiCalculationUntilNextSync. */
  suspendCalculation: boolean;
  /** ExcelApi 1.9: application.suspendScreenUpdatingUntilNextSync. */
  suspendScreen: boolean;
  /** ExcelApi 1.6: range.conditionalFormats (the heat map's colour scale). */
  conditionalFormats: boolean;
  /** ExcelApi 1.7: worksheet.freezePanes; chart series chartType. */
  freezePanes: boolean;
  seriesChartType: boolean;
  /** ExcelApi 1.8: series.axisGroup (secondary axis of a column+line chart). */
  axisGroup: boolean;
  /** ExcelApi 1.9: the Funnel chart type and range.getSpecialCellsOrNullObject (formula count). */
  funnel: boolean;
  specialCells: boolean;
  /** ExcelApi 1.10: worksheet.copy (backup sheets keep every format). */
  copySheet: boolean;
  /** ExcelApi 1.13: range.getMergedAreasOrNullObject. */
  mergedAreas: boolean;
}

export interface OfficeEnv {
  features: Features;
  /** Bytes one request may carry; chunks aim at half of it so a row longer than the sample still fits. */
  payloadLimit: number;
}

/** ExcelApi 1.4 brings getItemOrNullObject / getUsedRangeOrNullObject, which every call here uses. */
export const BASE_REQUIREMENT = { name: 'ExcelApi', version: '1.4' } as const;

export function featuresOf(isSetSupported: IsSetSupported): Features {
  const api = (v: string) => isSetSupported('ExcelApi', v);
  return {
    suspendCalculation: api('1.6'),
    suspendScreen: api('1.9'),
    conditionalFormats: api('1.6'),
    freezePanes: api('1.7'),
    seriesChartType: api('1.7'),
    axisGroup: api('1.8'),
    funnel: api('1.9'),
    specialCells: api('1.9'),
    copySheet: api('1.10'),
    mergedAreas: api('1.13'),
  };
}

/** Suspends calculation and screen updating for the next sync only; call once per batch, never per write. */
export function suspendForBatch(context: Excel.RequestContext, env: OfficeEnv): void {
  if (env.features.suspendCalculation) context.application.suspendApiCalculationUntilNextSync();
  if (env.features.suspendScreen) context.application.suspendScreenUpdatingUntilNextSync();
}

/** Queues a batch of writes with the suspensions in front and sends it. */
export async function syncWrites(context: Excel.RequestContext, env: OfficeEnv, queue: () => void): Promise<void> {
  suspendForBatch(context, env);
  queue();
  await context.sync();
}

export function errorCode(e: unknown): string {
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string'
    ? (e as { code: string }).code
    : '';
}

/** Excel refused a request or its response as too large (5 MB on the web): retry with a smaller chunk. */
export function isPayloadError(e: unknown): boolean {
  const code = errorCode(e);
  return code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded';
}

export function messageOf(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string') {
    return (e as { message: string }).message;
  }
  return String(e);
}
