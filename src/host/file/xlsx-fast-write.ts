/**
 * Writes a PlainBook (xlsx-plain.ts) as .xlsx: SpreadsheetML by hand, sheet XML streamed in chunks into the
 * deflater. exceljs builds an object per cell and needs minutes and gigabytes for a 500,000-row sheet; this
 * needs seconds and little more than the compressed output. Cells are values only, never formulas.
 */
import { CellValue, cellToText, isCellError } from '../../core/cell';
import { DICT_BLANK, DICT_OUTSIDE, PlainBook, PlainColumn, PlainSheet, PlainTable, plainExtent } from './xlsx-plain';
import { stylesXml } from './xlsx-styles';
import { NS_MAIN, NS_REL, XML_HEAD, cellRef, columnLetters, dateSerial, escapeAttr, escapeXml, rangeRef } from './xlsx-xml';
import { PartWriter } from './xlsx-part-writer';
import { Deflater, ZipEntry, fflateDeflater, zipArchive } from './zip';

const DEFAULT_COLUMN_WIDTH = 9.140625;

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument';

const encoder = new TextEncoder();

/**
 * Per style code, `<c s="n"` and the end of `<c r="A1` with its style, where n is the code's cell format (xf)
 * index in styles.xml; xf 0, the workbook's default, is left out.
 */
export interface StyleTags {
  xf(code: number): number;
  start: Uint8Array[];
  refEnd: Uint8Array[];
}

export function styleTags(xf: (code: number) => number): StyleTags {
  const ids = Array.from({ length: 256 }, (_, code) => xf(code));
  return {
    xf: (code) => ids[code],
    start: ids.map((i) => encoder.encode(i === 0 ? '<c' : `<c s="${i}"`)),
    refEnd: ids.map((i) => encoder.encode(i === 0 ? '"' : `" s="${i}"`)),
  };
}

/** The plain writer's own styles.xml (xlsx-styles.ts) lists the style codes in order. */
const PLAIN_TAGS = styleTags((code) => code);
const CELL_REF = encoder.encode('<c r="');
const ROW_START = encoder.encode('<row r="');
const ROW_START_END = encoder.encode('">');
const ROW_END = encoder.encode('</row>');
const BLANK_END = encoder.encode('/>');

export async function writePart(deflater: Deflater, name: string, produce: (out: PartWriter) => Promise<void> | void): Promise<ZipEntry> {
  const out = new PartWriter(name, deflater());
  await produce(out);
  return out.end();
}

function textXml(s: string): string {
  const edge = s.length > 0 && (s.charCodeAt(0) <= 32 || s.charCodeAt(s.length - 1) <= 32);
  return edge ? `<t xml:space="preserve">${escapeXml(s)}</t>` : `<t>${escapeXml(s)}</t>`;
}

/**
 * The shared string table. Sheets repeat their texts (products, countries, order numbers, and the cleaned
 * column beside each original), so a cell holds an index and each text is escaped and written once: the sheet
 * XML is about half the size of inline strings, and so is the work of encoding and compressing it.
 */
export class SharedStrings {
  private readonly index = new Map<string, number>();
  readonly texts: string[] = [];

  /** `base`: how many strings the table already holds (a package's own), the new ones numbered after them. */
  constructor(private readonly base = 0) {}

  of(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.base + this.texts.length;
      this.index.set(s, i);
      this.texts.push(s);
    }
    return i;
  }
}

/** A non-blank cell's end after `<c` and its attributes: its type, value and end tag. */
export function cellTail(v: CellValue, strings: SharedStrings): string {
  switch (typeof v) {
    case 'string':
      return ` t="s"><v>${strings.of(v)}</v></c>`;
    case 'number':
      return Number.isFinite(v) ? `><v>${v}</v></c>` : '/>';
    case 'boolean':
      return ` t="b"><v>${v ? 1 : 0}</v></c>`;
  }
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '/>' : `><v>${dateSerial(v)}</v></c>`;
  // Error codes are ASCII (#N/A, #DIV/0!); anything else is escaped and checked by the caller's ascii().
  if (isCellError(v)) return /^[\x20-\x7e]*$/.test(v.error) ? ` t="e"><v>${escapeXml(v.error)}</v></c>` : '/>';
  return ` t="s"><v>${strings.of(cellToText(v))}</v></c>`;
}

