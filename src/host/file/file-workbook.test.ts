import * as ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as iconv from 'iconv-lite';
import JSZip from 'jszip';
import * as os from 'os';
import * as path from 'path';
import { tableFromRows } from '../../core/table';
import { SheetSpec } from '../workbook';
import { openWorkbookBytes, SETTINGS_SHEET } from './file-workbook';
import { openWorkbookFile } from './node';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehu-filehost-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const at = (name: string) => path.join(dir, name);

/**
 * A sheet the way people make them: a merged title on row 1, the header on row 3 with a merged "联系方式" over two
 * columns, then typed data (IDs with leading zeros as text, dates, booleans, an #N/A, a formula, rich text, a link).
 */
async function writeCustomerFixture(file: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('客户');
  ws.getCell('A1').value = '2024 客户名单';
  ws.mergeCells('A1:F1');
  ws.getRow(3).values = ['编号', '姓名', '联系方式', null, '签约日期', '金额', 'VIP'];
  ws.mergeCells('C3:D3');
  ws.addRow(['00123', '张三', '13800000000', 'zs@example.com', new Date(Date.UTC(2024, 0, 5)), 1200.5, true]);
  ws.addRow(['00456', { richText: [{ text: '李' }, { text: '四', font: { bold: true } }] }, { error: '#N/A' }, null,
    new Date(Date.UTC(2024, 1, 29, 13, 30)), { formula: 'F4*2', result: 2401 }, false]);
  ws.addRow([]);
  ws.addRow(['00789', '王五', { text: '官网', hyperlink: 'https://example.com' }, null, null, 0, null]);
  ws.getCell('E4').numFmt = 'yyyy/m/d';
  ws.getCell('E5').numFmt = 'yyyy/m/d h:mm';
  ws.getCell('F4').numFmt = '#,##0.00';
  ws.getCell('F5').numFmt = '#,##0.00'; // same style id as F4: writing elsewhere must not restyle these
  const other = book.addWorksheet('备注');
  other.getCell('B2').value = 'note';
  await book.xlsx.writeFile(file);
}

async function sheetXml(file: string, sheetIndex: number): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  return zip.file(`xl/worksheets/sheet${sheetIndex}.xml`)!.async('string');
}

describe('xlsx read', () => {
  it('keeps cell types, reports merges and formulas, and leaves merged-over cells empty', async () => {
    const file = at('customers.xlsx');
    await writeCustomerFixture(file);
    const wb = await openWorkbookFile(file);
    expect(wb.origin).toEqual({ kind: 'xlsx' });
    expect(await wb.listSheets()).toEqual([
      { name: '客户', rowCount: 7, columnCount: 7 },
      { name: '备注', rowCount: 1, columnCount: 2 },
    ]);

    const data = await wb.readSheet('客户');
    expect(data.firstRow).toBe(1);
    expect(data.merges.sort()).toEqual(['A1:F1', 'C3:D3']);
    expect(data.formulas).toBe(1);
    expect(data.rows[0]).toEqual(['2024 客户名单']); // B1..F1 are covered by the merge: null, then trimmed
    expect(data.rows[1]).toEqual([]);
    expect(data.rows[2]).toEqual(['编号', '姓名', '联系方式', null, '签约日期', '金额', 'VIP']);
    expect(data.rows[3]).toEqual(['00123', '张三', '13800000000', 'zs@example.com', new Date(Date.UTC(2024, 0, 5)), 1200.5, true]);
    expect(data.rows[4]).toEqual(['00456', '李四', { error: '#N/A' }, null, new Date(Date.UTC(2024, 1, 29, 13, 30)), 2401, false]);
    expect(data.rows[5]).toEqual([]);
    expect(data.rows[6]).toEqual(['00789', '王五', '官网', null, null, 0]);

    const table = tableFromRows('客户', data.rows, 2, data.name, data.firstRow);
    expect(table.columns.map((c) => c.name)).toEqual(['编号', '姓名', '联系方式', '列4', '签约日期', '金额', 'VIP']);
    expect(Array.from(table.provenance.rows)).toEqual([4, 5, 6, 7]);
  });

  it('reports progress and honours an aborted signal', async () => {
    const file = at('customers-progress.xlsx');
    await writeCustomerFixture(file);
    const wb = await openWorkbookFile(file);
    const calls: [number, number][] = [];
    await wb.readSheet('客户', { onProgress: (n, total) => calls.push([n, total]) });
    expect(calls[calls.length - 1]).toEqual([7, 7]);
    const ctrl = new AbortController();
    ctrl.abort();
    await expect(wb.readSheet('客户', { signal: ctrl.signal })).rejects.toThrow(/abort/i);
    await expect(wb.readSheet('没有')).rejects.toThrow('找不到工作表“没有”');
  });
});

