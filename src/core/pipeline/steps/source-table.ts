/**
 * One source sheet read the way its settings say: the header on `headerRow`, the columns mapped as the user chose.
 * Every step after the 数据源 step reads its sources through here, so they all see the same table and mapping.
 */
import { CellValue, isBlank } from '../../cell';
import { ColumnMapping, fillMergesDown, mapHeaders } from '../../fields';
import type { Locale } from '../../report/quality-sheet';
import { Table, tableFromRows } from '../../table';
import type { SheetData, Workbook } from '../../../host/workbook';
import type { PipelineSettings, SourceRole, SourceSetting } from '../types';
import { checkCancelled, Progress } from '../progress';
import { say } from './say';

export interface LoadedSource {
  setting: SourceSetting;
  data: SheetData;
  table: Table;
  /** One per table column: the settings' field (null when not listed), with what the values look like. */
  mapping: ColumnMapping[];
}

export interface SourceProblem {
  setting: SourceSetting;
  problem: string;
}

/** Rows sampled for mapping and role detection, as mapHeaders reads them. */
export const SAMPLE_ROWS = 1000;

/** The settings' sources of these roles, in settings order. */
export function sourcesOfRole(settings: PipelineSettings, roles: readonly SourceRole[]): SourceSetting[] {
  return settings.sources.filter((s) => roles.includes(s.role));
}

/** The grid with headers merged down over two rows filled in, as the header detection saw it. */
export function headerGrid(data: SheetData): CellValue[][] {
  return data.merges.length > 0 ? fillMergesDown(data.rows, data.merges, data.firstRow) : data.rows;
}

/** The table under `headerRow` (1-based; 0 = no header). */
export function tableAt(data: SheetData, headerRow: number): Table {
  const sheet = data.name;
  if (headerRow <= 0) return tableFromRows(sheet, [[], ...data.rows], 0, sheet, data.firstRow - 1);
  const index = headerRow - data.firstRow;
  const grid = headerGrid(data);
  const rows = grid === data.rows ? data.rows : data.rows.map((r, i) => (i === index ? grid[i] : r));
  return tableFromRows(sheet, rows, index, sheet, data.firstRow);
}

/** The settings' mapping over the table's columns; valueKind (company-like names…) comes from the values. */
export function settingsMapping(table: Table, setting: SourceSetting): ColumnMapping[] {
  const auto = mapHeaders(
    table.columns.map((c) => c.name),
    table.columns.map((c) => c.values.slice(0, SAMPLE_ROWS)),
  );
  return auto.map((m, column) => {
    const header = table.columns[column].name;
    const listed = Object.prototype.hasOwnProperty.call(setting.mapping, header);
    const fieldId = listed ? setting.mapping[header] : null;
    return {
      ...m,
      header,
      fieldId,
      confidence: fieldId === null ? 0 : fieldId === m.fieldId ? m.confidence : 1,
      reason: !listed ? '不在设置中，未使用' : fieldId === m.fieldId ? m.reason : '用户指定',
    };
  });
}

/**
 * Reads the settings' sources of these roles, in settings order; a source that cannot be used (no such sheet, empty,
 * header only) comes back as a problem in the user's language.
 */
export async function loadSources(
  book: Workbook,
  settings: PipelineSettings,
  roles: readonly SourceRole[],
  progress?: Progress,
): Promise<(LoadedSource | SourceProblem)[]> {
  const wanted = sourcesOfRole(settings, roles);
  if (wanted.length === 0) return [];
  const existing = new Set((await book.listSheets()).map((s) => s.name));
  const out: (LoadedSource | SourceProblem)[] = [];
  for (const [i, setting] of wanted.entries()) {
    checkCancelled(progress);
    progress?.report?.({ stage: 'read', done: i, total: wanted.length, detail: setting.sheet });
    out.push(existing.has(setting.sheet) ? await loadSource(book, setting, settings.locale, progress) : missingSheet(setting, settings.locale));
  }
  return out;
}

function missingSheet(setting: SourceSetting, locale: Locale): SourceProblem {
  return {
    setting,
    problem: say(locale, `找不到工作表「${setting.sheet}」，请在「数据源」中重新检测`, `Sheet "${setting.sheet}" not found; detect the sources again`),
  };
}

/** Reads one source that exists. */
export async function loadSource(
  book: Workbook,
  setting: SourceSetting,
  locale: Locale,
  progress?: Progress,
): Promise<LoadedSource | SourceProblem> {
  const data = await book.readSheet(setting.sheet, { signal: progress?.signal });
  const problem = emptinessProblem(data, setting.headerRow, locale);
  if (problem) return { setting, problem };
  const table = tableAt(data, setting.headerRow);
  return { setting, data, table, mapping: settingsMapping(table, setting) };
}

/** Why a sheet holds no data rows under its header, or null when it has some. */
export function emptinessProblem(data: SheetData, headerRow: number, locale: Locale): string | null {
  const sheet = data.name;
  if (data.rows.every((r) => r.every(isBlank))) {
    return say(locale, `工作表「${sheet}」是空的`, `Sheet "${sheet}" is empty`);
  }
  const below = headerRow <= 0 ? data.rows : data.rows.slice(Math.max(0, headerRow - data.firstRow + 1));
  if (below.every((r) => r.every(isBlank))) {
    return say(
      locale,
      `工作表「${sheet}」只有表头（第 ${headerRow} 行），没有数据行`,
      `Sheet "${sheet}" has a header (row ${headerRow}) but no data rows`,
    );
  }
  return null;
}

export function isProblem(x: LoadedSource | SourceProblem): x is SourceProblem {
  return (x as SourceProblem).problem !== undefined;
}

/** 0-based column of each mapped field (the first column mapped to it). */
export function fieldColumns(mapping: readonly ColumnMapping[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of mapping) if (m.fieldId !== null && out[m.fieldId] === undefined) out[m.fieldId] = m.column;
  return out;
}
