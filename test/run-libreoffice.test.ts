/**
 * Acceptance (issue 8): `kehu run assets/sample-crm.xlsx -o out.xlsx` (the built CLI, as a user runs it) writes
 * the sheets 数据质量报告 and 客户分层 and at least five native charts.
 * - The chart parts are read back from the package: each is a chart of a real type whose series caches hold the
 *   numbers of the cells they name, and each is reachable from a report sheet (workbook → sheet → drawing → chart).
 * - LibreOffice converts the workbook to PDF and pdftoppm renders the pages: the charts put the series colours
 *   their parts specify on the page, each chart alone and all together, while the same pages without the charts
 *   carry no colour at all (so every coloured pixel is a chart's).
 * Needs `libreoffice` and `pdftoppm` (packages libreoffice-calc, poppler-utils): skipped without them, except
 * under CI where they must be present.
 */
import * as fs from 'fs';
import * as path from 'path';
import { XMLParser } from 'fast-xml-parser';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { COMPILED_MAIN, REPO_ROOT, itWhen, runCliProcess, tempDir } from './helpers/cli';
import { LIBREOFFICE } from './helpers/xlsx';
import { PageStats, convertToPdf, isChromatic, missingCommands, pageStats, renderPages } from './helpers/pdf-pages';

const SAMPLE_CRM = path.join(REPO_ROOT, 'assets', 'sample-crm.xlsx');
const REQUIRED_SHEETS = ['数据质量报告', '客户分层'];
/** Every sheet `kehu run` adds (see run-cli.test.ts); a chart must sit on one of them, never on the user's data. */
const REPORT_SHEETS = ['数据质量报告', '重复客户', '客户标签', '客户分层', '同期群留存', '销售漏斗', '报告'];

const cliReady = fs.existsSync(SAMPLE_CRM) && fs.existsSync(COMPILED_MAIN);
const cliWhy = fs.existsSync(SAMPLE_CRM)
  ? `${COMPILED_MAIN} is absent (npx tsc -p tsconfig.node.json builds it; npm test does)`
  : `${SAMPLE_CRM} is absent (npm run sample makes it)`;
const toolsMissing = [...(LIBREOFFICE ? [] : ['libreoffice']), ...missingCommands(['pdftoppm'])];
const needCli = () => itWhen(cliReady, cliWhy);
const needLo = () =>
  itWhen(
    cliReady && toolsMissing.length === 0,
    cliReady ? `${toolsMissing.join(', ')} not installed (apt-get install libreoffice-calc poppler-utils)` : cliWhy,
  );

// ---- reading the package: parts, relationships, sheets, charts ------------------------------------------------

type Files = Record<string, Uint8Array>;

const CHART_TYPES = ['pieChart', 'doughnutChart', 'barChart', 'lineChart'] as const;
const ARRAYS = new Set<string>(['Relationship', 'sheet', 'row', 'c', 'ser', 'pt', ...CHART_TYPES]);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false, // numbers are checked as the text the part holds
  isArray: (name) => ARRAYS.has(name),
});
// Plain XML objects from fast-xml-parser; the shape is what the assertions check.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Xml = any;

function text(files: Files, part: string): string {
  const bytes = files[part];
  if (!bytes) throw new Error(`the package has no part ${part}`);
  return strFromU8(bytes);
}

const relsPath = (part: string) => part.replace(/([^/]*)$/, '_rels/$1.rels');

/** A relationship target resolved against the folder of its source part (`../drawings/d1.xml` → xl/drawings/d1.xml). */
function resolve(source: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  return path.posix.normalize(path.posix.join(path.posix.dirname(source), target));
}

