/**
 * Writes a PlainBook (xlsx-plain.ts) as .xlsx: SpreadsheetML by hand, sheet XML streamed in chunks into the
 * deflater. exceljs builds an object per cell and needs minutes and gigabytes for a 500,000-row sheet; this
 * needs seconds and little more than the compressed output. Cells are values only, never formulas.
 */
import { CellValue, cellToText, isCellError } from '../../core/cell';
import { PlainBook, PlainSheet, PlainTable, plainExtent } from './xlsx-plain';
import { stylesXml } from './xlsx-styles';
import { NS_MAIN, NS_REL, XML_HEAD, cellRef, columnLetters, dateSerial, escapeAttr, escapeXml, rangeRef } from './xlsx-xml';
import { PartWriter } from './xlsx-part-writer';
import { Deflater, ZipEntry, fflateDeflater, zipArchive } from './zip';

const DEFAULT_COLUMN_WIDTH = 9.140625;

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument';

/** Rows whose shared-string indexes are looked up together, column by column. */
const BLOCK_ROWS = 1 << 16;

/** `<c s="n"` for each style code (style 0 is the default and left out), and the same opening a shared string. */
const CELL_START = Array.from({ length: 256 }, (_, i) => (i === 0 ? '<c' : `<c s="${i}"`));
const TEXT_CELL_START = CELL_START.map((start) => `${start} t="s"><v>`);

async function writePart(deflater: Deflater, name: string, produce: (out: PartWriter) => Promise<void> | void): Promise<ZipEntry> {
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
class SharedStrings {
  private readonly index = new Map<string, number>();
  readonly texts: string[] = [];

  of(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.texts.length;
      this.index.set(s, i);
      this.texts.push(s);
    }
    return i;
  }
}

/** A non-blank cell's end after `<c` and its attributes: its type, value and end tag. */
function cellTail(v: CellValue, strings: SharedStrings): string {
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

function sharedStringsXml(strings: SharedStrings, out: PartWriter): void {
  out.ascii(`${XML_HEAD}<sst xmlns="${NS_MAIN}" uniqueCount="${strings.texts.length}">`);
  for (const s of strings.texts) out.text(`<si>${textXml(s)}</si>`);
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

function colsXml(sheet: PlainSheet): string {
  const n = Math.max(sheet.widths.length, sheet.columnStyles.length);
  let xml = '';
  for (let c = 1; c <= n; c++) {
    const width = sheet.widths[c - 1];
    const style = sheet.columnStyles[c - 1];
    if (width === undefined && !style) continue;
    xml +=
      `<col min="${c}" max="${c}" width="${width ?? DEFAULT_COLUMN_WIDTH}"` +
      `${width !== undefined ? ' customWidth="1"' : ''}${style ? ` style="${style}"` : ''}/>`;
  }
  return xml === '' ? '' : `<cols>${xml}</cols>`;
}

/** The sheet part. Its body is ASCII only (texts live in the shared string table), so it is written byte by byte. */
async function sheetXml(sheet: PlainSheet, selected: boolean, tableRelIds: string[], strings: SharedStrings, out: PartWriter): Promise<void> {
  const { lastRow, lastCol } = plainExtent(sheet);
  out.text(
    `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
      `<dimension ref="${lastRow === 0 ? 'A1' : rangeRef(1, 1, lastRow, lastCol)}"/>` +
      `<sheetViews><sheetView workbookViewId="0"${selected ? ' tabSelected="1"' : ''}>${sheet.freeze ? paneXml(sheet.freeze) : ''}</sheetView></sheetViews>` +
      `<sheetFormatPr defaultRowHeight="15"/>${colsXml(sheet)}<sheetData>`,
  );
  const columns = sheet.columns;
  const letters = columns.map((_c, i) => columnLetters(i + 1));
  const blankStyle = columns.map((_c, i) => sheet.columnStyles[i] ?? 0);
  const rows = columns.reduce((m, c) => Math.max(m, c ? c.values.length : 0), 0);
  const stringIndex = columns.map(() => new Int32Array(Math.min(rows, BLOCK_ROWS)));
  const lastValue: CellValue[] = columns.map(() => undefined);
  const lastTail: string[] = columns.map(() => '');
  for (let start = 0; start < rows; start += BLOCK_ROWS) {
    const end = Math.min(rows, start + BLOCK_ROWS);
    // Shared-string indexes first, one column at a time: the lookups are most of the cost, and a column's few
    // distinct texts stay in cache while its rows are looked up; a run of one text (an order's lines, a
    // country) is looked up once.
    columns.forEach((column, c) => {
      if (!column) return;
      const index = stringIndex[c];
      let last: string | undefined;
      let lastIndex = -1;
      for (let r = start; r < end; r++) {
        const v = column.values[r];
        if (typeof v !== 'string') index[r - start] = -1;
        else {
          if (v !== last) {
            last = v;
            lastIndex = strings.of(v);
          }
          index[r - start] = lastIndex;
        }
      }
    });
    for (let r = start + 1; r <= end; r++) {
      let next = -1; // the column a cell without `r` lands in: `r` is optional, so it is written after a gap only
      for (let c = 0; c < columns.length; c++) {
        const column = columns[c];
        if (!column) continue;
        const v = column.values[r - 1];
        const styles = column.styles;
        const style = typeof styles === 'number' ? styles : (styles[r - 1] ?? blankStyle[c]);
        const blank = v === null || v === undefined;
        if (blank && style === blankStyle[c]) continue;
        if (next < 0) {
          out.ascii('<row r="');
          out.uint(r);
          out.ascii('">');
        }
        const text = typeof v === 'string';
        if (c === next) out.ascii(text ? TEXT_CELL_START[style] : CELL_START[style]);
        else {
          out.ascii('<c r="');
          out.ascii(letters[c]);
          out.uint(r);
          out.ascii(text ? `"${TEXT_CELL_START[style].slice(2)}` : `"${CELL_START[style].slice(2)}`);
        }
        next = c + 1;
        if (text) {
          out.uint(stringIndex[c][r - 1 - start]);
          out.ascii('</v></c>');
        } else if (blank) out.ascii('/>');
        else {
          // Numbers, dates and the rest: a run of one value down a column reuses the previous cell's ending.
          if (v !== lastValue[c]) {
            lastValue[c] = v;
            lastTail[c] = cellTail(v, strings);
          }
          out.ascii(lastTail[c]);
        }
      }
      if (next >= 0) {
        out.ascii('</row>');
        if (out.full) await out.drain();
      }
    }
  }
  out.ascii(
    '</sheetData>' +
      (tableRelIds.length > 0
        ? `<tableParts count="${tableRelIds.length}">${tableRelIds.map((id) => `<tablePart r:id="${id}"/>`).join('')}</tableParts>`
        : '') +
      '</worksheet>',
  );
}

function tableXml(t: PlainTable, id: number): string {
  const ref = rangeRef(t.row, t.col, t.lastRow, t.col + t.columns.length - 1);
  const name = escapeAttr(t.name);
  return (
    `${XML_HEAD}<table xmlns="${NS_MAIN}" id="${id}" name="${name}" displayName="${name}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${t.columns.length}">` +
    t.columns.map((c, i) => `<tableColumn id="${i + 1}" name="${escapeAttr(c)}"/>`).join('') +
    `</tableColumns><tableStyleInfo name="${escapeAttr(t.style)}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}

function relsXml(rels: [id: string, type: string, target: string][]): string {
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
