/**
 * A chart to add next to a report, host-neutral: what to draw from which cells, not how a host draws it.
 * Office maps `kind` to an Excel.ChartType (funnel falls back to a bar chart where ExcelApi 1.9 is missing).
 */

export type ChartKind = 'pie' | 'doughnut' | 'column' | 'bar' | 'line' | 'columnLine' | 'funnel';

export interface ChartSpec {
  /** Sheet that holds the data and gets the chart. */
  sheet: string;
  kind: ChartKind;
  title: string;
  /** A1 range on `sheet`, headers included (`A1:C13`). */
  dataRange: string;
  /** Whether each series is a column or a row of `dataRange`; always explicit, never left to Excel's guess. */
  seriesBy: 'columns' | 'rows';
  /** A1 cell of the chart's top-left corner (`E2`). */
  anchor: string;
  /** Size in points; hosts pick a default (480 × 288) without it. */
  size?: { width: number; height: number };
}

export const CHART_KINDS: readonly ChartKind[] = ['pie', 'doughnut', 'column', 'bar', 'line', 'columnLine', 'funnel'];

export const DEFAULT_CHART_SIZE = { width: 480, height: 288 } as const;

/** Problems with a spec (zh-CN then en-US), empty when it is fine. */
export function chartSpecProblems(spec: ChartSpec): string[] {
  const problems: string[] = [];
  if (!CHART_KINDS.includes(spec.kind)) problems.push(`不支持的图表类型“${String(spec.kind)}” (unknown chart kind)`);
  if (spec.seriesBy !== 'columns' && spec.seriesBy !== 'rows') {
    problems.push('图表须指明按列或按行取系列 (seriesBy must be columns or rows)');
  }
  if (!/^\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?$/.test(spec.dataRange)) {
    problems.push(`图表数据区域“${spec.dataRange}”不是 A1 地址 (dataRange must be an A1 range)`);
  }
  if (!/^\$?[A-Za-z]{1,3}\$?\d+$/.test(spec.anchor)) problems.push(`图表位置“${spec.anchor}”不是单元格地址 (anchor must be an A1 cell)`);
  if (spec.size && !(spec.size.width > 0 && spec.size.height > 0)) problems.push('图表尺寸须为正数 (chart size must be positive)');
  return problems;
}
