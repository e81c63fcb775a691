/**
 * Native, editable Excel charts written into an .xlsx package.
 *
 * No maintained JavaScript library writes chart parts (exceljs, xlsx-populate and excel4node cannot), so this is a
 * post-processing step over finished .xlsx bytes, independent of the writer that produced them: it adds
 * xl/charts/chartN.xml (DrawingML c:chartSpace), a drawing part with one two-cell anchor per chart, the
 * relationships between sheet → drawing → chart, the sheet's `<drawing>` element and the content types.
 *
 * The chart caches (c:strCache / c:numCache) carry the cell values, so viewers that do not recalculate still draw
 * the chart. Those values are read from the package itself (shared and inline strings, numbers, the number
 * format of each cell), not passed in: the chart then always matches what the file holds, and any writer's output
 * works without it having to hand over its data. How a range splits into categories and series: see chart-data.ts;
 * what each kind becomes (funnel included): see chart-xml.ts.
 */
import { ChartSpec, DEFAULT_CHART_SIZE, chartSpecProblems } from '../../core/report/chart-spec';
import { parseA1Cell, parseA1Range } from './chart-a1';
import { chartDataFromRange } from './chart-data';
import {
  EMU_PER_PT,
  anchorEnd,
  appendToDrawingXml,
  chartAnchorXml,
  existingDrawingRelId,
  insertDrawingElement,
  maxShapeId,
  newDrawingXml,
} from './chart-drawing';
import {
  CONTENT_TYPE,
  Parts,
  REL_TYPE,
  addContentTypeOverride,
  addRelationship,
  nextPartPath,
  readRelationships,
  readText,
  resolveTarget,
  workbookPart,
  worksheetParts,
  writeText,
} from './chart-package';
import { readCellFormats, readRange, readSharedStrings, readSheetGeometry } from './chart-sheet-read';
import { chartSpaceXml } from './chart-xml';
import { ZipPackage } from './chart-zip';

/** Rows past the anchor whose heights are read to place the anchor's far corner. */
const GEOMETRY_ROWS = 2000;

/** A workbook-level part (shared strings, styles) found through the workbook's relationships. */
function workbookRelated(parts: Parts, typeSuffix: string): string | undefined {
  const wb = workbookPart(parts);
  const rel = readRelationships(parts, wb).find((r) => r.type.endsWith(typeSuffix) && !r.external);
  return rel ? readText(parts, resolveTarget(wb, rel.target)) : undefined;
}

function checkSpec(spec: ChartSpec, sheets: Map<string, string>) {
  const problems = chartSpecProblems(spec);
  if (!sheets.has(spec.sheet)) problems.unshift(`找不到工作表“${spec.sheet}” (no sheet named "${spec.sheet}")`);
  const range = parseA1Range(spec.dataRange);
  const anchor = parseA1Cell(spec.anchor);
  if (problems.length > 0 || !range || !anchor) {
    throw new Error(problems.join('；') || `图表地址超出工作表范围 (range or anchor out of bounds)`);
  }
  const { width, height } = spec.size ?? DEFAULT_CHART_SIZE;
  return { range, anchor, width, height };
}

/**
 * Returns a copy of `xlsx` with `charts` added (`xlsx` itself when there are none); the input bytes are not
 * changed. Parts other than the sheets that get charts, their rels and [Content_Types].xml are copied as they
 * were, still compressed, so the cost does not grow with the size of other sheets. Each chart is placed on
 * `spec.sheet` at `spec.anchor` and draws `spec.dataRange` of that sheet. Charts already in the file are kept
 * (an existing drawing part gets the new anchors appended). Throws with a zh-CN/en message when a sheet, range
 * or anchor is invalid, before anything is written.
 */
export function addChartsToXlsx(xlsx: Uint8Array, charts: ChartSpec[]): Uint8Array {
  if (charts.length === 0) return xlsx;
  const parts: Parts = new ZipPackage(xlsx);
  const sheets = worksheetParts(parts);
  const checked = charts.map((spec) => ({ spec, ...checkSpec(spec, sheets) }));
  const sharedStrings = readSharedStrings(workbookRelated(parts, '/sharedStrings'));
  const formatOf = readCellFormats(workbookRelated(parts, '/styles'));

  const bySheet = new Map<string, typeof checked>();
  for (const c of checked) bySheet.set(c.spec.sheet, [...(bySheet.get(c.spec.sheet) ?? []), c]);

  for (const [sheet, list] of bySheet) {
    const sheetPath = sheets.get(sheet)!;
    let sheetXml = readText(parts, sheetPath);
    if (sheetXml === undefined) throw new Error(`工作表部件缺失：${sheetPath} (worksheet part missing)`);
    const geo = readSheetGeometry(sheetXml, Math.max(...list.map((c) => c.anchor.row)) + GEOMETRY_ROWS);

    // One drawing part per sheet: reuse the sheet's own (pictures, earlier charts) or start a new one.
    const existingRel = existingDrawingRelId(sheetXml);
    const existing = existingRel && readRelationships(parts, sheetPath).find((r) => r.id === existingRel);
    let drawingPath: string;
    if (existing) {
      drawingPath = resolveTarget(sheetPath, existing.target);
    } else {
      drawingPath = nextPartPath(parts, 'xl/drawings/drawing');
      addContentTypeOverride(parts, drawingPath, CONTENT_TYPE.drawing);
      sheetXml = insertDrawingElement(sheetXml, addRelationship(parts, sheetPath, REL_TYPE.drawing, drawingPath));
      writeText(parts, sheetPath, sheetXml);
    }
    const drawingXml = existing ? readText(parts, drawingPath) : undefined;
    if (existing && drawingXml === undefined) throw new Error(`绘图部件缺失：${drawingPath} (drawing part missing)`);
    let shapeId = drawingXml ? maxShapeId(drawingXml) : 1;
    let anchors = '';
    for (const { spec, range, anchor, width, height } of list) {
      const data = chartDataFromRange(sheet, range, spec.seriesBy, readRange(sheetXml, range, sharedStrings, formatOf));
      const chartPath = nextPartPath(parts, 'xl/charts/chart');
      writeText(parts, chartPath, chartSpaceXml(spec.kind, spec.title, data));
      addContentTypeOverride(parts, chartPath, CONTENT_TYPE.chart);
      const relId = addRelationship(parts, drawingPath, REL_TYPE.chart, chartPath);
      const cx = Math.round(width * EMU_PER_PT);
      const cy = Math.round(height * EMU_PER_PT);
      const from = { col: anchor.col, colOff: 0, row: anchor.row, rowOff: 0 };
      const to = anchorEnd(geo, anchor.row, anchor.col, cx, cy);
      shapeId++;
      anchors += chartAnchorXml(from, to, shapeId, spec.title || `图表 ${shapeId - 1}`, relId, { cx, cy });
    }
    writeText(parts, drawingPath, drawingXml ? appendToDrawingXml(drawingXml, anchors) : newDrawingXml(anchors));
  }
  return parts.toBytes();
}