/** The `<si>` items of the strings, into `out`. */
export function sharedStringItems(strings: SharedStrings, out: PartWriter): void {
  const { texts } = strings;
  for (let i = 0; i < texts.length; i += 1024) {
    let xml = ''; // encoded a thousand texts at a time: one encoder call per text costs more than the text
    for (let k = i; k < Math.min(i + 1024, texts.length); k++) xml += `<si>${textXml(texts[k])}</si>`;
    out.text(xml);
  }
}

function sharedStringsXml(strings: SharedStrings, out: PartWriter): void {
  out.ascii(`${XML_HEAD}<sst xmlns="${NS_MAIN}" uniqueCount="${strings.texts.length}">`);
  sharedStringItems(strings, out);
  out.ascii('</sst>');
}

function paneXml(freeze: { rows: number; cols: number }): string {
  const { rows, cols } = freeze;
  const pane = rows > 0 && cols > 0 ? 'bottomRight' : rows > 0 ? 'bottomLeft' : 'topRight';
  const topLeft = cellRef(rows + 1, cols + 1);
  return (
    `<pane${cols > 0 ? ` xSplit="${cols}"` : ''}${rows > 0 ? ` ySplit="${rows}"` : ''} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/>` +
    `<selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/>`
  );
}

function colsXml(sheet: PlainSheet, tags: StyleTags): string {
  const n = Math.max(sheet.widths.length, sheet.columnStyles.length);
  let xml = '';
  for (let c = 1; c <= n; c++) {
    const width = sheet.widths[c - 1];
    const style = sheet.columnStyles[c - 1];
    if (width === undefined && !style) continue;
    xml +=
      `<col min="${c}" max="${c}" width="${width ?? DEFAULT_COLUMN_WIDTH}"` +
      `${width !== undefined ? ' customWidth="1"' : ''}${style && tags.xf(style) ? ` style="${tags.xf(style)}"` : ''}/>`;
  }
  return xml === '' ? '' : `<cols>${xml}</cols>`;
}

/** ASCII text as bytes (TextEncoder costs more per call than these short strings are long). */
function asciiBytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** Copies `src[from, to)` into `buf` at `p`; returns the position after it. */
function put(buf: Uint8Array, p: number, src: Uint8Array, from = 0, to = src.length): number {
  for (let k = from; k < to; k++) buf[p++] = src[k];
  return p;
}

/**
 * One column as the sheet writer walks it. A dictionary-encoded column's cells are made once per distinct
 * value, into one pool of bytes: the whole cell in the column's usual style, from which the cell's end (type,
 * value, end tag) is also taken. One pool rather than an array per value, because the row loop reads them in
 * the column's order of values, all over the pool: kept together they stay in the processor's cache.
 * A plain column's cell end is made once per run of one value down the column.
 */
class ColumnCells {
  readonly letters: Uint8Array;
  readonly values: PlainColumn['values'];
  /** Per-row styles, or null when `style` is every row's. */
  readonly styles: Uint8Array | null;
  readonly style: number;
  /** The style of a cell never written: such a blank cell is left out. */
  readonly blankStyle: number;
  readonly codes: Int32Array;
  /** The style pooled cells are made in: the style of the first one written. */
  usualStyle = -1;
  /** The length of `<c s="n"` in `usualStyle`: a pooled cell is this much longer than its end. */
  headLength = 0;
  /**
   * Per dictionary entry, where its bytes start in the pool, -1 before they are made: the whole cell, then its
   * end alone (each 4-aligned, for copying by words); and the length of the whole cell.
   */
  readonly starts: Int32Array;
  readonly lengths: Int32Array;
  pool = new Uint8Array(1 << 12);
  words = new Int32Array(this.pool.buffer);
  private poolEnd = 0;
  private readonly entries: PlainColumn['values'];
  private lastValue: CellValue = undefined;
  private lastTail: Uint8Array = BLANK_END;

