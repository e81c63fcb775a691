/**
 * Reads what a chart needs out of SpreadsheetML text: the values of one range (for the chart caches), the number
 * format of its cells, and column widths / row heights (to place the chart's two-cell anchor).
 *
 * A full XML parse of a worksheet costs as much as the sheet is large; charts need a few hundred cells, so these
 * are string scans that stop after the last row needed. They accept any namespace prefix (`x:row`) and rows or
 * cells without an `r` attribute, both of which the schema allows.
 */
import { CellRange, columnIndex } from './chart-a1';

export type ChartCell = string | number | boolean | null;

export interface RangeValues {
  /** values[r][c] relative to the range's top-left cell. */
  values: ChartCell[][];
  /** The number format code of each cell (`General` when none). */
  formats: string[][];
}

const P = '(?:[\\w.-]+:)?'; // optional namespace prefix

export function decodeXmlText(s: string): string {
  if (s.indexOf('&') < 0 && s.indexOf('_x') < 0) return s;
  return s
    .replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_m, e: string) => {
      if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
      return ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[e];
    })
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))); // ST_Xstring escapes
}

export function escapeXml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, ''); // not allowed in XML 1.0
}

const attrPatterns = new Map<string, RegExp>();

function attr(attrs: string, name: string): string | undefined {
  let re = attrPatterns.get(name);
  if (!re) attrPatterns.set(name, (re = new RegExp(`(?:^|\\s)${name}\\s*=\\s*("([^"]*)"|'([^']*)')`)));
  const m = re.exec(attrs);
  return m ? decodeXmlText(m[2] ?? m[3]) : undefined;
}

const PHONETIC_RUN = new RegExp(`<${P}rPh\\b[\\s\\S]*?</${P}rPh>`, 'g');
const TEXT_RUN = new RegExp(`<${P}t(?:\\s[^>]*)?>([\\s\\S]*?)</${P}t>`, 'g');
/** A plain item, `<t>text</t>`, the usual case: no regex needed. */
const PLAIN_ITEM = new RegExp(`^<(${P})t(?:\\s[^>]*)?>([^<]*)</(${P})t>$`);

/** The text of a rich or plain string item (`<si>` / `<is>`): its `<t>` runs, without phonetic (`<rPh>`) runs. */
export function richText(inner: string): string {
  const plain = PLAIN_ITEM.exec(inner);
  if (plain) return decodeXmlText(plain[2]);
  const noPhonetic = inner.replace(PHONETIC_RUN, '');
  let out = '';
  TEXT_RUN.lastIndex = 0;
  for (let m = TEXT_RUN.exec(noPhonetic); m; m = TEXT_RUN.exec(noPhonetic)) out += decodeXmlText(m[1]);
  return out;
}

export function readSharedStrings(sstXml: string | undefined): string[] {
  if (!sstXml) return [];
  const out: string[] = [];
  const re = new RegExp(`<${P}si(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</${P}si>)`, 'g');
  for (let m = re.exec(sstXml); m; m = re.exec(sstXml)) out.push(m[1] ? richText(m[1]) : '');
  return out;
}

/**
 * Built-in number formats (ECMA-376 §18.8.30) that have a fixed code; ids 27–36 and 50–81 are locale-dependent
 * East Asian date formats, read as a plain date here. Written out because no installed library exports the table.
 */
const BUILTIN_FORMATS: Record<number, string> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?',
  13: '# ??/??', 14: 'yyyy/m/d', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM',
  20: 'h:mm', 21: 'h:mm:ss', 22: 'yyyy/m/d h:mm', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)', 40: '#,##0.00;[Red](#,##0.00)', 45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0',
  48: '##0.0E+0', 49: '@',
};

