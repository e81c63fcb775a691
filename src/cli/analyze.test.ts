import * as ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runAnalyze } from './analyze';

describe('kehu analyze', () => {
  it('writes the view and the analysis sheets beside the originals', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehu-analyze-'));
    const input = path.join(dir, 'in.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('客户').addRows([['客户编号', '客户名称', '地区', '客户状态'], ['C1', '张三', '北京市', '意向'], ['C2', '李四', '上海市', '线索']]);
    wb.addWorksheet('订单').addRows([
      ['订单号', '客户编号', '下单时间', '金额', '产品'],
      ['O1', 'C1', new Date(Date.UTC(2024, 0, 10)), 100, '茶叶'],
      ['O2', 'C1', new Date(Date.UTC(2024, 1, 10)), 50, '茶叶'],
    ]);
    await wb.xlsx.writeFile(input);
    const out = path.join(dir, 'out.xlsx');
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await runAnalyze([input, '-o', out])).toBe(0);
    } finally {
      spy.mockRestore();
    }
    const res = new ExcelJS.Workbook();
    await res.xlsx.readFile(out);
    const names = res.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(['客户', '订单', '客户视图', '客户分层', '同期群留存', '销售漏斗']));
    const view = res.getWorksheet('客户视图')!;
    const header = (view.getRow(1).values as unknown[]).slice(1);
    const row = (view.getRow(2).values as unknown[]).slice(1);
    expect(row[header.indexOf('客户编号')]).toBe('C1');
    expect(row[header.indexOf('购买频次')]).toBe(2);
    expect(row[header.indexOf('累计消费金额')]).toBe(150);
  }, 30_000);
});
