/**
 * The 去重 step over the workbook: the rows of every customer (master) sheet together — a CRM export and a sign-up
 * sheet are one list of people — matched with the duplicate engine, each group explained and merged into one
 * golden record, and listed on the 重复客户 sheet.
 *
 * Each sheet's columns are planned and read the way `kehu dedup` reads one sheet (pipeline/dedup.ts); the sheets
 * are then lined up by what a column holds: a person's name (客户名称 of a B2C sheet, 联系人, 姓名) is one field, a
 * company (公司, or a 客户名称 holding company names) another, phones, e-mails, regions, birth dates … one each.
 * A field only some sheets have is missing in the others, which the matcher reads as "no evidence".
 */
import { CellValue, cellToText, isBlank } from '../../cell';
import {
  DedupField,
  DedupFieldKind,
  DedupInput,
  DedupResult,
  EvidenceRule,
  dedupe,
  defaultComparisons,
  explainLink,
  mergeClusters,
} from '../../dedup';
import { classifyValue, fieldById } from '../../fields';
import { normalizeColumn } from '../../normalize';
import { tidyText } from '../../normalize/text-field';
import type { Locale } from '../../report/quality-sheet';
import type { CellFormat, SheetSpec, Workbook } from '../../../host/workbook';
import { DedupColumnPlan, DedupReader, DedupSheetError, ID_EVIDENCE, planDedupColumns, readColumn } from '../dedup';
import { checkCancelled } from '../progress';
import type { DedupStepResult, DuplicateGroup, DuplicateMember, PipelineSession, PipelineSettings } from '../types';
import { OUTPUT_SHEETS } from './output-sheets';
import { say } from './say';
import { LoadedSource, SourceProblem, fieldColumns, isProblem, loadSources } from './source-table';

/** A field of the combined customer list. */
export interface CustomerField {
  /** `personName`, `company`, or a standard field id (`phone`, `email`, `region`, `birthDate` …). */
  id: string;
  label: string;
  kind: DedupFieldKind;
  use: 'compare' | 'evidence';
}

/** One source row in the combined list. */
export interface CustomerRecord {
  /** Index into `CustomerList.sources`. */
  source: number;
  /** 0-based data row of the source's table. */
  row: number;
  /** Excel row. */
  excelRow: number;
}

/** Every master row as one list, matched: what the analysis needs to count each customer once. */
export interface CustomerList {
  /** The master sources, most trusted first (see sourceRank). */
  sources: LoadedSource[];
  problems: SourceProblem[];
  fields: CustomerField[];
  records: CustomerRecord[];
  /** What the matcher compared: one column per field. */
  input: DedupInput;
  /** What the user sees: the cleaned value of each field, per record. */
  display: (string | null)[][];
  /** Customer id per record (the source's 客户编号), or null. */
  ids: (string | null)[];
  result: DedupResult | null;
  /** Record -> customer, after the analyst's rejected groups were split back into single rows. */
  clusterOf: Int32Array;
  customers: number;
  groups: DuplicateGroup[];
}

/** Kinds that make one field of the combined list whatever the sheet calls the column. */
const SLOT_OF_KIND: Partial<Record<DedupFieldKind, string>> = {
  personName: 'personName',
  company: 'company',
  phone: 'phone',
  email: 'email',
  region: 'region',
  date: 'birthDate',
  gender: 'gender',
  address: 'address',
  postcode: 'postcode',
  surname: 'surname',
  givenName: 'givenName',
  streetNumber: 'streetNumber',
};

function slotLabel(id: string, header: string, locale: Locale): string {
  if (id === 'personName') return say(locale, '姓名', 'Name');
  if (id === 'company') return say(locale, '公司名称', 'Company');
  const f = fieldById(id);
  return f ? (locale === 'en-US' ? f.en : f.zh) : header;
}

/**
 * Which source's values a golden record prefers: a sheet with a customer id column (a CRM's own export) before
 * one without (a hand-kept sign-up list), then the sheet with more mapped fields, then settings order.
 */
function sourceRank(sources: LoadedSource[]): LoadedSource[] {
  const score = (s: LoadedSource) => {
    const cols = fieldColumns(s.mapping);
    return (cols.customerId !== undefined ? 1000 : 0) + Object.keys(cols).length;
  };
  return sources
    .map((s, i) => ({ s, i, score: score(s) }))
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .map((x) => x.s);
}

