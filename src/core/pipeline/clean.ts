/**
 * The Clean step over one sheet: find the header, map columns to standard fields, normalize every mapped column,
 * measure quality, and say what to write back (cleaned columns beside the originals + the 数据质量报告 sheet).
 * Pure: the host reads the sheet before and writes the result after.
 */
import { CellValue, isBlank } from '../cell';
import { ColumnMapping, SheetRole, detectHeaderRow, detectSheetRole, fieldById, fillMergesDown, mapHeaders } from '../fields';
import { FieldKind, NORMALIZERS, normalizeColumn } from '../normalize';
import { Normalized } from '../normalize/types';
import { buildQualityReport } from '../quality/report';
import { OrderDates, QualityField, QualityReport } from '../quality/types';
import { CleaningStats, Locale, qualitySheetSpec } from '../report/quality-sheet';
import { Table, tableFromRows } from '../table';
import type { CellFormat, ColumnWrite, SheetSpec } from '../../host/workbook';
import { Progress, checkCancelled } from './progress';

export const DEFAULT_KEY_FIELDS = ['customerId', 'phone', 'email'] as const;
/** Suffix of the cleaned column written beside each mapped column; re-runs recognise their own columns by it. */
export const CLEANED_SUFFIX: Readonly<Record<Locale, string>> = { 'zh-CN': '(清洗)', 'en-US': '(cleaned)' };
const UNFILLED = '未填写';
const UNKNOWN = '未知';

export interface CleanOptions {
  keyFieldIds?: readonly string[];
  /** `YYYY-MM-DD`; "today" for future-date and recency checks. */
  asOf: string;
  locale?: Locale;
  /** The user's own choices, column header -> field id (or null for "not mapped"), over the automatic mapping. */
  mappingOverrides?: Record<string, string | null>;
  orders?: OrderDates;
  progress?: Progress;
  /** The sheet's merged ranges (`A1:A2`, as SheetData.merges gives them), for headers merged over two rows. */
  merges?: readonly string[];
}

export interface CleanedField {
  mapping: ColumnMapping;
  kind: FieldKind;
  results: Normalized<unknown>[];
}

export interface CleanResult {
  table: Table;
  headerRow: number;
  role: SheetRole | 'unknown';
  mapping: ColumnMapping[];
  fields: CleanedField[];
  report: QualityReport;
  cleaning: CleaningStats[];
  columns: ColumnWrite[];
  reportSheet: SheetSpec;
}

export class CleanError extends Error {
  constructor(
    message: string,
    readonly code: 'empty' | 'headerOnly' | 'noFields',
  ) {
    super(message);
  }
}

/**
 * Which normalizer reads a mapped column: the field's kind, except that a 客户名称 column holding company names
 * (a B2B sheet) is read as companies.
 */
export function normalizerKind(m: Pick<ColumnMapping, 'fieldId' | 'valueKind'>): FieldKind {
  if (m.fieldId === 'customerName' && m.valueKind === 'company') return 'company';
  const kind = m.fieldId ? fieldById(m.fieldId)?.kind : undefined;
  switch (kind) {
    case 'number':
      return 'amount';
    case 'id':
    case 'category':
    case undefined:
      return 'text';
    default:
      return kind;
  }
}

function applyOverrides(mapping: ColumnMapping[], overrides: Record<string, string | null> | undefined): ColumnMapping[] {
  if (!overrides) return mapping;
  const chosen = new Set(Object.values(overrides).filter((v): v is string => v !== null));
  return mapping.map((m) => {
    if (Object.prototype.hasOwnProperty.call(overrides, m.header)) {
      const fieldId = overrides[m.header];
      return { ...m, fieldId, confidence: fieldId ? 1 : 0, reason: '用户指定' };
    }
    // A field the user gave to another column is no longer this one's.
    return m.fieldId && chosen.has(m.fieldId) ? { ...m, fieldId: null, confidence: 0, reason: '该字段已由用户指定给其他列' } : m;
  });
}

/** A `YYYY-MM-DD` as the Date hosts write as a date cell (UTC midnight, see host/workbook.ts). */
export function isoToDate(iso: string): Date {
  return new Date(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)));
}

function cleanedValue(kind: FieldKind, raw: CellValue, r: Normalized<unknown>, isKey: boolean, toDate: (iso: string) => Date): CellValue {
  if (r.status === 'ok') return kind === 'date' ? toDate(r.value as string) : (r.value as CellValue);
  if (r.status === 'invalid') return raw; // kept as it was: nothing is lost, the report lists it
  if (isKey) return null;
  return kind === 'gender' ? UNKNOWN : UNFILLED;
}

function formatOf(kind: FieldKind): CellFormat | undefined {
  if (kind === 'date') return 'date';
  if (kind === 'amount') return 'number';
  return kind === 'phone' ? 'text' : undefined;
}

const CACHE_PROBE = 4096;

