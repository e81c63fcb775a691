/**
 * Issue "The Excel add-in itself", done-when: through the strict Excel fake, a workbook with a master sheet of
 * >= 10,000 rows plus behaviour and value sheets goes through all five steps; the original cells are unchanged,
 * results and charts are present, and running again changes nothing more.
 */
import { FakeExcel, type SeedValue } from './excel-fake';
import { OfficeWorkbook } from '../src/host/office';
import { generateSample, isSampleFormula, type SampleSheet } from '../src/core/sample';
import { analyzeStep, cleanStep, dedupStep, defaultSettings, detectSources, reportStep, saveSettings } from '../src/core/pipeline/steps';

/** A sample sheet as the fake stores it: title row, header at its row, formulas by their cached result. */
function grid(sheet: SampleSheet): SeedValue[][] {
  const rows: SeedValue[][] = Array.from({ length: sheet.headerRow - 1 }, () => []);
  if (sheet.title) rows[0] = [sheet.title.text];
  rows.push(sheet.header);
  for (const r of sheet.rows) rows.push(r.map((v) => (isSampleFormula(v) ? v.result : v) as SeedValue));
  return rows;
}

async function snapshot(book: OfficeWorkbook) {
  const out: Record<string, unknown> = {};
  for (const s of await book.listSheets()) out[s.name] = (await book.readSheet(s.name)).rows;
  return out;
}

function chartCount(fake: FakeExcel): number {
  return fake.sheets.reduce((n, s) => n + s.charts.length, 0);
}

describe('five steps through the Office host on a 10,000-customer workbook (strict fake)', () => {
  it('keeps the user cells, writes results and charts, and a second run changes nothing more', async () => {
    const sample = generateSample({ customers: 10_000 });
    const fake = new FakeExcel();
    for (const sheet of sample.sheets) fake.addSheet(sheet.name, grid(sheet));
    const master = sample.sheets.find((s) => s.key === 'crm')!;
    expect(master.rows.length).toBeGreaterThanOrEqual(10_000);
    const book = new OfficeWorkbook({ run: fake.run, isSetSupported: fake.requirements.isSetSupported });
    const originals = await snapshot(book);

    const detected = await detectSources(book);
    expect(detected.map((d) => d.role)).toEqual(expect.arrayContaining(['master', 'value', 'behaviour']));
    const settings = defaultSettings(detected, 'zh-CN');
    await saveSettings(book, settings);

    const run = async () => {
      const clean = await cleanStep(book, settings);
      const dedup = await dedupStep(book, settings);
      const analyze = await analyzeStep(book, settings);
      const report = await reportStep(book, settings);
      return { clean, dedup, analyze, report };
    };
    const first = await run();
    expect(first.dedup.groups.length).toBeGreaterThan(0);
    expect(first.analyze.customers).toBeGreaterThan(1000);
    expect(first.report.charts).toBeGreaterThanOrEqual(5);

    const after = await snapshot(book);
    for (const sheet of sample.sheets) {
      // Every original cell is still there as it was; cleaned columns only add to the right.
      const before = originals[sheet.name] as unknown[][];
      const now = after[sheet.name] as unknown[][];
      before.forEach((row, r) => row.forEach((v, c) => expect([sheet.name, r, c, now[r][c]]).toEqual([sheet.name, r, c, v])));
    }
    const names = Object.keys(after);
    expect(names).toEqual(expect.arrayContaining(['数据质量报告', '重复客户', '客户分层', '客户标签', '报告']));
    const charts = chartCount(fake);
    expect(charts).toBe(first.report.charts);

    await run();
    const again = await snapshot(book);
    expect(Object.keys(again)).toEqual(names);
    for (const name of names) expect([name, again[name]]).toEqual([name, after[name]]);
    expect(chartCount(fake)).toBe(charts);
  }, 900_000);
});