/** Style index (`s` attribute) → number format code, from xl/styles.xml. */
export function readCellFormats(stylesXml: string | undefined): (styleIndex: number) => string {
  if (!stylesXml) return () => 'General';
  const custom = new Map<number, string>();
  const fmtRe = new RegExp(`<${P}numFmt\\b([^>]*?)/?>`, 'g');
  for (let m = fmtRe.exec(stylesXml); m; m = fmtRe.exec(stylesXml)) {
    const id = attr(m[1], 'numFmtId');
    const code = attr(m[1], 'formatCode');
    if (id !== undefined && code !== undefined) custom.set(Number(id), code);
  }
  const xfs: number[] = [];
  const block = new RegExp(`<${P}cellXfs\\b[^>]*>([\\s\\S]*?)</${P}cellXfs>`).exec(stylesXml);
  if (block) {
    const xfRe = new RegExp(`<${P}xf\\b([^>]*?)/?>`, 'g');
    for (let m = xfRe.exec(block[1]); m; m = xfRe.exec(block[1])) xfs.push(Number(attr(m[1], 'numFmtId') ?? 0));
  }
  return (s) => {
    const id = xfs[s] ?? 0;
    return custom.get(id) ?? BUILTIN_FORMATS[id] ?? ((id >= 27 && id <= 36) || (id >= 50 && id <= 81) ? 'yyyy/m/d' : 'General');
  };
}

interface RowVisit {
  row: number; // 0-based
  attrs: string;
  inner: string; // '' for an empty row
}

/** Calls `visit` for each `<row>` in order until it returns false or the rows end. */
function eachRow(sheetXml: string, visit: (r: RowVisit) => boolean): void {
  const start = sheetXml.search(new RegExp(`<${P}sheetData\\b`));
  if (start < 0) return;
  const re = new RegExp(`<(${P})row\\b([^>]*?)(/?)>`, 'g');
  re.lastIndex = start;
  let next = 0;
  for (let m = re.exec(sheetXml); m; m = re.exec(sheetXml)) {
    const r = attr(m[2], 'r');
    const row = r !== undefined ? Number(r) - 1 : next;
    next = row + 1;
    let inner = '';
    if (m[3] !== '/') {
      const close = `</${m[1]}row>`;
      const end = sheetXml.indexOf(close, re.lastIndex);
      if (end < 0) return;
      inner = sheetXml.slice(re.lastIndex, end);
      re.lastIndex = end + close.length;
    }
    if (!visit({ row, attrs: m[2], inner })) return;
  }
}

function cellValue(
  t: string | undefined,
  inner: string,
  sharedStrings: string[],
): ChartCell {
  if (t === 'inlineStr') {
    const is = new RegExp(`<${P}is\\b[^>]*>([\\s\\S]*?)</${P}is>`).exec(inner);
    return is ? richText(is[1]) : null;
  }
  const v = new RegExp(`<${P}v(?:\\s[^>]*)?>([\\s\\S]*?)</${P}v>`).exec(inner);
  if (!v) return null;
  const text = decodeXmlText(v[1]);
  switch (t) {
    case 's':
      return sharedStrings[Number(text)] ?? null;
    case 'str':
      return text;
    case 'b':
      return text.trim() === '1' || text.trim() === 'true';
    case 'e':
      return text; // `#N/A` …: not a number, shown as text in a category
    case 'd': {
      const ms = Date.parse(text);
      return Number.isNaN(ms) ? text : ms / 86400000 + 25569; // ISO date → Excel serial, as a chart reads it
    }
    default: {
      const n = Number(text);
      return text.trim() !== '' && Number.isFinite(n) ? n : null;
    }
  }
}

/** The values and number formats of `range` in one worksheet's XML (missing cells are null / `General`). */
export function readRange(
  sheetXml: string,
  range: CellRange,
  sharedStrings: string[],
  formatOf: (styleIndex: number) => string,
): RangeValues {
  const h = range.lastRow - range.firstRow + 1;
  const w = range.lastCol - range.firstCol + 1;
  const values: ChartCell[][] = Array.from({ length: h }, () => new Array<ChartCell>(w).fill(null));
  const formats: string[][] = Array.from({ length: h }, () => new Array<string>(w).fill('General'));
  const cellRe = new RegExp(`<${P}c\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${P}c>)`, 'g');
  eachRow(sheetXml, ({ row, inner }) => {
    if (row > range.lastRow) return false;
    if (row < range.firstRow) return true;
    let nextCol = 0;
    cellRe.lastIndex = 0;
    for (let m = cellRe.exec(inner); m; m = cellRe.exec(inner)) {
      const ref = attr(m[1], 'r');
      const letters = ref ? /^[A-Za-z]+/.exec(ref) : null;
      const col = letters ? columnIndex(letters[0]) : nextCol;
      nextCol = col + 1;
      if (col < range.firstCol || col > range.lastCol) continue;
      const y = row - range.firstRow;
      const x = col - range.firstCol;
      values[y][x] = cellValue(attr(m[1], 't'), m[2] ?? '', sharedStrings);
      const s = attr(m[1], 's');
      if (s !== undefined) formats[y][x] = formatOf(Number(s));
    }
    return true;
  });
  return { values, formats };
}

