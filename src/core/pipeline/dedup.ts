/**
 * The Dedup step over one sheet: find the header, map columns to standard fields, read each useful column with its
 * normalizer into the form the matcher compares (phone -> 11 digits, company -> its match key, 張 偉先生 -> 张伟,
 * region -> 省-市, date -> YYYY-MM-DD), find duplicate customers, and say per row which customer it is, how sure,
 * and why. Pure: the host reads the sheet before and writes the result after.
 */
import { CellValue, cellToText, isBlank } from '../cell';
import { ColumnMapping, detectHeaderRow, fieldById, mapHeaders } from '../fields';
import { parseHeader } from '../fields/header-text';
import {
  normalizeColumn,
  normalizeCompany,
  normalizeEmail,
  normalizeGender,
  normalizeIndustry,
  normalizeName,
  normalizePhone,
  normalizeRegion,
} from '../normalize';
import { tidyText } from '../normalize/text-field';
import { Normalized } from '../normalize/types';
import { Table, tableFromRows } from '../table';
import {
  DedupField,
  DedupFieldKind,
  DedupInput,
  DedupOptions,
  DedupResult,
  EvidenceRule,
  Link,
  Locale,
  dedupe,
  defaultComparisons,
  explainLink,
  formatProbability,
} from '../dedup';
import { Progress, checkCancelled } from './progress';

/** How a column's cells become the values the matcher compares. */
export type DedupReader = 'phone' | 'email' | 'company' | 'name' | 'region' | 'date' | 'gender' | 'industry' | 'text';

export interface DedupColumnPlan {
  /** 0-based column of the table. */
  column: number;
  header: string;
  /** The standard field the column was mapped to; null when a header rule or the user chose it. */
  fieldId: string | null;
  kind: DedupFieldKind;
  reader: DedupReader;
  /** `evidence`: a fixed-weight rule (证件号码, 信用代码), not a trained comparison. */
  use: 'compare' | 'evidence';
  /** Why, zh-CN. */
  reason: string;
}

export interface DedupSheetOptions {
  /** Only these columns, by header text or standard field id (`--fields`). */
  fields?: readonly string[];
  /** Links at or above this probability merge rows (default 0.9). */
  threshold?: number;
  /** Column header -> field id (or null: not mapped), over the automatic mapping. */
  mappingOverrides?: Record<string, string | null>;
  locale?: Locale;
  progress?: Progress;
  /** Anything else for the engine (blocking rules, a saved model…). */
  engine?: Omit<DedupOptions, 'threshold'>;
}

export interface DedupRowResult {
  /** 1-based customer number, in order of each customer's first row; rows of one customer share it. */
  cluster: number;
  /** Probability of the link shown (its strongest inside its cluster, else its strongest at all); 0 when none. */
  probability: number;
  /** The link in plain words, with the row it links to. */
  reason: string;
  /** 0-based data row the reason is about, or -1. */
  partner: number;
}

export interface DedupSheetResult {
  table: Table;
  /** 1-based Excel row of the header. */
  headerRow: number;
  mapping: ColumnMapping[];
  plan: DedupColumnPlan[];
  /** What the matcher saw: the normalized values. */
  input: DedupInput;
  result: DedupResult;
  rows: DedupRowResult[];
  summary: { rows: number; clusters: number; duplicateClusters: number; rowsInDuplicates: number; pairsCompared: number };
}

export class DedupSheetError extends Error {
  constructor(
    message: string,
    readonly code: 'empty' | 'headerOnly' | 'noFields' | 'unknownField',
  ) {
    super(message);
  }
}

/** Same 证件号码 / 信用代码: strong evidence; two different ones: strong evidence against. */
export const ID_EVIDENCE = { same: 12, different: -12 } as const;

interface FieldUse {
  kind: DedupFieldKind;
  reader: DedupReader;
  use?: 'evidence';
  /** Used only when the user names it in `fields`. */
  onRequest?: boolean;
}