interface Rel {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

function relsOf(files: Files, part: string): Rel[] {
  if (!files[relsPath(part)]) return [];
  const rels: Xml[] = parser.parse(text(files, relsPath(part))).Relationships.Relationship ?? [];
  return rels.map((r) => ({
    id: r['@Id'],
    type: String(r['@Type']).replace(/^.*\//, ''),
    target: r['@TargetMode'] === 'External' ? r['@Target'] : resolve(part, r['@Target']),
    external: r['@TargetMode'] === 'External',
  }));
}

function workbookPart(files: Files): string {
  return relsOf(files, '').find((r) => r.type === 'officeDocument')!.target;
}

interface SheetRef {
  name: string;
  relId: string;
  part: string;
}

function sheetsOf(files: Files): SheetRef[] {
  const book = workbookPart(files);
  const rels = relsOf(files, book);
  const sheets: Xml[] = parser.parse(text(files, book)).workbook.sheets.sheet;
  return sheets.map((s) => {
    const relId = s['@id'];
    return { name: String(s['@name']), relId, part: rels.find((r) => r.id === relId)!.target };
  });
}

/** The relationship ids of the chart frames in a drawing, in the order they are drawn. */
function chartFrameIds(drawingXml: string): string[] {
  return [...drawingXml.matchAll(/<(?:\w+:)?chart\s[^>]*?\b\w+:id="([^"]+)"/g)].map((m) => m[1]);
}

interface Placement {
  chart: string;
  drawing: string;
  sheet: string;
}

/** Every chart a sheet shows: sheet → its <drawing r:id> → the drawing's chart frames → chart parts. */
function chartPlacements(files: Files): Placement[] {
  const out: Placement[] = [];
  for (const sheet of sheetsOf(files)) {
    const rels = relsOf(files, sheet.part);
    for (const m of text(files, sheet.part).matchAll(/<(?:\w+:)?drawing\s[^>]*?\b\w+:id="([^"]+)"/g)) {
      const drawing = rels.find((r) => r.id === m[1] && r.type === 'drawing')!.target;
      const drawingRels = relsOf(files, drawing);
      for (const id of chartFrameIds(text(files, drawing))) {
        const rel = drawingRels.find((r) => r.id === id && r.type === 'chart');
        if (rel) out.push({ chart: rel.target, drawing, sheet: sheet.name });
      }
    }
  }
  return out;
}

interface Series {
  ref: string;
  ptCount: number;
  points: { idx: number; v: string }[];
  categoryCount: number;
}

interface ChartPart {
  part: string;
  title: string;
  types: string[];
  series: Series[];
  /** The fill and line colours the series specify (srgbClr), without duplicates. */
  colours: string[];
}

function readChart(files: Files, part: string): ChartPart {
  const xml = text(files, part);
  const root = parser.parse(xml).chartSpace;
  if (!root) throw new Error(`${part} is not a c:chartSpace`);
  const plot = root.chart.plotArea;
  const types = CHART_TYPES.filter((t) => plot[t]);
  const series: Series[] = types.flatMap((t) =>
    plot[t].flatMap((group: Xml) =>
      (group.ser ?? []).map((s: Xml) => {
        const cache = s.val?.numRef?.numCache;
        const cat = s.cat?.strRef?.strCache ?? s.cat?.numRef?.numCache;
        return {
          ref: String(s.val?.numRef?.f ?? ''),
          ptCount: Number(cache?.ptCount?.['@val']),
          points: (cache?.pt ?? []).map((p: Xml) => ({ idx: Number(p['@idx']), v: String(p.v) })),
          categoryCount: Number(cat?.ptCount?.['@val']),
        };
      }),
    ),
  );
  const colours = new Set<string>();
  for (const ser of xml.match(/<c:ser>[\s\S]*?<\/c:ser>/g) ?? []) {
    for (const m of ser.matchAll(/<a:srgbClr val="([0-9A-Fa-f]{6})"/g)) colours.add(m[1].toUpperCase());
  }
  const titleXml = xml.match(/<c:title>[\s\S]*?<\/c:title>/)?.[0] ?? '';
  const title = [...titleXml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join('');
  return { part, title, types, series, colours: [...colours] };
}

const columnNumber = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
const columnLetters = (n: number): string =>
  (n > 26 ? columnLetters(Math.floor((n - 1) / 26)) : '') + String.fromCharCode(65 + ((n - 1) % 26));

/** `'报告'!$B$5:$B$12` → the sheet and the cell addresses of the range, row by row. */
function rangeCells(ref: string): { sheet: string; cells: string[] } {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(ref);
  if (!m) throw new Error(`not a cell range: ${ref}`);
  const [c1, r1, c2, r2] = [columnNumber(m[3]), Number(m[4]), columnNumber(m[5] ?? m[3]), Number(m[6] ?? m[4])];
  const cells: string[] = [];
  for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) cells.push(`${columnLetters(c)}${r}`);
  return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], cells };
}

