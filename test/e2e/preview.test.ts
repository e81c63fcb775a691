/**
 * End to end, in headless Chromium: the browser preview (`npm start`, preview.html) opens the sample workbook,
 * runs the task pane's five steps over it, and downloads the result, which is read back here with exceljs.
 * Skips with a message when Chromium is absent; under CI (.ci/run installs it) that is a failure.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { OUTPUT_SHEETS, REPORT_SHEET } from '../../src/core/pipeline/steps/output-sheets';
import { t, type MessageKey } from '../../src/i18n';
import { REPO_ROOT, itWhen } from '../helpers/cli';
import { type Browser, type Served, buildAndServe, chromiumPresent, clearArtifacts, launch, NO_CHROMIUM, screenshot } from './browser';

const it_ = itWhen(chromiumPresent, NO_CHROMIUM);
const CSV = path.join(REPO_ROOT, 'assets', 'sample', 'customers.csv');

let served: Served;
let browser: Browser;
const timings: Record<string, number> = {};
/** How many charts the Report step said it drew; the downloaded file must hold as many. */
let reportedCharts = 0;

beforeAll(async () => {
  if (!chromiumPresent) return;
  clearArtifacts();
  const t0 = Date.now();
  [served, browser] = await Promise.all([buildAndServe(), launch('zh-CN')]);
  timings.buildAndLaunch = (Date.now() - t0) / 1000;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
  if (chromiumPresent) console.log(`e2e timings (s): ${JSON.stringify({ build: served?.buildSeconds, ...timings })}`);
});

afterEach(() => {
  // Errors the page logged fail the test that caused them.
  if (browser) expect(browser.errors.splice(0)).toEqual([]);
});

const page = () => browser.page;
const grid = () => page().getByTestId('sheet-grid');
const sheetTab = (name: string) => page().getByTestId('sheet-tabs').getByRole('tab', { name, exact: true });
const paneTab = (name: string) => page().getByRole('complementary').getByRole('tab', { name, exact: true });
const panel = () => page().getByRole('complementary').getByRole('tabpanel');
const DURATION = /用时 [\d.]+ 秒/;

/** Clicks the download button; returns the file's suggested name and bytes. */
async function downloadResult(): Promise<{ name: string; bytes: Buffer }> {
  const started = page().waitForEvent('download', { timeout: 30_000 });
  await page().getByRole('button', { name: '下载结果 (.xlsx)' }).click();
  const download = await started.catch(async (e: Error) => {
    await screenshot(page(), 'download-failed');
    const bars = await page().getByRole('main').locator('[role="group"], .fui-MessageBar').allInnerTexts();
    throw new Error(`${e.message}; the page said: ${JSON.stringify(bars)}`);
  });
  const file = path.join(browser.downloads, download.suggestedFilename());
  await download.saveAs(file);
  return { name: download.suggestedFilename(), bytes: fs.readFileSync(file) };
}

