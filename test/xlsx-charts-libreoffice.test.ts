/**
 * The charts addChartsToXlsx writes are drawn by a real spreadsheet program: LibreOffice converts a workbook with
 * one chart per sheet (every kind) to PDF, pdftoppm renders each page, and each page must carry the colours of
 * chart series, which the same workbook without charts (black text, grey grid) does not have.
 * The same is checked on the package with its theme part removed, as writers like the fast writer produce it: the
 * chart colours must not depend on a theme.
 * Needs `libreoffice` and `pdftoppm` (packages libreoffice-calc, poppler-utils): skipped without them, except
 * under CI where they must be present.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { ChartKind, ChartSpec } from '../src/core/report/chart-spec';
import { addChartsToXlsx } from '../src/host/file/xlsx-charts';

function hasCommand(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}
const missing = ['libreoffice', 'pdftoppm'].filter((c) => !hasCommand(c));
if (missing.length > 0 && process.env.CI) throw new Error(`缺少 ${missing.join('、')}，CI 中必须安装（libreoffice-calc、poppler-utils）`);
if (missing.length > 0) console.warn(`跳过 LibreOffice 图表渲染测试：找不到 ${missing.join('、')}`);
const maybe = missing.length === 0 ? describe : describe.skip;

/** One sheet per chart kind, each with its own table, printed on one landscape page. */
const SHEETS: { kind: ChartKind; rows: (string | number)[][]; seriesBy?: 'rows' }[] = [
  { kind: 'pie', rows: [['渠道', '客户数'], ['线上', 420], ['门店', 260], ['电话', 130], ['展会', 60]] },
  { kind: 'doughnut', rows: [['等级', '客户数'], ['A', 120], ['B', 300], ['C', 580]] },
  { kind: 'column', rows: [['地区', '2023', '2024'], ['华东', 820, 960], ['华北', 640, 600], ['华南', 510, 700]] },
  { kind: 'bar', rows: [['行业', '销售额'], ['制造', 900], ['零售', 640], ['金融', 380], ['教育', 150]] },
  {
    kind: 'line',
    seriesBy: 'rows',
    rows: [['指标', '1月', '2月', '3月', '4月', '5月'], ['新客户', 12, 18, 15, 22, 30], ['流失', 5, 7, 4, 6, 3]],
  },
  {
    kind: 'columnLine',
    rows: [['客户', '销售额', '累计占比'], ['甲', 500, 0.5], ['乙', 300, 0.8], ['丙', 120, 0.92], ['丁', 50, 0.97], ['戊', 30, 1]],
  },
  { kind: 'funnel', rows: [['阶段', '人数'], ['线索', 1000], ['意向', 600], ['报价', 300], ['成交', 120]] },
];

async function workbook(): Promise<{ bytes: Uint8Array; specs: ChartSpec[] }> {
  const wb = new ExcelJS.Workbook();
  const specs: ChartSpec[] = [];
  for (const s of SHEETS) {
    const ws = wb.addWorksheet(s.kind);
    s.rows.forEach((r) => ws.addRow(r));
    ws.pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 1 };
    const w = s.rows[0].length;
    const dataRange = `A1:${String.fromCharCode(64 + w)}${s.rows.length}`;
    specs.push({ sheet: s.kind, kind: s.kind, title: `${s.kind} 图表`, dataRange, seriesBy: s.seriesBy ?? 'columns', anchor: 'A9' });
  }
  return { bytes: new Uint8Array(await wb.xlsx.writeBuffer()), specs };
}

/** The package without xl/theme: its part, its workbook relationship and its content type removed. */
function withoutTheme(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  const themes = Object.keys(files).filter((f) => /^xl\/theme\/.*\.xml$/.test(f));
  expect(themes.length).toBeGreaterThan(0);
  for (const f of themes) delete files[f];
  const edit = (path: string, re: RegExp) => (files[path] = strToU8(strFromU8(files[path]).replace(re, '')));
  edit('xl/_rels/workbook.xml.rels', /<Relationship [^>]*\/theme"[^>]*\/>/g);
  edit('[Content_Types].xml', /<Override PartName="\/xl\/theme\/[^"]*"[^>]*\/>/g);
  return zipSync(files);
}

/** Converts to PDF and renders every page at 50 dpi as binary PPM (P6), returned in page order. */
function render(dir: string, name: string, bytes: Uint8Array): Buffer[] {
  const xlsx = path.join(dir, `${name}.xlsx`);
  fs.writeFileSync(xlsx, bytes);
  // A private profile, so a LibreOffice already running (another test, a desktop session) does not take the job.
  const profile = `file://${path.join(dir, `profile-${name}`)}`;
  execFileSync('libreoffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, xlsx], {
    stdio: 'pipe',
    timeout: 180_000,
  });
  const pdf = path.join(dir, `${name}.pdf`);
  execFileSync('pdftoppm', ['-r', '50', pdf, path.join(dir, `${name}-page`)], { stdio: 'pipe', timeout: 60_000 });
  return fs
    .readdirSync(dir)
    .filter((f) => f.startsWith(`${name}-page`) && f.endsWith('.ppm'))
    .sort((a, b) => Number(/(\d+)\.ppm$/.exec(a)![1]) - Number(/(\d+)\.ppm$/.exec(b)![1]))
    .map((f) => fs.readFileSync(path.join(dir, f)));
}

/** Pixels whose channels differ clearly (series fills and lines), as opposed to white paper, black text, grey grid. */
function colouredPixels(ppm: Buffer): number {
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 50).toString('latin1'));
  if (!header) throw new Error('not a binary PPM');
  const start = header[0].length;
  const pixels = Number(header[1]) * Number(header[2]);
  let n = 0;
  for (let i = 0, o = start; i < pixels; i++, o += 3) {
    const r = ppm[o];
    const g = ppm[o + 1];
    const b = ppm[o + 2];
    if (Math.max(r, g, b) - Math.min(r, g, b) > 60) n++;
  }
  return n;
}

maybe('charts rendered by LibreOffice', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehu-charts-'));
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  let book: { bytes: Uint8Array; specs: ChartSpec[] };
  let plain: Buffer[];
  beforeAll(async () => {
    book = await workbook();
    plain = render(dir, 'plain', book.bytes);
    expect(plain).toHaveLength(SHEETS.length);
    // The page without a chart has no colour at all, so any colour below comes from a chart.
    for (const page of plain) expect(colouredPixels(page)).toBe(0);
  });

  it.each([
    ['as exceljs wrote it', (b: Uint8Array) => b],
    ['without a theme part', withoutTheme],
  ])('draws every chart kind, %s: each page gains series colours', (name, prepare) => {
    const charted = render(dir, name === 'as exceljs wrote it' ? 'charts' : 'notheme', addChartsToXlsx(prepare(book.bytes), book.specs));
    expect(charted).toHaveLength(SHEETS.length);
    const counts = SHEETS.map((s, i) => ({ kind: s.kind, pixels: colouredPixels(charted[i]) }));
    console.log(`LibreOffice, ${name}: coloured pixels per page at 50 dpi: ${counts.map((c) => `${c.kind} ${c.pixels}`).join(', ')}`);
    // A line chart has the least colour (two thin lines with markers); filled kinds have thousands.
    for (const c of counts) expect({ kind: c.kind, enough: c.pixels >= 200 }).toEqual({ kind: c.kind, enough: true });
  });
});
