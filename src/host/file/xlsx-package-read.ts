/**
 * Reads an .xlsx package into plain sheets (xlsx-plain.ts): each worksheet's cell values, merges and formula
 * count, and where it came from, so that saving (xlsx-package-write.ts) can copy every part the pipeline did not
 * change byte for byte. Written by hand over string scans rather than through exceljs, which builds an object per
 * cell and a style object per cell: 3 GB and half a minute for a 20,000-customer workbook, where this holds
 * the values in column arrays and reads the same workbook in about a second.
 *
 * Handles what SpreadsheetML allows and writers produce: shared, inline and formula strings, booleans, errors,
 * ISO dates (`t="d"`), numbers with date formats (the 1900 and 1904 systems), rows and cells without `r`, and a
 * namespace prefix on the elements (`<x:row>`).
 */
import { CellValue } from '../../core/cell';
import { PlainSheet, SheetSource, newPlainSheet } from './xlsx-plain';
import { Relationship, readRelationships, readText, resolveTarget, workbookPart } from './chart-package';
import { decodeXmlText, readCellFormats, readSharedStrings, richText } from './chart-sheet-read';
import { ZipPackage } from './chart-zip';
import { columnIndex } from './chart-a1';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface PackageBook {
  pkg: ZipPackage;
  /** The workbook part, normally xl/workbook.xml. */
  workbookPath: string;
  sheets: PlainSheet[];
  /** How many items the shared string table holds (new strings are appended after them). */
  sharedStringCount: number;
}

/** Whether a number format code shows a date or time: its letters outside quotes, escapes and [colour] blocks. */
export function isDateFormat(code: string): boolean {
  if (code === 'General' || code === '@') return false;
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?:h+|m+|s+)\]/gi, 'h') // elapsed time, [h]:mm
    .replace(/\[[^\]]*\]/g, '') // colours, conditions, locales
    .replace(/_.|\*./g, '');
  return /[ymdhs]/i.test(bare.replace(/E[+-]/gi, '')) && !/^[#0.,%\s]*$/.test(bare);
}

/** Excel's serial day number → the wall-clock Date in UTC fields, as exceljs reads it. */
function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

const attrPatterns = new Map<string, RegExp>();

/**
 * An attribute of a start tag. Runs for every cell, so the usual `name="…"` is found with indexOf; other
 * spellings the grammar allows (spaces around `=`) fall back to a pattern.
 */