describe('writeColumns', () => {
  it('adds columns right of the used range and leaves every original cell as it was', async () => {
    const file = at('cols.xlsx');
    await writeCustomerFixture(file);
    const before = new ExcelJS.Workbook();
    await before.xlsx.readFile(file);

    const wb = await openWorkbookFile(file);
    await wb.writeColumns('客户', [
      { header: '联系电话(清洗)', headerRow: 3, values: ['+86 138 0000 0000', null, null, '=1+1'] },
      { header: '金额(清洗)', headerRow: 3, values: [1200.5, 2401, null, 0], format: 'thousands' },
    ]);
    const out = at('cols-out.xlsx');
    await wb.save(out);

    const after = new ExcelJS.Workbook();
    await after.xlsx.readFile(out);
    const a = before.getWorksheet('客户')!;
    const b = after.getWorksheet('客户')!;
    for (let r = 1; r <= 7; r++) {
      for (let c = 1; c <= 7; c++) {
        const x = a.getCell(r, c);
        const y = b.getCell(r, c);
        expect([r, c, y.value, y.numFmt ?? null]).toEqual([r, c, x.value, x.numFmt ?? null]);
      }
    }
    expect(b.model.merges.sort()).toEqual(['A1:F1', 'C3:D3']);
    expect(b.getCell('H3').value).toBe('联系电话(清洗)');
    expect(b.getCell('H4').value).toBe('+86 138 0000 0000');
    expect(b.getCell('H7').value).toBe('=1+1');
    expect(b.getCell('H7').type).toBe(ExcelJS.ValueType.String);
    expect(b.getCell('I3').value).toBe('金额(清洗)');
    expect(b.getCell('I5').value).toBe(2401);
    expect(b.getCell('I5').numFmt).toBe('#,##0');
    expect(after.getWorksheet('备注')!.getCell('B2').value).toBe('note');
  });

  it('replaces its own column on a re-run instead of adding a second copy', async () => {
    const file = at('rerun.xlsx');
    await writeCustomerFixture(file);
    const wb = await openWorkbookFile(file);
    const col = { header: '性别(清洗)', headerRow: 3, values: ['男', '女', null, '男'] as string[] , replaceOwn: true };
    await wb.writeColumns('客户', [col]);
    await wb.writeColumns('客户', [{ ...col, values: ['女'] }]);
    const data = await wb.readSheet('客户');
    expect(data.rows[2]).toEqual(['编号', '姓名', '联系方式', null, '签约日期', '金额', 'VIP', '性别(清洗)']);
    expect(data.rows.slice(3).map((r) => r[7] ?? null)).toEqual(['女', null, null, null]);

    // without replaceOwn the same header is a new column: the user's cells are never written over
    await wb.writeColumns('客户', [{ header: '性别(清洗)', headerRow: 3, values: ['x'] }]);
    expect((await wb.readSheet('客户')).rows[2].slice(7)).toEqual(['性别(清洗)', '性别(清洗)']);
  });

  it('puts a column after a named column only when that spot is empty', async () => {
    const file = at('after.xlsx');
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('S');
    ws.addRow(['姓名', '电话', null, '地址']);
    ws.addRow(['张三', '138', null, '北京']);
    await book.xlsx.writeFile(file);
    const wb = await openWorkbookFile(file);
    await wb.writeColumns('S', [
      { header: '电话(清洗)', headerRow: 1, values: ['13800000000'], afterColumn: '电话' },
      { header: '电话(状态)', headerRow: 1, values: ['ok'], afterColumn: '电话' },
      { header: '姓名(清洗)', headerRow: 1, values: ['张三'], afterColumn: 1 },
    ]);
    const data = await wb.readSheet('S');
    expect(data.rows[0]).toEqual(['姓名', '电话', '电话(清洗)', '地址', '电话(状态)', '姓名(清洗)']);
    expect(data.rows[1]).toEqual(['张三', '138', '13800000000', '北京', 'ok', '张三']);
    await expect(wb.writeColumns('S', [{ header: 'x', headerRow: 1, values: [], afterColumn: '邮箱' }])).rejects.toThrow(
      '找不到列“邮箱”',
    );
    await expect(wb.writeColumns('S', [{ header: ' ', headerRow: 1, values: [] }])).rejects.toThrow('表头不能为空');
  });
});

