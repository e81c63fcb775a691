/**
 * `kehu run <file.xlsx|file.csv>... -o <out.xlsx>`: the whole pipeline as the add-in runs it — sources, clean,
 * dedup, analysis + tags, report — over one workbook, writing the same sheets and charts.
 *
 * Inputs: one file is opened as it is (a CSV becomes a workbook with one sheet named after the file). Several
 * files are put into one workbook first, each file's sheets a source: when the first file is an .xlsx it is the
 * base (its sheets, formats and tables kept) and the other files' sheets are added after it; otherwise a fresh
 * workbook holds them all. An added CSV is one sheet named after the file; an added workbook's sheets are named
 * `<file>-<sheet>` (just `<file>` when it has one sheet). Added sheets are copies of the cell values (a formula
 * keeps its last result; dates stay dates, merges stay merged; other number formats are not carried over), so the
 * originals are never touched.
 *
 * Settings saved in the workbook by the add-in (or an earlier run) are used when they are valid; otherwise the
 * sources are detected and the defaults taken. They are saved into the output, so the add-in opens it with the
 * same choices.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { isoToDay } from '../core/analysis/dates';
import { detectSources, defaultSettings, loadSettings, runAll, saveSettings } from '../core/pipeline/steps';
import type { RunAllResult } from '../core/pipeline/steps';
import type { PipelineSettings } from '../core/pipeline/types';
import type { Locale } from '../core/report/quality-sheet';
import { FileWorkbook, newWorkbook, openWorkbookBytes, sheetNameForFile } from '../host/file/file-workbook';
import { zlibDeflater } from '../host/file/zip-node';
import { UsageError, parseArgs } from './args';

export const RUN_USAGE = `usage: kehu run <file.xlsx|file.csv>... -o <out.xlsx> [--asof YYYY-MM-DD] [--lang zh-CN|en-US]
  the whole pipeline as the add-in runs it: detects the customer, order and interaction sheets, cleans them
  (cleaned columns + 数据质量报告), finds duplicate customers (重复客户), analyses and tags them (客户标签, 客户分层,
  同期群留存, 销售漏斗) and writes the 报告 sheet with its charts.
  several files: each file (each sheet of a workbook) is one source, gathered into one output workbook.
  --asof  "today" for the analysis (default: the day after the latest order)
  --lang  language of the reports and messages (default zh-CN; settings saved in the workbook win otherwise)`;

export class RunInputError extends Error {}

export async function runRun(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['-o', '--out', '--asof', '--lang'], ['--help', '-h']);
  if (args.flags.has('--help') || args.flags.has('-h')) {
    process.stdout.write(`${RUN_USAGE}\n`);
    return 0;
  }
  const inputs = args.positionals;
  const out = args.options.get('-o') ?? args.options.get('--out');
  if (inputs.length === 0 || !out) throw new UsageError(RUN_USAGE);
  if (path.extname(out).toLowerCase() !== '.xlsx') throw new UsageError(`the output must be an .xlsx file, got '${out}'`);
  const asOf = args.options.get('--asof');
  if (asOf !== undefined && Number.isNaN(isoToDay(asOf))) throw new UsageError(`--asof must be YYYY-MM-DD, got '${asOf}'`);
  const lang = args.options.get('--lang');
  if (lang !== undefined && lang !== 'zh-CN' && lang !== 'en-US') throw new UsageError('--lang must be zh-CN or en-US');

  let run: Awaited<ReturnType<typeof runFiles>>;
  try {
    run = await runFiles(inputs, out, { asOf, locale: lang as Locale | undefined });
  } catch (e) {
    if (e instanceof RunInputError) {
      process.stderr.write(`kehu run: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  process.stdout.write(runSummary(run.settings, run.result, out));
  return 0;
}

export interface RunFilesOptions {
  asOf?: string;
  /** Overrides the saved settings' language; default zh-CN for fresh settings. */
  locale?: Locale;
}