/** Column widths and row heights in EMU (1 pt = 12700 EMU, 1 px at 96 dpi = 9525 EMU). */
export interface SheetGeometry {
  colWidth(col0: number): number;
  rowHeight(row0: number): number;
}

const EMU_PER_PX = 9525;
const EMU_PER_PT = 12700;
/** Maximum digit width in pixels of the default font (Calibri 11), which Excel's column-width unit is based on. */
const DIGIT_PX = 7;

/** Excel's conversion from a stored column width (characters, padding included) to pixels. */
function widthToPx(width: number): number {
  return Math.trunc(((256 * width + Math.trunc(128 / DIGIT_PX)) / 256) * DIGIT_PX);
}

/** Reads `<cols>`, `<sheetFormatPr>` and the heights of rows up to `lastRow` (0-based). */
export function readSheetGeometry(sheetXml: string, lastRow: number): SheetGeometry {
  const fmt = new RegExp(`<${P}sheetFormatPr\\b([^>]*?)/?>`).exec(sheetXml);
  const defaultColWidth = fmt ? attr(fmt[1], 'defaultColWidth') : undefined;
  const baseColWidth = fmt ? attr(fmt[1], 'baseColWidth') : undefined;
  const defaultRowPt = Number((fmt && attr(fmt[1], 'defaultRowHeight')) ?? 15) || 15;
  // Without defaultColWidth, Excel pads baseColWidth (8 by default) by 5 px and rounds up to a multiple of 8 px.
  const defaultColPx = defaultColWidth
    ? widthToPx(Number(defaultColWidth))
    : Math.ceil((Number(baseColWidth ?? 8) * DIGIT_PX + 5) / 8) * 8;

  const cols: { min: number; max: number; px: number }[] = [];
  const colsBlock = new RegExp(`<${P}cols\\b[^>]*>([\\s\\S]*?)</${P}cols>`).exec(sheetXml);
  if (colsBlock) {
    const re = new RegExp(`<${P}col\\b([^>]*?)/?>`, 'g');
    for (let m = re.exec(colsBlock[1]); m; m = re.exec(colsBlock[1])) {
      const hidden = attr(m[1], 'hidden');
      const width = attr(m[1], 'width');
      const px = hidden === '1' || hidden === 'true' ? 0 : width !== undefined ? widthToPx(Number(width)) : defaultColPx;
      cols.push({ min: Number(attr(m[1], 'min')) - 1, max: Number(attr(m[1], 'max')) - 1, px });
    }
  }
  const rowPt = new Map<number, number>();
  eachRow(sheetXml, ({ row, attrs }) => {
    if (row > lastRow) return false;
    const hidden = attr(attrs, 'hidden');
    const ht = attr(attrs, 'ht');
    if (hidden === '1' || hidden === 'true') rowPt.set(row, 0);
    else if (ht !== undefined && Number.isFinite(Number(ht))) rowPt.set(row, Number(ht));
    return true;
  });
  return {
    colWidth(col0) {
      const c = cols.find((x) => col0 >= x.min && col0 <= x.max);
      return (c ? c.px : defaultColPx) * EMU_PER_PX;
    },
    rowHeight(row0) {
      return Math.round((rowPt.get(row0) ?? defaultRowPt) * EMU_PER_PT);
    },
  };
}
