/**
 * Pipeline settings: the defaults from what the 数据源 step found, and saving / loading them in the workbook so a
 * ribbon button or a later visit runs with the same choices. A saved value that is broken or of another version
 * loads as null (the caller starts from the defaults again) and never throws.
 */
import { defaultTagRules } from '../../tags';
import type { Locale } from '../../report/quality-sheet';
import type { JsonValue, Workbook } from '../../../host/workbook';
import { DEFAULT_KEY_FIELDS } from '../clean';
import {
  PipelineSettings,
  ReportChartId,
  ReportSheetId,
  SETTINGS_KEY,
  SourceDetection,
  SourceRole,
  settingsToJson,
} from '../types';

export const REPORT_SHEET_IDS: readonly ReportSheetId[] = ['quality', 'duplicates', 'segments', 'tags', 'cohorts', 'funnel', 'crossTab'];
export const REPORT_CHART_IDS: readonly ReportChartId[] = ['segments', 'industry', 'abcPareto', 'monthlyTrend', 'weekdayHour', 'funnel'];
export const DEFAULT_DEDUP_THRESHOLD = 0.9;
const ROLES: readonly SourceRole[] = ['master', 'behaviour', 'value', 'ignore'];

export function defaultSettings(detections: readonly SourceDetection[], locale: Locale): PipelineSettings {
  return {
    version: 1,
    locale,
    sources: detections.map((d) => ({
      sheet: d.sheet,
      role: d.role,
      headerRow: d.headerRow,
      mapping: Object.fromEntries(d.columns.map((c) => [c.header, c.fieldId])),
    })),
    clean: { keyFieldIds: [...DEFAULT_KEY_FIELDS] },
    dedup: { threshold: DEFAULT_DEDUP_THRESHOLD, rejectedGroups: [] },
    analysis: { thresholds: 'mean' },
    tags: defaultTagRules(locale),
    report: { sheets: [...REPORT_SHEET_IDS], charts: [...REPORT_CHART_IDS] },
  };
}

export async function saveSettings(book: Workbook, settings: PipelineSettings): Promise<void> {
  await book.setSetting(SETTINGS_KEY, settingsToJson(settings));
}

export async function loadSettings(book: Workbook): Promise<PipelineSettings | null> {
  let saved: JsonValue | undefined;
  try {
    saved = await book.getSetting(SETTINGS_KEY);
  } catch {
    return null;
  }
  return parseSettings(saved);
}

type Obj = { [key: string]: JsonValue };
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** Settings from saved JSON when every part has the expected shape; null otherwise. */
export function parseSettings(v: JsonValue | undefined): PipelineSettings | null {
  if (!isObj(v) || v.version !== 1) return null;
  const { locale, asOf, sources, clean, dedup, analysis, tags, report } = v;
  if (locale !== 'zh-CN' && locale !== 'en-US') return null;
  if (asOf !== undefined && (typeof asOf !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(asOf))) return null;
  if (!Array.isArray(sources) || !sources.every(isSource)) return null;
  if (!isObj(clean) || !isStrings(clean.keyFieldIds)) return null;
  if (!isObj(dedup) || typeof dedup.threshold !== 'number' || !(dedup.threshold > 0 && dedup.threshold < 1)) return null;
  if (!isStrings(dedup.rejectedGroups)) return null;
  if (!isObj(analysis) || (analysis.thresholds !== 'mean' && analysis.thresholds !== 'median')) return null;
  if (!Array.isArray(tags) || !tags.every(isTagRule)) return null;
  if (!isObj(report) || !isStrings(report.sheets) || !isStrings(report.charts)) return null;
  const settings: PipelineSettings = {
    version: 1,
    locale,
    sources: sources.map((s) => {
      const o = s as Obj;
      return { sheet: o.sheet as string, role: o.role as SourceRole, headerRow: o.headerRow as number, mapping: o.mapping as Record<string, string | null> };
    }),
    clean: { keyFieldIds: [...clean.keyFieldIds] },
    dedup: { threshold: dedup.threshold, rejectedGroups: [...dedup.rejectedGroups] },
    analysis: { thresholds: analysis.thresholds },
    tags: tags.map((t) => {
      const o = t as Obj;
      return { id: o.id as string, name: o.name as string, text: o.text as string, enabled: o.enabled as boolean };
    }),
    // Ids a later version may add are dropped rather than failing the whole settings.
    report: {
      sheets: report.sheets.filter((s): s is ReportSheetId => (REPORT_SHEET_IDS as readonly string[]).includes(s)),
      charts: report.charts.filter((c): c is ReportChartId => (REPORT_CHART_IDS as readonly string[]).includes(c)),
    },
  };
  if (asOf !== undefined) settings.asOf = asOf;
  return settings;
}

function isSource(v: JsonValue): boolean {
  if (!isObj(v)) return false;
  if (typeof v.sheet !== 'string' || !ROLES.includes(v.role as SourceRole)) return false;
  if (typeof v.headerRow !== 'number' || !Number.isInteger(v.headerRow) || v.headerRow < 0) return false;
  const m = v.mapping;
  return isObj(m) && Object.values(m).every((f) => f === null || typeof f === 'string');
}

function isTagRule(v: JsonValue): boolean {
  return isObj(v) && typeof v.id === 'string' && typeof v.name === 'string' && typeof v.text === 'string' && typeof v.enabled === 'boolean';
}
