/**
 * Saves a workbook read from an .xlsx package (xlsx-package-read.ts) as .xlsx: every part the pipeline did not
 * change is copied as it was, still compressed, so the user's sheets keep everything in them (styles, formulas,
 * tables, pictures, comments, validation) and the cost does not grow with the size of untouched sheets.
 *
 * - A sheet with columns written to it gets a copy of its part with those columns' cells in place of the old
 *   ones; its other cells and everything outside its cell data are copied as they were.
 * - A new or replaced sheet is written by the plain writer (xlsx-fast-write.ts), its tables with it.
 * - A sheet deleted or replaced loses its part, its relationships and the tables, drawings, charts and
 *   comments only it used.
 * - styles.xml gets our cell formats appended (xlsx-styles.ts appendPlainStyles) and the shared string table
 *   our strings appended: original cells keep their indices.
 * - workbook.xml gets its `<sheets>` list rewritten; defined names and the active tab follow the sheets.
 */
import { PlainSheet, SheetSource, cellStyle, plainExtent } from './xlsx-plain';
import { PackageBook, attrOf } from './xlsx-package-read';
import {
  REL_TYPE,
  addContentTypeOverride,
  addRelationship,
  readRelationships,
  readText,
  relsPathOf,
  resolveTarget,
  writeText,
} from './chart-package';
import { ZipPackage } from './chart-zip';
import { SharedStrings, StyleTags, cellTail, relsXml, sharedStringItems, sheetXml, styleTags, tableXml, writePart } from './xlsx-fast-write';
import { appendPlainStyles, stylesXml } from './xlsx-styles';
import { cellRef, columnLetters, escapeAttr, rangeRef } from './xlsx-xml';
import { columnIndex } from './chart-a1';
import { Deflater, ZipEntry } from './zip';
import { PartWriter } from './xlsx-part-writer';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument';

/** Relationship types of parts that belong to one sheet and go with it when it is removed. */
const OWNED_PARTS = ['/table', '/drawing', '/chart', '/comments', '/vmlDrawing', '/threadedComment'].map((t) => REL + t);

function freePath(pkg: ZipPackage, prefix: string, ext = '.xml'): string {
  const taken = new Set(pkg.names().map((n) => n.toLowerCase()));
  let n = 1;
  while (taken.has(`${prefix}${n}${ext}`.toLowerCase())) n++;
  return `${prefix}${n}${ext}`;
}

function removeOverride(pkg: ZipPackage, part: string): void {
  const path = '[Content_Types].xml';
  const text = readText(pkg, path);
  if (!text) return;
  const name = `/${part}`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  writeText(pkg, path, text.replace(new RegExp(`<(?:\\w+:)?Override\\b[^>]*PartName\\s*=\\s*"${name}"[^>]*/>`, 'i'), ''));
}

/** Removes a part, its relationships and what only it used (tables, drawings and their charts, comments). */
function removePart(pkg: ZipPackage, part: string): void {
  for (const rel of readRelationships(pkg, part)) {
    if (!rel.external && OWNED_PARTS.includes(rel.type)) removePart(pkg, resolveTarget(part, rel.target));
  }
  pkg.remove(part);
  pkg.remove(relsPathOf(part));
  removeOverride(pkg, part);
}

function removeRelationship(pkg: ZipPackage, part: string, id: string): void {
  const path = relsPathOf(part);
  const text = readText(pkg, path);
  if (!text) return;
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  writeText(pkg, path, text.replace(new RegExp(`<(?:\\w+:)?Relationship\\b[^>]*\\bId\\s*=\\s*"${escaped}"[^>]*/>`), ''));
}

/** The highest `id` of the package's Excel tables: each new table needs one of its own. */
function maxTableId(pkg: ZipPackage): number {
  let max = 0;
  for (const name of pkg.names()) {
    if (!/^xl\/tables\/[^/]+\.xml$/i.test(name)) continue;
    const id = Number(attrOf(/<(?:\w+:)?table\b([^>]*)>/.exec(readText(pkg, name) ?? '')?.[1] ?? '', 'id'));
    if (Number.isFinite(id)) max = Math.max(max, id);
  }
  return max;
}

