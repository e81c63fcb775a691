/**
 * The fixed set of cell styles the plain writer uses: every CellFormat (or General) crossed with three fonts.
 * A style is one small number, so a column can keep one byte per cell.
 */
import { CellFormat, FORMAT_CODES } from '../workbook';
import { escapeXml } from './xlsx-xml';

export type FontKind = 'normal' | 'bold' | 'title';

const FORMATS: readonly (CellFormat | undefined)[] = [undefined, 'text', 'integer', 'number', 'thousands', 'percent', 'date', 'datetime', 'currency'];
const FONTS: readonly FontKind[] = ['normal', 'bold', 'title'];
const FORMAT_INDEX = new Map(FORMATS.map((f, i) => [f, i]));
const FONT_INDEX = new Map(FONTS.map((f, i) => [f, i]));

/** Style 0: General, normal font. */
export const PLAIN_STYLE = 0;

export function styleCode(format: CellFormat | undefined, font: FontKind = 'normal'): number {
  return FORMAT_INDEX.get(format)! + FORMATS.length * FONT_INDEX.get(font)!;
}

export function formatOfStyle(code: number): CellFormat | undefined {
  return FORMATS[code % FORMATS.length];
}

export function fontOfStyle(code: number): FontKind {
  return FONTS[Math.floor(code / FORMATS.length)];
}

/** The style with its number format replaced; undefined keeps the old one (as writing a value without a format does). */
export function withFormat(code: number, format: CellFormat | undefined): number {
  return format === undefined ? code : code - (code % FORMATS.length) + FORMAT_INDEX.get(format)!;
}

export function withFont(code: number, font: FontKind): number {
  return styleCode(formatOfStyle(code), font);
}

/** Excel's built-in number format ids; the other codes are declared in styles.xml from id 164 on. */
const BUILTIN_FORMAT_IDS: Readonly<Record<string, number>> = { '0': 1, '#,##0': 3, '#,##0.00': 4, '@': 49 };

/** Number format ids for our formats: built-in ones, those `declared` already, else new ids after `lastId`. */
function formatIds(declared: Map<string, number>, lastId: number) {
  const added = new Map<string, number>();
  const idOf = (format: CellFormat | undefined): number => {
    if (format === undefined) return 0;
    const code = FORMAT_CODES[format];
    const id = BUILTIN_FORMAT_IDS[code] ?? declared.get(code) ?? added.get(code);
    if (id !== undefined) return id;
    added.set(code, Math.max(lastId, 163) + 1 + added.size);
    return added.get(code)!;
  };
  const numFmtsXml = (p: string) => [...added].map(([code, id]) => `<${p}numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`).join('');
  return { idOf, added, numFmtsXml };
}

const fontXml = (p: string, extra: string, size: number) =>
  `<${p}font>${extra}<${p}sz val="${size}"/><${p}color theme="1"/><${p}name val="Calibri"/><${p}family val="2"/><${p}scheme val="minor"/></${p}font>`;

function xfXml(p: string, numFmtId: number, fontId: number, applyFont: boolean): string {
  return `<${p}xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="0" borderId="0" xfId="0"${numFmtId ? ' applyNumberFormat="1"' : ''}${applyFont ? ' applyFont="1"' : ''}/>`;
}

