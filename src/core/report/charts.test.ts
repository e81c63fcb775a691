import { chartSpecProblems } from './chart-spec';
import { columnLetters, reportSheet } from './charts';

describe('columnLetters', () => {
  it.each([[1, 'A'], [26, 'Z'], [27, 'AA'], [52, 'AZ'], [703, 'AAA']])('%i -> %s', (n, s) => expect(columnLetters(n)).toBe(s));
});

describe('reportSheet', () => {
  const { sheet, charts } = reportSheet('报告', '标题', [
    { id: 'a', title: '行业', kind: 'pie', header: ['行业', '客户数'], rows: [['软件', 3], ['教育', 1]] },
    { id: 'b', title: '表', kind: null, header: ['星期', '0时', '1时'], rows: [['周一', 1, 2]] },
    { id: 'c', title: '帕累托', note: '说明', kind: 'columnLine', header: ['组', '金额', '累计'], rows: [['前50%', 10, 0.8], ['前100%', 2, 1]] },
  ]);

  it('places each table under its title and a chart over exactly its cells', () => {
    // A section with a chart takes 24 rows (the chart's height), one without its title, table and a blank row.
    const tables = sheet.blocks.filter((b) => b.kind === 'table');
    expect(tables.map((t) => t.at)).toEqual([[4, 1], [3 + 24 + 1, 1], [3 + 24 + 5 + 2, 1]]);
    expect(charts.map((c) => [c.kind, c.dataRange, c.anchor])).toEqual([['pie', 'A4:B6', 'F3'], ['columnLine', 'A34:C36', 'F32']]);
    for (const c of charts) expect(chartSpecProblems(c)).toEqual([]);
  });

  it('names every table uniquely and replaces the sheet on a re-run', () => {
    const names = sheet.blocks.flatMap((b) => (b.kind === 'table' ? [b.name] : []));
    expect(new Set(names).size).toBe(3);
    expect(sheet.replace).toBe(true);
  });
});
