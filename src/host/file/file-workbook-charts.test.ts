import { unzipSync, strFromU8 } from 'fflate';
import ExcelJS from 'exceljs';
import { openWorkbookBytes } from './file-workbook';
import type { SheetSpec } from '../workbook';

const segments: SheetSpec = {
  name: '客户分层',
  replace: true,
  blocks: [{ kind: 'table', at: [1, 1], header: ['分层', '客户数'], rows: [['重要价值客户', 12], ['一般发展客户', 30], ['一般挽留客户', 7]] }],
};

function chartParts(bytes: Uint8Array): string[] {
  return Object.keys(unzipSync(bytes)).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p)).sort();
}

async function csvBook() {
  return openWorkbookBytes(new TextEncoder().encode('客户编号,金额\nC1,10\n'), 'orders.csv');
}

describe('FileWorkbook charts', () => {
  it('draws added charts into the package as native chart parts, on both writers', async () => {
    const fromCsv = await csvBook();
    await fromCsv.writeSheet(segments);
    await fromCsv.addChart({ sheet: '客户分层', kind: 'pie', title: '客户分层', dataRange: 'A1:B4', seriesBy: 'columns', anchor: 'D2' });
    const csvBytes = await fromCsv.toBytes();
    expect(chartParts(csvBytes)).toEqual(['xl/charts/chart1.xml']);
    expect(strFromU8(unzipSync(csvBytes)['xl/charts/chart1.xml'])).toContain('<c:pieChart>');

    const source = new ExcelJS.Workbook();
    source.addWorksheet('数据').addRow(['a', 1]);
    const fromXlsx = await openWorkbookBytes(new Uint8Array(await source.xlsx.writeBuffer()), 'in.xlsx');
    await fromXlsx.writeSheet(segments);
    await fromXlsx.addChart({ sheet: '客户分层', kind: 'column', title: 't', dataRange: 'A1:B4', seriesBy: 'columns', anchor: 'D2' });
    await fromXlsx.addChart({ sheet: '客户分层', kind: 'doughnut', title: 't', dataRange: 'A1:B4', seriesBy: 'columns', anchor: 'D20' });
    expect(chartParts(await fromXlsx.toBytes())).toHaveLength(2);
  });

  it('replacing a sheet drops the charts drawn on it; the same anchor replaces rather than stacks', async () => {
    const book = await csvBook();
    await book.writeSheet(segments);
    const spec = { sheet: '客户分层', kind: 'bar' as const, title: 't', dataRange: 'A1:B4', seriesBy: 'columns' as const, anchor: 'D2' };
    await book.addChart(spec);
    await book.addChart(spec);
    expect(chartParts(await book.toBytes())).toHaveLength(1);
    await book.writeSheet(segments);
    expect(chartParts(await book.toBytes())).toEqual([]);
  });

  it('refuses a chart on a sheet that does not exist or with a bad range, saying why', async () => {
    const book = await csvBook();
    await expect(
      book.addChart({ sheet: '没有', kind: 'pie', title: 't', dataRange: 'A1:B2', seriesBy: 'columns', anchor: 'D2' }),
    ).rejects.toThrow(/找不到工作表“没有”/);
    await expect(
      book.addChart({ sheet: 'orders', kind: 'pie', title: 't', dataRange: 'nonsense', seriesBy: 'columns', anchor: 'D2' }),
    ).rejects.toThrow(/A1/);
  });
});

describe('FileWorkbook first writes', () => {
  it('keeps both of two writes that arrive together on a CSV-opened workbook', async () => {
    const book = await csvBook();
    await Promise.all([book.setSetting('k', 1), book.writeSheet(segments)]);
    expect((await book.listSheets()).map((s) => s.name)).toContain('客户分层');
    expect(await book.getSetting('k')).toBe(1);
  });
});
