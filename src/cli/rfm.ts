/**
 * `kehu rfm <orders.csv|xlsx> -o <customers.csv>`: one row per customer with recency, frequency, monetary, the
 * 1–5 scores, the R×F segment, the Chinese 8-class and the ABC class. CSV input is parsed in chunks straight into
 * the order accumulator, so the file's rows are never all held at once.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { CellValue } from '../core/cell';
import { analyzeRfm } from '../core/analysis/analyze';
import { isoToDay, dayToIso } from '../core/analysis/dates';
import {
  EXCLUSION_LABELS,
  OrderAccumulator,
  OrderColumns,
  OrderExclusions,
  OrderFacts,
  missingOrderColumns,
  orderColumnsFromMapping,
} from '../core/analysis/orders';
import { RfmOptions, ThresholdKind } from '../core/analysis/rfm';
import { detectHeaderRow, mapHeaders } from '../core/fields';
import { CsvRow, decodeCsvBytes, detectDelimiter, parseCsvRows } from '../host/file/csv';
import { UsageError, parseArgs } from './args';

export const RFM_USAGE = `usage: kehu rfm <orders.csv|orders.xlsx> -o <customers.csv> [--asof YYYY-MM-DD] [--thresholds mean|median]
          [--customer COL --date COL --order COL (--amount COL | --quantity COL --price COL)] [--sheet NAME]
          [--cuts-r a,b,c,d] [--cuts-f a,b,c,d] [--cuts-m a,b,c,d] [--keep-cancelled]
  one row per customer: customer, recency_days, frequency, monetary, r_score, f_score, m_score, rfm_segment,
  rfm_class_cn, abc_class, rfm_segment_zh, first_order_date, last_order_date (CSV, UTF-8 with BOM).
  COL is a header text or a 1-based column number; columns not given are detected from the headers.
  --asof        as-of date for recency (default: the day after the latest order date)
  --thresholds  cut for the 8 Chinese classes (重要价值客户…): mean (default) or median of R, F, M
  --cuts-*      four ascending cut points instead of quintile scores (R: days, 5 when <= the first cut)
  Excluded from the figures and counted: lines without customer, cancellations (order id C + digit),
  quantity <= 0, unit price < 0; zero-price lines stay.`;

export const RFM_COLUMNS = [
  'customer', 'recency_days', 'frequency', 'monetary', 'r_score', 'f_score', 'm_score', 'rfm_segment',
  'rfm_class_cn', 'abc_class', 'rfm_segment_zh', 'first_order_date', 'last_order_date',
] as const;

const COLUMN_FLAGS: readonly [string, keyof OrderColumns][] = [
  ['--customer', 'customer'], ['--date', 'date'], ['--order', 'order'], ['--amount', 'amount'],
  ['--quantity', 'quantity'], ['--price', 'price'],
];

const CSV_CHUNK_ROWS = 16_384;

export async function runRfm(argv: string[]): Promise<number> {
  const args = parseArgs(
    argv,
    ['-o', '--out', '--asof', '--thresholds', '--sheet', '--cuts-r', '--cuts-f', '--cuts-m', ...COLUMN_FLAGS.map(([f]) => f)],
    ['--help', '-h', '--keep-cancelled'],
  );
  if (args.flags.has('--help') || args.flags.has('-h')) {
    process.stdout.write(`${RFM_USAGE}\n`);
    return 0;
  }
  const [input] = args.positionals;
  const out = args.options.get('-o') ?? args.options.get('--out');
  if (!input || !out || args.positionals.length > 1) throw new UsageError(RFM_USAGE);
  const asOf = args.options.get('--asof');
  const asOfDay = asOf === undefined ? undefined : isoToDay(asOf);
  if (asOfDay !== undefined && Number.isNaN(asOfDay)) throw new UsageError(`--asof must be YYYY-MM-DD, got '${asOf}'`);
  const thresholds = args.options.get('--thresholds') ?? 'mean';
  if (thresholds !== 'mean' && thresholds !== 'median') throw new UsageError(`--thresholds must be mean or median`);
  const cuts: RfmOptions['cuts'] = {};
  for (const k of ['r', 'f', 'm'] as const) {
    const v = args.options.get(`--cuts-${k}`);
    if (v === undefined) continue;
    const xs = v.split(',').map(Number);
    if (xs.length !== 4 || xs.some((x, i) => !Number.isFinite(x) || (i > 0 && x < xs[i - 1]))) {
      throw new UsageError(`--cuts-${k} needs four ascending numbers, got '${v}'`);
    }
    cuts[k] = xs;
  }
  const columnFlags = new Map<keyof OrderColumns, string>();
  for (const [flag, key] of COLUMN_FLAGS) {
    const v = args.options.get(flag);
    if (v !== undefined) columnFlags.set(key, v);
  }

  let facts: OrderFacts;
  try {
    facts = await readOrderFacts(input, {
      columns: columnFlags,
      sheet: args.options.get('--sheet'),
      excludeCancelled: !args.flags.has('--keep-cancelled'),
    });
  } catch (e) {
    if (e instanceof OrdersInputError) {
      process.stderr.write(`kehu rfm: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  if (facts.customers.length === 0) {
    process.stderr.write(`kehu rfm: 没有可用的订单行 (no usable order lines)\n${exclusionText(facts.excluded)}\n`);
    return 1;
  }
  const result = analyzeRfm(facts, {
    asOfDay,
    rfm: { classThresholds: thresholds as ThresholdKind, cuts: Object.keys(cuts).length ? cuts : undefined },
  });
  await fs.writeFile(out, rfmCsv(facts, result));
  process.stdout.write(rfmSummary(facts, result, out));
  return 0;
}

/** Problems with the input the user can fix (missing columns, unknown sheet), said in the user's words. */
export class OrdersInputError extends Error {}