/** Display text of a column: the normalizer's value, the raw text when invalid, null when missing. */
function displayColumn(reader: DedupReader, values: readonly CellValue[]): (string | null)[] {
  return normalizeColumn(reader, values).map((r, i) => {
    if (r.status === 'missing') return null;
    if (r.status === 'invalid') {
      const t = tidyText(cellToText(values[i]));
      return t === '' ? null : t;
    }
    return r.value === null || r.value === '' ? null : String(r.value);
  });
}

/** One field of the combined list as one sheet supplies it: the cells to read and how. */
interface SlotColumn {
  id: string;
  header: string;
  kind: DedupFieldKind;
  reader: DedupReader;
  use: 'compare' | 'evidence';
  cells: CellValue[];
}

/**
 * A sheet's planned columns as fields of the combined list. Names are decided row by row, because one 客户名称
 * column often mixes people and companies (客户类型 个人 / 企业): a row's person is its 客户名称 when that is a
 * person's name, else its 联系人; its company is its 公司 column, else its 客户名称 when that names a company.
 * Reading 联系人 as a second name field would count one name twice (for a person, 联系人 is usually the same
 * name), and two companies sharing a contact would look like one customer.
 */
function slotColumns(source: LoadedSource, plan: DedupColumnPlan[]): SlotColumn[] {
  const values = (p: DedupColumnPlan | undefined) => (p ? source.table.columns[p.column].values : null);
  const isName = (p: DedupColumnPlan) => p.fieldId === 'customerName' || p.fieldId === 'contact' || p.fieldId === 'company';
  const customerName = values(plan.find((p) => p.fieldId === 'customerName'));
  const contact = values(plan.find((p) => p.fieldId === 'contact'));
  const company = values(plan.find((p) => p.fieldId === 'company'));
  const out: SlotColumn[] = [];
  const n = source.table.rowCount;
  if (customerName || contact) {
    const person = new Array<CellValue>(n).fill(null);
    const firm = new Array<CellValue>(n).fill(null);
    for (let r = 0; r < n; r++) {
      const cn = customerName?.[r];
      const cnIsCompany = !isBlank(cn) && classifyValue(cn) === 'company';
      person[r] = !isBlank(cn) && !cnIsCompany ? cn : contact?.[r] ?? null;
      firm[r] = !isBlank(company?.[r]) ? company![r] : cnIsCompany ? cn : null;
    }
    const header = plan.find(isName)!.header;
    out.push({ id: 'personName', header, kind: 'personName', reader: 'name', use: 'compare', cells: person });
    out.push({ id: 'company', header, kind: 'company', reader: 'company', use: 'compare', cells: firm });
  } else if (company) {
    out.push({ id: 'company', header: plan.find((p) => p.fieldId === 'company')!.header, kind: 'company', reader: 'company', use: 'compare', cells: company });
  }
  const taken = new Set(out.map((c) => c.id));
  for (const p of plan) {
    if (isName(p)) continue;
    let id = SLOT_OF_KIND[p.kind] ?? p.fieldId ?? p.header;
    if (taken.has(id)) id = p.fieldId && !taken.has(p.fieldId) ? p.fieldId : `${source.setting.sheet}!${p.header}`;
    taken.add(id);
    out.push({ id, header: p.header, kind: p.kind, reader: p.reader, use: p.use, cells: source.table.columns[p.column].values });
  }
  return out;
}

/** Stable key of a group: its rows as `sheet!row`, by sheet name then row number, joined by `|`. */
export function groupKey(members: readonly { sheet: string; row: number }[]): string {
  return members
    .slice()
    .sort((a, b) => (a.sheet < b.sheet ? -1 : a.sheet > b.sheet ? 1 : a.row - b.row))
    .map((m) => `${m.sheet}!${m.row}`)
    .join('|');
}

function cacheKey(settings: PipelineSettings): string {
  const masters = settings.sources.filter((s) => s.role === 'master');
  return JSON.stringify([masters, settings.dedup, settings.locale]);
}

