/**
 * The 报告 sheet: one small data table per chart with the chart beside it, top to bottom. Charts draw cells, so
 * every chart's numbers are on the sheet, where the user can read (and re-chart) them. Pure: from plain figures
 * to a SheetSpec and the ChartSpecs over its cells.
 */
import { CellValue } from '../cell';
import type { CellFormat, SheetBlock, SheetSpec } from '../../host/workbook';
import type { ChartKind, ChartSpec } from './chart-spec';
import type { Locale } from './quality-sheet';

/** One chart and its data: the first column holds the categories, each other column a series. */
export interface ChartSection {
  id: string;
  title: string;
  kind: ChartKind | null;
  header: string[];
  rows: CellValue[][];
  formats?: (CellFormat | undefined)[];
  /** A line under the title (how the figures were made). */
  note?: string;
  /** Colour the table as a heat map (see TableBlock.heatMap): for a grid of counts drawn as no chart. */
  heatMap?: boolean;
}

/** Rows each section takes: a 288-pt chart is about 20 rows of 15 pt, plus the title and a gap. */
const SECTION_ROWS = 24;
const CHART_COLUMN = 6;

/** 1-based column number -> letters (1 -> A, 27 -> AA). */
export function columnLetters(col: number): string {
  let s = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

export function reportSheet(name: string, title: string, sections: readonly ChartSection[]): { sheet: SheetSpec; charts: ChartSpec[] } {
  const blocks: SheetBlock[] = [{ kind: 'title', at: [1, 1], text: title }];
  const charts: ChartSpec[] = [];
  let row = 3;
  for (const s of sections) {
    blocks.push({ kind: 'title', at: [row, 1], text: s.title });
    if (s.note) blocks.push({ kind: 'title', at: [row + 1, 1], text: s.note });
    const top = row + (s.note ? 2 : 1);
    blocks.push({
      kind: 'table',
      at: [top, 1],
      header: s.header,
      rows: s.rows,
      formats: s.formats,
      name: `KehuReport_${s.id}`,
      style: 'TableStyleLight9',
      ...(s.heatMap ? { heatMap: true } : {}),
    });
    const last = top + s.rows.length;
    if (s.kind && s.rows.length > 0) {
      charts.push({
        sheet: name,
        kind: s.kind,
        title: s.title,
        dataRange: `A${top}:${columnLetters(s.header.length)}${last}`,
        seriesBy: 'columns',
        anchor: `${columnLetters(Math.max(CHART_COLUMN, s.header.length + 2))}${row}`,
      });
    }
    const used = last - row + 1;
    row += s.kind ? Math.max(SECTION_ROWS, used + 2) : used + 2;
  }
  return { sheet: { name, replace: true, blocks, columnWidths: [22, 14, 14, 14] }, charts };
}

export const REPORT_TITLE: Readonly<Record<Locale, string>> = {
  'zh-CN': '客户分析报告（图表数据在左，图表在右）',
  'en-US': 'Customer report (chart data on the left, charts on the right)',
};
