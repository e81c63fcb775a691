/**
 * A small .xlsx reader for checking very large outputs: unzip (fflate), then the sheet XML scanned with regular
 * expressions. exceljs' full reader needs ~3 GB and a minute for 541,909 rows, and its streaming reader cannot
 * read cells without the optional `r` attribute, which our fast writer leaves out. Test use only; nothing shared
 * with src/host/file.
 */
import * as fs from 'fs';
import { unzipSync } from 'fflate';

export type PlainCell = string | number | boolean | { error: string } | null;

export interface PlainCellInfo {
  value: PlainCell;
  numFmt: string;
}

const BUILTIN_FORMATS: Record<number, string> = { 0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 14: 'mm-dd-yy', 49: '@' };

function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : +e.slice(1));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e.toLowerCase()];
  });
}

function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(attrs);
  return m ? decodeXml(m[1]) : undefined;
}

function textOf(xml: string): string {
  const runs = xml.replace(/<rPh[\s\S]*?<\/rPh>/g, ''); // phonetic guides are not part of the text
  let s = '';
  for (const m of runs.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)) s += decodeXml(m[1]);
  return s;
}

function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of /^[A-Z]+/.exec(ref)![0]) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

export class PlainXlsx {
  private readonly files: Record<string, Uint8Array>;
  private readonly strings: string[];
  private readonly formats: string[];
  readonly sheets: { name: string; path: string }[];

  constructor(file: string) {
    this.files = unzipSync(new Uint8Array(fs.readFileSync(file)));
    const text = (p: string) => (this.files[p] ? new TextDecoder().decode(this.files[p]) : '');
    this.strings = [...text('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => textOf(m[1]));
    const styles = text('xl/styles.xml');
    const custom = new Map<number, string>();
    for (const m of styles.matchAll(/<numFmt(\s[^>]*)\/?>/g)) custom.set(+attr(m[1], 'numFmtId')!, attr(m[1], 'formatCode')!);
    const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
    this.formats = [...xfs.matchAll(/<xf(\s[^>]*?)\/?>/g)].map((m) => {
      const id = +(attr(m[1], 'numFmtId') ?? 0);
      return custom.get(id) ?? BUILTIN_FORMATS[id] ?? `#${id}`;
    });
    const rels = new Map([...text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship(\s[^>]*)\/>/g)].map((m) => [attr(m[1], 'Id'), attr(m[1], 'Target')!]));
    this.sheets = [...text('xl/workbook.xml').matchAll(/<sheet(\s[^>]*)\/>/g)].map((m) => {
      const target = rels.get(attr(m[1], 'r:id'))!;
      return { name: attr(m[1], 'name')!, path: target.startsWith('/') ? target.slice(1) : `xl/${target}` };
    });
  }

  /** Calls `each(rowNumber, cells)` for every row of the sheet; cells[0] is column A. */
  eachRow(sheet: string, each: (row: number, cells: PlainCellInfo[]) => void): void {
    const entry = this.sheets.find((s) => s.name === sheet);
    if (!entry) throw new Error(`no sheet ${sheet}`);
    const xml = new TextDecoder().decode(this.files[entry.path]);
    const data = /<sheetData>([\s\S]*)<\/sheetData>/.exec(xml)?.[1] ?? '';
    let rowNumber = 0;
    for (const rm of data.matchAll(/<row(\s[^>]*?)?(?:\/>|>([\s\S]*?)<\/row>)/g)) {
      const r = attr(rm[1] ?? '', 'r');
      rowNumber = r ? +r : rowNumber + 1;
      const cells: PlainCellInfo[] = [];
      let col = -1;
      for (const cm of (rm[2] ?? '').matchAll(/<c(\s[^>]*?)?(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const attrs = cm[1] ?? '';
        const ref = attr(attrs, 'r');
        col = ref ? columnIndex(ref) : col + 1;
        const body = cm[2] ?? '';
        const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
        const t = attr(attrs, 't');
        let value: PlainCell = null;
        if (t === 'inlineStr') value = textOf(body);
        else if (v === undefined) value = null;
        else if (t === 's') value = this.strings[+v];
        else if (t === 'str') value = decodeXml(v);
        else if (t === 'b') value = v === '1';
        else if (t === 'e') value = { error: decodeXml(v) };
        else value = +v;
        while (cells.length < col) cells.push({ value: null, numFmt: 'General' });
        cells[col] = { value, numFmt: this.formats[+(attr(attrs, 's') ?? 0)] ?? 'General' };
      }
      each(rowNumber, cells);
    }
  }
}
