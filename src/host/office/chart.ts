/// <reference types="office-js" />
/** ChartSpec -> an Excel chart. A re-run replaces the chart of the same title on that sheet instead of stacking. */
import { ChartKind, ChartSpec, DEFAULT_CHART_SIZE, chartSpecProblems } from '../../core/report/chart-spec';
import { OfficeEnv, syncWrites } from './env';

type ChartTypeName = `${Excel.ChartType}`;

/** The Excel.ChartType value for a kind (string values: the Excel namespace does not exist outside Office). */
export function excelChartType(kind: ChartKind, env: OfficeEnv): ChartTypeName {
  switch (kind) {
    case 'pie':
      return 'Pie';
    case 'doughnut':
      return 'Doughnut';
    case 'column':
    case 'columnLine':
      return 'ColumnClustered';
    case 'bar':
      return 'BarClustered';
    case 'line':
      return 'Line';
    case 'funnel':
      return env.features.funnel ? 'Funnel' : 'BarClustered';
  }
}

/** The name a spec's chart gets, which is how a re-run finds it. */
export function chartNameOf(spec: ChartSpec): string {
  return `Kehu ${spec.title}`.slice(0, 250);
}

export async function addChartTo(context: Excel.RequestContext, spec: ChartSpec, env: OfficeEnv): Promise<void> {
  const problems = chartSpecProblems(spec);
  if (problems.length > 0) throw new Error(problems.join('；'));
  const sheet = context.workbook.worksheets.getItemOrNullObject(spec.sheet);
  await context.sync();
  if (sheet.isNullObject) throw new Error(`找不到工作表“${spec.sheet}” (no sheet named ${spec.sheet})`);
  const name = chartNameOf(spec);
  const charts = sheet.charts.load('items/name');
  await context.sync();

  const chart = await (async () => {
    let added: Excel.Chart | undefined;
    await syncWrites(context, env, () => {
      for (const old of charts.items) if (old.name === name) old.delete();
      added = sheet.charts.add(excelChartType(spec.kind, env), sheet.getRange(spec.dataRange), spec.seriesBy === 'rows' ? 'Rows' : 'Columns');
      added.name = name;
      added.title.text = spec.title;
      added.setPosition(spec.anchor);
      const size = spec.size ?? DEFAULT_CHART_SIZE;
      added.width = size.width;
      added.height = size.height;
    });
    return added!;
  })();

  // Column + line: the last series becomes a line, on a secondary axis where the host has one.
  if (spec.kind === 'columnLine' && env.features.seriesChartType) {
    chart.series.load('count');
    await context.sync();
    if (chart.series.count >= 2) {
      const last = chart.series.getItemAt(chart.series.count - 1);
      last.chartType = 'Line';
      if (env.features.axisGroup) last.axisGroup = 'Secondary';
      await context.sync();
    }
  }
}
