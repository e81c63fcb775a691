/**
 * A workbook the file host wrote (as `kehu run` and the browser preview do), then opened in Excel with the
 * add-in: the add-in must take the report sheets and cleaned columns for its own, so a re-run replaces them in
 * place, and still refuse a user's sheet. The saved file is moved into the strict Excel fake cell by cell, with
 * its settings (the ownership marker included) as the add-in reads them.
 */
import { FakeExcel, type SeedValue } from './excel-fake';
import { OfficeWorkbook } from '../src/host/office';
import { openWorkbookBytes } from '../src/host/file/file-workbook';
import { OWNERSHIP_KEY, ownershipFrom } from '../src/host/ownership';
import { generateSample, isSampleFormula } from '../src/core/sample';
import { SETTINGS_KEY } from '../src/core/pipeline/types';
import { cleanStep, defaultSettings, detectSources, loadSettings, runAll, saveSettings } from '../src/core/pipeline/steps';
import { newPlainSheet } from '../src/host/file/xlsx-plain';
import { writePlainBook } from '../src/host/file/xlsx-fast-write';

/** The sample as an .xlsx, written by the plain writer (values only: formulas by their cached result). */
async function sampleBytes(customers: number): Promise<Uint8Array> {
  const sample = generateSample({ customers });
  const sheets = sample.sheets.map((s) => {
    const sheet = newPlainSheet(s.name);
    const rows = [...Array.from({ length: s.headerRow - 1 }, () => []), s.header, ...s.rows];
    const width = s.header.length;
    for (let c = 0; c < width; c++) {
      sheet.columns[c] = { values: rows.map((r) => { const v = (r as unknown[])[c]; return (isSampleFormula(v as never) ? (v as { result: unknown }).result : v ?? null) as never; }), styles: 0 };
    }
    return sheet;
  });
  return writePlainBook({ sheets });
}

async function intoFake(bytes: Uint8Array): Promise<{ fake: FakeExcel; book: OfficeWorkbook }> {
  const file = await openWorkbookBytes(bytes, 'run.xlsx');
  const fake = new FakeExcel();
  for (const s of await file.listSheets()) {
    const data = await file.readSheet(s.name);
    const rows: SeedValue[][] = [...Array.from({ length: data.firstRow - 1 }, () => []), ...(data.rows as SeedValue[][])];
    fake.addSheet(s.name, rows);
  }
  const book = new OfficeWorkbook({ run: fake.run, isSetSupported: fake.requirements.isSetSupported });
  for (const key of [SETTINGS_KEY, OWNERSHIP_KEY]) {
    const v = await file.getSetting(key);
    if (v !== undefined) await book.setSetting(key, v);
  }
  return { fake, book };
}

describe('a workbook from kehu run, opened in Excel with the add-in', () => {
  it('re-runs in place: report sheets replaced, cleaned columns rewritten, no second copy', async () => {
    const file = await openWorkbookBytes(await sampleBytes(400), 'sample.xlsx');
    const settings = defaultSettings(await detectSources(file), 'zh-CN');
    settings.asOf = '2024-12-31';
    await saveSettings(file, settings);
    const first = await runAll(file, settings);
    const marker = ownershipFrom(await file.getSetting(OWNERSHIP_KEY));
    expect(marker.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['数据质量报告', '客户分层', '报告']));
    expect(marker.columns.length).toBe(first.clean.columns.length);

    const { fake, book } = await intoFake(await file.toBytes());
    const sheetsBefore = fake.sheets.map((s) => s.name);
    const widthBefore = Object.fromEntries(fake.sheets.map((s) => [s.name, Math.max(...s.rows.map((r) => r?.length ?? 0))]));
    const saved = (await loadSettings(book))!;
    const again = await runAll(book, saved);
    expect(again.clean.columns).toEqual(first.clean.columns);
    expect(fake.sheets.map((s) => s.name)).toEqual(sheetsBefore);
    // The cleaned columns were rewritten where they were, not added again to the right.
    for (const source of settings.sources.filter((s) => s.role !== 'ignore')) {
      const width = Math.max(...fake.sheet(source.sheet).rows.map((r) => r?.length ?? 0));
      expect([source.sheet, width]).toEqual([source.sheet, widthBefore[source.sheet]]);
    }
    // What the file host wrote is now the add-in's by Excel's sheet ids.
    const adopted = ownershipFrom(await book.getSetting(OWNERSHIP_KEY));
    const ids = new Set(fake.sheets.map((s) => s.id));
    expect(adopted.sheets.filter((s) => ids.has(s.id)).map((s) => s.name)).toEqual(expect.arrayContaining(['数据质量报告', '客户分层', '报告']));
  });

  it('still refuses a sheet the user made, even one named like an output', async () => {
    const file = await openWorkbookBytes(await sampleBytes(200), 'sample.xlsx');
    const settings = defaultSettings(await detectSources(file), 'zh-CN');
    await cleanStep(file, settings);
    await file.deleteSheet('数据质量报告');
    expect(ownershipFrom(await file.getSetting(OWNERSHIP_KEY)).sheets.map((s) => s.name)).not.toContain('数据质量报告');
    const { fake, book } = await intoFake(await file.toBytes());
    fake.addSheet('数据质量报告', [['我的笔记']]);
    await expect(book.writeSheet({ name: '数据质量报告', replace: true, blocks: [{ kind: 'title', at: [1, 1], text: 'x' }] })).rejects.toThrow(
      /不是本工具创建的/,
    );
  });
});