/** What each standard field is to the matcher. Fields not listed (amounts, order data, owner…) say nothing about who. */
const FIELD_USE: Record<string, FieldUse> = {
  customerName: { kind: 'personName', reader: 'name' },
  company: { kind: 'company', reader: 'company' },
  contact: { kind: 'personName', reader: 'name' },
  surname: { kind: 'surname', reader: 'name' },
  givenName: { kind: 'givenName', reader: 'name' },
  phone: { kind: 'phone', reader: 'phone' },
  phone2: { kind: 'phone', reader: 'phone' },
  email: { kind: 'email', reader: 'email' },
  wechat: { kind: 'id', reader: 'text' },
  qq: { kind: 'id', reader: 'text' },
  idNumber: { kind: 'id', reader: 'text', use: 'evidence' },
  creditCode: { kind: 'id', reader: 'text', use: 'evidence' },
  gender: { kind: 'gender', reader: 'gender' },
  birthDate: { kind: 'date', reader: 'date' },
  region: { kind: 'region', reader: 'region' },
  province: { kind: 'region', reader: 'region' },
  city: { kind: 'region', reader: 'region' },
  district: { kind: 'region', reader: 'region' },
  address: { kind: 'address', reader: 'text' },
  postcode: { kind: 'postcode', reader: 'text' },
  industry: { kind: 'text', reader: 'industry' },
  // A system's own record number: different for the two copies of one customer, so only on request.
  customerId: { kind: 'id', reader: 'text', onRequest: true },
};

/**
 * Header rules for columns the field dictionary does not name, or names too broadly, in record-linkage data
 * (FEBRL and the like): `street_number`, `address_1` / `address_2`. Record labels (`rec_id`, `序号`) are never used.
 */
const HEADER_RULES: { key: RegExp; kind: DedupFieldKind | null; reader: DedupReader; why: string }[] = [
  { key: /^(?:rec|record|row)(?:id|no|num|number)?$|^序号$|^行号$|^no$/, kind: null, reader: 'text', why: '记录编号，不代表客户，不参与查重' },
  { key: /^(?:street|house|building)(?:number|no|num)$|^门牌号?$/, kind: 'streetNumber', reader: 'text', why: '门牌号' },
  { key: /^address(?:line)?\d$/, kind: 'address', reader: 'text', why: '地址行' },
];

const KIND_READER: Record<DedupFieldKind, DedupReader> = {
  personName: 'name', givenName: 'name', surname: 'name', company: 'company', phone: 'phone', email: 'email', date: 'date',
  postcode: 'text', region: 'region', address: 'text', streetNumber: 'text', id: 'text', gender: 'gender', text: 'text',
};

function headerRule(header: string) {
  const key = parseHeader(header).key;
  // parseHeader drops a trailing series number into `ordinal`; these rules need it back (`address_1`).
  const raw = header.toLowerCase().replace(/[^a-z0-9\u3400-\u9fff]+/g, '');
  return HEADER_RULES.find((r) => r.key.test(raw) || r.key.test(key));
}

/** A region column is read as 省-市 only when most of its values are Chinese places; FEBRL's suburbs stay text. */
function readsAsRegions(values: readonly CellValue[]): boolean {
  let ok = 0;
  let seen = 0;
  for (let i = 0; i < values.length && seen < 500; i++) {
    if (isBlank(values[i])) continue;
    seen++;
    if (normalizeRegion(values[i]).status === 'ok') ok++;
  }
  return seen > 0 && ok / seen >= 0.5;
}

function planColumn(m: ColumnMapping, values: readonly CellValue[], requested: boolean): DedupColumnPlan | null {
  const rule = headerRule(m.header);
  const base = { column: m.column, header: m.header, fieldId: m.fieldId };
  if (rule) {
    if (rule.kind === null) return null;
    return { ...base, kind: rule.kind, reader: rule.reader, use: 'compare', reason: `按表头规则：${rule.why}` };
  }
  const use = m.fieldId ? FIELD_USE[m.fieldId] : undefined;
  if (!use || (use.onRequest && !requested)) {
    return requested ? { ...base, kind: 'text', reader: 'text', use: 'compare', reason: '用户指定，按文本比较' } : null;
  }
  let { kind, reader } = use;
  let reason = `映射为「${fieldById(m.fieldId!)?.zh ?? m.fieldId}」`;
  if (m.fieldId === 'customerName' && m.valueKind === 'company') {
    kind = 'company';
    reader = 'company';
    reason += '，取值像公司名，按公司比较';
  }
  if (reader === 'region' && !readsAsRegions(values)) {
    // Not Chinese places: the catch-all 地区/地址 column is an address line, province/city/suburb a place name.
    reader = 'text';
    if (m.fieldId === 'region') kind = 'address';
    reason += '，取值不是中国省市，按文本比较';
  }
  return { ...base, kind, reader, use: use.use ?? 'compare', reason };
}

