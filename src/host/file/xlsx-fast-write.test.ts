import * as ExcelJS from 'exceljs';
import { XMLValidator } from 'fast-xml-parser';
import JSZip from 'jszip';
import { SheetSpec } from '../workbook';
import { FileWorkbook, SETTINGS_SHEET, openWorkbookBytes } from './file-workbook';
import { Deflater, fflateDeflater } from './zip';
import { zlibDeflater } from './zip-node';

const csv = (text: string) => new TextEncoder().encode(text);

/** A CSV-born workbook after a clean-like run: typed new columns, a report sheet with a table, a setting. */
async function cleanedWorkbook(deflater?: Deflater): Promise<FileWorkbook> {
  const wb = await openWorkbookBytes(
    csv('编号,金额,日期,备注\n00123,1200,2024-01-05,=1+1\n00456,-5,2024-02-29 13:30,  两端空格  \n,,,\n00789,abc,,a&b<c>"d"\n'),
    'data.csv',
    { deflater },
  );
  await wb.writeColumns('data', [
    { header: '金额(清洗)', headerRow: 1, values: [1200, -5, null, 'abc'], format: 'number', afterColumn: '金额', replaceOwn: true },
    {
      header: '日期(清洗)',
      headerRow: 1,
      values: [new Date(Date.UTC(2024, 0, 5)), new Date(Date.UTC(2024, 1, 29, 13, 30)), null, null],
      format: 'date',
    },
    { header: '比例', headerRow: 1, values: [0.25, 1, null, 0.5], format: 'percent' },
    { header: '标志', headerRow: 1, values: [true, false, { error: '#N/A' }, '+86 138'] },
  ]);
  const report: SheetSpec = {
    name: '数据质量报告',
    freeze: { rows: 3, cols: 1 },
    columnWidths: [18],
    blocks: [
      { kind: 'title', at: [1, 1], text: '数据质量报告' },
      { kind: 'kv', at: [2, 1], pairs: [['可用率', 0.953, 'percent']] },
      {
        kind: 'table',
        at: [4, 1],
        name: 'QualityIssues',
        header: ['行', '字段', '字段', 'ID', 'id'],
        rows: [
          [2, '金额', 'x', '007', 1],
          [5, '金额', null, '=SUM(A1)', 2],
        ],
        formats: ['integer', undefined, undefined, 'text', 'text'],
      },
    ],
  };
  await wb.writeSheet(report);
  await wb.setSetting('mapping', { 金额: 'amount', long: 'y'.repeat(40_000) });
  return wb;
}

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

describe.each([
  ['fflate', undefined],
  ['zlib', zlibDeflater()],
])('fast writer (%s deflater)', (_name, deflater) => {
  let bytes: Uint8Array;
  let book: ExcelJS.Workbook;
  beforeAll(async () => {
    bytes = await (await cleanedWorkbook(deflater)).toBytes();
    book = await readBack(bytes);
  });

  it('writes well-formed XML parts and no formula anywhere', async () => {
    const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
    const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
    expect(names).toEqual(
      expect.arrayContaining(['[Content_Types].xml', 'xl/workbook.xml', 'xl/styles.xml', 'xl/sharedStrings.xml', 'xl/tables/table1.xml']),
    );
    for (const name of names) {
      const xml = await zip.file(name)!.async('string');
      expect([name, XMLValidator.validate(xml)]).toEqual([name, true]);
      expect(xml).not.toMatch(/<f[ >]/);
    }
  });

  it('keeps CSV cells as text and types the new columns', () => {
    const ws = book.getWorksheet('data')!;
    expect(book.worksheets.filter((w) => w.state === 'visible').map((w) => w.name)).toEqual(['data', '数据质量报告']);
    // 金额(清洗) asks to go after 金额, but that spot holds 日期: it goes to the first empty column instead
    expect(ws.getRow(1).values).toEqual([undefined, '编号', '金额', '日期', '备注', '金额(清洗)', '日期(清洗)', '比例', '标志']);
    expect(ws.getCell('A2').value).toBe('00123');
    expect(ws.getCell('A2').numFmt).toBe('@');
    expect(ws.getCell('B2').value).toBe('1200'); // the original cell stays text
    expect(ws.getCell('D2').value).toBe('=1+1');
    expect(ws.getCell('D2').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('D3').value).toBe('  两端空格  ');
    expect(ws.getCell('D5').value).toBe('a&b<c>"d"');
    expect(ws.getCell('E1').font?.bold).toBe(true);
    expect(ws.getCell('E2').value).toBe(1200);
    expect(ws.getCell('E2').numFmt).toBe('#,##0.00');
    expect(ws.getCell('E5').value).toBe('abc'); // invalid kept as it was
    expect(ws.getCell('F2').value).toEqual(new Date(Date.UTC(2024, 0, 5)));
    expect(ws.getCell('F2').numFmt).toBe('yyyy-mm-dd');
    expect(ws.getCell('F3').value).toEqual(new Date(Date.UTC(2024, 1, 29, 13, 30)));
    expect(ws.getCell('G2').value).toBe(0.25);
    expect(ws.getCell('G2').numFmt).toBe('0.0%');
    expect([ws.getCell('H2').value, ws.getCell('H3').value]).toEqual([true, false]);
    expect(ws.getCell('H4').value).toEqual({ error: '#N/A' });
    expect(ws.getCell('H5').value).toBe('+86 138');
    expect(ws.getCell('H5').numFmt).toBe('@');
  });

  it('writes the report sheet: title, formats, a table whose header cells are its column names, frozen panes', async () => {
    const ws = book.getWorksheet('数据质量报告')!;
    expect(ws.getCell('A1').value).toBe('数据质量报告');
    expect(ws.getCell('A1').font).toMatchObject({ bold: true, size: 14 });
    expect(ws.getCell('B2').value).toBe(0.953);
    expect(ws.getCell('B2').numFmt).toBe('0.0%');
    expect(ws.getRow(4).values).toEqual([undefined, '行', '字段', '字段_2', 'ID', 'id_2']);
    expect(ws.getCell('A5').numFmt).toBe('0');
    expect(ws.getCell('D5').value).toBe('007');
    expect(ws.getCell('D6').value).toBe('=SUM(A1)');
    expect(ws.getCell('E5').value).toBe('1'); // a number in a text column is written as text
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 3 });
    expect(ws.getColumn(1).width).toBe(18);

    const zip = await JSZip.loadAsync(bytes);
    const table = await zip.file('xl/tables/table1.xml')!.async('string');
    expect(table).toContain('name="QualityIssues"');
    expect(table).toContain('ref="A4:E6"');
    const columns = [...table.matchAll(/<tableColumn id="\d+" name="([^"]*)"/g)].map((m) => m[1]);
    expect(columns).toEqual(['行', '字段', '字段_2', 'ID', 'id_2']);
  });

  it('keeps settings in a very hidden sheet that opens again', async () => {
    expect(book.getWorksheet(SETTINGS_SHEET)!.state).toBe('veryHidden');
    const back = await openWorkbookBytes(bytes, 'back.xlsx');
    expect(await back.getSetting('mapping')).toEqual({ 金额: 'amount', long: 'y'.repeat(40_000) });
    expect((await back.listSheets()).map((s) => s.name)).toEqual(['data', '数据质量报告']);
  });
});