describe('safe writing', () => {
  it('writes formula-like and number-like text as text, read back unchanged and never as a formula', async () => {
    const risky = ['=1+1', '+86 138', '-5', '@x', '00123', '110101199003078515', '=HYPERLINK("http://x","y")'];
    const file = at('inject.xlsx');
    await writeCustomerFixture(file);
    const wb = await openWorkbookFile(file);
    await wb.writeColumns('客户', [{ header: '=cmd', headerRow: 3, values: risky.slice(0, 4) }]);
    await wb.writeSheet({
      name: '结果',
      blocks: [
        { kind: 'title', at: [1, 1], text: '-标题' },
        { kind: 'kv', at: [2, 1], pairs: [['@标签', '+1']] },
        { kind: 'table', at: [4, 1], header: ['值', '=表头'], rows: risky.map((v) => [v, v]) },
      ],
    });
    const out = at('inject-out.xlsx');
    await wb.save(out);

    expect((await sheetXml(out, 1)).match(/<f[ >]/g)).toHaveLength(1); // the fixture's own F4*2
    expect(await sheetXml(out, 3)).not.toMatch(/<f[ >]/);

    const back = await openWorkbookFile(out);
    const main = await back.readSheet('客户');
    expect(main.formulas).toBe(1); // only the fixture's own formula
    expect(main.rows[2][7]).toBe('=cmd');
    expect(main.rows.slice(3, 7).map((r) => r[7])).toEqual(risky.slice(0, 4));
    const res = await back.readSheet('结果');
    expect(res.formulas).toBe(0);
    expect(res.rows[0][0]).toBe('-标题');
    expect(res.rows[1]).toEqual(['@标签', '+1']);
    expect(res.rows[3]).toEqual(['值', '=表头']);
    expect(res.rows.slice(4).map((r) => r[0])).toEqual(risky);

    const raw = new ExcelJS.Workbook();
    await raw.xlsx.readFile(out);
    const cell = raw.getWorksheet('结果')!.getCell('A7');
    expect(cell.value).toBe('-5');
    expect(cell.numFmt).toBe('@'); // stays text if someone edits the cell in Excel
  });
});