  constructor(
    column: PlainColumn,
    /** 0-based: column A is 0. */
    readonly index: number,
    blankStyle: number,
    private readonly strings: SharedStrings,
    private readonly tags: StyleTags,
  ) {
    this.letters = asciiBytes(columnLetters(index + 1));
    this.values = column.values;
    this.styles = typeof column.styles === 'number' ? null : column.styles;
    this.style = typeof column.styles === 'number' ? column.styles : 0;
    this.blankStyle = blankStyle;
    this.codes = column.dict?.codes ?? new Int32Array(0);
    this.entries = column.dict?.entries ?? [];
    this.starts = new Int32Array(this.entries.length).fill(-1);
    this.lengths = new Int32Array(this.entries.length);
  }

  /** Makes the pooled bytes of dictionary entry `code`, first written in `style`. */
  make(code: number, style: number): void {
    if (this.usualStyle < 0) {
      this.usualStyle = style;
      this.headLength = this.tags.start[style].length;
    }
    const head = this.tags.start[this.usualStyle];
    const tail = cellTail(this.entries[code], this.strings);
    const start = this.poolEnd;
    const tailStart = (start + head.length + tail.length + 3) & ~3;
    const end = (tailStart + tail.length + 3) & ~3;
    if (end > this.pool.length) {
      const pool = new Uint8Array(Math.max(this.pool.length * 2, end));
      pool.set(this.pool);
      this.pool = pool;
      this.words = new Int32Array(pool.buffer);
    }
    const pool = this.pool;
    let p = put(pool, start, head);
    for (let i = 0; i < tail.length; i++) pool[p++] = tail.charCodeAt(i);
    p = tailStart;
    for (let i = 0; i < tail.length; i++) pool[p++] = tail.charCodeAt(i);
    this.starts[code] = start;
    this.lengths[code] = head.length + tail.length;
    this.poolEnd = end;
  }

  /** The end of a cell holding `v` (not blank), outside the dictionary. */
  tailOfValue(v: CellValue): Uint8Array {
    if (v !== this.lastValue) {
      this.lastValue = v;
      this.lastTail = asciiBytes(cellTail(v, this.strings));
    }
    return this.lastTail;
  }
}

/** Room for a cell's start: `<c r="XFD1048576" s="255"`, with `<row r="1048576">` before it and `</row>` after. */
const CELL_ROOM = 64;

/**
 * Writes rows from `r` until `rows` is written or the writer has enough buffers with the deflater; returns the
 * next row to write. The hot loop of the writer: bytes are copied straight into the writer's buffer, a pooled
 * cell four bytes at a time (its last word may write up to 3 bytes past it, which the next cell overwrites).
 */
function writeRows(columns: readonly ColumnCells[], r: number, rows: number, out: PartWriter, tags: StyleTags): number {
  const digits = new Uint8Array(16);
  let buf = out.buffer;
  let view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  for (; r <= rows; r++) {
    const i = r - 1;
    let nd = 0; // the row number in decimal, written twice: in <row> and in the first cell's reference
    for (let x = r; x > 0; x = Math.floor(x / 10)) nd++;
    for (let x = r, k = nd - 1; k >= 0; k--, x = Math.floor(x / 10)) digits[k] = 48 + (x % 10);
    let p = out.pos;
    let rowOpen = false;
    let next = -1; // the column a cell without `r` lands in: `r` is optional, so it is written after a gap only
    for (let c = 0; c < columns.length; c++) {
      const col = columns[c];
      const code = i < col.codes.length ? col.codes[i] : DICT_OUTSIDE;
      const style = col.styles === null ? col.style : (col.styles[i] ?? col.blankStyle);
      let tail: Uint8Array | null = null; // the cell's end, outside the pool
      let start = 0;
      let length = 0;
      if (code >= 0) {
        start = col.starts[code];
        if (start < 0) {
          col.make(code, style);
          start = col.starts[code];
        }
        length = col.lengths[code];
      } else {
        const v = code === DICT_BLANK ? null : col.values[i];
        if (v === null || v === undefined) {
          if (style === col.blankStyle) continue;
          tail = BLANK_END;
        } else tail = col.tailOfValue(v);
      }
      const room = CELL_ROOM + (tail === null ? length : tail.length);
      if (p + room > buf.length) {
        out.pos = p;
        out.reserve(room);
        buf = out.buffer;
        view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
        p = out.pos;
      }
      if (!rowOpen) {
        rowOpen = true;
        p = put(buf, p, ROW_START);
        p = put(buf, p, digits, 0, nd);
        p = put(buf, p, ROW_START_END);
      }
      // Without `r`, but for a blank cell and the one after it: exceljs drops an empty cell, and would then place
      // a cell without `r` after it by the cell before it, or fail when it was the first of its row.
      const bare = col.index === next && tail !== BLANK_END;
      next = col.index + 1;
      if (tail !== null || !bare || style !== col.usualStyle) {
        if (bare) p = put(buf, p, tags.start[style]);
        else {
          p = put(buf, p, CELL_REF);
          p = put(buf, p, col.letters);
          p = put(buf, p, digits, 0, nd);
          p = put(buf, p, tags.refEnd[style]);
        }
        if (tail !== null) {
          p = put(buf, p, tail);
          if (tail === BLANK_END) next = -1;
          continue;
        }
        // The pooled end alone: it follows the whole cell, 4-aligned.
        length -= col.headLength;
        start = (start + col.headLength + length + 3) & ~3;
      }
      const words = col.words;
      for (let k = start >> 2, q = p, last = (start + length + 3) >> 2; k < last; k++, q += 4) view.setInt32(q, words[k], true);
      p += length;
    }
    if (rowOpen) p = put(buf, p, ROW_END);
    out.pos = p;
    if (out.full) return r + 1;
  }
  return r;
}

