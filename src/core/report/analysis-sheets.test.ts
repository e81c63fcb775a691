import { tableFromRows } from '../table';
import { mapHeaders } from '../fields';
import { buildUnifiedView, sourceTable } from '../analysis/unified-view';
import { cohortAnalysis } from '../analysis/cohort';
import { buildFunnel } from '../analysis/funnel';
import { ANALYSIS_SHEET_NAMES, analysisSheets, viewSheetSpec } from './analysis-sheets';
import type { TableBlock } from '../../host/workbook';

const rows = [
  ['订单号', '客户编号', '下单时间', '金额'],
  ['O1', 'C1', '2024-01-10', 100],
  ['O2', 'C1', '2024-02-10', 50],
  ['O3', 'C2', '2024-02-11', 30],
];
const orders = sourceTable(tableFromRows('订单', rows, 0, '订单', 1), mapHeaders(rows[0]));
const view = buildUnifiedView({ orders });

function tables(spec: { blocks: { kind: string }[] }): TableBlock[] {
  return spec.blocks.filter((b): b is TableBlock => b.kind === 'table');
}

describe('analysis sheets', () => {
  it('writes the view with zh or en headers, one row per customer, and appends extra columns', () => {
    const spec = viewSheetSpec(view, 'zh-CN', [{ header: '标签:高价值', values: ['是', '否'] }]);
    const [t] = tables(spec);
    expect(t.header).toContain('累计消费金额');
    expect(t.header[t.header.length - 1]).toBe('标签:高价值');
    expect(t.rows).toHaveLength(2);
    expect(t.rows[0][t.header.indexOf('累计消费金额')]).toBe(150);
    expect(tables(viewSheetSpec(view, 'en-US'))[0].header).toContain('total_spend');
    expect(() => viewSheetSpec(view, 'zh-CN', [{ header: 'x', values: ['1'] }])).toThrow();
  });

  it('writes the sheets the inputs allow', () => {
    const facts = view.facts!;
    const sheets = analysisSheets({ view, cohorts: cohortAnalysis(facts.customers.length, facts.orders), funnel: buildFunnel([['意向'], []], [2, 1]) });
    expect(sheets.map((s) => s.name)).toEqual([
      ANALYSIS_SHEET_NAMES.view, ANALYSIS_SHEET_NAMES.segments, ANALYSIS_SHEET_NAMES.cohorts, ANALYSIS_SHEET_NAMES.funnel,
    ]);
    const abc = tables(sheets[1]).find((t) => t.name === 'kehu_abc')!;
    expect(abc.rows.reduce((s, r) => s + (r[1] as number), 0)).toBe(2);
    const cohort = tables(sheets[2])[0];
    expect(cohort.rows[0].slice(0, 4)).toEqual(['2024-01', 1, 1, 1]);
    const names = new Set(sheets.flatMap((s) => tables(s).map((t) => t.name)));
    expect(names.size).toBe(sheets.flatMap((s) => tables(s)).length);
  });
});