export interface ReadOrdersOptions {
  /** Column per order field as given by the user: header text or 1-based number. */
  columns?: Map<keyof OrderColumns, string>;
  sheet?: string;
  excludeCancelled?: boolean;
}

/** Reads an orders file (CSV streamed in chunks; xlsx via the file host) into per-customer order facts. */
export async function readOrderFacts(file: string, opts: ReadOrdersOptions = {}): Promise<OrderFacts> {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') return readCsvOrders(file, opts);
  // Loaded here, not at the top: exceljs takes ~0.4 s to load and a CSV run does not need it.
  const { openWorkbookFile } = await import('../host/file/node');
  const book = await openWorkbookFile(file);
  const sheets = await book.listSheets();
  const target = opts.sheet ? sheets.find((s) => s.name === opts.sheet) : sheets.find((s) => s.rowCount > 0);
  if (!target) {
    throw new OrdersInputError(
      opts.sheet ? `找不到工作表「${opts.sheet}」；工作簿中有：${sheets.map((s) => s.name).join('、')}` : `${path.basename(file)} 中没有含数据的工作表`,
    );
  }
  const { rows } = await book.readSheet(target.name);
  const headerRow = Math.max(0, detectHeaderRow(rows).headerRow);
  const { acc } = accumulatorFor(rows[headerRow] ?? [], rows.slice(headerRow + 1, headerRow + 51), opts);
  acc.addRows(rows, headerRow + 1);
  return acc.finish();
}

async function readCsvOrders(file: string, opts: ReadOrdersOptions): Promise<OrderFacts> {
  const { text } = decodeCsvBytes(await fs.readFile(file));
  const delimiter = detectDelimiter(text);
  const head: CsvRow[] = [];
  parseCsvRows(text, delimiter, 0, 50, head);
  const headerRow = Math.max(0, detectHeaderRow(head).headerRow);
  const { acc, columns } = accumulatorFor(head[headerRow] ?? [], head.slice(headerRow + 1), opts);
  // Text is cut out only for the columns the figures use (not descriptions, countries …).
  const keep: boolean[] = [];
  for (const c of Object.values(columns)) if (c !== undefined) keep[c] = true;
  // Re-parse from the top in chunks, skipping the header; one reused array, so only a chunk lives at a time.
  const chunk: CsvRow[] = [];
  let pos = parseCsvRows(text, delimiter, 0, headerRow + 1, chunk);
  while (pos < text.length) {
    chunk.length = 0;
    pos = parseCsvRows(text, delimiter, pos, CSV_CHUNK_ROWS, chunk, keep);
    acc.addRows(chunk);
  }
  return acc.finish();
}