/** The sheet part. Its body is ASCII only (texts live in the shared string table), so it is written as bytes. */
export async function sheetXml(
  sheet: PlainSheet,
  selected: boolean,
  tableRelIds: string[],
  strings: SharedStrings,
  out: PartWriter,
  tags: StyleTags = PLAIN_TAGS,
): Promise<void> {
  const { lastRow, lastCol } = plainExtent(sheet);
  out.text(
    `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
      `<dimension ref="${lastRow === 0 ? 'A1' : rangeRef(1, 1, lastRow, lastCol)}"/>` +
      `<sheetViews><sheetView workbookViewId="0"${selected ? ' tabSelected="1"' : ''}>${sheet.freeze ? paneXml(sheet.freeze) : ''}</sheetView></sheetViews>` +
      `<sheetFormatPr defaultRowHeight="15"/>${colsXml(sheet, tags)}<sheetData>`,
  );
  const columns: ColumnCells[] = [];
  sheet.columns.forEach((column, i) => {
    if (column) columns.push(new ColumnCells(column, i, sheet.columnStyles[i] ?? 0, strings, tags));
  });
  const rows = columns.reduce((m, c) => Math.max(m, c.values.length), 0);
  for (let r = 1; r <= rows; ) {
    r = writeRows(columns, r, rows, out, tags);
    if (out.full) await out.drain();
  }
  out.ascii(
    '</sheetData>' +
      (sheet.merges?.length ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${escapeAttr(m)}"/>`).join('')}</mergeCells>` : '') +
      heatMapsXml(sheet.heatMaps) +
      (tableRelIds.length > 0
        ? `<tableParts count="${tableRelIds.length}">${tableRelIds.map((id) => `<tablePart r:id="${id}"/>`).join('')}</tableParts>`
        : '') +
      '</worksheet>',
  );
}

/** Two-colour scales, white for the lowest value to blue for the highest (Excel's own "white - blue" scale). */
function heatMapsXml(ranges: readonly string[]): string {
  return ranges
    .map(
      (ref, i) =>
        `<conditionalFormatting sqref="${ref}"><cfRule type="colorScale" priority="${i + 1}"><colorScale>` +
        '<cfvo type="min"/><cfvo type="max"/><color rgb="FFFCFCFF"/><color rgb="FF5A8AC6"/></colorScale></cfRule></conditionalFormatting>',
    )
    .join('');
}

export function tableXml(t: PlainTable, id: number): string {
  const ref = rangeRef(t.row, t.col, t.lastRow, t.col + t.columns.length - 1);
  const name = escapeAttr(t.name);
  return (
    `${XML_HEAD}<table xmlns="${NS_MAIN}" id="${id}" name="${name}" displayName="${name}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${t.columns.length}">` +
    t.columns.map((c, i) => `<tableColumn id="${i + 1}" name="${escapeAttr(c)}"/>`).join('') +
    `</tableColumns><tableStyleInfo name="${escapeAttr(t.style)}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}