describe('CSV workbook after writes', () => {
  it('reads back what was written, before saving, as the .xlsx path does', async () => {
    const wb = await openWorkbookBytes(csv('姓名,电话,,地址\n张三,138,,北京\n'), 's.csv');
    await wb.writeColumns('s', [
      { header: '电话(清洗)', headerRow: 1, values: ['13800000000'], afterColumn: '电话', replaceOwn: true },
      { header: '电话(状态)', headerRow: 1, values: ['ok'], afterColumn: '电话' },
    ]);
    expect((await wb.readSheet('s')).rows).toEqual([
      ['姓名', '电话', '电话(清洗)', '地址', '电话(状态)'],
      ['张三', '138', '13800000000', '北京', 'ok'],
    ]);
    // a re-run replaces its own column instead of adding a second one
    await wb.writeColumns('s', [{ header: '电话(清洗)', headerRow: 1, values: [null], afterColumn: '电话', replaceOwn: true }]);
    expect((await wb.readSheet('s')).rows[1]).toEqual(['张三', '138', null, '北京', 'ok']);
    expect(await wb.listSheets()).toEqual([{ name: 's', rowCount: 2, columnCount: 5 }]);
    await expect(wb.deleteSheet('s')).rejects.toThrow('不能删除最后一个可见的工作表');
  });

  it('gives the same cells through both writers', async () => {
    const rows = [['编号', '金额'], ['00123', '1200'], ['=1+1', null], [null, '-5']];
    const text = rows.map((r) => r.map((v) => v ?? '').join(',')).join('\n');
    const fromCsv = await openWorkbookBytes(csv(text), 'same.csv');
    const seed = new ExcelJS.Workbook();
    seed.addWorksheet('same').addRows(rows.map((r) => r.map((v) => v ?? null)));
    const fromXlsx = await openWorkbookBytes(new Uint8Array(await seed.xlsx.writeBuffer()), 'same.xlsx');
    const spec: SheetSpec = {
      name: '汇总',
      blocks: [{ kind: 'table', at: [2, 2], header: ['a', 'A', ''], rows: [[1, new Date(Date.UTC(2024, 0, 1)), '@x']], formats: ['thousands'] }],
    };
    const cells: unknown[] = [];
    for (const wb of [fromCsv, fromXlsx]) {
      await wb.writeColumns('same', [{ header: '金额(清洗)', headerRow: 1, values: [1200, null, -5], format: 'number' }]);
      await wb.writeSheet(spec);
      const back = await readBack(await wb.toBytes());
      const grab = (ws: ExcelJS.Worksheet) => {
        const out: unknown[] = [];
        ws.eachRow((row, r) => row.eachCell((cell, c) => out.push([r, c, cell.value, cell.type, cell.numFmt ?? null])));
        return out;
      };
      cells.push([grab(back.getWorksheet('same')!), grab(back.getWorksheet('汇总')!)]);
    }
    const [csvCells, xlsxCells] = cells as [unknown[][], unknown[][]];
    // The CSV's own cells carry the text format; the seed workbook's cells had none: compare the rest.
    const withoutOriginals = (sheet: unknown[]) => (sheet as [number, number, ...unknown[]][]).filter(([, c]) => c > 2);
    expect(withoutOriginals(csvCells[0])).toEqual(withoutOriginals(xlsxCells[0]));
    expect(csvCells[1]).toEqual(xlsxCells[1]);
  });

  it('escapes control characters and keeps a literal _x0041_', async () => {
    const wb = await openWorkbookBytes(csv('a\nx\n'), 'ctl.csv', { deflater: fflateDeflater() });
    await wb.writeColumns('ctl', [{ header: 'b', headerRow: 1, values: ['bell\u0007here', 'lit _x0041_ text'] }]);
    const bytes = await wb.toBytes();
    const zip = await JSZip.loadAsync(bytes);
    const sst = await zip.file('xl/sharedStrings.xml')!.async('string');
    expect(XMLValidator.validate(sst)).toBe(true);
    expect(sst).toContain('bell_x0007_here');
    expect(sst).toContain('lit _x005F_x0041_ text');
  });
});