describe('writeSheet', () => {
  const spec = (rows: (string | number | Date | null)[][], replace?: boolean): SheetSpec => ({
    name: '质量报告',
    replace,
    freeze: { rows: 4, cols: 1 },
    columnWidths: [20],
    blocks: [
      { kind: 'title', at: [1, 1], text: '数据质量报告' },
      { kind: 'kv', at: [2, 1], pairs: [['完整率', 0.953, 'percent'], ['生成时间', new Date(Date.UTC(2024, 5, 1, 9, 5)), 'datetime']] },
      {
        kind: 'table',
        at: [5, 1],
        name: 'QualityIssues',
        header: ['字段', '行数', '占比', '日期', '编号'],
        rows,
        formats: ['text', 'thousands', 'percent', 'date', 'text'],
      },
    ],
  });

  it('writes an Excel table with formats, frozen panes and widths', async () => {
    const file = at('report.xlsx');
    await writeCustomerFixture(file);
    const wb = await openWorkbookFile(file);
    await wb.writeSheet(spec([['电话', 12345, 0.25, new Date(Date.UTC(2024, 0, 2)), '007'], ['邮箱', 3, 0.5, null, 8]]));
    const out = at('report-out.xlsx');
    await wb.save(out);

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    // Plus the very hidden settings sheet, which lists what Kehu wrote (see ownership.ts).
    expect(book.worksheets.map((w) => w.name)).toEqual(['客户', '备注', '质量报告', '_kehu_settings']);
    const ws = book.getWorksheet('质量报告')!;
    const tables = (await JSZip.loadAsync(fs.readFileSync(out))).file(/xl\/tables\/.*\.xml/);
    expect(tables).toHaveLength(1);
    const tableXml = await tables[0].async('string');
    expect(tableXml).toContain('name="QualityIssues"');
    expect(tableXml).toContain('ref="A5:E7"');
    expect(tableXml).toContain('TableStyleMedium2');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 4 });
    expect(ws.getColumn(1).width).toBe(20);
    expect(ws.getColumn(2).width).toBeGreaterThan(5);
    expect(ws.getCell('B2').numFmt).toBe('0.0%');
    expect(ws.getCell('B3').numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    expect(ws.getCell('B6').numFmt).toBe('#,##0');
    expect(ws.getCell('C6').numFmt).toBe('0.0%');
    expect(ws.getCell('D6').value).toEqual(new Date(Date.UTC(2024, 0, 2)));
    expect(ws.getCell('D6').numFmt).toBe('yyyy-mm-dd');
    expect(ws.getCell('E6').value).toBe('007');
    expect(ws.getCell('E7').value).toBe('8'); // a number in a text column is written as text
  });

  it('replaces its own sheet in place with replace: true and refuses to overwrite otherwise', async () => {
    const file = at('replace.xlsx');
    await writeCustomerFixture(file);
    const wb = await openWorkbookFile(file);
    await wb.writeSheet(spec([['电话', 1, 0.1, null, 'a']]));
    await expect(wb.writeSheet(spec([['x', 2, 0.2, null, 'b']]))).rejects.toThrow('工作表“质量报告”已存在');
    await wb.writeSheet({ name: '其他', blocks: [] });
    await wb.writeSheet(spec([['邮箱', 2, 0.2, null, 'b'], ['姓名', 3, 0.3, null, 'c']], true));

    expect((await wb.listSheets()).map((s) => s.name)).toEqual(['客户', '备注', '质量报告', '其他']);
    const out = at('replace-out.xlsx');
    await wb.save(out);
    const back = await openWorkbookFile(out);
    expect((await back.listSheets()).map((s) => s.name)).toEqual(['客户', '备注', '质量报告', '其他']);
    const rows = (await back.readSheet('质量报告')).rows;
    expect(rows.slice(5).map((r) => r[0])).toEqual(['邮箱', '姓名']);
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    expect(zip.file(/xl\/tables\/.*\.xml/)).toHaveLength(1); // the old table went with the old sheet
  });

  it('gives clear errors for names Excel would refuse', async () => {
    const wb = await openWorkbookBytes(new TextEncoder().encode('a\n1\n'), 'data.csv');
    const bad: [string, RegExp][] = [
      ['', /不能为空/],
      ['客户'.repeat(16), /超过 31 个字符/],
      ['a/b', /不允许的字符/],
      ['x[1]', /不允许的字符/],
      ['DATA', /已存在/], // sheet names are compared case-insensitively, like Excel
      ['History', /保留/],
      ["'quoted'", /单引号/],
      [SETTINGS_SHEET, /保留/],
    ];
    for (const [name, message] of bad) {
      await expect(wb.writeSheet({ name, blocks: [] }).then(() => name)).rejects.toThrow(message);
    }
    await expect(
      wb.writeSheet({ name: 'ok', blocks: [{ kind: 'table', at: [1, 1], name: 'A1', header: ['x'], rows: [] }] }),
    ).rejects.toThrow(/像单元格地址/);
    await expect(
      wb.writeSheet({ name: 'ok', blocks: [{ kind: 'table', at: [1, 1], name: '1abc', header: ['x'], rows: [] }] }),
    ).rejects.toThrow(/表名称“1abc”无效/);
    expect((await wb.listSheets()).map((s) => s.name)).toEqual(['data']);
  });

  it('names tables itself when no name is given and writes a header-only table', async () => {
    const wb = await openWorkbookBytes(new TextEncoder().encode('a\n1\n'), 'data.csv');
    await wb.writeSheet({ name: '空表', blocks: [{ kind: 'table', at: [1, 1], header: ['甲', '甲', ''], rows: [] }] });
    await wb.writeSheet({ name: '空表2', blocks: [{ kind: 'table', at: [2, 2], header: ['x'], rows: [[1]] }] });
    const zip = await JSZip.loadAsync(await wb.toBytes());
    const names = await Promise.all(zip.file(/xl\/tables\/.*\.xml/).map(async (f) => /name="([^"]+)"/.exec(await f.async('string'))![1]));
    expect(names.sort()).toEqual(['Kehu_空表', 'Kehu_空表2']);
    const back = await openWorkbookBytes(await wb.toBytes(), 'x.xlsx');
    expect((await back.readSheet('空表')).rows).toEqual([['甲', '甲_2', '列3']]);
  });
});