/**
 * The numeric cells of a sheet part (no type or t="n"), by address, as the text the part holds. A cell or row
 * without its `r` attribute is the one after the previous (the schema makes `r` optional, and writers omit it).
 */
function numericCells(files: Files, sheetPart: string): Map<string, string> {
  const rows: Xml[] = parser.parse(text(files, sheetPart)).worksheet.sheetData?.row ?? [];
  const out = new Map<string, string>();
  let rowNumber = 0;
  for (const row of rows) {
    rowNumber = row['@r'] !== undefined ? Number(row['@r']) : rowNumber + 1;
    let column = 0;
    for (const c of row.c ?? []) {
      column = c['@r'] !== undefined ? columnNumber(/^[A-Z]+/.exec(c['@r'])![0]) : column + 1;
      if ((c['@t'] ?? 'n') === 'n' && c.v !== undefined) out.set(`${columnLetters(column)}${rowNumber}`, String(c.v));
    }
  }
  return out;
}

// ---- a copy for LibreOffice --------------------------------------------------------------------------------------

/**
 * A copy of the package holding only the sheets named in `keep`: the other sheets, their relationships, the parts
 * only they point to (tables) and their content types are removed. The full output prints as ~2,800 pages and
 * takes LibreOffice 100 s or more of CPU here, nearly all of it the input's own data sheets and the per-customer
 * tag table; the sheets kept (the report sheets this test is about and every sheet a chart is on or reads from)
 * stay as the CLI wrote them but for their conditional formats (the weekday × hour heat map), whose colours
 * would be taken for a chart's. Defined names (print areas) are dropped: they would point at removed sheets or at
 * shifted sheet indexes, and they only change pagination, which nothing here depends on.
 */
function withOnlySheets(files: Files, keep: Set<string>): Files {
  const out: Files = { ...files };
  const book = workbookPart(files);
  const bookRels = relsPath(book);
  let bookXml = text(files, book)
    .replace(/<definedNames>[\s\S]*?<\/definedNames>/, '')
    .replace(/\s(activeTab|firstSheet)="\d+"/g, '');
  let relsXml = text(files, bookRels);
  for (const sheet of sheetsOf(files).filter((s) => keep.has(s.name))) {
    out[sheet.part] = strToU8(text(files, sheet.part).replace(/<conditionalFormatting\b[\s\S]*?<\/conditionalFormatting>/g, ''));
  }
  for (const sheet of sheetsOf(files).filter((s) => !keep.has(s.name))) {
    for (const rel of relsOf(files, sheet.part)) if (!rel.external) delete out[rel.target];
    delete out[sheet.part];
    delete out[relsPath(sheet.part)];
    bookXml = bookXml.replace(new RegExp(`<sheet\\s[^>]*?:id="${sheet.relId}"[^>]*/>`), '');
    relsXml = relsXml.replace(new RegExp(`<Relationship\\s[^>]*?Id="${sheet.relId}"[^>]*/>`), '');
  }
  out[book] = strToU8(bookXml);
  out[bookRels] = strToU8(relsXml);
  const types = text(files, '[Content_Types].xml');
  const overrides = /<Override\s[^>]*?PartName="\/([^"]+)"[^>]*\/>/g;
  out['[Content_Types].xml'] = strToU8(types.replace(overrides, (tag, part: string) => (out[part] ? tag : '')));
  return out;
}

/** The same package with only the chart frames whose chart part passes `keep` left in each drawing. */
function withChartFrames(files: Files, keep: (chartPart: string) => boolean): Files {
  const out: Files = { ...files };
  for (const drawing of new Set(chartPlacements(files).map((p) => p.drawing))) {
    const rels = relsOf(files, drawing);
    const xml = text(files, drawing).replace(
      /<(\w+:)?(twoCellAnchor|oneCellAnchor|absoluteAnchor)\b[\s\S]*?<\/\1\2>/g,
      (anchor) => {
        const [id] = chartFrameIds(anchor);
        const chart = id === undefined ? undefined : rels.find((r) => r.id === id)?.target;
        return chart === undefined || keep(chart) ? anchor : '';
      },
    );
    out[drawing] = strToU8(xml);
  }
  return out;
}