export function attrOf(tag: string, name: string): string | undefined {
  const key = `${name}=`;
  for (let i = tag.indexOf(key); i >= 0; i = tag.indexOf(key, i + 1)) {
    const before = i === 0 ? 32 : tag.charCodeAt(i - 1);
    const quote = tag[i + key.length];
    if ((before === 32 || before === 9 || before === 10 || before === 13) && (quote === '"' || quote === "'")) {
      const end = tag.indexOf(quote, i + key.length + 1);
      return decodeXmlText(tag.slice(i + key.length + 1, end));
    }
  }
  if (!tag.includes(name)) return undefined;
  let re = attrPatterns.get(name);
  if (!re) attrPatterns.set(name, (re = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const m = re.exec(tag);
  return m ? decodeXmlText(m[1] ?? m[2]) : undefined;
}

/** The prefix SpreadsheetML elements carry in this part (`x:`), or ''. */
function prefixOf(xml: string): string {
  const m = /<(\w+:)?sheetData\b/.exec(xml);
  return m?.[1] ?? '';
}

/** One cell's text content: its `<v>`, or its inline string's `<t>` runs. */
function innerText(inner: string, p: string, inline: boolean): string | null {
  if (inline) return richText(inner);
  const open = inner.indexOf(`<${p}v`);
  if (open < 0) return null;
  const start = inner.indexOf('>', open);
  if (inner[start - 1] === '/') return '';
  const end = inner.indexOf(`</${p}v>`, start);
  return end < 0 ? null : decodeXmlText(inner.slice(start + 1, end));
}

interface SheetContext {
  strings: string[];
  isDateStyle: (s: number) => boolean;
  date1904: boolean;
}

function typedValue(t: string | undefined, text: string | null, style: number, ctx: SheetContext): CellValue {
  if (text === null) return null;
  switch (t) {
    case 's':
      return ctx.strings[Number(text)] ?? null;
    case 'str':
    case 'inlineStr':
      return text;
    case 'b':
      return text.trim() === '1' || text.trim() === 'true';
    case 'e':
      return { error: text };
    case 'd': {
      const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`);
      return Number.isNaN(ms) ? text : new Date(ms);
    }
    default: {
      if (text.trim() === '') return null;
      const n = Number(text);
      if (!Number.isFinite(n)) return text;
      return ctx.isDateStyle(style) ? serialToDate(n, ctx.date1904) : n;
    }
  }
}

/** The cells of one worksheet part into `sheet`'s columns; returns its merges and how many cells hold formulas. */
export function readWorksheetXml(xml: string, sheet: PlainSheet, ctx: SheetContext): { merges: string[]; formulas: number } {
  const p = prefixOf(xml);
  const rowOpen = `<${p}row`;
  const cellOpen = `<${p}c`;
  const cellClose = `</${p}c>`;
  const rowClose = `</${p}row>`;
  const columns: CellValue[][] = [];
  let formulas = 0;
  const dataStart = xml.indexOf(`<${p}sheetData`);
  const dataEnd = dataStart < 0 ? -1 : xml.indexOf(`</${p}sheetData>`, dataStart);
  let nextRow = 1;
  for (let at = dataStart < 0 ? -1 : xml.indexOf(rowOpen, dataStart); at >= 0 && (dataEnd < 0 || at < dataEnd); ) {
    const tagEnd = xml.indexOf('>', at);
    const after = xml.charCodeAt(at + rowOpen.length);
    if (after !== 32 && after !== 62 && after !== 47 && after !== 9 && after !== 10 && after !== 13) {
      at = xml.indexOf(rowOpen, at + 1); // <rowBreaks> and the like
      continue;
    }
    const tag = xml.slice(at, tagEnd);
    const r = attrOf(tag, 'r');
    const row = r !== undefined ? Number(r) : nextRow;
    nextRow = row + 1;
    if (xml[tagEnd - 1] === '/') {
      at = xml.indexOf(rowOpen, tagEnd);
      continue;
    }
    const end = xml.indexOf(rowClose, tagEnd);
    if (end < 0) break;
    let nextCol = 1;
    for (let c = xml.indexOf(cellOpen, tagEnd); c >= 0 && c < end; ) {
      const ch = xml.charCodeAt(c + cellOpen.length);
      if (ch !== 32 && ch !== 62 && ch !== 47 && ch !== 9 && ch !== 10 && ch !== 13) {
        c = xml.indexOf(cellOpen, c + 1);
        continue;
      }
      const cTagEnd = xml.indexOf('>', c);
      const cTag = xml.slice(c + cellOpen.length, cTagEnd);
      const ref = attrOf(cTag, 'r');
      const col = ref !== undefined ? columnIndex(/^[A-Za-z]+/.exec(ref)?.[0] ?? 'A') + 1 : nextCol;
      nextCol = col + 1;
      let inner = '';
      let next = cTagEnd + 1;
      if (xml[cTagEnd - 1] !== '/') {
        const close = xml.indexOf(cellClose, cTagEnd);
        inner = xml.slice(cTagEnd + 1, close);
        next = close + cellClose.length;
      }
      if (inner !== '') {
        const t = attrOf(cTag, 't');
        if (inner.includes(`<${p}f`)) formulas++;
        const s = attrOf(cTag, 's');
        const value = typedValue(t, innerText(inner, p, t === 'inlineStr'), s === undefined ? 0 : Number(s), ctx);
        if (value !== null) {
          const values = (columns[col - 1] ??= []);
          for (let k = values.length; k < row - 1; k++) values[k] = null;
          values[row - 1] = value;
        }
      }
      c = xml.indexOf(cellOpen, next);
    }
    at = xml.indexOf(rowOpen, end + rowClose.length);
  }
  for (let c = 0; c < columns.length; c++) {
    if (columns[c]) sheet.columns[c] = { values: columns[c], styles: 0 };
    else sheet.columns[c] = undefined;
  }
  const merges: string[] = [];
  const mergeRe = new RegExp(`<${p}mergeCell\\b([^>]*?)/?>`, 'g');
  for (let m = mergeRe.exec(xml); m; m = mergeRe.exec(xml)) {
    const ref = attrOf(m[1], 'ref');
    if (ref) merges.push(ref);
  }
  return { merges, formulas };
}

/** Names of the Excel tables a worksheet holds, from its table parts. */
function tableNames(pkg: ZipPackage, part: string, rels: Relationship[]): string[] {
  return rels
    .filter((r) => r.type === `${REL}/table` && !r.external)
    .map((r) => readText(pkg, resolveTarget(part, r.target)))
    .map((xml) => (xml ? attrOf(/<(?:\w+:)?table\b([^>]*)>/.exec(xml)?.[1] ?? '', 'name') : undefined))
    .filter((n): n is string => n !== undefined);
}

/** Opens the package and reads every worksheet. Throws a zh/en message when it is not a workbook. */
export function readPackageBook(bytes: Uint8Array): PackageBook {
  const pkg = new ZipPackage(bytes);
  const workbookPath = workbookPart(pkg);
  const workbookXml = readText(pkg, workbookPath);
  if (workbookXml === undefined) throw new Error(`不是有效的 .xlsx 文件：缺少 ${workbookPath} (workbook part missing)`);
  const rels = new Map(readRelationships(pkg, workbookPath).map((r) => [r.id, r]));
  const related = (suffix: string) => {
    const rel = [...rels.values()].find((r) => r.type === `${REL}/${suffix}` && !r.external);
    return rel ? readText(pkg, resolveTarget(workbookPath, rel.target)) : undefined;
  };
  const strings = readSharedStrings(related('sharedStrings'));
  const formatOf = readCellFormats(related('styles'));
  const dateStyles = new Map<number, boolean>();
  const workbookPr = /<(?:\w+:)?workbookPr\b([^>]*)>/.exec(workbookXml);
  const date1904 = /^(1|true)$/.test((workbookPr && attrOf(workbookPr[1], 'date1904')) ?? '');
  const ctx: SheetContext = {
    strings,
    date1904,
    isDateStyle: (s) => {
      let d = dateStyles.get(s);
      if (d === undefined) dateStyles.set(s, (d = isDateFormat(formatOf(s))));
      return d;
    },
  };

  const sheets: PlainSheet[] = [];
  const sheetRe = /<(?:\w+:)?sheet\b([^>]*?)\/?>/g;
  const sheetsBlock = /<(?:\w+:)?sheets\b[^>]*>([\s\S]*?)<\/(?:\w+:)?sheets>/.exec(workbookXml)?.[1] ?? '';
  for (let m = sheetRe.exec(sheetsBlock); m; m = sheetRe.exec(sheetsBlock)) {
    const attrs = m[1];
    const name = attrOf(attrs, 'name') ?? '';
    const relId = /(?:^|\s)(?:\w+:)?id\s*=\s*"([^"]*)"/.exec(attrs)?.[1];
    const rel = relId !== undefined ? rels.get(relId) : undefined;
    const stateAttr = attrOf(attrs, 'state');
    const sheet = newPlainSheet(name, stateAttr === 'hidden' || stateAttr === 'veryHidden' ? stateAttr : 'visible');
    const part = rel && !rel.external ? resolveTarget(workbookPath, rel.target) : '';
    const source: SheetSource = {
      element: m[0],
      part,
      worksheet: rel?.type === `${REL}/worksheet`,
      merges: [],
      formulas: 0,
      tableNames: [],
      written: new Set(),
    };
    sheet.source = source;
    if (source.worksheet) {
      const xml = readText(pkg, part);
      if (xml === undefined) throw new Error(`不是有效的 .xlsx 文件：缺少工作表“${name}”的部件 ${part} (worksheet part missing)`);
      Object.assign(source, readWorksheetXml(xml, sheet, ctx));
      source.tableNames = tableNames(pkg, part, readRelationships(pkg, part));
    }
    sheets.push(sheet);
  }
  return { pkg, workbookPath, sheets, sharedStringCount: strings.length };
}