/** A column's results, with the rows that hold a repeated text coded by it. */
interface RepeatedResults {
  results: Normalized<unknown>[];
  /** Per row: the index of its text among the column's distinct texts, or -1 (not text, or not coded). */
  codes: Int32Array;
  /** The first row holding each distinct text. */
  firstRows: number[];
}

/**
 * normalizeColumn, reading each repeated text once: sheets repeat values heavily (countries, products, order
 * numbers) and a normalizer is a pure function of one value, so equal cells share one result object. A column
 * that barely repeats (IDs) stops caching after a probe, where the map would only cost memory.
 * Dates are read as a whole column, but the column's day/month order is proven by any one value that proves it
 * (normalizeDateColumn decides on which orders are proven, not on how often), so reading each distinct text once
 * gives every cell the result it would get; their column barely repeats only in the rare sheet with a time on
 * every row, so it is always cached.
 */
function normalizeRepeated(kind: FieldKind, values: readonly CellValue[]): RepeatedResults {
  const codes = new Int32Array(values.length).fill(-1);
  const firstRows: number[] = [];
  let codeOf: Map<string, number> | null = new Map();
  let previous: CellValue;
  let previousCode = -1;
  let strings = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'string') continue;
    if (++strings === CACHE_PROBE && kind !== 'date' && firstRows.length > CACHE_PROBE * 0.8) {
      codeOf = null;
      break;
    }
    if (v === previous) {
      codes[i] = previousCode; // a run of one text down the column (an order's lines)
      continue;
    }
    let code = codeOf.get(v);
    if (code === undefined) {
      code = firstRows.length;
      firstRows.push(i);
      codeOf.set(v, code);
    }
    codes[i] = previousCode = code;
    previous = v;
  }
  if (codeOf === null) return { results: normalizeColumn(kind, values), codes: codes.fill(-1), firstRows: [] };

  const out = new Array<Normalized<unknown>>(values.length);
  let distinct: Normalized<unknown>[];
  if (kind === 'date') {
    // The distinct texts, then every other cell (numbers, dates, blanks), read together as one column.
    const uncoded: number[] = [];
    for (let i = 0; i < values.length; i++) if (codes[i] < 0) uncoded.push(i);
    const column = normalizeColumn(kind, [...firstRows.map((i) => values[i]), ...uncoded.map((i) => values[i])]);
    distinct = column.slice(0, firstRows.length);
    uncoded.forEach((i, k) => (out[i] = column[firstRows.length + k]));
  } else {
    const fn = NORMALIZERS[kind];
    distinct = firstRows.map((i) => fn(values[i]));
    for (let i = 0; i < values.length; i++) if (codes[i] < 0) out[i] = fn(values[i]);
  }
  for (let i = 0; i < values.length; i++) if (codes[i] >= 0) out[i] = distinct[codes[i]];
  return { results: out, codes, firstRows };
}

/** The cleaned date cells: one Date per distinct day, shared by the rows that hold it. */
function dateCache(): (iso: string) => Date {
  const dates = new Map<string, Date>();
  return (iso) => {
    let d = dates.get(iso);
    if (d === undefined) {
      d = isoToDate(iso);
      dates.set(iso, d);
    }
    return d;
  };
}

function withRow<T>(rows: readonly T[], index: number, row: T): T[] {
  const out = rows.slice();
  out[index] = row;
  return out;
}

/** 1 for each table row with no value at all; null when there is none (the common case). */
function blankRowMask(table: Table): Uint8Array | null {
  const filled = new Uint8Array(table.rowCount);
  for (const c of table.columns) {
    for (let i = 0; i < table.rowCount; i++) if (filled[i] === 0 && !isBlank(c.values[i])) filled[i] = 1;
  }
  if (filled.every((f) => f === 1)) return null;
  return filled.map((f) => 1 - f);
}

/** What a cleaned cell counts as in CleaningStats. */
const STANDARD = 0; // valid, and already written the standard way
const CHANGED = 1; // valid once rewritten
const FILLED = 2; // missing, a default written in
const OTHER = 3;
const TALLIES = 4;

function sameAsRaw(raw: CellValue, value: unknown): boolean {
  if (typeof raw === 'string' && typeof value === 'string') return raw === value;
  if (typeof raw === 'number' && typeof value === 'number') return raw === value;
  return false;
}