function matchesRequest(m: ColumnMapping, name: string): boolean {
  return m.header === name || m.fieldId === name;
}

export function planDedupColumns(table: Table, mapping: ColumnMapping[], fields?: readonly string[]): DedupColumnPlan[] {
  const wanted = fields?.map((f) => f.trim()).filter(Boolean);
  if (wanted && wanted.length > 0) {
    const missing = wanted.filter((w) => !mapping.some((m) => matchesRequest(m, w)));
    if (missing.length > 0) {
      throw new DedupSheetError(
        `找不到指定的列：${missing.join('、')}；表中的列有：${mapping.map((m) => m.fieldId ? `${m.header}(${m.fieldId})` : m.header).join('、')}`,
        'unknownField',
      );
    }
  }
  const plans: DedupColumnPlan[] = [];
  for (const m of mapping) {
    const requested = wanted !== undefined && wanted.length > 0 && wanted.some((w) => matchesRequest(m, w));
    if (wanted && wanted.length > 0 && !requested) continue;
    const plan = planColumn(m, table.columns[m.column].values, requested);
    if (plan) plans.push(plan);
  }
  return plans;
}

/** Normalized value of one cell for the matcher: the normalizer's value, the raw text when invalid, null when missing. */
function valueFor(reader: DedupReader, r: Normalized<unknown>, raw: CellValue): string | null {
  if (r.status === 'missing') return null;
  if (r.status === 'invalid') {
    const text = tidyText(cellToText(raw));
    return text === '' ? null : text;
  }
  if (reader === 'company') return (r as { key?: string }).key ?? (r.value as string);
  if (reader === 'gender') return r.value === '男' || r.value === '女' ? r.value : null;
  return r.value === null || r.value === '' ? null : String(r.value);
}

const READERS: Record<Exclude<DedupReader, 'date'>, (v: CellValue) => Normalized<unknown>> = {
  phone: normalizePhone,
  email: normalizeEmail,
  company: normalizeCompany,
  name: (v) => normalizeName(v),
  region: normalizeRegion,
  gender: normalizeGender,
  industry: normalizeIndustry,
  text: (v) => {
    if (isBlank(v)) return { value: null, status: 'missing' };
    const s = tidyText(cellToText(v));
    return s === '' ? { value: null, status: 'missing' } : { value: s, status: 'ok' };
  },
};

/** One column's cells -> the matcher's values. Repeated cells (a city, a common name) are read once. */
export function readColumn(reader: DedupReader, values: readonly CellValue[]): (string | null)[] {
  if (reader === 'date') return normalizeColumn('date', values).map((r, i) => valueFor('date', r, values[i]));
  const fn = READERS[reader];
  const memo = new Map<unknown, string | null>();
  return values.map((v) => {
    const key = typeof v === 'string' || typeof v === 'number' ? v : undefined;
    if (key !== undefined && memo.has(key)) return memo.get(key)!;
    const out = valueFor(reader, fn(v), v);
    if (key !== undefined) memo.set(key, out);
    return out;
  });
}

/** Header, mapping and column plan of a sheet, before any matching (what the task pane shows the user first). */
export function prepareDedupSheet(
  sheet: string,
  rows: CellValue[][],
  firstRow: number,
  opts: Pick<DedupSheetOptions, 'fields' | 'mappingOverrides'> = {},
): { table: Table; mapping: ColumnMapping[]; plan: DedupColumnPlan[] } {
  if (rows.every((r) => r.every((v) => isBlank(v)))) throw new DedupSheetError(`工作表「${sheet}」是空的，没有可查重的数据`, 'empty');
  const header = detectHeaderRow(rows);
  const table =
    header.headerRow >= 0
      ? tableFromRows(sheet, rows, header.headerRow, sheet, firstRow)
      : tableFromRows(sheet, [[], ...rows], 0, sheet, firstRow - 1);
  if (table.rowCount === 0) {
    throw new DedupSheetError(`工作表「${sheet}」只有表头（第 ${table.provenance.headerRow} 行），没有数据行`, 'headerOnly');
  }
  const samples = table.columns.map((c) => c.values.slice(0, 1000));
  let mapping = mapHeaders(
    table.columns.map((c) => (header.headerRow >= 0 ? c.name : null)),
    samples,
  ).map((m) => ({ ...m, header: table.columns[m.column].name }));
  const overrides = opts.mappingOverrides;
  if (overrides) {
    mapping = mapping.map((m) =>
      Object.prototype.hasOwnProperty.call(overrides, m.header) ? { ...m, fieldId: overrides[m.header], reason: '用户指定' } : m,
    );
  }
  const plan = planDedupColumns(table, mapping, opts.fields);
  if (plan.filter((p) => p.use === 'compare').length === 0) {
    throw new DedupSheetError(
      `工作表「${sheet}」没有可用于查重的列（姓名、公司、电话、邮箱、地区、出生日期…），请用 --fields 或映射指定`,
      'noFields',
    );
  }
  return { table, mapping, plan };
}