// ---- the run --------------------------------------------------------------------------------------------------

let tmp: ReturnType<typeof tempDir>;
let files: Files;
let placements: Placement[];
let charts: ChartPart[];

beforeAll(() => {
  tmp = tempDir('run-lo');
  if (!cliReady) return;
  const out = path.join(tmp.dir, 'out.xlsx');
  const started = Date.now();
  const run = runCliProcess(['run', SAMPLE_CRM, '-o', out], 170_000);
  if (run.code !== 0 || run.stderr !== '') throw new Error(`kehu run failed (${run.code}): ${run.stderr}${run.stdout}`);
  // eslint-disable-next-line no-console
  console.log(`kehu run assets/sample-crm.xlsx: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  files = unzipSync(fs.readFileSync(out));
  placements = chartPlacements(files);
  charts = Object.keys(files)
    .filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))
    .map((p) => readChart(files, p));
}, 180_000);
afterAll(() => tmp.cleanup());

describe('kehu run assets/sample-crm.xlsx: the chart parts read back', () => {
  needCli()('has the sheets 数据质量报告 and 客户分层, and at least five chart parts', () => {
    const names = sheetsOf(files).map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(REQUIRED_SHEETS));
    expect(charts.length).toBeGreaterThanOrEqual(5);
  });

  needCli()('every chart part is shown once, by a drawing of a report sheet', () => {
    const where = new Map(placements.map((p) => [p.chart, p.sheet]));
    // eslint-disable-next-line no-console
    console.log(`charts: ${charts.map((c) => `${c.part} "${c.title}" (${c.types.join('+')}) on ${where.get(c.part)}`).join('; ')}`);
    expect(placements.map((p) => p.chart).sort()).toEqual(charts.map((c) => c.part).sort());
    for (const { chart, sheet } of placements) {
      expect({ chart, onReportSheet: REPORT_SHEETS.includes(sheet) }).toEqual({ chart, onReportSheet: true });
    }
  });

  needCli()('every chart is a real chart type with a title, and every series caches finite numbers for each category', () => {
    const chartSpace = /^(<\?xml[^>]*\?>\s*)?<(\w+:)?chartSpace\s[^>]*"http:\/\/schemas\.openxmlformats\.org\/drawingml\/2006\/chart"/;
    for (const { part, types, title, series } of charts) {
      expect(text(files, part)).toMatch(chartSpace);
      expect({ part, hasType: types.length > 0, hasTitle: title.length > 0 }).toEqual({ part, hasType: true, hasTitle: true });
      expect(series.length).toBeGreaterThan(0);
      for (const s of series) {
        expect(s.ptCount).toBeGreaterThan(0);
        expect(s.categoryCount).toBe(s.ptCount);
        expect(s.points.length).toBeGreaterThan(0);
        for (const p of s.points) {
          expect(Number.isFinite(Number(p.v)) && p.v.trim() !== '').toBe(true);
          expect(p.idx).toBeLessThan(s.ptCount);
        }
      }
    }
  });

  needCli()('every series cache holds the numbers of the cells its formula names', () => {
    const sheets = sheetsOf(files);
    for (const c of charts) {
      for (const s of c.series) {
        const { sheet, cells } = rangeCells(s.ref);
        const part = sheets.find((x) => x.name === sheet)?.part;
        expect({ ref: s.ref, sheetFound: part !== undefined }).toEqual({ ref: s.ref, sheetFound: true });
        expect(cells).toHaveLength(s.ptCount);
        const values = numericCells(files, part!);
        const cached = new Map(s.points.map((p) => [p.idx, Number(p.v)]));
        const inCells = new Map(cells.flatMap((a, i) => (values.has(a) ? [[i, Number(values.get(a))] as const] : [])));
        expect({ ref: s.ref, points: [...cached] }).toEqual({ ref: s.ref, points: [...inCells] });
      }
    }
  });
});

describe('kehu run assets/sample-crm.xlsx: LibreOffice draws the charts', () => {
  /** The series colours worth looking for: greys are also the colour of text and grid lines. */
  const seriesColours = (c: ChartPart) => c.colours.filter(isChromatic);
  const drawnPages = (pages: PageStats[]) => pages.filter((p) => p.chromatic >= 100);
  const total = (pages: PageStats[], colour: string) => pages.reduce((n, p) => n + p.colours[colour], 0);
  const coloured = (pages: PageStats[]) => pages.flatMap((p, n) => (p.chromatic ? [`${n + 1}: ${p.chromatic}`] : [])).join(', ');

  let report: PageStats[]; // the report sheets and their charts
  let bare: PageStats[]; // the same without the charts
  let alone: PageStats[][]; // per chart: its sheet with only that chart
  beforeAll(() => {
    if (!cliReady || toolsMissing.length > 0) return;
    // The sheets the charts are on and the sheets their series read from.
    const chartSheets = [
      ...placements.map((p) => p.sheet),
      ...charts.flatMap((c) => c.series.map((s) => rangeCells(s.ref).sheet)),
    ];
    const reportSheets = withOnlySheets(files, new Set([...REQUIRED_SHEETS, ...chartSheets]));
    const chartsOnly = withOnlySheets(files, new Set(chartSheets));
    const books: [string, Files][] = [
      ['report', reportSheets],
      ['bare', withChartFrames(reportSheets, () => false)],
      ...charts.map((c, i): [string, Files] => [`alone-${i + 1}`, withChartFrames(chartsOnly, (p) => p === c.part)]),
    ];
    const xlsx = books.map(([name, parts]) => {
      const file = path.join(tmp.dir, `${name}.xlsx`);
      fs.writeFileSync(file, zipSync(parts));
      return file;
    });
    const started = Date.now();
    const pdfs = convertToPdf(xlsx, tmp.dir, 420_000);
    const converted = Date.now();
    const colours = [...new Set(charts.flatMap(seriesColours))];
    const stats = pdfs.map((pdf) => renderPages(pdf, 50).map((page) => pageStats(page, colours)));
    // eslint-disable-next-line no-console
    console.log(
      `LibreOffice: ${xlsx.length} workbooks to PDF in ${((converted - started) / 1000).toFixed(1)} s, rendered and ` +
        `counted in ${((Date.now() - converted) / 1000).toFixed(1)} s; pages, and chromatic pixels on page n at 50 dpi: ` +
        stats.map((pages, i) => `${books[i][0]} ${pages.length} [${coloured(pages)}]`).join('; '),
    );
    [report, bare, ...alone] = stats;
  }, 480_000);

  needLo()('without the charts the same sheets print and carry no colour', () => {
    expect(bare.filter((p) => p.inked > 0).length).toBeGreaterThan(0);
    expect(bare.map((p) => p.chromatic)).toEqual(bare.map(() => 0));
  });

  needLo()('with all the charts, the pages holding them are drawn in every series colour the parts specify', () => {
    const drawn = drawnPages(report);
    expect(drawn.length).toBeGreaterThan(0);
    // The report sheets without charts still print: the charts add colour (and maybe pages), they take none away.
    expect(report.length).toBeGreaterThanOrEqual(bare.length);
    for (const colour of [...new Set(charts.flatMap(seriesColours))]) {
      expect({ colour, seen: total(drawn, colour) >= 20 }).toEqual({ colour, seen: true });
    }
  });

  needLo()('each chart drawn alone puts its own series colours on the page', () => {
    expect(alone).toHaveLength(charts.length);
    charts.forEach((c, i) => {
      const colours = seriesColours(c);
      expect(colours.length).toBeGreaterThan(0);
      const drawn = drawnPages(alone[i]);
      // eslint-disable-next-line no-console
      console.log(`${c.part} "${c.title}" (${c.types.join('+')}): ${colours.map((k) => `${k} ${total(drawn, k)}`).join(', ')}`);
      expect({ chart: c.title, drawn: drawn.length > 0 }).toEqual({ chart: c.title, drawn: true });
      for (const colour of colours) {
        expect({ chart: c.title, colour, seen: total(drawn, colour) >= 20 }).toEqual({ chart: c.title, colour, seen: true });
      }
    });
  });
});
