/**
 * End to end, in headless Chromium: the browser preview (`npm start`, preview.html) opens the sample workbook,
 * runs the task pane's five steps over it, and downloads the result, which is read back here with exceljs.
 * Skips with a message when Chromium is absent; under CI (.ci/run installs it) that is a failure.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { REPO_ROOT, itWhen } from '../helpers/cli';
import { type Browser, type Served, buildAndServe, chromiumPresent, launch, NO_CHROMIUM, screenshot } from './browser';

const it_ = itWhen(chromiumPresent, NO_CHROMIUM);
const CSV = path.join(REPO_ROOT, 'assets', 'sample', 'customers.csv');

let served: Served;
let browser: Browser;
const timings: Record<string, number> = {};

beforeAll(async () => {
  if (!chromiumPresent) return;
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
  });

  it_('walks the five steps of the task pane', async () => {
    const steps = ['数据源', '清洗', '去重', '分析', '报告'];
    for (const [i, name] of steps.entries()) {
      await paneTab(name).click();
      await expect(paneTab(name).getAttribute('aria-selected')).resolves.toBe('true');
      await screenshot(page(), `${String(i + 1).padStart(2, '0')}-${name}`);
    }
  });

  it_('follows the task pane language', async () => {
    await page().getByRole('complementary').getByRole('combobox').selectOption('en-US');
    await page().getByRole('button', { name: 'Open file…' }).waitFor();
    await expect(page().getByTestId('row-range').textContent()).resolves.toMatch(/^Rows 1–100 of 3,093$/);
    await screenshot(page(), '06-english');
    await page().getByRole('complementary').getByRole('combobox').selectOption('zh-CN');
    await page().getByRole('button', { name: '打开文件…' }).waitFor();
  });

  it_('opens a CSV chosen with the open-file button', async () => {
    await page().getByTestId('open-input').setInputFiles(CSV);
    await grid().getByRole('cell', { name: 'C0001', exact: true }).waitFor();
    await expect(page().getByTestId('file-name').textContent()).resolves.toBe('customers.csv');
    await sheetTab('customers').waitFor();
    await screenshot(page(), '07-csv-opened');
  });

  it_('downloads the workbook as .xlsx', async () => {
    const [download] = await Promise.all([
      page().waitForEvent('download'),
      page().getByRole('button', { name: '下载结果 (.xlsx)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('customers-kehu.xlsx');
    const file = path.join(browser.downloads, download.suggestedFilename());
    await download.saveAs(file);
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = book.getWorksheet('customers')!;
    expect(ws.getRow(1).getCell(1).value).toBe('客户编号');
    expect(ws.getRow(2).getCell(1).value).toBe('C0001');
  });
});
