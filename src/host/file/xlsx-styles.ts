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

export function stylesXml(): string {
  const customIds = new Map<string, number>();
  const numFmtId = (format: CellFormat | undefined): number => {
    if (format === undefined) return 0;
    const code = FORMAT_CODES[format];
    if (BUILTIN_FORMAT_IDS[code] !== undefined) return BUILTIN_FORMAT_IDS[code];
    if (!customIds.has(code)) customIds.set(code, 164 + customIds.size);
    return customIds.get(code)!;
  };
  const xfs: string[] = [];
  for (let font = 0; font < FONTS.length; font++) {
    for (const format of FORMATS) {
      const id = numFmtId(format);
      xfs.push(
        `<xf numFmtId="${id}" fontId="${font}" fillId="0" borderId="0" xfId="0"${id ? ' applyNumberFormat="1"' : ''}${font ? ' applyFont="1"' : ''}/>`,
      );
    }
  }
  const numFmts = [...customIds].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
  const font = (extra: string, size: number) => `<font>${extra}<sz val="${size}"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    `<numFmts count="${numFmts.length}">${numFmts.join('')}</numFmts>` +
    `<fonts count="3">${font('', 11)}${font('<b/>', 11)}${font('<b/>', 14)}</fonts>` +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs>` +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
    '</styleSheet>'
  );
}
