import * as ExcelJS from 'exceljs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import type { ChartSpec } from '../../core/report/chart-spec';
import { addChartsToXlsx } from './xlsx-charts';

// ---- fixture: a workbook written by exceljs -------------------------------------------------------------------

const CUSTOMERS: [string, number][] = [
  ['华东贸易', 500],
  ['北方科技', 300],
  ['南方物流', 120],
  ['西部食品', 50],
  ['东海电子', 30],
];
const TOTAL = CUSTOMERS.reduce((s, [, v]) => s + v, 0);
const CUMULATIVE = CUSTOMERS.map((_, i) => CUSTOMERS.slice(0, i + 1).reduce((s, [, v]) => s + v, 0) / TOTAL);
const STAGES: [string, number][] = [
  ['线索', 1000],
  ['意向', 600],
  ['报价', 300],
  ['成交', 120],
];
const MONTHS = ['2024-01', '2024-02', '2024-03'];
const TREND: [string, number[]][] = [
  ['新客户', [10, 15, 12]],
  ['流失', [3, 4, 2]],
];

async function fixture(withImage = false): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('分析');
  ws.addRow(['客户', '销售额', '累计占比']);
  CUSTOMERS.forEach(([name, v], i) => ws.addRow([name, v, CUMULATIVE[i]]));
  ws.getColumn(1).width = 20;
  ws.getColumn(3).width = 12;
  ws.getColumn(3).numFmt = '0.0%';
  ws.getRow(1).height = 24;
  ws.getCell('A1').note = '客户名称'; // a comment: exceljs writes <legacyDrawing>, which must stay after <drawing>

  const funnel = wb.addWorksheet("O'Neil 漏斗");
  // An Excel table: exceljs writes <tableParts>, which must stay after our <drawing>.
  funnel.addTable({ name: 'Stages', ref: 'A1', columns: [{ name: '阶段' }, { name: '人数' }], rows: STAGES });

  const trend = wb.addWorksheet('趋势');
  trend.addRow(['指标', ...MONTHS]);
  TREND.forEach(([name, vs]) => trend.addRow([name, ...vs]));

  if (withImage) {
    // 1×1 PNG: gives the sheet a drawing part of its own before charts are added.
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    const id = wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' });
    ws.addImage(id, { tl: { col: 8, row: 8 }, ext: { width: 20, height: 20 } });
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const SPECS: ChartSpec[] = [
  { sheet: '分析', kind: 'pie', title: '客户销售额占比', dataRange: 'A1:B6', seriesBy: 'columns', anchor: 'E2' },
  { sheet: '分析', kind: 'doughnut', title: '环形图', dataRange: 'A1:B6', seriesBy: 'columns', anchor: 'E20' },
  { sheet: '分析', kind: 'column', title: '柱形图', dataRange: 'A1:B6', seriesBy: 'columns', anchor: 'M2' },
  { sheet: '分析', kind: 'bar', title: '条形图', dataRange: 'A1:B6', seriesBy: 'columns', anchor: 'M20' },
  {
    sheet: '分析',
    kind: 'columnLine',
    title: 'ABC 帕累托',
    dataRange: 'A1:C6',
    seriesBy: 'columns',
    anchor: 'B9',
    size: { width: 280, height: 200 },
  },
  { sheet: '趋势', kind: 'line', title: '月度趋势', dataRange: 'A1:D3', seriesBy: 'rows', anchor: 'A6' },
  { sheet: "O'Neil 漏斗", kind: 'funnel', title: '销售漏斗', dataRange: 'A1:B5', seriesBy: 'columns', anchor: 'D2' },
];

// ---- reading the package back, independently of the implementation ------------------------------------------

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  isArray: (name) => ['ser', 'pt', 'Relationship', 'Override', 'sheet', 'twoCellAnchor', 'axId'].includes(name),
});
type Node = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