/** Runs the pipeline over the files and saves the output workbook. */
export async function runFiles(
  inputs: readonly string[],
  out: string,
  opts: RunFilesOptions = {},
): Promise<{ settings: PipelineSettings; result: RunAllResult }> {
  const book = await openInputs(inputs);
  const { settings } = await pipelineSettings(book, opts);
  if (!settings.sources.some((s) => s.role !== 'ignore')) {
    const detections = await detectSources(book, undefined, settings.locale);
    const why = detections.map((d) => d.problem).filter(Boolean).join('；');
    throw new RunInputError(`没有找到可用的客户、订单或互动工作表 (no customer, order or interaction sheet found)${why ? `：${why}` : ''}`);
  }
  const result = await runAll(book, settings);
  await saveSettings(book, settings);
  const bytes = await book.toBytes(); // the file host draws the report's charts into the package here
  await fs.writeFile(out, bytes).catch((e: NodeJS.ErrnoException) => {
    throw new RunInputError(
      e.code === 'ENOENT' ? `无法写入「${out}」：文件夹不存在 (no such folder)` : `无法写入「${out}」：${e.message} (cannot write the output)`,
    );
  });
  return { settings, result };
}

/** The saved settings when valid and still about this workbook's sheets, else the defaults from detection. */
async function pipelineSettings(book: FileWorkbook, opts: RunFilesOptions): Promise<{ settings: PipelineSettings; saved: boolean }> {
  const saved = await loadSettings(book);
  const sheets = new Set((await book.listSheets()).map((s) => s.name));
  let settings: PipelineSettings;
  let fromSaved = false;
  if (saved && saved.sources.some((s) => s.role !== 'ignore' && sheets.has(s.sheet))) {
    settings = saved;
    fromSaved = true;
    if (opts.locale) settings.locale = opts.locale;
  } else {
    const locale = opts.locale ?? 'zh-CN';
    settings = defaultSettings(await detectSources(book, undefined, locale), locale);
  }
  if (opts.asOf) settings.asOf = opts.asOf;
  return { settings, saved: fromSaved };
}

async function readInput(file: string): Promise<Uint8Array> {
  return fs.readFile(file).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') throw new RunInputError(`找不到文件「${file}」(no such file)`);
    if (e.code === 'EISDIR') throw new RunInputError(`「${file}」是文件夹，不是文件 (is a folder)`);
    throw new RunInputError(`无法读取「${file}」：${e.message} (cannot read the file)`);
  });
}

async function openBytes(bytes: Uint8Array, name: string): Promise<FileWorkbook> {
  try {
    return await openWorkbookBytes(bytes, name, { deflater: zlibDeflater() });
  } catch (e) {
    throw new RunInputError((e as Error).message);
  }
}

const isXlsx = (file: string) => /\.xlsx$/i.test(file);

/** One file as it is; several gathered into one workbook (see the module comment). */
export async function openInputs(inputs: readonly string[]): Promise<FileWorkbook> {
  const open = async (file: string) => openBytes(await readInput(file), path.basename(file));
  if (inputs.length === 1) return open(inputs[0]);
  const first = isXlsx(inputs[0]);
  const base = first ? await open(inputs[0]) : newWorkbook({ deflater: zlibDeflater() });
  const taken = new Set((await base.listSheets()).map((s) => s.name.toLowerCase()));
  for (const file of first ? inputs.slice(1) : inputs) {
    const other = await open(file);
    const stem = sheetNameForFile(path.basename(file));
    const sheets: string[] = [];
    for (const s of await other.listSheets()) if (await other.isVisible(s.name)) sheets.push(s.name);
    for (const sheet of sheets) {
      const name = freeName(taken, sheets.length === 1 ? stem : `${stem}-${sheet}`);
      taken.add(name.toLowerCase());
      await base.addSheetCopy(other, sheet, name);
    }
  }
  return base;
}

/** A sheet name not yet taken (Excel compares names case-insensitively), at most 31 characters. */
function freeName(taken: ReadonlySet<string>, wanted: string): string {
  const clean = wanted.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'Sheet';
  let name = clean;
  for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${clean.slice(0, 31 - String(k).length - 1)}_${k}`;
  return name;
}

function runSummary(settings: PipelineSettings, r: RunAllResult, out: string): string {
  const used = settings.sources.filter((s) => s.role !== 'ignore');
  const roles = { master: '客户', behaviour: '互动', value: '订单', ignore: '' } as const;
  const written = [...new Set([...r.clean.sheets, ...r.dedup.sheets, ...r.analyze.sheets, ...r.report.sheets])];
  return (
    [
      `数据源: ${used.map((s) => `${s.sheet}(${roles[s.role]})`).join('，')}`,
      `清洗: ${r.clean.message}`,
      `去重: ${r.dedup.message}`,
      `分析: ${r.analyze.message}`,
      `报告: ${r.report.message}`,
      `已写入 ${out}: ${written.join('、')}；${r.clean.columns.length} 个清洗列；${r.report.charts} 张图表`,
    ].join('\n') + '\n'
  );
}