interface WrittenCells {
  columns: number[];
  /** The same columns as a set: asked once per original cell. */
  isWritten: ReadonlySet<number>;
  /** The last row any of them holds a value in. */
  lastRow: number;
}

function writtenCells(sheet: PlainSheet, source: SheetSource): WrittenCells {
  const columns = [...source.written].sort((a, b) => a - b);
  const lastRow = columns.reduce((m, c) => Math.max(m, sheet.columns[c - 1]?.values.length ?? 0), 0);
  return { columns, isWritten: new Set(columns), lastRow };
}

/** The written cells of `row`, in column order, as XML (ASCII: strings go to the shared string table). */
function writtenRowXml(sheet: PlainSheet, w: WrittenCells, row: number, strings: SharedStrings, tags: StyleTags): [col: number, xml: string][] {
  const out: [number, string][] = [];
  for (const col of w.columns) {
    const v = sheet.columns[col - 1]?.values[row - 1];
    if (v === null || v === undefined) continue;
    const xf = tags.xf(cellStyle(sheet, row, col));
    out.push([col, `<c r="${columnLetters(col)}${row}"${xf ? ` s="${xf}"` : ''}${cellTail(v, strings)}`]);
  }
  return out;
}

const isTagEnd = (ch: number) => ch === 32 || ch === 62 || ch === 47 || ch === 9 || ch === 10 || ch === 13;

/**
 * A row's original cells merged with the written ones: an original cell in a written column gives way, and
 * each kept cell gets its `r` (cells may leave it out, and their place would shift). `spans` is dropped, as the
 * row may now reach further.
 */