/** The combined, matched customer list (cached in the session while the settings it came from hold). */
export async function findCustomers(book: Workbook, settings: PipelineSettings, session?: PipelineSession): Promise<CustomerList> {
  const key = cacheKey(settings);
  const cached = session?.cache?.customers as { key: string; value: CustomerList } | undefined;
  if (cached && cached.key === key) return cached.value;
  const value = await computeCustomers(book, settings, session);
  if (session?.cache) session.cache.customers = { key, value };
  return value;
}

async function computeCustomers(book: Workbook, settings: PipelineSettings, session?: PipelineSession): Promise<CustomerList> {
  const locale = settings.locale;
  const progress = session?.progress;
  const loaded = await loadSources(book, settings, ['master'], progress);
  const problems = loaded.filter(isProblem);
  const candidates = sourceRank(loaded.filter((s): s is LoadedSource => !isProblem(s)));

  const fields: CustomerField[] = [];
  const slotIndex = new Map<string, number>();
  const perSource: { source: LoadedSource; columns: SlotColumn[]; slots: number[] }[] = [];
  for (const source of candidates) {
    let plan: DedupColumnPlan[];
    try {
      plan = planDedupColumns(source.table, source.mapping);
    } catch (e) {
      if (!(e instanceof DedupSheetError)) throw e;
      problems.push({ setting: source.setting, problem: e.message });
      continue;
    }
    const columns = slotColumns(source, plan);
    if (!columns.some((c) => c.use === 'compare')) {
      problems.push({ setting: source.setting, problem: say(locale, '没有可用于查重的列（姓名、公司、电话、邮箱…）', 'no column to match on (name, company, phone, e-mail …)') });
      continue;
    }
    const slots = columns.map((c) => {
      let i = slotIndex.get(c.id);
      if (i === undefined) {
        i = fields.length;
        slotIndex.set(c.id, i);
        let label = slotLabel(c.id, c.header, locale);
        if (fields.some((f) => f.label === label)) label = `${label}（${source.setting.sheet}!${c.header}）`;
        fields.push({ id: c.id, label, kind: c.kind, use: c.use });
      }
      return i;
    });
    perSource.push({ source, columns, slots });
  }
  const sources = perSource.map((p) => p.source);

  const records: CustomerRecord[] = [];
  const rows: (string | null)[][] = [];
  const display: (string | null)[][] = [];
  const ids: (string | null)[] = [];
  perSource.forEach(({ source, columns, slots }, s) => {
    checkCancelled(progress);
    progress?.report?.({ stage: 'normalize', done: s, total: perSource.length, detail: source.setting.sheet });
    const match = columns.map((c) => readColumn(c.reader, c.cells));
    const shown = columns.map((c) => displayColumn(c.reader, c.cells));
    const idColumn = fieldColumns(source.mapping).customerId;
    const idValues = idColumn === undefined ? null : source.table.columns[idColumn].values;
    for (let r = 0; r < source.table.rowCount; r++) {
      const id = idValues ? tidyText(cellToText(idValues[r])) || null : null;
      const m = new Array<string | null>(fields.length).fill(null);
      const d = new Array<string | null>(fields.length).fill(null);
      let any = id !== null;
      columns.forEach((_, k) => {
        m[slots[k]] = match[k][r];
        d[slots[k]] = shown[k][r];
        if (match[k][r] !== null) any = true;
      });
      if (!any) continue; // a blank row, or one that names nobody: not a customer
      records.push({ source: s, row: r, excelRow: source.table.provenance.rows[r] });
      rows.push(m);
      display.push(d);
      ids.push(id);
    }
  });

  const dedupFields: DedupField[] = fields.map((f) => ({ name: f.id, kind: f.kind, label: f.label }));
  const input: DedupInput = { fields: dedupFields, rows };
  let result: DedupResult | null = null;
  let clusterOf = Int32Array.from(records, (_, i) => i);
  if (records.length > 1 && fields.some((f) => f.use === 'compare')) {
    checkCancelled(progress);
    progress?.report?.({ stage: 'match', done: 0, total: 1 });
    const evidence: EvidenceRule[] = fields.filter((f) => f.use === 'evidence').map((f) => ({ field: f.id, ...ID_EVIDENCE }));
    result = dedupe(input, {
      comparisons: defaultComparisons(dedupFields.filter((_, i) => fields[i].use === 'compare')),
      evidence,
      threshold: settings.dedup.threshold,
    });
    clusterOf = Int32Array.from(result.clusterOf);
    progress?.report?.({ stage: 'match', done: 1, total: 1 });
  }

  const list: CustomerList = { sources, problems, fields, records, input, display, ids, result, clusterOf, customers: 0, groups: [] };
  list.groups = result ? buildGroups(list, result, settings) : [];
  list.customers = renumber(list.clusterOf);
  return list;
}