async function readXlsx(bytes: Buffer): Promise<ExcelJS.Workbook> {
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

/** Waits for the step in view to finish; fails with the pane's error when it did not. Returns what it said and wrote. */
async function stepOutcome(): Promise<{ text: string; written: string[] }> {
  const done = panel().getByText(DURATION);
  const failed = panel().getByRole('alert');
  await done.or(failed).first().waitFor({ timeout: 90_000 });
  if (await failed.count()) throw new Error(`the step failed: ${await failed.first().innerText()}`);
  await done.first().scrollIntoViewIfNeeded();
  const text = await done.first().innerText();
  const line = text.split('\n').find((l) => l.startsWith('写入：'));
  return { text, written: line ? line.slice('写入：'.length).split('、') : [] };
}

describe('browser preview', () => {
  it_('opens the sample workbook: its first sheet in the grid, every sheet as a tab, the task pane on the right', async () => {
    const t0 = Date.now();
    await page().goto(`${served.url}preview.html`);
    await grid().getByRole('cell', { name: 'KH000001', exact: true }).waitFor();
    timings.openSample = (Date.now() - t0) / 1000;

    await expect(page().getByTestId('row-range').textContent()).resolves.toBe('第 1–100 行，共 3,093 行');
    for (const name of ['CRM客户', '电商订单', '服务工单', '活动报名表']) await sheetTab(name).waitFor();
    await expect(sheetTab('CRM客户').getAttribute('aria-selected')).resolves.toBe('true');

    // The pane sits on the right at Excel's task pane width.
    const pane = await page().getByRole('complementary').boundingBox();
    const viewport = page().viewportSize()!;
    expect(pane!.width).toBeGreaterThanOrEqual(320);
    expect(pane!.width).toBeLessThanOrEqual(360);
    expect(Math.round(pane!.x + pane!.width)).toBe(viewport.width);
    await screenshot(page(), '00-sample-opened');
  });

  it_('pages through a large sheet and switches sheets, by mouse and keyboard', async () => {
    await page().getByRole('button', { name: '下一页' }).click();
    await expect(page().getByTestId('row-range').textContent()).resolves.toBe('第 101–200 行，共 3,093 行');
    await grid().getByRole('rowheader', { name: '101', exact: true }).waitFor();

    // Keyboard: focus the last-page button and press Enter.
    await page().getByRole('button', { name: '末页' }).focus();
    await page().keyboard.press('Enter');
    await expect(page().getByTestId('row-range').textContent()).resolves.toBe('第 3,001–3,093 行，共 3,093 行');

    await sheetTab('电商订单').focus();
    await page().keyboard.press('Enter');
    await expect(sheetTab('电商订单').getAttribute('aria-selected')).resolves.toBe('true');
    await expect(page().getByTestId('row-range').textContent()).resolves.toMatch(/^第 1–100 行，共 [\d,]+ 行$/);
    await sheetTab('CRM客户').click();

    // Tab from the page title reaches the toolbar, then the grid (scrollable by arrow keys).
    await page().getByRole('heading', { level: 1, name: '客户数据 · 预览（无需 Excel）' }).click();
    const focused: string[] = [];
    for (let i = 0; i < 3; i++) {
      await page().keyboard.press('Tab');
      focused.push(await page().evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? ''));
    }
    expect(focused).toEqual(['打开文件…', '下载结果 (.xlsx)', '工作表“CRM客户”']);
  });

  it_('runs the five steps over the sample: each writes its sheets, and the grid shows them', async () => {
    const steps: [tab: MessageKey, run: MessageKey | null][] = [
      ['step.sources.title', null], // detection runs when the pane opens; its button only detects again
      ['step.clean.title', 'clean.run'],
      ['step.dedup.title', 'dedup.run'],
      ['step.analyze.title', 'analyze.run'],
      ['step.report.title', 'report.run'],
    ];
    for (const [i, [tab, run]] of steps.entries()) {
      const name = t('zh-CN', tab);
      await paneTab(name).click();
      await expect(paneTab(name).getAttribute('aria-selected')).resolves.toBe('true');
      if (run) {
        const t0 = Date.now();
        await panel().getByRole('button', { name: t('zh-CN', run), exact: true }).click();
        const { text, written } = await stepOutcome();
        timings[tab] = (Date.now() - t0) / 1000;
        // Every sheet the step says it wrote is a tab now, and the grid shows the last one, as Excel activates it.
        const sheets = written.filter((w) => !w.includes('(清洗)') && !w.includes('!'));
        for (const sheet of sheets) await sheetTab(sheet).waitFor();
        if (sheets.length > 0) {
          const last = sheets[sheets.length - 1];
          await sheetTab(last).and(page().locator('[aria-selected="true"]')).waitFor();
          await page().getByRole('region', { name: `工作表“${last}”`, exact: true }).waitFor();
        }
        if (run === 'report.run') {
          reportedCharts = Number(/(\d+) 张图表/.exec(text)?.[1]);
          expect(reportedCharts).toBeGreaterThan(0);
          await expect(page().getByTestId('chart-note').textContent()).resolves.toContain(`${reportedCharts} 个图表`);
        }
      } else {
        await panel().getByText('CRM客户 · ', { exact: false }).first().waitFor();
      }
      await screenshot(page(), `${String(i + 1).padStart(2, '0')}-${name}`);
    }
    for (const sheet of ['数据质量报告', '客户分层', OUTPUT_SHEETS.duplicates, REPORT_SHEET]) await sheetTab(sheet).waitFor();
  });

  it_('downloads the result: the original sheets, the cleaned columns, the report sheets and native charts', async () => {
    const t0 = Date.now();
    const { name, bytes } = await downloadResult();
    timings.download = (Date.now() - t0) / 1000;
    expect(name).toBe('sample-crm-kehu.xlsx');
    const book = await readXlsx(bytes);
    const sheets = book.worksheets.map((w) => w.name);
    for (const sheet of ['CRM客户', '电商订单', '服务工单', '活动报名表', '数据质量报告', '客户分层', OUTPUT_SHEETS.duplicates, REPORT_SHEET]) {
      expect(sheets).toContain(sheet);
    }
    // The CRM sheet's header is on row 3; the Clean step added its cleaned columns beside the user's own.
    const header = (book.getWorksheet('CRM客户')!.getRow(3).values as unknown[]).filter((v): v is string => typeof v === 'string');
    expect(header).toContain('客户编号');
    expect(header).toEqual(expect.arrayContaining(['联系电话(清洗)']));
    expect(header.filter((h) => h.endsWith('(清洗)')).length).toBeGreaterThanOrEqual(3);
    // Native charts: chart parts, each drawn on the report sheet.
    const zip = unzipSync(new Uint8Array(bytes));
    const charts = Object.keys(zip).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
    expect(charts.length).toBe(reportedCharts);
    for (const chart of charts) expect(strFromU8(zip[chart])).toContain('<c:chartSpace');
  });

  it_('follows the task pane language', async () => {
    const language = page().getByRole('complementary').getByRole('combobox', { name: '语言' });
    await language.selectOption('en-US');
    try {
      await page().getByRole('button', { name: 'Open file…' }).waitFor();
      await expect(page().getByTestId('row-range').textContent()).resolves.toMatch(/^Rows 1–\d+ of [\d,]+$/);
      await screenshot(page(), '06-english');
    } finally {
      await page().getByRole('complementary').getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
    }
    await page().getByRole('button', { name: '打开文件…' }).waitFor();
  });

  it_('opens a CSV chosen with the open-file button', async () => {
    await page().getByTestId('open-input').setInputFiles(CSV);
    await grid().getByRole('cell', { name: 'C0001', exact: true }).waitFor();
    await expect(page().getByTestId('file-name').textContent()).resolves.toBe('customers.csv');
    await sheetTab('customers').waitFor();
    await screenshot(page(), '07-csv-opened');
  });

  it_('downloads the CSV as .xlsx', async () => {
    const { name, bytes } = await downloadResult();
    expect(name).toBe('customers-kehu.xlsx');
    const ws = (await readXlsx(bytes)).getWorksheet('customers')!;
    expect(ws.getRow(1).getCell(1).value).toBe('客户编号');
    expect(ws.getRow(2).getCell(1).value).toBe('C0001');
  });
});