class Package {
  readonly files: Record<string, Uint8Array>;
  constructor(bytes: Uint8Array) {
    this.files = unzipSync(bytes);
  }
  text(path: string): string {
    const f = this.files[path];
    if (!f) throw new Error(`missing part ${path}`);
    return strFromU8(f);
  }
  xml(path: string): Node {
    const t = this.text(path);
    expect(XMLValidator.validate(t)).toBe(true);
    return parser.parse(t);
  }
  rels(part: string): Node[] {
    const slash = part.lastIndexOf('/');
    const path = `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
    return this.files[path] ? this.xml(path).Relationships.Relationship : [];
  }
  target(part: string, rel: Node): string {
    const dir = part.split('/').slice(0, -1);
    for (const seg of String(rel['@Target']).split('/')) seg === '..' ? dir.pop() : dir.push(seg);
    return dir.join('/');
  }
  sheetPart(name: string): string {
    const wb = this.xml('xl/workbook.xml').workbook.sheets.sheet.find((s: Node) => s['@name'] === name);
    const rel = this.rels('xl/workbook.xml').find((r) => r['@Id'] === wb['@id']);
    return this.target('xl/workbook.xml', rel!);
  }
  /** The charts of one sheet in anchor order, reached through sheet → drawing → chart relationships. */
  charts(sheet: string): { anchor: Node; chart: Node; path: string }[] {
    const sheetPath = this.sheetPart(sheet);
    const drawingId = this.xml(sheetPath).worksheet.drawing['@id'];
    const drawingRel = this.rels(sheetPath).find((r) => r['@Id'] === drawingId)!;
    expect(drawingRel['@Type']).toMatch(/\/relationships\/drawing$/);
    const drawingPath = this.target(sheetPath, drawingRel);
    const anchors: Node[] = this.xml(drawingPath).wsDr.twoCellAnchor.filter((a: Node) => a.graphicFrame);
    const rels = this.rels(drawingPath);
    return anchors.map((anchor) => {
      const rel = rels.find((r) => r['@Id'] === anchor.graphicFrame.graphic.graphicData.chart['@id'])!;
      expect(rel['@Type']).toMatch(/\/relationships\/chart$/);
      const path = this.target(drawingPath, rel);
      return { anchor, chart: this.xml(path).chartSpace.chart, path };
    });
  }
}

const ptValues = (cache: Node): Record<number, string> =>
  Object.fromEntries((cache.pt ?? []).map((p: Node) => [Number(p['@idx']), String(p.v)]));

function series(chart: Node, type: string): Node[] {
  return chart.plotArea[type].ser;
}

// ---- tests ------------------------------------------------------------------------------------------------------

describe('addChartsToXlsx', () => {
  let pkg: Package;
  let out: Uint8Array;
  let input: Uint8Array;
  beforeAll(async () => {
    input = await fixture();
    out = addChartsToXlsx(input, SPECS);
    pkg = new Package(out);
  });

  it('writes one chart part per spec, each with the right chart type', () => {
    const analysis = pkg.charts('分析').map((c) => c.chart.plotArea);
    expect(analysis.map((p) => Object.keys(p).filter((k) => k.endsWith('Chart')))).toEqual([
      ['pieChart'],
      ['doughnutChart'],
      ['barChart'],
      ['barChart'],
      ['barChart', 'lineChart'],
    ]);
    expect(analysis[2].barChart.barDir['@val']).toBe('col');
    expect(analysis[3].barChart.barDir['@val']).toBe('bar');
    expect(analysis[2].barChart.grouping['@val']).toBe('clustered');
    expect(pkg.charts('趋势')[0].chart.plotArea.lineChart).toBeDefined();
    expect(Object.keys(pkg.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))).toHaveLength(SPECS.length);
  });

  it('references the data range and caches exactly the cell values', () => {
    const [pie] = pkg.charts('分析');
    const [ser] = series(pie.chart, 'pieChart');
    expect(ser.tx.strRef.f).toBe("'分析'!$B$1");
    expect(ser.tx.strRef.strCache.pt[0].v).toBe('销售额');
    expect(ser.cat.strRef.f).toBe("'分析'!$A$2:$A$6");
    expect(ser.val.numRef.f).toBe("'分析'!$B$2:$B$6");
    expect(ptValues(ser.cat.strRef.strCache)).toEqual(Object.fromEntries(CUSTOMERS.map(([n], i) => [i, n])));
    expect(ser.val.numRef.numCache.ptCount['@val']).toBe(String(CUSTOMERS.length));
    expect(ptValues(ser.val.numRef.numCache)).toEqual(Object.fromEntries(CUSTOMERS.map(([, v], i) => [i, String(v)])));
    expect(pie.chart.title.tx.rich.p.r.t).toBe('客户销售额占比');
    // Pie labels show percentages.
    expect(ser.dLbls.showPercent['@val']).toBe('1');
  });

  it('draws the Pareto line on a secondary percent axis, with the cumulative shares cached', () => {
    const combo = pkg.charts('分析')[4].chart.plotArea;
    expect(combo.barChart.ser.map((s: Node) => s.tx.strRef.strCache.pt[0].v)).toEqual(['销售额']);
    const [line] = combo.lineChart.ser;
    expect(line.tx.strRef.strCache.pt[0].v).toBe('累计占比');
    expect(line.val.numRef.f).toBe("'分析'!$C$2:$C$6");
    expect(line.val.numRef.numCache.formatCode).toBe('0.0%');
    const cached = Object.values(ptValues(line.val.numRef.numCache)).map(Number);
    cached.forEach((v, i) => expect(v).toBeCloseTo(CUMULATIVE[i], 12));

    const lineAxes = combo.lineChart.axId.map((a: Node) => a['@val']);
    const barAxes = combo.barChart.axId.map((a: Node) => a['@val']);
    expect(lineAxes).not.toEqual(barAxes);
    const valAxes: Node[] = [combo.valAx].flat();
    const secondary = valAxes.find((a) => lineAxes.includes(a.axId[0]['@val']))!;
    expect(secondary.axPos['@val']).toBe('r');
    expect(secondary.crosses['@val']).toBe('max');
    expect(secondary.numFmt['@formatCode']).toBe('0.0%');
    const primary = valAxes.find((a) => barAxes.includes(a.axId[0]['@val']))!;
    expect(primary.axPos['@val']).toBe('l');
  });

  it('reads series along rows when seriesBy is rows', () => {
    const [trend] = pkg.charts('趋势');
    const sers = series(trend.chart, 'lineChart');
    expect(sers.map((s) => s.tx.strRef.f)).toEqual(["'趋势'!$A$2", "'趋势'!$A$3"]);
    expect(sers.map((s) => s.val.numRef.f)).toEqual(["'趋势'!$B$2:$D$2", "'趋势'!$B$3:$D$3"]);
    sers.forEach((s, i) => {
      expect(s.cat.strRef.f).toBe("'趋势'!$B$1:$D$1");
      expect(Object.values(ptValues(s.cat.strRef.strCache))).toEqual(MONTHS);
      expect(Object.values(ptValues(s.val.numRef.numCache)).map(Number)).toEqual(TREND[i][1]);
    });
    expect(trend.chart.legend).toBeDefined(); // two series
  });

  it('writes a funnel as a bar chart with the first stage on top, quoting the sheet name', () => {
    const [funnel] = pkg.charts("O'Neil 漏斗");
    const plot = funnel.chart.plotArea;
    expect(plot.barChart.barDir['@val']).toBe('bar');
    expect(plot.catAx.scaling.orientation['@val']).toBe('maxMin');
    const [ser] = plot.barChart.ser;
    expect(ser.val.numRef.f).toBe("'O''Neil 漏斗'!$B$2:$B$5");
    expect(Object.values(ptValues(ser.cat.strRef.strCache))).toEqual(STAGES.map(([s]) => s));
    expect(Object.values(ptValues(ser.val.numRef.numCache)).map(Number)).toEqual(STAGES.map(([, v]) => v));
    expect(ser.dLbls.showVal['@val']).toBe('1');
  });

  it('anchors each chart at its cell and sizes it over the real column widths', () => {
    const [first, , , , combo] = pkg.charts('分析');
    expect(first.anchor.from).toEqual({ col: 4, colOff: 0, row: 1, rowOff: 0 }); // E2
    // Combo at B9, 280 × 200 pt = 3,556,000 × 2,540,000 EMU (12,700 EMU per pt, 9,525 per px).
    // Column widths per Excel's rule px = trunc((256·w + 18) / 256 · 7): B default 64 px, C (w 12) 84 px,
    // D… 64 px. B+C+D+E+F = 64+84+64+64+64 = 340 px = 3,238,500 EMU → ends in column G at 317,500 EMU.
    expect(combo.anchor.from).toEqual({ col: 1, colOff: 0, row: 8, rowOff: 0 });
    expect(combo.anchor.to.col).toBe(6);
    expect(combo.anchor.to.colOff).toBe(3556000 - 340 * 9525);
    // 200 pt over 15 pt rows: 13 rows (195 pt) + 5 pt.
    expect(combo.anchor.to.row).toBe(8 + 13);
    expect(combo.anchor.to.rowOff).toBe(5 * 12700);
  });

  it('keeps the package consistent: content types, relationships, sheet element order', () => {
    const types = pkg.xml('[Content_Types].xml').Types.Override as Node[];
    const typeOf = (p: string) => types.find((o) => o['@PartName'] === `/${p}`)?.['@ContentType'];
    for (const p of Object.keys(pkg.files)) {
      if (/^xl\/charts\/chart\d+\.xml$/.test(p)) expect(typeOf(p)).toBe('application/vnd.openxmlformats-officedocument.drawingml.chart+xml');
      if (/^xl\/drawings\/drawing\d+\.xml$/.test(p)) expect(typeOf(p)).toBe('application/vnd.openxmlformats-officedocument.drawing+xml');
    }
    // Every relationship target of every .rels part exists.
    for (const relsPath of Object.keys(pkg.files).filter((p) => p.endsWith('.rels'))) {
      const source = relsPath.replace(/_rels\/(.*)\.rels$/, '$1');
      for (const rel of pkg.xml(relsPath).Relationships.Relationship as Node[]) {
        if (rel['@TargetMode'] === 'External') continue;
        const target = rel['@Target'].startsWith('/') ? rel['@Target'].slice(1) : pkg.target(source, rel);
        expect(pkg.files[target]).toBeDefined();
      }
    }
    // <drawing> after pageSetup and before tableParts, as CT_Worksheet requires.
    const sheet = pkg.text(pkg.sheetPart("O'Neil 漏斗"));
    const at = (tag: string) => sheet.indexOf(`<${tag}`);
    expect(at('tableParts')).toBeGreaterThan(0);
    expect(at('pageSetup')).toBeGreaterThan(0);
    expect(at('drawing')).toBeGreaterThan(at('pageSetup'));
    expect(at('drawing')).toBeLessThan(at('tableParts'));
    const analysis = pkg.text(pkg.sheetPart('分析'));
    expect(analysis.indexOf('<legacyDrawing')).toBeGreaterThan(analysis.indexOf('<drawing'));
    expect(analysis.indexOf('<drawing')).toBeGreaterThan(analysis.indexOf('<pageMargins'));
    // Parts the function does not own are untouched.
    const before = unzipSync(input);
    expect(strFromU8(pkg.files['xl/sharedStrings.xml'])).toBe(strFromU8(before['xl/sharedStrings.xml']));
    expect(strFromU8(pkg.files['xl/styles.xml'])).toBe(strFromU8(before['xl/styles.xml']));
  });

  it('leaves a file that exceljs still loads with its data', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['分析', "O'Neil 漏斗", '趋势']);
    expect(wb.getWorksheet('分析')!.getCell('B2').value).toBe(500);
  });

  it('appends charts to a drawing the sheet already has (pictures) and can run twice', async () => {
    const once = addChartsToXlsx(await fixture(true), [SPECS[0]]);
    const twice = addChartsToXlsx(once, [SPECS[2]]);
    const p = new Package(twice);
    expect(p.text(p.sheetPart('分析')).match(/<drawing\b/g)).toHaveLength(1);
    const drawings = Object.keys(p.files).filter((f) => /^xl\/drawings\/drawing\d+\.xml$/.test(f));
    expect(drawings).toHaveLength(1);
    const drawing = p.xml(drawings[0]).wsDr;
    expect(drawing.twoCellAnchor.filter((a: Node) => a.graphicFrame)).toHaveLength(2);
    expect(JSON.stringify(drawing)).toContain('"pic"'); // the picture is still there
    const ids = [...p.text(drawings[0]).matchAll(/cNvPr id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(p.charts('分析').map((c) => Object.keys(c.chart.plotArea).find((k) => k.endsWith('Chart')))).toEqual([
      'pieChart',
      'barChart',
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(twice) as unknown as ExcelJS.Buffer);
    expect(wb.getWorksheet('分析')!.getImages()).toHaveLength(1);
  });

  it('writes numeric (date) categories as c:numRef with their number format', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('月度');
    ws.addRow(['月份', '订单数']);
    const months = [new Date(Date.UTC(2024, 0, 1)), new Date(Date.UTC(2024, 1, 1)), new Date(Date.UTC(2024, 2, 1))];
    months.forEach((m, i) => ws.addRow([m, [40, 55, 61][i]]));
    ws.getColumn(1).numFmt = 'yyyy-mm';
    const bytes = addChartsToXlsx(new Uint8Array(await wb.xlsx.writeBuffer()), [
      { sheet: '月度', kind: 'line', title: '订单趋势', dataRange: 'A1:B4', seriesBy: 'columns', anchor: 'D2' },
    ]);
    const [ser] = series(new Package(bytes).charts('月度')[0].chart, 'lineChart');
    expect(ser.cat.strRef).toBeUndefined();
    expect(ser.cat.numRef.f).toBe("'月度'!$A$2:$A$4");
    expect(ser.cat.numRef.numCache.formatCode).toBe('yyyy-mm');
    // Excel serials: days since 1899-12-30.
    const serials = months.map((m) => (m.getTime() - Date.UTC(1899, 11, 30)) / 86400000);
    expect(Object.values(ptValues(ser.cat.numRef.numCache)).map(Number)).toEqual(serials);
  });

  it('rejects an unknown sheet, a bad range or anchor before writing anything', () => {
    const bad = (patch: Partial<ChartSpec>) => () => addChartsToXlsx(input, [{ ...SPECS[0], ...patch }]);
    expect(bad({ sheet: '不存在' })).toThrow(/找不到工作表/);
    expect(bad({ dataRange: 'A1:B' })).toThrow(/数据区域/);
    expect(bad({ anchor: 'ZZZZ1' })).toThrow(/图表位置/);
    expect(bad({ kind: 'radar' as ChartSpec['kind'] })).toThrow(/不支持的图表类型/);
    expect(bad({ size: { width: 0, height: 100 } })).toThrow(/尺寸/);
    expect(addChartsToXlsx(input, [])).toBe(input);
  });
});