export function relsXml(rels: [id: string, type: string, target: string][]): string {
  return (
    `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    rels.map(([id, type, target]) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`).join('') +
    '</Relationships>'
  );
}

/** The workbook as .xlsx bytes. `deflater` defaults to fflate; Node passes its zlib (see zip-node.ts). */
export async function writePlainBook(book: PlainBook, deflater: Deflater = fflateDeflater(1)): Promise<Uint8Array> {
  if (!book.sheets.some((s) => s.state === 'visible')) throw new Error('工作簿至少需要一个可见的工作表 (no visible sheet)');
  const active = book.sheets.findIndex((s) => s.state === 'visible');
  const parts: ZipEntry[] = [];
  const small = async (name: string, xml: string) => parts.push(await writePart(deflater, name, (out) => out.text(xml)));
  const overrides: [part: string, type: string][] = [
    ['/xl/workbook.xml', `${CT}.spreadsheetml.sheet.main+xml`],
    ['/xl/styles.xml', `${CT}.spreadsheetml.styles+xml`],
    ['/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml'],
    ['/docProps/app.xml', `${CT}.extended-properties+xml`],
  ];

  const strings = new SharedStrings();
  let tableId = 0;
  for (const [i, sheet] of book.sheets.entries()) {
    const tableRels: [string, string, string][] = [];
    for (const t of sheet.tables) {
      tableId++;
      tableRels.push([`rId${tableRels.length + 1}`, `${REL}/table`, `../tables/table${tableId}.xml`]);
      overrides.push([`/xl/tables/table${tableId}.xml`, `${CT}.spreadsheetml.table+xml`]);
      await small(`xl/tables/table${tableId}.xml`, tableXml(t, tableId));
    }
    const name = `xl/worksheets/sheet${i + 1}.xml`;
    overrides.push([`/${name}`, `${CT}.spreadsheetml.worksheet+xml`]);
    parts.push(await writePart(deflater, name, (out) => sheetXml(sheet, i === active, tableRels.map((r) => r[0]), strings, out)));
    if (tableRels.length > 0) await small(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, relsXml(tableRels));
  }

  parts.push(await writePart(deflater, 'xl/sharedStrings.xml', (out) => sharedStringsXml(strings, out)));
  overrides.push(['/xl/sharedStrings.xml', `${CT}.spreadsheetml.sharedStrings+xml`]);

  const sheetsXml = book.sheets
    .map((s, i) => `<sheet name="${escapeAttr(s.name)}" sheetId="${i + 1}"${s.state === 'visible' ? '' : ` state="${s.state}"`} r:id="rId${i + 1}"/>`)
    .join('');
  await small(
    'xl/workbook.xml',
    `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><bookViews><workbookView activeTab="${active}"/></bookViews>` +
      `<sheets>${sheetsXml}</sheets></workbook>`,
  );
  await small(
    'xl/_rels/workbook.xml.rels',
    relsXml([
      ...book.sheets.map((_s, i): [string, string, string] => [`rId${i + 1}`, `${REL}/worksheet`, `worksheets/sheet${i + 1}.xml`]),
      [`rId${book.sheets.length + 1}`, `${REL}/styles`, 'styles.xml'],
      [`rId${book.sheets.length + 2}`, `${REL}/sharedStrings`, 'sharedStrings.xml'],
    ]),
  );
  await small('xl/styles.xml', stylesXml());
  await small(
    'docProps/core.xml',
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
      'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Kehu</dc:creator></cp:coreProperties>',
  );
  await small(
    'docProps/app.xml',
    `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Kehu</Application></Properties>`,
  );
  await small(
    '_rels/.rels',
    relsXml([
      ['rId1', `${REL}/officeDocument`, 'xl/workbook.xml'],
      ['rId2', 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', 'docProps/core.xml'],
      ['rId3', `${REL}/extended-properties`, 'docProps/app.xml'],
    ]),
  );
  await small(
    '[Content_Types].xml',
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      overrides.map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`).join('') +
      '</Types>',
  );
  // [Content_Types].xml first, as Office writes it; some readers look for it there.
  parts.unshift(parts.pop()!);
  return zipArchive(parts);
}