describe('deleteSheet and settings', () => {
  it('deletes sheets (missing names are a no-op) but never the last visible one', async () => {
    const file = at('del.xlsx');
    await writeCustomerFixture(file);
    const wb = await openWorkbookFile(file);
    await wb.deleteSheet('备注');
    await wb.deleteSheet('备注');
    expect((await wb.listSheets()).map((s) => s.name)).toEqual(['客户']);
    await expect(wb.deleteSheet('客户')).rejects.toThrow('不能删除最后一个可见的工作表');
  });

  it('keeps settings in a very hidden sheet that travels with the file and is not listed', async () => {
    const wb = await openWorkbookBytes(new TextEncoder().encode('a\n1\n'), 'data.csv');
    expect(await wb.getSetting('mapping')).toBeUndefined();
    const long = 'x'.repeat(70_000); // longer than one cell holds
    await wb.setSetting('mapping', { 电话: 'phone', list: [1, 2, null], long });
    await wb.setSetting('version', 2);
    const back = await openWorkbookBytes(Uint8Array.from(await wb.toBytes()), 'data.xlsx'); // a plain Uint8Array, as in a browser
    expect(await back.getSetting('mapping')).toEqual({ 电话: 'phone', list: [1, 2, null], long });
    expect(await back.getSetting('version')).toBe(2);
    expect((await back.listSheets()).map((s) => s.name)).toEqual(['data']);
    await expect(back.readSheet(SETTINGS_SHEET)).rejects.toThrow('找不到工作表');
    const raw = new ExcelJS.Workbook();
    await raw.xlsx.load((await back.toBytes()) as unknown as ArrayBuffer);
    expect(raw.getWorksheet(SETTINGS_SHEET)!.state).toBe('veryHidden');
  });
});