/** Cluster ids 0..n-1 in order of each cluster's first record; returns n. */
function renumber(clusterOf: Int32Array): number {
  const next = new Map<number, number>();
  for (let i = 0; i < clusterOf.length; i++) {
    let c = next.get(clusterOf[i]);
    if (c === undefined) {
      c = next.size;
      next.set(clusterOf[i], c);
    }
    clusterOf[i] = c;
  }
  return next.size;
}

function memberLabel(list: CustomerList, i: number): string {
  const order = ['company', 'personName', 'phone', 'email', 'region'];
  const parts: string[] = [];
  for (const id of order) {
    const f = list.fields.findIndex((x) => x.id === id);
    const v = f >= 0 ? list.display[i][f] : null;
    if (v) parts.push(v);
    if (parts.length === 3) break;
  }
  return parts.join(' · ') || (list.ids[i] ?? '');
}

/** Groups of two or more records: members with their strongest link inside the group, golden record, rejection. */
function buildGroups(list: CustomerList, result: DedupResult, settings: PipelineSettings): DuplicateGroup[] {
  const locale = settings.locale;
  const rejected = new Set(settings.dedup.rejectedGroups);
  const inside = new Int32Array(list.records.length).fill(-1); // links come strongest first
  result.links.forEach((link, i) => {
    if (result.clusterOf[link.a] !== result.clusterOf[link.b]) return;
    if (inside[link.a] < 0) inside[link.a] = i;
    if (inside[link.b] < 0) inside[link.b] = i;
  });
  const sheetOf = (i: number) => list.sources[list.records[i].source].setting.sheet;
  const multi = result.clusters.filter((c) => c.length > 1);
  // Golden values: from the most trusted source that has one (records are in source rank order).
  const rankField = '\u0000source';
  const displayInput: DedupInput = {
    fields: [...list.fields.map((f) => ({ name: f.id, kind: f.kind })), { name: rankField, kind: 'text' }],
    rows: list.display.map((d, i) => [...d, String(list.records[i].source)]),
  };
  const golden = mergeClusters(displayInput, multi, {
    defaultStrategy: 'preferredSource',
    sourceField: rankField,
    sourceOrder: list.sources.map((_, s) => String(s)),
  });
  let fresh = list.clusterOf.length; // ids for rows split out of a rejected group
  return multi.map((members, g) => {
    const ms: DuplicateMember[] = members.map((r) => {
      const li = inside[r];
      const link = li >= 0 ? result.links[li] : null;
      const partner = link ? (link.a === r ? link.b : link.a) : -1;
      const head = partner >= 0 ? say(locale, `与 ${sheetOf(partner)} 第 ${list.records[partner].excelRow} 行：`, `with ${sheetOf(partner)} row ${list.records[partner].excelRow}: `) : '';
      return {
        sheet: sheetOf(r),
        row: list.records[r].excelRow,
        label: memberLabel(list, r),
        reason: link ? `${head}${explainLink(link, list.input.fields, locale)}` : '',
        probability: link ? link.probability : 0,
      };
    });
    const key = groupKey(ms);
    const isRejected = rejected.has(key);
    if (isRejected) for (const r of members) list.clusterOf[r] = fresh++;
    const values: Record<string, string> = {};
    list.fields.forEach((f, k) => {
      const v = golden[g].values[k];
      if (v !== null) values[f.id] = v;
    });
    return { key, members: ms, golden: values, rejected: isRejected };
  });
}

export async function dedupStep(book: Workbook, settings: PipelineSettings, session?: PipelineSession): Promise<DedupStepResult> {
  const started = Date.now();
  const locale = settings.locale;
  const list = await findCustomers(book, settings, session);
  const result: DedupStepResult = {
    message: '',
    sheets: [],
    columns: [],
    charts: 0,
    durationMs: 0,
    rows: list.records.length,
    customers: list.customers,
    pairsCompared: list.result?.pairsCompared ?? 0,
    groups: list.groups,
    fields: list.fields.map((f) => ({ id: f.id, label: f.label })),
  };
  if (list.sources.length > 0 && settings.report.sheets.includes('duplicates')) {
    checkCancelled(session?.progress);
    await book.writeSheet(duplicatesSheetSpec(list, locale));
    result.sheets.push(OUTPUT_SHEETS.duplicates);
  }
  result.message = dedupMessage(list, locale);
  result.durationMs = Date.now() - started;
  return result;
}