export function cleanSheet(sheet: string, rows: CellValue[][], firstRow: number, opts: CleanOptions): CleanResult {
  const locale = opts.locale ?? 'zh-CN';
  if (rows.every((r) => r.every((v) => v === null || v === undefined || v === ''))) {
    throw new CleanError(`工作表「${sheet}」是空的，没有可清洗的数据`, 'empty');
  }
  // A header merged down over two rows (客户编号 in A1:A2 beside 联系方式 › 手机 | 邮箱) names its column in both.
  const headerGrid = opts.merges?.length ? fillMergesDown(rows, opts.merges, firstRow) : rows;
  const header = detectHeaderRow(headerGrid);
  const headerIndex = Math.max(header.headerRow, 0);
  const table =
    header.headerRow >= 0
      ? tableFromRows(sheet, headerGrid === rows ? rows : withRow(rows, headerIndex, headerGrid[headerIndex]), headerIndex, sheet, firstRow)
      : tableFromRows(sheet, [[], ...rows], 0, sheet, firstRow - 1);
  if (table.rowCount === 0) {
    throw new CleanError(`工作表「${sheet}」只有表头（第 ${table.provenance.headerRow} 行），没有数据行`, 'headerOnly');
  }
  const samples = table.columns.map((c) => c.values.slice(0, 1000));
  const mapping = applyOverrides(
    mapHeaders(
      table.columns.map((c) => (header.headerRow >= 0 ? c.name : null)),
      samples,
    ),
    opts.mappingOverrides,
  ).map((m) => ({ ...m, header: table.columns[m.column].name }));
  const mapped = mapping.filter((m) => m.fieldId !== null);
  if (mapped.length === 0) {
    throw new CleanError(
      `工作表「${sheet}」没有识别出任何标准字段（客户编号、客户名称、联系电话…），请在「数据源」中手动指定列`,
      'noFields',
    );
  }
  const role = detectSheetRole(mapping).role;
  const keyFieldIds = opts.keyFieldIds ?? DEFAULT_KEY_FIELDS;
  const keys = new Set(keyFieldIds);
  // Wholly blank rows inside the data stay in the table, so the cleaned columns line up with the sheet, but they
  // hold no customer: their cleaned cells stay blank and the report neither counts nor lists them.
  const blank = blankRowMask(table);
  const kept = blank ? Int32Array.from(blank.keys()).filter((i) => blank[i] === 0) : null;
  const pick = <T>(xs: readonly T[]): readonly T[] => (kept ? Array.from(kept, (i) => xs[i]) : xs);

  const fields: CleanedField[] = [];
  const qualityFields: QualityField[] = [];
  const cleaning: CleaningStats[] = [];
  const columns: ColumnWrite[] = [];
  for (const [n, m] of mapped.entries()) {
    checkCancelled(opts.progress);
    opts.progress?.report?.({ stage: 'normalize', done: n, total: mapped.length, detail: m.header });
    const fieldId = m.fieldId as string;
    const kind = normalizerKind(m);
    const raw = table.columns[m.column].values;
    const { results, codes, firstRows } = normalizeRepeated(kind, raw);
    fields.push({ mapping: m, kind, results });
    const std = fieldById(fieldId);
    const isKey = keys.has(fieldId);
    qualityFields.push({
      fieldId,
      label: std ? (locale === 'zh-CN' ? std.zh : std.en) : fieldId,
      sourceColumn: m.header,
      raw: pick(raw),
      results: pick(results),
      checkUnique: isKey && role === 'master',
      numeric: std?.kind === 'number' || kind === 'amount',
    });
    const values = new Array<CellValue>(raw.length);
    const toDate = dateCache();
    // What a row adds to the stats: each distinct text's share is worked out once (below), the rest row by row.
    const tally = new Int32Array(TALLIES);
    const tallyOf = (i: number, value: CellValue): number => {
      const r = results[i];
      if (r.status === 'ok') return sameAsRaw(raw[i], r.value) ? STANDARD : CHANGED;
      return r.status === 'missing' && value !== null ? FILLED : OTHER;
    };
    const cleanedOf = firstRows.map((i) => cleanedValue(kind, raw[i], results[i], isKey, toDate));
    const tallyOfCode = Uint8Array.from(firstRows, (i, code) => tallyOf(i, cleanedOf[code]));
    for (let i = 0; i < raw.length; i++) {
      if (blank?.[i]) {
        values[i] = null;
        continue;
      }
      const code = codes[i];
      if (code >= 0) {
        values[i] = cleanedOf[code];
        tally[tallyOfCode[code]]++;
      } else {
        values[i] = cleanedValue(kind, raw[i], results[i], isKey, toDate);
        tally[tallyOf(i, values[i])]++;
      }
    }
    const stats: CleaningStats = {
      fieldId,
      standardBefore: tally[STANDARD],
      validAfter: tally[STANDARD] + tally[CHANGED],
      changed: tally[CHANGED],
      filledDefault: tally[FILLED],
    };
    cleaning.push(stats);
    columns.push({
      header: `${m.header}${CLEANED_SUFFIX[locale]}`,
      values,
      format: formatOf(kind),
      headerRow: table.provenance.headerRow,
      afterColumn: m.column + 1, // by number: a header merged down from the row above reads as blank here
      replaceOwn: true,
    });
  }

  const report = buildQualityReport({
    sheet,
    rowCount: kept ? kept.length : table.rowCount,
    rowNumbers: kept ? kept.map((i) => table.provenance.rows[i]) : table.provenance.rows,
    fields: qualityFields,
    keyFieldIds,
    asOf: opts.asOf,
    orders: opts.orders,
  });
  return {
    table,
    headerRow: table.provenance.headerRow,
    role,
    mapping,
    fields,
    report,
    cleaning,
    columns,
    reportSheet: qualitySheetSpec(report, { locale, cleaning }),
  };
}