describe('CSV files', () => {
  const write = (name: string, bytes: Uint8Array | string) => {
    fs.writeFileSync(at(name), bytes);
    return at(name);
  };

  it('opens UTF-8, UTF-8 with BOM and GBK files the same way, one sheet named after the file', async () => {
    const text = '客户名称 , 电话\r\n"北京某某科技有限公司, 北京",010-12345678\r\n张三,\r\n';
    const files = {
      'utf8.csv': text,
      'bom.csv': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
      'gbk.csv': iconv.encode(text, 'gbk'),
    };
    const expected = [['客户名称 ', ' 电话'], ['北京某某科技有限公司, 北京', '010-12345678'], ['张三', null]];
    const encodings: string[] = [];
    for (const [name, bytes] of Object.entries(files)) {
      const wb = await openWorkbookFile(write(name, bytes));
      const sheetName = name.replace('.csv', '');
      expect(await wb.listSheets()).toEqual([{ name: sheetName, rowCount: 3, columnCount: 2 }]);
      const data = await wb.readSheet(sheetName);
      expect(data).toEqual({ name: sheetName, rows: expected, firstRow: 1, merges: [], formulas: 0 });
      if (wb.origin.kind === 'csv') encodings.push(wb.origin.encoding);
    }
    expect(encodings).toEqual(['utf-8', 'utf-8-bom', 'gb18030']);
  });

  it('detects tab and semicolon delimiters and keeps quoted line breaks', async () => {
    const tab = await openWorkbookFile(write('tab.tsv', 'id\t备注\n001\t"第一行\n第二行"\n'));
    expect((await tab.readSheet('tab')).rows).toEqual([['id', '备注'], ['001', '第一行\n第二行']]);
    const semi = await openWorkbookFile(write('semi.csv', 'name;amount\n"Smith; J";"1,5"\n'));
    expect(semi.origin).toEqual({ kind: 'csv', encoding: 'utf-8', delimiter: ';' });
    expect((await semi.readSheet('semi')).rows).toEqual([['name', 'amount'], ['Smith; J', '1,5']]);
  });

  it('opens an empty file and a header-only file', async () => {
    const empty = await openWorkbookFile(write('empty.csv', ''));
    expect(await empty.listSheets()).toEqual([{ name: 'empty', rowCount: 0, columnCount: 0 }]);
    expect((await empty.readSheet('empty')).rows).toEqual([]);
    const head = await openWorkbookFile(write('head.csv', '姓名,电话\n'));
    const data = await head.readSheet('head');
    expect(data.rows).toEqual([['姓名', '电话']]);
    expect(tableFromRows('t', data.rows, 0, 'head', 1)).toMatchObject({ rowCount: 0, columns: [{ name: '姓名' }, { name: '电话' }] });
  });

  it('saves as .xlsx with the CSV cells kept as text plus the new columns and sheets', async () => {
    const wb = await openWorkbookFile(write('ids.csv', '编号,金额\n00123,1200\n=1+1,-5\n'));
    await wb.writeColumns('ids', [{ header: '金额(清洗)', headerRow: 1, values: [1200, -5], format: 'number' }]);
    await wb.writeSheet({ name: '汇总', blocks: [{ kind: 'kv', at: [1, 1], pairs: [['行数', 2, 'integer']] }] });
    const out = at('ids.xlsx');
    await wb.save(out);
    await expect(wb.save(at('ids.csv'))).rejects.toThrow('只能保存为 .xlsx');

    const back = await openWorkbookFile(out);
    expect((await back.readSheet('ids')).rows).toEqual([
      ['编号', '金额', '金额(清洗)'],
      ['00123', '1200', 1200],
      ['=1+1', '-5', -5],
    ]);
    expect((await back.readSheet('汇总')).rows).toEqual([['行数', 2]]);
    expect(await sheetXml(out, 1)).not.toMatch(/<f[ >]/);
  });

  it('saves what was written over the CSV\'s own cells, re-runs included (its columns are dictionary-encoded)', async () => {
    const wb = await openWorkbookFile(write('rerun.csv', '国家,金额(清洗)\n中国,1\n中国,1\n美国,1\n中国,1\n'));
    const cleaned = { header: '金额(清洗)', headerRow: 1, format: 'number' as const, replaceOwn: true };
    await wb.writeColumns('rerun', [{ ...cleaned, values: [5, null, 5, 7] }]);
    await wb.writeColumns('rerun', [{ ...cleaned, values: [null, 6, 6, 7] }]);
    await wb.writeColumns('rerun', [{ header: '国家', headerRow: 1, values: ['中国', null, 'x', null], replaceOwn: true }]);
    const out = at('rerun.xlsx');
    await wb.save(out);
    expect((await (await openWorkbookFile(out)).readSheet('rerun')).rows).toEqual([
      ['国家', '金额(清洗)'],
      ['中国'],
      [null, 6],
      ['x', 6],
      [null, 7],
    ]);
  });

  it('refuses .xls and unknown files with a clear message', async () => {
    await expect(openWorkbookBytes(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), 'old.xls')).rejects.toThrow('另存为 .xlsx');
    await expect(openWorkbookBytes(new TextEncoder().encode('hello'), 'a.xlsx')).rejects.toThrow('不是有效的 .xlsx');
    await expect(openWorkbookBytes(new TextEncoder().encode('hello'), 'a.pdf')).rejects.toThrow('不支持的文件类型');
  });
});

describe('online_retail.csv (real data)', () => {
  const file = path.resolve(__dirname, '../../../../shared/data/online_retail/online_retail.csv');
  const present = fs.existsSync(file);
  if (!present && !process.env.CI) {
    it.skip(`skipped: ${file} not found (the shared data folder is absent)`, () => undefined);
    return;
  }

  it('reads 541,909 data rows of 8 columns', async () => {
    expect(fs.existsSync(file)).toBe(true); // on CI the shared data must be there
    const wb = await openWorkbookFile(file);
    const [info] = await wb.listSheets();
    expect(info).toEqual({ name: 'online_retail', rowCount: 541_910, columnCount: 8 });
    const data = await wb.readSheet('online_retail');
    const table = tableFromRows('online_retail', data.rows, 0, data.name, data.firstRow);
    expect(table.rowCount).toBe(541_909);
    expect(table.columns.map((c) => c.name)).toEqual([
      'InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country',
    ]);
    expect(table.provenance.rows[541_908]).toBe(541_910);
  });
});