function rowReasons(
  result: DedupResult,
  fields: DedupField[],
  excelRows: Int32Array,
  locale: Locale,
): DedupRowResult[] {
  const n = result.clusterOf.length;
  const inside = new Int32Array(n).fill(-1); // strongest link inside the row's cluster (links are strongest first)
  result.links.forEach((link: Link, i) => {
    if (result.clusterOf[link.a] !== result.clusterOf[link.b]) return;
    if (inside[link.a] < 0) inside[link.a] = i;
    if (inside[link.b] < 0) inside[link.b] = i;
  });
  const zh = locale === 'zh-CN';
  const out: DedupRowResult[] = [];
  for (let r = 0; r < n; r++) {
    const cluster = result.clusterOf[r] + 1;
    const merged = inside[r] >= 0;
    const li = merged ? inside[r] : result.bestLinkOf[r];
    if (li < 0) {
      const p = result.bestProbability[r];
      const reason =
        p > 0
          ? zh ? `未发现重复（最相近的候选 ${formatProbability(p)}）` : `no duplicate found (closest candidate ${formatProbability(p)})`
          : zh ? '未发现重复（没有相近的候选记录）' : 'no duplicate found (no similar record)';
      out.push({ cluster, probability: p, reason, partner: -1 });
      continue;
    }
    const link = result.links[li];
    const partner = link.a === r ? link.b : link.a;
    const row = excelRows[partner];
    const head = zh ? `与第 ${row} 行：` : `with row ${row}: `;
    const tail = merged ? '' : zh ? '（未达合并条件，未合并）' : ' (not merged)';
    out.push({ cluster, probability: link.probability, reason: `${head}${explainLink(link, fields, locale)}${tail}`, partner });
  }
  return out;
}

/** Finds duplicate customers in one sheet; every data row gets its customer number, a probability and a reason. */
export function dedupSheet(sheet: string, rows: CellValue[][], firstRow: number, opts: DedupSheetOptions = {}): DedupSheetResult {
  const locale = opts.locale ?? 'zh-CN';
  const { table, mapping, plan } = prepareDedupSheet(sheet, rows, firstRow, opts);

  const fields: DedupField[] = plan.map((p) => ({ name: p.header, kind: p.kind, label: p.header }));
  const columns = plan.map((p, i) => {
    checkCancelled(opts.progress);
    opts.progress?.report?.({ stage: 'normalize', done: i, total: plan.length, detail: p.header });
    return readColumn(p.reader, table.columns[p.column].values);
  });
  const input: DedupInput = {
    fields,
    rows: Array.from({ length: table.rowCount }, (_, r) => columns.map((c) => c[r])),
  };
  const evidence: EvidenceRule[] = plan
    .filter((p) => p.use === 'evidence')
    .map((p) => ({ field: p.header, ...ID_EVIDENCE }));
  checkCancelled(opts.progress);
  opts.progress?.report?.({ stage: 'match', done: 0, total: 1 });
  const result = dedupe(input, {
    comparisons: defaultComparisons(fields.filter((_, i) => plan[i].use === 'compare')),
    evidence,
    ...opts.engine,
    threshold: opts.threshold,
  });
  opts.progress?.report?.({ stage: 'match', done: 1, total: 1 });

  const duplicates = result.clusters.filter((c) => c.length > 1);
  return {
    table,
    headerRow: table.provenance.headerRow,
    mapping,
    plan,
    input,
    result,
    rows: rowReasons(result, fields, table.provenance.rows, locale),
    summary: {
      rows: table.rowCount,
      clusters: result.clusters.length,
      duplicateClusters: duplicates.length,
      rowsInDuplicates: duplicates.reduce((s, c) => s + c.length, 0),
      pairsCompared: result.pairsCompared,
    },
  };
}