export function stylesXml(): string {
  const ids = formatIds(new Map(), 163);
  const xfs: string[] = [];
  for (let font = 0; font < FONTS.length; font++) {
    for (const format of FORMATS) xfs.push(xfXml('', ids.idOf(format), font, font > 0));
  }
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    `<numFmts count="${ids.added.size}">${ids.numFmtsXml('')}</numFmts>` +
    `<fonts count="3">${fontXml('', '', 11)}${fontXml('', '<b/>', 11)}${fontXml('', '<b/>', 14)}</fonts>` +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs>` +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
    '</styleSheet>'
  );
}

/** The items of a `<name>` block (`<fonts>` → its `<font>`s) and where its end tag starts, or null. */
function block(xml: string, p: string, name: string, item: string): { count: number; end: number; open: RegExpExecArray } | null {
  const open = new RegExp(`<${p}${name}\\b[^>]*?(/?)>`).exec(xml);
  if (!open || open[1] === '/') return null;
  const end = xml.indexOf(`</${p}${name}>`, open.index);
  if (end < 0) return null;
  const items = xml.slice(open.index + open[0].length, end).match(new RegExp(`<${p}${item}[\\s/>]`, 'g'));
  return { count: items?.length ?? 0, end, open };
}

/**
 * A workbook's styles.xml with our styles appended, for cells written into an .xlsx that has its own: two
 * fonts (bold, title), the number formats it lacks, and a cell format (xf) per style code. Its own fonts,
 * formats and xfs keep their indices, so every original cell keeps its style. Code 0 is the workbook's default
 * cell format; the other codes use the workbook's default font unless they are bold or a title.
 * Returns null when the part is not one this can extend (no `<fonts>` or `<cellXfs>` block).
 */
export function appendPlainStyles(xml: string): { xml: string; xf: (code: number) => number } | null {
  const p = /<(\w+:)?styleSheet\b/.exec(xml)?.[1] ?? '';
  const fonts = block(xml, p, 'fonts', 'font');
  const xfs = block(xml, p, 'cellXfs', 'xf');
  if (!fonts || !xfs || fonts.end > xfs.end) return null;
  const declared = new Map<string, number>();
  let lastId = 163;
  for (const m of xml.matchAll(new RegExp(`<${p}numFmt\\b([^>]*?)/?>`, 'g'))) {
    const id = Number(/numFmtId\s*=\s*["'](\d+)/.exec(m[1])?.[1]);
    const code = /formatCode\s*=\s*"([^"]*)"/.exec(m[1])?.[1];
    if (!Number.isFinite(id)) continue;
    lastId = Math.max(lastId, id);
    if (code !== undefined) declared.set(code.replace(/&quot;/g, '"').replace(/&amp;/g, '&'), id);
  }
  const ids = formatIds(declared, lastId);
  const fontIds = [0, fonts.count, fonts.count + 1];
  let added = '';
  for (let font = 0; font < FONTS.length; font++) {
    for (let f = 0; f < FORMATS.length; f++) {
      if (font === 0 && f === 0) continue; // code 0: the workbook's default xf
      added += xfXml(p, ids.idOf(FORMATS[f]), fontIds[font], font > 0);
    }
  }
  const setCount = (tag: string, count: number) =>
    /\bcount\s*=/.test(tag) ? tag.replace(/\bcount\s*=\s*["']\d*["']/, `count="${count}"`) : tag.replace(/(\/?>)$/, ` count="${count}"$1`);
  // Edited from the end back, so earlier offsets stay valid.
  let out = xml.slice(0, xfs.end) + added + xml.slice(xfs.end);
  out = out.slice(0, xfs.open.index) + setCount(xfs.open[0], xfs.count + FONTS.length * FORMATS.length - 1) + out.slice(xfs.open.index + xfs.open[0].length);
  out = out.slice(0, fonts.end) + fontXml(p, `<${p}b/>`, 11) + fontXml(p, `<${p}b/>`, 14) + out.slice(fonts.end);
  out = out.slice(0, fonts.open.index) + setCount(fonts.open[0], fonts.count + 2) + out.slice(fonts.open.index + fonts.open[0].length);
  if (ids.added.size > 0) {
    const numFmts = block(out, p, 'numFmts', 'numFmt');
    if (numFmts) {
      out = out.slice(0, numFmts.end) + ids.numFmtsXml(p) + out.slice(numFmts.end);
      out = out.slice(0, numFmts.open.index) + setCount(numFmts.open[0], numFmts.count + ids.added.size) + out.slice(numFmts.open.index + numFmts.open[0].length);
    } else {
      const root = new RegExp(`<${p}styleSheet\\b[^>]*>`).exec(out)!;
      const at = root.index + root[0].length;
      out = `${out.slice(0, at)}<${p}numFmts count="${ids.added.size}">${ids.numFmtsXml(p)}</${p}numFmts>${out.slice(at)}`;
    }
  }
  const base = xfs.count - 1;
  return { xml: out, xf: (code) => (code === 0 ? 0 : base + code) };
}
