/**
 * The drawing side of a chart: a two-cell anchor (from the anchor cell and the chart size, using the sheet's real
 * column widths and row heights), the xdr:wsDr part that holds the anchors, and the `<drawing r:id>` element in
 * the worksheet.
 */
import { SheetGeometry, escapeXml } from './chart-sheet-read';

const NS_XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export const EMU_PER_PT = 12700;

export interface CellOffset {
  col: number; // 0-based
  colOff: number; // EMU
  row: number;
  rowOff: number;
}

/** The cell corner `widthEmu` × `heightEmu` away from the top-left corner of cell (row, col). */
export function anchorEnd(geo: SheetGeometry, row: number, col: number, widthEmu: number, heightEmu: number): CellOffset {
  let c = col;
  let x = widthEmu;
  // Zero-width (hidden) columns are stepped over; 16384 / 1048576 are Excel's sheet limits.
  for (let w = geo.colWidth(c); x >= w && c < 16383; w = geo.colWidth(c)) {
    x -= w;
    c++;
  }
  let r = row;
  let y = heightEmu;
  for (let h = geo.rowHeight(r); y >= h && r < 1048575; h = geo.rowHeight(r)) {
    y -= h;
    r++;
  }
  return { col: c, colOff: Math.round(x), row: r, rowOff: Math.round(y) };
}

function marker(tag: 'from' | 'to', m: CellOffset): string {
  return (
    `<xdr:${tag}><xdr:col>${m.col}</xdr:col><xdr:colOff>${m.colOff}</xdr:colOff>` +
    `<xdr:row>${m.row}</xdr:row><xdr:rowOff>${m.rowOff}</xdr:rowOff></xdr:${tag}>`
  );
}

/** One xdr:twoCellAnchor holding a chart graphic frame; `shapeId` must be unique within the drawing. */
export function chartAnchorXml(
  from: CellOffset,
  to: CellOffset,
  shapeId: number,
  name: string,
  chartRelId: string,
  size: { cx: number; cy: number },
): string {
  return (
    '<xdr:twoCellAnchor>' +
    marker('from', from) +
    marker('to', to) +
    '<xdr:graphicFrame macro="">' +
    `<xdr:nvGraphicFramePr><xdr:cNvPr id="${shapeId}" name="${escapeXml(name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="${size.cx}" cy="${size.cy}"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${NS_C}">` +
    `<c:chart xmlns:c="${NS_C}" xmlns:r="${NS_R}" r:id="${chartRelId}"/>` +
    '</a:graphicData></a:graphic>' +
    '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>'
  );
}

export function newDrawingXml(anchors: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}">${anchors}</xdr:wsDr>`
  );
}

/**
 * Appends anchors to an existing drawing part (one exceljs wrote for pictures, say). Our anchors use the `xdr:`
 * and `a:` prefixes, so they are wrapped in declarations of both in case that drawing binds other prefixes.
 */
export function appendToDrawingXml(drawingXml: string, anchors: string): string {
  const close = /<\/((?:[\w.-]+:)?)wsDr\s*>\s*$/.exec(drawingXml);
  if (!close) throw new Error('无法读取工作表中已有的绘图部件 (existing drawing part is not an xdr:wsDr)');
  const declared = anchors.replace(/<xdr:twoCellAnchor>/g, `<xdr:twoCellAnchor xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}">`);
  return drawingXml.slice(0, close.index) + declared + drawingXml.slice(close.index);
}

/** The largest shape id (cNvPr id) already used in a drawing, so new shapes get fresh ones. */
export function maxShapeId(drawingXml: string): number {
  let max = 1;
  const re = /<(?:[\w.-]+:)?cNvPr\b[^>]*?\sid="(\d+)"/g;
  for (let m = re.exec(drawingXml); m; m = re.exec(drawingXml)) max = Math.max(max, Number(m[1]));
  return max;
}

/** CT_Worksheet children that must come after `<drawing>` (ECMA-376 §18.3.1.99 sequence). */
const AFTER_DRAWING = new Set([
  'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems',
  'tableParts', 'extLst',
]);

interface TopElement {
  local: string;
  start: number;
  attrs: string;
}

/** The root's direct children that follow sheetData (the cell data itself is skipped, not scanned). */
function elementsAfterSheetData(sheetXml: string): { prefix: string; elements: TopElement[]; rootEnd: number } {
  const root = /<([\w.-]+:)?worksheet\b/.exec(sheetXml);
  if (!root) throw new Error('无法识别工作表 XML (not a worksheet part)');
  const prefix = root[1] ?? '';
  const sd = new RegExp(`<${prefix}sheetData\\b[^>]*?(/?)>`).exec(sheetXml);
  let pos = root.index;
  if (sd) {
    pos = sd[1] === '/' ? sd.index + sd[0].length : sheetXml.indexOf(`</${prefix}sheetData>`, sd.index);
    if (pos < 0) throw new Error('工作表 XML 不完整 (sheetData not closed)');
  }
  const elements: TopElement[] = [];
  const tag = /<(\/?)([\w.-]+:)?([\w.-]+)([^>]*?)(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>/g;
  tag.lastIndex = pos;
  let depth = sd ? (sd[1] === '/' ? 1 : 2) : 0; // inside worksheet (and still inside sheetData when not self-closed)
  for (let m = tag.exec(sheetXml); m; m = tag.exec(sheetXml)) {
    if (m[3] === undefined) continue; // comment or processing instruction
    if (m[1] === '/') {
      depth--;
      if (depth === 0) return { prefix, elements, rootEnd: m.index };
    } else {
      if (depth === 1) elements.push({ local: m[3], start: m.index, attrs: m[4] });
      if (m[5] !== '/') depth++;
    }
  }
  throw new Error('工作表 XML 不完整 (worksheet not closed)');
}

/** The relationship id of the worksheet's existing `<drawing r:id>`, if it has one. */
export function existingDrawingRelId(sheetXml: string): string | undefined {
  const d = elementsAfterSheetData(sheetXml).elements.find((e) => e.local === 'drawing');
  const id = d && /(?:^|\s)[\w.-]+:id\s*=\s*"([^"]*)"/.exec(d.attrs);
  return id ? id[1] : undefined;
}

/** Inserts `<drawing r:id>` where the CT_Worksheet sequence wants it. */
export function insertDrawingElement(sheetXml: string, relId: string): string {
  const { prefix, elements, rootEnd } = elementsAfterSheetData(sheetXml);
  const before = elements.find((e) => AFTER_DRAWING.has(e.local));
  const at = before ? before.start : rootEnd;
  // Declare the relationships namespace on the element unless the root binds `r` to it already.
  const rootTag = /<[\w.:-]*worksheet\b[^>]*>/.exec(sheetXml)?.[0] ?? '';
  const rBound = new RegExp(`xmlns:r\\s*=\\s*"${NS_R.replace(/[./]/g, '\\$&')}"`).test(rootTag);
  const el = `<${prefix}drawing${rBound ? '' : ` xmlns:r="${NS_R}"`} r:id="${relId}"/>`;
  return sheetXml.slice(0, at) + el + sheetXml.slice(at);
}
