/**
 * The .xlsx path of the file host: reading a package by hand (xlsx-package-read.ts) and saving it by copying what
 * was not written and patching what was (xlsx-package-write.ts). Workbooks are made and read back with exceljs,
 * an independent reader and writer; parts are compared as the package holds them.
 */
import * as ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { SheetSpec } from '../workbook';
import { newWorkbook, openWorkbookBytes } from './file-workbook';
import { isDateFormat, readWorksheetXml } from './xlsx-package-read';
import { newPlainSheet, readPlainSheet } from './xlsx-plain';
import { appendPlainStyles } from './xlsx-styles';

/** A user's workbook with what must survive a save: styles, a formula, a merge, a table, a note, validation,
 * conditional formatting, a print area (a defined name bound to a sheet by position), and a second sheet. */
async function userWorkbook(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const notes = book.addWorksheet('说明');
  notes.getCell('A1').value = '请勿删除';
  notes.getCell('A1').font = { italic: true, color: { argb: 'FFFF0000' } };
  const ws = book.addWorksheet('客户');
  ws.getCell('A1').value = '客户名单';
  ws.mergeCells('A1:C1');
  ws.addTable({
    name: '客户表',
    ref: 'A2',
    headerRow: true,
    columns: [{ name: '编号' }, { name: '电话' }, { name: '金额' }],
    rows: [
      ['001', '138 0000 0000', 10],
      ['002', '139-0000-0000', 20],
    ],
  });
  ws.getCell('C3').numFmt = '#,##0.00';
  ws.getCell('C3').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  ws.getCell('D5').value = { formula: 'SUM(C3:C4)', result: 30 };
  ws.getCell('B3').note = '客户说下午打';
  ws.getCell('C4').dataValidation = { type: 'decimal', operator: 'greaterThan', formulae: [0], allowBlank: true };
  ws.addConditionalFormatting({
    ref: 'C3:C4',
    rules: [{ type: 'cellIs', operator: 'greaterThan', formulae: [15], priority: 1, style: { font: { bold: true } } }],
  });
  ws.pageSetup.printArea = 'A1:D5';
  const archive = book.addWorksheet('归档');
  archive.getCell('A1').value = 'old';
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** The package with a calculation chain, as Excel writes one for a workbook with formulas. */
function withCalcChain(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  files['xl/calcChain.xml'] = strToU8('<?xml version="1.0"?><calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="D5" i="2"/></calcChain>');
  const rels = strFromU8(files['xl/_rels/workbook.xml.rels']);
  files['xl/_rels/workbook.xml.rels'] = strToU8(
    rels.replace('</Relationships>', '<Relationship Id="rIdCalc" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>'),
  );
  const types = strFromU8(files['[Content_Types].xml']);
  files['[Content_Types].xml'] = strToU8(
    types.replace('</Types>', '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>'),
  );
  return zipSync(files);
}

async function exceljsRead(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

const parts = (bytes: Uint8Array) => unzipSync(bytes);
const text = (bytes: Uint8Array, name: string) => strFromU8(parts(bytes)[name]);

const REPORT: SheetSpec = {
  name: '报告',
  blocks: [
    { kind: 'title', at: [1, 1], text: '报告' },
    { kind: 'table', at: [3, 1], header: ['指标', '值', '日期'], rows: [['客户数', 2, new Date(Date.UTC(2024, 4, 1))]] },
  ],
};

describe('saving an .xlsx', () => {
  it('copies every part nothing was written to byte for byte', async () => {
    const original = await userWorkbook();
    const wb = await openWorkbookBytes(original, 'user.xlsx');
    await wb.writeSheet(REPORT);
    const saved = await wb.toBytes();
    const before = parts(original);
    const after = parts(saved);
    for (const name of ['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/worksheets/sheet3.xml', 'xl/tables/table1.xml']) {
      expect([name, after[name]]).toEqual([name, before[name]]);
    }
    const book = await exceljsRead(saved);
    expect(book.worksheets.map((w) => w.name)).toEqual(['说明', '客户', '归档', '报告', '_kehu_settings']);
    expect(book.getWorksheet('说明')!.getCell('A1').font).toMatchObject({ italic: true, color: { argb: 'FFFF0000' } });
    const report = book.getWorksheet('报告')!;
    expect(report.getCell('A1').value).toBe('报告');
    expect(report.getCell('A1').font).toMatchObject({ bold: true, size: 14 });
    expect(report.getCell('C4').value).toEqual(new Date(Date.UTC(2024, 4, 1)));
    expect(report.getCell('C4').numFmt).toBe('yyyy-mm-dd');
    expect(report.getTables()).toHaveLength(1);
  });

  it('colours a heat-map table with a colour scale over its numbers, on both writers', async () => {
    const spec: SheetSpec = {
      name: '热力',
      blocks: [{ kind: 'table', at: [2, 1], header: ['星期', '0时', '1时'], rows: [['周一', 1, 5], ['周二', 0, 9]], heatMap: true }],
    };
    for (const [bytes, name] of [[await userWorkbook(), 'user.xlsx'], [new TextEncoder().encode('a,b\n1,2\n'), 'in.csv']] as const) {
      const wb = await openWorkbookBytes(bytes, name);
      await wb.writeSheet(spec);
      const book = await exceljsRead(await wb.toBytes());
      const cf = (book.getWorksheet('热力')! as unknown as { conditionalFormattings: { ref: string; rules: { type: string }[] }[] }).conditionalFormattings;
      expect([name, cf.map((c) => [c.ref, c.rules.map((r) => r.type)])]).toEqual([name, [['B3:C4', ['colorScale']]]]);
    }
  });

  it('writes columns into a sheet keeping its styles, formula, merge, table, note, validation and formatting', async () => {
    const wb = await openWorkbookBytes(await userWorkbook(), 'user.xlsx');
    await wb.writeColumns('客户', [
      { header: '电话(清洗)', headerRow: 2, values: ['13800000000', '13900000000'], format: 'text' },
      { header: '签约日', headerRow: 2, values: [new Date(Date.UTC(2024, 0, 5)), null] },
    ]);
    const saved = await wb.toBytes();
    const book = await exceljsRead(saved);
    const ws = book.getWorksheet('客户')!;
    expect(ws.getCell('C3').numFmt).toBe('#,##0.00');
    expect(ws.getCell('C3').fill).toMatchObject({ pattern: 'solid', fgColor: { argb: 'FFFFFF00' } });
    expect(ws.getCell('D5').value).toEqual({ formula: 'SUM(C3:C4)', result: 30 });
    expect(ws.getCell('B3').note).toBe('客户说下午打');
    expect(ws.getCell('C4').dataValidation).toMatchObject({ type: 'decimal', operator: 'greaterThan' });
    expect(ws.model.merges).toEqual(['A1:C1']);
    expect(ws.getTables()).toHaveLength(1);
    expect(ws.getCell('E2').value).toBe('电话(清洗)');
    expect(ws.getCell('E2').font).toMatchObject({ bold: true });
    expect(ws.getCell('E3').value).toBe('13800000000');
    expect(ws.getCell('E3').numFmt).toBe('@');
    expect(ws.getCell('F3').value).toEqual(new Date(Date.UTC(2024, 0, 5)));
    expect(ws.getCell('F3').numFmt).toBe('yyyy-mm-dd');
    expect(ws.getCell('F4').value).toBeNull();
    const xml = text(saved, 'xl/worksheets/sheet2.xml');
    expect(xml).toContain('<conditionalFormatting');
    expect(xml).toContain('<dataValidations');
    expect(xml).toMatch(/<dimension ref="A1:F5"\/>/);

    // Read back by the host itself: the written columns and the originals.
    const again = await openWorkbookBytes(saved, 'saved.xlsx');
    const data = await again.readSheet('客户');
    expect(data.rows[1]).toEqual(['编号', '电话', '金额', null, '电话(清洗)', '签约日']);
    expect(data.rows[2]).toEqual(['001', '138 0000 0000', 10, null, '13800000000', new Date(Date.UTC(2024, 0, 5))]);
    expect(data.formulas).toBe(1);
  });

  it('a re-run that rewrites its own column leaves no old value behind', async () => {
    const first = await openWorkbookBytes(await userWorkbook(), 'user.xlsx');
    await first.writeColumns('客户', [{ header: '电话(清洗)', headerRow: 2, values: ['13800000000', '13900000000'], replaceOwn: true }]);
    const again = await openWorkbookBytes(await first.toBytes(), 'first.xlsx');
    await again.writeColumns('客户', [{ header: '电话(清洗)', headerRow: 2, values: [null, '13900000001'], replaceOwn: true }]);
    const ws = (await exceljsRead(await again.toBytes())).getWorksheet('客户')!;
    expect([ws.getCell('E2').value, ws.getCell('E3').value, ws.getCell('E4').value, ws.getCell('F2').value]).toEqual(['电话(清洗)', null, '13900000001', null]);
  });

  it('replaces and deletes sheets: their parts and tables go, defined names and sheet positions follow', async () => {
    const wb = await openWorkbookBytes(withCalcChain(await userWorkbook()), 'user.xlsx');
    await wb.deleteSheet('说明');
    await wb.writeSheet(REPORT);
    // The replacement takes a table name the deleted sheet's table had: its table part must be gone.
    await wb.writeSheet({ ...REPORT, name: '归档', replace: true, blocks: [{ kind: 'table', at: [1, 1], name: '客户表2', header: ['a'], rows: [[1]] }] });
    const saved = await wb.toBytes();
    const names = Object.keys(parts(saved));
    expect(names.filter((n) => n.startsWith('xl/worksheets/sheet'))).toHaveLength(4);
    const book = await exceljsRead(saved);
    expect(book.worksheets.map((w) => w.name)).toEqual(['客户', '归档', '报告', '_kehu_settings']);
    expect(book.getWorksheet('归档')!.getCell('A2').value).toBe(1);
    const workbookXml = text(saved, 'xl/workbook.xml');
    // The print area was on sheet index 1 (客户); with 说明 gone it is index 0.
    expect(workbookXml).toMatch(/<definedName name="_xlnm.Print_Area" localSheetId="0">/);
    const contentTypes = text(saved, '[Content_Types].xml');
    for (const n of names.filter((x) => x.endsWith('.xml') && !x.includes('_rels'))) {
      if (n === '[Content_Types].xml') continue;
      expect(contentTypes.includes(`/${n}"`) || /Default Extension="xml"/.test(contentTypes)).toBe(true);
    }
    expect(contentTypes).not.toMatch(/sheet1\.xml"[^>]*worksheet[\s\S]*sheet1\.xml"/); // one override per part
    // The calculation chain named cells by sheet position: it goes, for Excel to rebuild.
    expect(names).not.toContain('xl/calcChain.xml');
    expect(contentTypes).not.toContain('calcChain');
    expect(text(saved, 'xl/_rels/workbook.xml.rels')).not.toContain('calcChain');
  });

  it('does not change the package it was opened from: saving twice gives the same bytes', async () => {
    const wb = await openWorkbookBytes(withCalcChain(await userWorkbook()), 'user.xlsx');
    await wb.writeColumns('客户', [{ header: '新列', headerRow: 2, values: ['x'] }]);
    await wb.setSetting('k', { a: 1 });
    const first = await wb.toBytes();
    expect(await wb.toBytes()).toEqual(first);
    expect(Object.keys(parts(first))).toContain('xl/calcChain.xml'); // no sheet removed: the chain still holds
    const again = await openWorkbookBytes(first, 'again.xlsx');
    expect(await again.getSetting('k')).toEqual({ a: 1 });
    expect((await again.listSheets()).map((s) => s.name)).toEqual(['说明', '客户', '归档']);
    // Our strings go after the package's own in its shared string table; the old ones keep their indices.
    const book = await exceljsRead(first);
    expect(book.getWorksheet('客户')!.getCell('E3').value).toBe('x');
    expect(book.getWorksheet('客户')!.getCell('A3').value).toBe('001');
  });
});

describe('gathering sheets of several files into one workbook', () => {
  it('copies values, dates as dates, text IDs as text and merges, into an .xlsx or a new workbook', async () => {
    const other = new ExcelJS.Workbook();
    const ws = other.addWorksheet('订单');
    ws.getCell('A1').value = '订单导出';
    ws.mergeCells('A1:C1');
    ws.addRow(['订单号', '日期', '金额']);
    ws.addRow(['000123', new Date(Date.UTC(2024, 2, 1, 9, 30)), { formula: '1+1', result: 2 }]);
    other.addWorksheet('隐藏', { state: 'hidden' }).getCell('A1').value = 'x';
    const from = await openWorkbookBytes(new Uint8Array(await other.xlsx.writeBuffer()), 'orders.xlsx');
    expect(await from.isVisible('隐藏')).toBe(false);
    const csv = await openWorkbookBytes(new TextEncoder().encode('编号,姓名\n007,王五\n'), 'people.csv');

    for (const base of [await openWorkbookBytes(await userWorkbook(), 'user.xlsx'), newWorkbook()]) {
      await base.addSheetCopy(from, '订单', 'orders');
      await base.addSheetCopy(csv, 'people', 'people');
      await expect(base.addSheetCopy(csv, 'people', 'PEOPLE')).rejects.toThrow(/PEOPLE/);
      const book = await exceljsRead(await base.toBytes());
      const orders = book.getWorksheet('orders')!;
      expect(orders.model.merges).toEqual(['A1:C1']);
      expect(orders.getCell('A3').value).toBe('000123');
      expect(orders.getCell('A3').numFmt).toBe('@');
      expect(orders.getCell('B3').value).toEqual(new Date(Date.UTC(2024, 2, 1, 9, 30)));
      expect(orders.getCell('B3').numFmt).toBe('yyyy-mm-dd hh:mm:ss');
      expect(orders.getCell('C3').value).toBe(2);
      expect(book.getWorksheet('people')!.getCell('A2').value).toBe('007');
      const read = await (await openWorkbookBytes(await base.toBytes(), 'again.xlsx')).readSheet('orders');
      expect(read.merges).toEqual(['A1:C1']);
    }
  });
});

describe('reading worksheet XML', () => {
  const ctx = { strings: ['共享', '文本'], isDateStyle: (s: number) => s === 1, date1904: false };

  it('reads every cell type, rows and cells without r, a namespace prefix, merges and formulas', () => {
    const xml =
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>' +
      '<x:row r="2"><x:c r="A2" t="s"><x:v>1</x:v></x:c><x:c t="inlineStr"><x:is><x:r><x:t>富</x:t></x:r><x:r><x:t xml:space="preserve"> 文本</x:t></x:r><x:rPh><x:t>ふ</x:t></x:rPh></x:is></x:c>' +
      '<x:c r="D2" t="b"><x:v>1</x:v></x:c><x:c t="e"><x:v>#N/A</x:v></x:c></x:row>' +
      '<x:row><x:c s="1"><x:v>45296.5</x:v></x:c><x:c t="d"><x:v>2024-01-05T08:00:00</x:v></x:c><x:c><x:f>A1+1</x:f><x:v>3</x:v></x:c><x:c t="str"><x:f>"a"&amp;"b"</x:f><x:v>ab</x:v></x:c><x:c r="F3" s="2"/></x:row>' +
      '</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A2:B2"/></x:mergeCells></x:worksheet>';
    const sheet = newPlainSheet('s');
    const { merges, formulas } = readWorksheetXml(xml, sheet, ctx);
    expect(merges).toEqual(['A2:B2']);
    expect(formulas).toBe(2);
    const data = readPlainSheet(sheet);
    expect(data.firstRow).toBe(2);
    expect(data.rows).toEqual([
      ['文本', '富 文本', null, true, { error: '#N/A' }],
      [new Date(Date.UTC(2024, 0, 5, 12)), new Date(Date.UTC(2024, 0, 5, 8)), 3, 'ab'],
    ]);
  });

  it('reads serial dates in the 1904 system', () => {
    const sheet = newPlainSheet('s');
    readWorksheetXml('<worksheet><sheetData><row r="1"><c r="A1" s="1"><v>0</v></c></row></sheetData></worksheet>', sheet, { ...ctx, date1904: true });
    expect(readPlainSheet(sheet).rows[0][0]).toEqual(new Date(Date.UTC(1904, 0, 1)));
  });

  it('tells date formats from number formats', () => {
    for (const code of ['yyyy-mm-dd', 'm/d/yy h:mm', '[$-804]yyyy"年"m"月"d"日"', 'hh:mm:ss', '[h]:mm', 'mmm-yy', 'dd/mm/yyyy;@']) {
      expect([code, isDateFormat(code)]).toEqual([code, true]);
    }
    for (const code of ['General', '@', '0.00', '#,##0', '0.0%', '"¥"#,##0.00', '[Red]#,##0;[Blue]-#,##0', '0.00E+00', '"days"0']) {
      expect([code, isDateFormat(code)]).toEqual([code, false]);
    }
  });
});

describe('appending our styles to a workbook\'s', () => {
  const styles =
    '<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    '<numFmts count="1"><numFmt numFmtId="170" formatCode="yyyy-mm-dd"/></numFmts>' +
    '<fonts count="2"><font><sz val="12"/><name val="宋体"/></font><font><i/></font></fonts>' +
    '<fills count="2"><fill/><fill/></fills><borders count="1"><border/></borders>' +
    '<cellXfs count="2"><xf numFmtId="0" fontId="0"/><xf numFmtId="170" fontId="1"/></cellXfs></styleSheet>';

  it('keeps every original index, reuses a format it already has and counts what it adds', () => {
    const out = appendPlainStyles(styles)!;
    const xfs = [...out.xml.matchAll(/<xf ([^>]*)\/>/g)].map((m) => m[1]);
    expect(xfs.slice(0, 2)).toEqual(['numFmtId="0" fontId="0"', 'numFmtId="170" fontId="1"']);
    expect(out.xml).toMatch(/<cellXfs count="28">/);
    expect(out.xml).toMatch(/<fonts count="4">/);
    expect(out.xf(0)).toBe(0);
    // Style code 6 is the date format with the normal font: the workbook's own yyyy-mm-dd (170) and font 0.
    expect(xfs[out.xf(6)]).toMatch(/^numFmtId="170" fontId="0"/);
    // Formats it lacks are declared once each, numbered after its highest id.
    const declared = [...out.xml.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"\/>/g)].map((m) => [Number(m[1]), m[2]]);
    expect(declared).toEqual([[170, 'yyyy-mm-dd'], [171, '0.0%'], [172, 'yyyy-mm-dd hh:mm:ss'], [173, '¥#,##0.00']]);
    expect(out.xml).toMatch(/<numFmts count="4">/);
    // Bold codes use the first added font.
    expect(xfs[out.xf(9)]).toMatch(/fontId="2"/);
  });

  it('refuses a styles part without fonts or cell formats', () => {
    expect(appendPlainStyles('<styleSheet><fonts count="0"/></styleSheet>')).toBeNull();
  });
});