function dedupMessage(list: CustomerList, locale: Locale): string {
  const problems = list.problems.map((p) => `${p.setting.sheet}：${p.problem}`);
  if (list.sources.length === 0) {
    const none = say(locale, '没有可查重的客户主数据工作表，已跳过去重', 'No usable customer sheet: duplicate search skipped');
    return problems.length ? `${none}（${problems.join('；')}）` : none;
  }
  const accepted = list.groups.filter((g) => !g.rejected);
  const merged = accepted.reduce((n, g) => n + g.members.length, 0);
  const head = say(
    locale,
    `${list.records.length} 条客户记录（${list.sources.map((s) => s.setting.sheet).join('、')}）中找到 ${list.groups.length} 组重复，` +
      `合并 ${merged} 条为 ${accepted.length} 位客户，共 ${list.customers} 位客户` +
      (list.groups.length > accepted.length ? `；${list.groups.length - accepted.length} 组已被标为不是同一客户` : ''),
    `${list.records.length} customer records (${list.sources.map((s) => s.setting.sheet).join(', ')}): ${list.groups.length} duplicate group(s); ` +
      `${merged} records merged into ${accepted.length} customers, ${list.customers} customers in all` +
      (list.groups.length > accepted.length ? `; ${list.groups.length - accepted.length} group(s) marked as different customers` : ''),
  );
  return problems.length ? `${head}${say(locale, '；未使用：', '; not used: ')}${problems.join('；')}` : head;
}

/** 重复客户: one row per member of each group, then the merged (golden) record of each group. */
export function duplicatesSheetSpec(list: CustomerList, locale: Locale): SheetSpec {
  const merge = say(locale, '合并', 'Merge');
  const keep = say(locale, '保留', 'Keep');
  const memberRows: CellValue[][] = [];
  list.groups.forEach((g, i) => {
    for (const m of g.members) memberRows.push([i + 1, m.sheet, m.row, m.label, m.reason, m.probability, g.rejected ? keep : merge]);
  });
  const title = say(
    locale,
    `重复客户：${list.groups.length} 组（匹配阈值以上的记录为同一客户；「保留」为已标记不是同一客户的组）`,
    `Duplicate customers: ${list.groups.length} group(s) (Keep: groups marked as different customers)`,
  );
  const blocks: SheetSpec['blocks'] = [
    { kind: 'title', at: [1, 1], text: title },
    {
      kind: 'table',
      at: [2, 1],
      name: 'KehuDuplicates',
      header: [
        say(locale, '组号', 'Group'), say(locale, '工作表', 'Sheet'), say(locale, '行号', 'Row'), say(locale, '客户', 'Customer'),
        say(locale, '匹配说明', 'Why'), say(locale, '匹配概率', 'Probability'), say(locale, '处理', 'Action'),
      ],
      rows: memberRows,
      formats: ['integer', 'text', 'integer', 'text', 'text', 'percent', 'text'],
    },
  ];
  const top = 2 + Math.max(memberRows.length, 1) + 3;
  blocks.push({ kind: 'title', at: [top, 1], text: say(locale, '合并后的客户（每组一条，取最可信来源的值）', 'Merged customers (one per group, from the most trusted source)') });
  blocks.push({
    kind: 'table',
    at: [top + 1, 1],
    name: 'KehuGoldenRecords',
    header: [say(locale, '组号', 'Group'), say(locale, '处理', 'Action'), ...list.fields.map((f) => f.label)],
    rows: list.groups.map((g, i) => [i + 1, g.rejected ? keep : merge, ...list.fields.map((f) => g.golden[f.id] ?? null)]),
    formats: ['integer', 'text', ...list.fields.map((): CellFormat => 'text')],
  });
  return { name: OUTPUT_SHEETS.duplicates, replace: true, freeze: { rows: 2, cols: 0 }, blocks, columnWidths: [8, 14, 8, 40, 70, 12, 8] };
}
