import { openWorkbookBytes } from '../host/file';
import type { Workbook } from '../host/workbook';
import { watchWorkbook, type WorkbookChange } from './watch';

const csv = (text: string) => openWorkbookBytes(new TextEncoder().encode(text), 'people.csv');

describe('watchWorkbook', () => {
  it('passes reads through and reports each write after it has landed', async () => {
    const file = await csv('姓名,电话\n张三,13800000000\n');
    const watched = watchWorkbook(file);
    const seen: { change: WorkbookChange; sheets: string[] }[] = [];
    watched.onChange((change) => void file.listSheets().then((s) => seen.push({ change, sheets: s.map((x) => x.name) })));

    expect((await watched.readSheet('people')).rows[1]).toEqual(['张三', '13800000000']);
    await watched.writeColumns('people', [{ header: '电话(清洗)', values: ['+86 138 0000 0000'], headerRow: 1 }]);
    await watched.writeSheet({ name: '报告', blocks: [{ kind: 'title', at: [1, 1], text: '数据质量报告' }] });
    await watched.setSetting('kehu.test', { a: 1 });
    await watched.deleteSheet('报告');
    await new Promise((r) => setTimeout(r, 0));

    expect(seen.map((s) => s.change)).toEqual([
      { kind: 'columns', sheet: 'people' },
      { kind: 'sheet', sheet: '报告' },
      { kind: 'setting', key: 'kehu.test' },
      { kind: 'deleted', sheet: '报告' },
    ]);
    expect(seen[1].sheets).toEqual(['people', '报告']);
    expect((await file.readSheet('people')).rows[0]).toEqual(['姓名', '电话', '电话(清洗)']);
    expect(await watched.getSetting('kehu.test')).toEqual({ a: 1 });
  });

  it('reports a write that failed too, and passes the failure on', async () => {
    const watched = watchWorkbook(await csv('a\n1\n'));
    const changes: WorkbookChange[] = [];
    const off = watched.onChange((c) => changes.push(c));
    await expect(watched.writeColumns('nope', [{ header: 'x', values: [1], headerRow: 1 }])).rejects.toThrow(/nope/);
    expect(changes).toEqual([{ kind: 'columns', sheet: 'nope' }]);
    off();
    await watched.writeSheet({ name: 'S', blocks: [] });
    expect(changes).toHaveLength(1);
  });

  it('offers addChart only when the host draws charts', async () => {
    const file = await csv('a\n1\n');
    expect(watchWorkbook(bindAll(file)).addChart).toBeUndefined();
    const charts: string[] = [];
    const withCharts = watchWorkbook({ ...bindAll(file), addChart: async (spec) => void charts.push(spec.title) });
    const changes: WorkbookChange[] = [];
    withCharts.onChange((c) => changes.push(c));
    await withCharts.addChart!({ sheet: 'S', kind: 'pie', title: '客户分层', dataRange: 'A1:B3', seriesBy: 'columns', anchor: 'D2' });
    expect(charts).toEqual(['客户分层']);
    expect(changes).toEqual([{ kind: 'chart', sheet: 'S' }]);
  });
});

function bindAll(wb: Workbook): Workbook {
  return {
    listSheets: () => wb.listSheets(),
    readSheet: (n, o) => wb.readSheet(n, o),
    writeColumns: (s, c) => wb.writeColumns(s, c),
    writeSheet: (s) => wb.writeSheet(s),
    deleteSheet: (n) => wb.deleteSheet(n),
    getSetting: (k) => wb.getSetting(k),
    setSetting: (k, v) => wb.setSetting(k, v),
  };
}