function mergedRowXml(rowTag: string, cellsXml: string, row: number, written: [number, string][], w: WrittenCells, p: string): string {
  const cellOpen = `<${p}c`;
  const cellClose = `</${p}c>`;
  let out = rowTag.replace(/\sspans\s*=\s*("[^"]*"|'[^']*')/, '');
  let k = 0;
  let nextCol = 1;
  let at = 0;
  for (let c = cellsXml.indexOf(cellOpen); c >= 0; ) {
    if (!isTagEnd(cellsXml.charCodeAt(c + cellOpen.length))) {
      c = cellsXml.indexOf(cellOpen, c + 1);
      continue;
    }
    const tagEnd = cellsXml.indexOf('>', c);
    const tag = cellsXml.slice(c + cellOpen.length, tagEnd);
    const end = cellsXml[tagEnd - 1] === '/' ? tagEnd + 1 : cellsXml.indexOf(cellClose, tagEnd) + cellClose.length;
    const ref = attrOf(tag, 'r');
    const col = ref !== undefined ? columnIndex(/^[A-Za-z]+/.exec(ref)?.[0] ?? 'A') + 1 : nextCol;
    nextCol = col + 1;
    out += cellsXml.slice(at, c); // whatever lies between cells (whitespace, extensions)
    while (k < written.length && written[k][0] < col) out += written[k++][1];
    if (!w.isWritten.has(col)) {
      out += ref !== undefined ? cellsXml.slice(c, end) : `${cellOpen} r="${cellRef(row, col)}"${cellsXml.slice(c + cellOpen.length, end)}`;
    }
    at = end;
    c = cellsXml.indexOf(cellOpen, end);
  }
  out += cellsXml.slice(at);
  while (k < written.length) out += written[k++][1];
  return `${out}</${p}row>`;
}

/** A copy of an original worksheet part with its written columns' cells put in. */
async function patchWorksheet(xml: string, sheet: PlainSheet, strings: SharedStrings, tags: StyleTags, out: PartWriter): Promise<void> {
  const w = writtenCells(sheet, sheet.source!);
  const p = /<(\w+:)?sheetData\b/.exec(xml)?.[1] ?? '';
  const rowOpen = `<${p}row`;
  const rowClose = `</${p}row>`;
  const dataOpen = xml.indexOf(`<${p}sheetData`);
  if (dataOpen < 0) throw new Error(`工作表“${sheet.name}”没有单元格数据部分 (worksheet without sheetData)`);
  let dataTagEnd = xml.indexOf('>', dataOpen);
  if (xml[dataTagEnd - 1] === '/') {
    xml = `${xml.slice(0, dataTagEnd - 1)}></${p}sheetData>${xml.slice(dataTagEnd + 1)}`;
    dataTagEnd--;
  }
  const dataEnd = xml.indexOf(`</${p}sheetData>`, dataTagEnd);
  const { firstRow, lastRow, lastCol } = plainExtent(sheet);
  const dimension = lastRow === 0 ? 'A1' : rangeRef(firstRow, 1, lastRow, lastCol);
  out.text(xml.slice(0, dataTagEnd + 1).replace(new RegExp(`(<${p}dimension\\b[^>]*\\bref\\s*=\\s*)("[^"]*"|'[^']*')`), `$1"${dimension}"`));

  let done = 0; // rows up to here are written
  const newRows = (until: number) => {
    let text = '';
    for (let r = done + 1; r < until && r <= w.lastRow; r++) {
      const cells = writtenRowXml(sheet, w, r, strings, tags);
      if (cells.length > 0) text += `<${p}row r="${r}">${cells.map((c) => c[1]).join('')}</${p}row>`;
    }
    return text;
  };
  let nextRow = 1;
  let at = dataTagEnd + 1;
  let pending = '';
  const flush = async () => {
    out.text(pending);
    pending = '';
    if (out.full) await out.drain();
  };
  for (let r0 = xml.indexOf(rowOpen, at); r0 >= 0 && r0 < dataEnd; r0 = xml.indexOf(rowOpen, at)) {
    if (!isTagEnd(xml.charCodeAt(r0 + rowOpen.length))) {
      pending += xml.slice(at, r0 + 1);
      at = r0 + 1;
      continue;
    }
    const tagEnd = xml.indexOf('>', r0);
    const tag = xml.slice(r0, tagEnd + 1);
    const rAttr = attrOf(tag, 'r');
    const row = rAttr !== undefined ? Number(rAttr) : nextRow;
    nextRow = row + 1;
    const selfClosed = xml[tagEnd - 1] === '/';
    const end = selfClosed ? tagEnd + 1 : xml.indexOf(rowClose, tagEnd) + rowClose.length;
    pending += xml.slice(at, r0) + newRows(row);
    done = Math.max(done, row);
    const written = row <= w.lastRow ? writtenRowXml(sheet, w, row, strings, tags) : [];
    const openTag = rAttr === undefined ? tag.replace(rowOpen, `${rowOpen} r="${row}"`) : tag;
    // Every row is merged, even one with nothing written: a written column's old cells must go (a re-run that
    // clears a cell of its own column leaves no value there, and the old one would come back).
    if (selfClosed) pending += mergedRowXml(openTag.replace(/\s*\/>$/, '>'), '', row, written, w, p);
    else pending += mergedRowXml(openTag, xml.slice(tagEnd + 1, end - rowClose.length), row, written, w, p);
    at = end;
    if (pending.length > 1 << 18) await flush();
  }
  pending += xml.slice(at, dataEnd) + newRows(w.lastRow + 1);
  await flush();
  out.text(xml.slice(dataEnd));
}

/** The shared string table with `strings` appended after the package's own items. */
function sharedStringsPart(original: string | undefined, strings: SharedStrings, out: PartWriter, total: number): void {
  if (original === undefined) {
    out.text(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uniqueCount="${total}">`);
    sharedStringItems(strings, out);
    out.ascii('</sst>');
    return;
  }
  const close = /<\/(\w+:)?sst>\s*$/.exec(original);
  const open = /<(\w+:)?sst\b[^>]*?(\/?)>/.exec(original);
  if (!open) throw new Error('共享字符串表损坏 (shared strings part without <sst>)');
  // `count` (how many cells use the table) is optional and would now be wrong: it goes; uniqueCount is set.
  const head = open[0].replace(/\s(?:count|uniqueCount)\s*=\s*("[^"]*"|'[^']*')/g, '').replace(/\s*\/?>$/, ` uniqueCount="${total}">`);
  const p = open[1] ?? '';
  const items = open[2] === '/' ? '' : original.slice(open.index + open[0].length, close ? close.index : original.length);
  out.text(original.slice(0, open.index) + head + items);
  if (p) {
    let xml = '';
    for (const t of strings.texts) xml += `<${p}si><${p}t xml:space="preserve">${escapeAttr(t)}</${p}t></${p}si>`;
    out.text(xml);
  } else sharedStringItems(strings, out);
  out.text(`</${p}sst>`);
}

/** The `<sheets>` list and what refers to sheets by position: defined names, the active and first tab. */
function workbookXml(xml: string, elements: string[], oldIndex: (number | undefined)[]): string {
  const newIndex = new Map<number, number>();
  oldIndex.forEach((old, i) => old !== undefined && newIndex.set(old, i));
  let out = xml.replace(/(<(\w+:)?sheets\b[^>]*>)[\s\S]*?(<\/(\w+:)?sheets>)/, (_m, open: string, _p, close: string) => open + elements.join('') + close);
  out = out.replace(/<(\w+:)?definedName\b([^>]*)>[\s\S]*?<\/(\w+:)?definedName>/g, (m, _p, attrs: string) => {
    const local = attrOf(attrs, 'localSheetId');
    if (local === undefined) return m;
    const moved = newIndex.get(Number(local));
    return moved === undefined ? '' : m.replace(/localSheetId\s*=\s*("[^"]*"|'[^']*')/, `localSheetId="${moved}"`);
  });
  out = out.replace(/<(\w+:)?definedNames\b[^>]*>\s*<\/(\w+:)?definedNames>/, '');
  return out.replace(/<(\w+:)?workbookView\b[^>]*>/g, (tag: string) =>
    tag.replace(/\s(activeTab|firstSheet)\s*=\s*("([^"]*)"|'([^']*)')/g, (_m, name: string, _q, a?: string, b?: string) => {
      const moved = newIndex.get(Number(a ?? b));
      return moved === undefined ? '' : ` ${name}="${moved}"`;
    }),
  );
}

/** The prefix workbook.xml binds to the relationships namespace, declared on its root when it has none. */
function relPrefix(xml: string): { xml: string; prefix: string } {
  const m = new RegExp(`xmlns:(\\w+)\\s*=\\s*"${REL}"`).exec(xml);
  if (m) return { xml, prefix: m[1] };
  return { xml: xml.replace(/<((?:\w+:)?workbook)\b/, `<$1 xmlns:r="${REL}"`), prefix: 'r' };
}

/** The package's styles with ours added, and how our style codes map to its cell formats. */
function prepareStyles(pkg: ZipPackage, workbookPath: string): StyleTags {
  const rel = readRelationships(pkg, workbookPath).find((r) => r.type === `${REL}/styles` && !r.external);
  const path = rel ? resolveTarget(workbookPath, rel.target) : undefined;
  const xml = path ? readText(pkg, path) : undefined;
  if (path && xml !== undefined) {
    const appended = appendPlainStyles(xml);
    if (!appended) return styleTags(() => 0); // a styles part this cannot extend: values kept, formats not
    writeText(pkg, path, appended.xml);
    return styleTags(appended.xf);
  }
  const fresh = freePath(pkg, 'xl/styles', '.xml').replace(/styles1\.xml$/, 'styles.xml');
  writeText(pkg, fresh, stylesXml());
  if (!rel) addRelationship(pkg, workbookPath, `${REL}/styles`, fresh);
  addContentTypeOverride(pkg, fresh, `${CT}.spreadsheetml.styles+xml`);
  return styleTags((code) => code);
}

/**
 * The workbook as .xlsx bytes. `sheets` is the workbook's sheet list now, in order: sheets read from the package
 * (with their SheetSource), and new ones. The package itself is not changed, so this can run again after more
 * writes.
 */
export async function writePackageBook(book: PackageBook, sheets: readonly PlainSheet[], deflater: Deflater): Promise<Uint8Array> {
  if (!sheets.some((s) => s.state === 'visible')) throw new Error('工作簿至少需要一个可见的工作表 (no visible sheet)');
  const pkg = book.pkg.clone();
  const { workbookPath } = book;
  const tags = prepareStyles(pkg, workbookPath);
  const strings = new SharedStrings(book.sharedStringCount);
  const fresh: ZipEntry[] = [];
  const kept = new Set(sheets.map((s) => s.source).filter((s): s is SheetSource => s !== undefined));

  const wbRels = readRelationships(pkg, workbookPath);
  const removed = book.sheets.filter((old) => !kept.has(old.source!));
  if (removed.length > 0) {
    // The calculation chain lists formula cells by sheet; with a sheet gone Excel would call the file damaged.
    // Without the part, Excel rebuilds the chain when it opens the file.
    for (const rel of wbRels.filter((r) => r.type === `${REL}/calcChain` && !r.external)) {
      removeRelationship(pkg, workbookPath, rel.id);
      removePart(pkg, resolveTarget(workbookPath, rel.target));
    }
  }
  for (const old of removed) {
    const source = old.source!;
    const relId = /(?:^|\s)(?:\w+:)?id\s*=\s*"([^"]*)"/.exec(source.element)?.[1];
    if (relId) removeRelationship(pkg, workbookPath, relId);
    if (source.part && !wbRels.some((r) => r.id !== relId && resolveTarget(workbookPath, r.target) === source.part)) removePart(pkg, source.part);
  }

  const wb = relPrefix(readText(pkg, workbookPath) ?? '');
  let sheetId = 0;
  for (const m of wb.xml.matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)) sheetId = Math.max(sheetId, Number(attrOf(m[1], 'sheetId')) || 0);
  let tableId = maxTableId(pkg);
  const elements: string[] = [];
  for (const sheet of sheets) {
    const source = sheet.source;
    if (source) {
      elements.push(source.element);
      if (source.worksheet && source.written.size > 0) {
        const xml = readText(pkg, source.part)!;
        fresh.push(await writePart(deflater, source.part, (out) => patchWorksheet(xml, sheet, strings, tags, out)));
      }
      continue;
    }
    const part = freePath(pkg, 'xl/worksheets/sheet');
    pkg.write(part, new Uint8Array(0)); // holds the name until the part is written
    const tableRels: [string, string, string][] = [];
    for (const t of sheet.tables) {
      const tablePath = freePath(pkg, 'xl/tables/table');
      writeText(pkg, tablePath, tableXml(t, ++tableId));
      addContentTypeOverride(pkg, tablePath, `${CT}.spreadsheetml.table+xml`);
      tableRels.push([`rId${tableRels.length + 1}`, `${REL}/table`, `../tables/${tablePath.slice('xl/tables/'.length)}`]);
    }
    if (tableRels.length > 0) writeText(pkg, relsPathOf(part), relsXml(tableRels));
    addContentTypeOverride(pkg, part, `${CT}.spreadsheetml.worksheet+xml`);
    const relId = addRelationship(pkg, workbookPath, REL_TYPE.worksheet, part);
    const state = sheet.state === 'visible' ? '' : ` state="${sheet.state}"`;
    elements.push(`<sheet name="${escapeAttr(sheet.name)}" sheetId="${++sheetId}"${state} ${wb.prefix}:id="${relId}"/>`);
    fresh.push(await writePart(deflater, part, (out) => sheetXml(sheet, false, tableRels.map((r) => r[0]), strings, out, tags)));
  }
  const oldIndex = sheets.map((s) => (s.source ? book.sheets.findIndex((o) => o.source === s.source) : undefined));
  writeText(pkg, workbookPath, workbookXml(wb.xml, elements, oldIndex));

  if (strings.texts.length > 0) {
    const rel = readRelationships(pkg, workbookPath).find((r) => r.type === `${REL}/sharedStrings` && !r.external);
    const path = rel ? resolveTarget(workbookPath, rel.target) : 'xl/sharedStrings.xml';
    const original = rel ? readText(pkg, path) : undefined;
    if (!rel) {
      addRelationship(pkg, workbookPath, `${REL}/sharedStrings`, path);
      addContentTypeOverride(pkg, path, `${CT}.spreadsheetml.sharedStrings+xml`);
    }
    const total = book.sharedStringCount + strings.texts.length;
    fresh.push(await writePart(deflater, path, (out) => sharedStringsPart(original, strings, out, total)));
  }
  return pkg.archive(fresh, deflater);
}