function accumulatorFor(header: readonly CellValue[], sample: readonly (readonly CellValue[])[], opts: ReadOrdersOptions) {
  const width = header.length;
  const sampleColumns = Array.from({ length: width }, (_, c) => sample.map((r) => r[c] ?? null));
  const { columns } = orderColumnsFromMapping(mapHeaders(header, sampleColumns));
  for (const [key, spec] of opts.columns ?? []) columns[key] = columnIndex(header, spec);
  // A user-given amount wins over a detected quantity × price, and the reverse.
  if (opts.columns?.has('amount') && !opts.columns.has('quantity')) delete columns.quantity;
  if (opts.columns?.has('amount') && !opts.columns.has('price')) delete columns.price;
  if ((opts.columns?.has('quantity') || opts.columns?.has('price')) && !opts.columns.has('amount')) delete columns.amount;
  const missing = missingOrderColumns(columns);
  if (missing.length > 0) {
    const headers = header.map((h) => String(h ?? '')).join(', ');
    throw new OrdersInputError(
      `找不到所需的列：${missing.join('、')}；请用 ${missing.map((m) => `--${m} 列名`).join(' ')} 指定（表头：${headers}）`,
    );
  }
  // RFM uses neither product nor anything else beyond these columns.
  delete columns.product;
  return {
    acc: new OrderAccumulator(columns as OrderColumns, { excludeCancelled: opts.excludeCancelled }),
    columns: columns as OrderColumns,
  };
}

function columnIndex(header: readonly CellValue[], spec: string): number {
  if (/^\d+$/.test(spec)) {
    const n = Number(spec);
    if (n >= 1 && n <= Math.max(header.length, 1)) return n - 1;
  }
  const want = spec.trim().toLowerCase();
  const i = header.findIndex((h) => String(h ?? '').trim().toLowerCase() === want);
  if (i < 0) throw new OrdersInputError(`找不到列「${spec}」；表头：${header.map((h) => String(h ?? '')).join(', ')}`);
  return i;
}

/** RFC 4180: quote fields holding a quote, comma or line break. Formula-like text gets a leading `'` (Excel-safe). */
function csvField(s: string): string {
  const c = s.charCodeAt(0);
  if (c === 61 || c === 43 || c === 45 || c === 64) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Monetary to cents: the sums of float line amounts carry noise like 4310.000000000001. */
function money(x: number): string {
  return String(Math.round(x * 100) / 100);
}

export function rfmCsv(facts: OrderFacts, result: ReturnType<typeof analyzeRfm>): string {
  const { rfm, abc, recencyDays } = result;
  const lines: string[] = [RFM_COLUMNS.join(',')];
  for (let c = 0; c < facts.customers.length; c++) {
    const seg = rfm.segment[c];
    lines.push(
      [
        csvField(facts.customers[c]), recencyDays[c], facts.frequency[c], money(facts.monetary[c]), rfm.r[c], rfm.f[c],
        rfm.m[c], csvField(seg.en), rfm.classCn[c], abc.classes[c], seg.zh, dayToIso(facts.firstDay[c]),
        dayToIso(facts.lastDay[c]),
      ].join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function exclusionText(ex: OrderExclusions): string {
  const parts = (Object.keys(ex) as (keyof OrderExclusions)[])
    .filter((k) => ex[k] > 0)
    .map((k) => `${EXCLUSION_LABELS[k].zh} ${ex[k]}`);
  return `排除行: ${parts.length ? parts.join('，') : '无'}`;
}

function countBy(xs: readonly string[]): string {
  const m = new Map<string, number>();
  for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
  return [...m].map(([k, v]) => `${k} ${v}`).join('，');
}

function rfmSummary(facts: OrderFacts, result: ReturnType<typeof analyzeRfm>, out: string): string {
  const t = result.rfm.classThresholds;
  const kind = t.kind === 'mean' ? '均值' : '中位数';
  return (
    [
      `订单行 ${facts.linesRead}，计入 ${facts.linesUsed}；${exclusionText(facts.excluded)}`,
      `客户 ${facts.customers.length}，订单 ${facts.orders.count}，总金额 ${money(result.abc.total)}，截止日期 ${dayToIso(result.asOfDay)}`,
      `八类阈值（${kind}）：R < ${t.recencyDays.toFixed(2)} 天，F > ${t.frequency.toFixed(2)}，M > ${t.monetary.toFixed(2)}`,
      `八类客户: ${countBy(result.rfm.classCn)}`,
      `ABC: A ${result.abc.counts.A}，B ${result.abc.counts.B}，C ${result.abc.counts.C}`,
      `已写入 ${out}`,
    ].join('\n') + '\n'
  );
}
