/**
 * One chart part (xl/charts/chartN.xml, a DrawingML c:chartSpace) from a chart kind, a title and its data.
 * Element order follows the ECMA-376 schema sequences (CT_Chart, CT_PlotArea, CT_BarSer …), which Excel enforces.
 *
 * Kinds:
 * - pie: c:pieChart of the first series only (Excel draws only the first series of a pie anyway), percent labels;
 * - doughnut: c:doughnutChart, every series a ring, percent labels;
 * - column / bar: c:barChart, barDir col / bar, clustered;
 * - line: c:lineChart with markers;
 * - columnLine: the last series is a line on a secondary value axis (the cumulative % of an ABC / Pareto chart),
 *   the others are clustered columns on the primary axis; with one series it is a plain column chart;
 * - funnel: Excel's funnel is a chartex (2016) type outside the 2007 chart schema that LibreOffice and older
 *   viewers cannot read, so it is written as a horizontal bar chart with the first category on top (reversed
 *   category axis) and value labels. The data range is expected in stage order, which for a funnel is descending.
 */
import type { ChartKind } from '../../core/report/chart-spec';
import { ChartData, ChartSeriesData } from './chart-data';
import { ChartCell, escapeXml } from './chart-sheet-read';

const NS_C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const AX = { cat: 500000001, val: 500000002, cat2: 500000003, val2: 500000004 };

/**
 * Colours are written out (Office's default theme accents, then their darker shades) rather than left to the
 * workbook theme: a package without a theme part (the fast writer's) otherwise draws invisible series in
 * LibreOffice. The price: changing the workbook theme in Excel does not recolour these charts.
 */
const PALETTE = ['4472C4', 'ED7D31', 'A5A5A5', 'FFC000', '5B9BD5', '70AD47', '264478', '9E480E', '636363', '997300'];
const GRID = 'D9D9D9';
const AXIS = 'BFBFBF';
const TEXT = '404040';

const colour = (i: number) => PALETTE[i % PALETTE.length];
const solid = (rgb: string) => `<a:solidFill><a:srgbClr val="${rgb}"/></a:solidFill>`;
const stroke = (rgb: string, w = 9525) => `<a:ln w="${w}">${solid(rgb)}</a:ln>`;

const val = (tag: string, v: string | number) => `<c:${tag} val="${v}"/>`;

function numText(n: number): string {
  return String(n); // JS shortest round-trip form; exponent forms like 1e-7 are valid xsd:double
}

function cellText(v: ChartCell): string | null {
  if (v === null) return null;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return typeof v === 'number' ? numText(v) : v;
}

function strCache(items: (string | null)[]): string {
  let pts = '';
  items.forEach((t, i) => {
    if (t !== null) pts += `<c:pt idx="${i}"><c:v>${escapeXml(t)}</c:v></c:pt>`;
  });
  return `<c:strCache>${val('ptCount', items.length)}${pts}</c:strCache>`;
}

function numCache(formatCode: string, items: (number | null)[]): string {
  let pts = '';
  items.forEach((n, i) => {
    if (n !== null) pts += `<c:pt idx="${i}"><c:v>${numText(n)}</c:v></c:pt>`;
  });
  return `<c:numCache><c:formatCode>${escapeXml(formatCode)}</c:formatCode>${val('ptCount', items.length)}${pts}</c:numCache>`;
}

function seriesName(s: ChartSeriesData): string {
  if (!s.nameRef) return '';
  return `<c:tx><c:strRef><c:f>${escapeXml(s.nameRef)}</c:f>${strCache([s.name])}</c:strRef></c:tx>`;
}

function categoriesXml(d: ChartData): string {
  if (!d.categoriesRef) return '';
  const f = `<c:f>${escapeXml(d.categoriesRef)}</c:f>`;
  if (d.categoriesNumeric) {
    const nums = d.categories.map((v) => (typeof v === 'number' ? v : null));
    return `<c:cat><c:numRef>${f}${numCache(d.categoryFormat, nums)}</c:numRef></c:cat>`;
  }
  return `<c:cat><c:strRef>${f}${strCache(d.categories.map(cellText))}</c:strRef></c:cat>`;
}

function valuesXml(s: ChartSeriesData): string {
  return `<c:val><c:numRef><c:f>${escapeXml(s.valuesRef)}</c:f>${numCache(s.formatCode, s.values)}</c:numRef></c:val>`;
}

/** CT_DLbls: which parts of a point label show; `pos` is omitted for doughnuts, which do not allow it. */
function dataLabels(show: 'percent' | 'value', pos?: string): string {
  return (
    '<c:dLbls>' +
    (pos ? val('dLblPos', pos) : '') +
    val('showLegendKey', 0) +
    val('showVal', show === 'value' ? 1 : 0) +
    val('showCatName', 0) +
    val('showSerName', 0) +
    val('showPercent', show === 'percent' ? 1 : 0) +
    val('showBubbleSize', 0) +
    (show === 'percent' ? val('showLeaderLines', 1) : '') +
    '</c:dLbls>'
  );
}

type SerPart = 'pie' | 'bar' | 'line';

/** Pie and doughnut slices: one colour per category (c:dPt), with white edges between slices. */
function sliceColours(points: number): string {
  let xml = '';
  for (let i = 0; i < points; i++) {
    xml += `<c:dPt>${val('idx', i)}${val('bubble3D', 0)}<c:spPr>${solid(colour(i))}${stroke('FFFFFF', 12700)}</c:spPr></c:dPt>`;
  }
  return xml;
}

function seriesFill(part: SerPart, index: number): string {
  if (part === 'pie') return '';
  if (part === 'bar') return `<c:spPr>${solid(colour(index))}</c:spPr>`;
  return `<c:spPr><a:ln w="28575" cap="rnd">${solid(colour(index))}<a:round/></a:ln></c:spPr>`;
}

function seriesXml(part: SerPart, s: ChartSeriesData, index: number, d: ChartData, labels = ''): string {
  return (
    `<c:ser>${val('idx', index)}${val('order', index)}${seriesName(s)}` +
    seriesFill(part, index) +
    (part === 'bar' ? val('invertIfNegative', 0) : '') +
    (part === 'line'
      ? `<c:marker>${val('symbol', 'circle')}${val('size', 5)}<c:spPr>${solid(colour(index))}${stroke(colour(index))}</c:spPr></c:marker>`
      : '') +
    (part === 'pie' ? sliceColours(s.values.length) : '') +
    labels +
    categoriesXml(d) +
    valuesXml(s) +
    (part === 'line' ? val('smooth', 0) : '') +
    '</c:ser>'
  );
}

interface AxisOptions {
  id: number;
  cross: number;
  pos: 'b' | 'l' | 'r' | 't';
  reverse?: boolean;
  deleted?: boolean;
  gridlines?: boolean;
  formatCode?: string;
  crosses?: 'autoZero' | 'max';
  min?: number;
  max?: number;
}

function scaling(o: AxisOptions): string {
  return (
    `<c:scaling>${val('orientation', o.reverse ? 'maxMin' : 'minMax')}` +
    (o.max !== undefined ? val('max', o.max) : '') +
    (o.min !== undefined ? val('min', o.min) : '') +
    '</c:scaling>'
  );
}

function axisHead(o: AxisOptions): string {
  return (
    val('axId', o.id) +
    scaling(o) +
    val('delete', o.deleted ? 1 : 0) +
    val('axPos', o.pos) +
    (o.gridlines ? `<c:majorGridlines><c:spPr>${stroke(GRID)}</c:spPr></c:majorGridlines>` : '') +
    `<c:numFmt formatCode="${escapeXml(o.formatCode ?? 'General')}" sourceLinked="1"/>` +
    val('majorTickMark', 'out') +
    val('minorTickMark', 'none') +
    val('tickLblPos', 'nextTo') +
    `<c:spPr>${stroke(AXIS)}</c:spPr>` +
    val('crossAx', o.cross) +
    val('crosses', o.crosses ?? 'autoZero')
  );
}

function catAx(o: AxisOptions): string {
  return `<c:catAx>${axisHead(o)}${val('auto', 1)}${val('lblAlgn', 'ctr')}${val('lblOffset', 100)}${val('noMultiLvlLbl', 0)}</c:catAx>`;
}

function valAx(o: AxisOptions): string {
  return `<c:valAx>${axisHead(o)}${val('crossBetween', 'between')}</c:valAx>`;
}

function barChart(dir: 'col' | 'bar', series: ChartSeriesData[], d: ChartData, labels: string, gapWidth = 150): string {
  return (
    `<c:barChart>${val('barDir', dir)}${val('grouping', 'clustered')}${val('varyColors', 0)}` +
    series.map((s, i) => seriesXml('bar', s, i, d, labels)).join('') +
    val('gapWidth', gapWidth) +
    val('axId', AX.cat) +
    val('axId', AX.val) +
    '</c:barChart>'
  );
}

function lineChart(series: ChartSeriesData[], firstIndex: number, d: ChartData, cat: number, v: number): string {
  return (
    `<c:lineChart>${val('grouping', 'standard')}${val('varyColors', 0)}` +
    series.map((s, i) => seriesXml('line', s, firstIndex + i, d)).join('') +
    val('marker', 1) +
    val('axId', cat) +
    val('axId', v) +
    '</c:lineChart>'
  );
}

/** A cumulative share (all values within 0..1) gets a fixed 0–100 % axis instead of Excel's padded auto range. */
function shareBounds(s: ChartSeriesData): { min?: number; max?: number } {
  const nums = s.values.filter((v): v is number => v !== null);
  return nums.length > 0 && nums.every((v) => v >= 0 && v <= 1) ? { min: 0, max: 1 } : {};
}

interface PlotArea {
  xml: string;
  legend: boolean;
  legendPos: 'r' | 'b';
}

function plotArea(kind: ChartKind, d: ChartData): PlotArea {
  const primary = (dir: 'col' | 'bar') => {
    const vertical = dir === 'col';
    return (
      catAx({ id: AX.cat, cross: AX.val, pos: vertical ? 'b' : 'l', formatCode: d.categoryFormat }) +
      valAx({ id: AX.val, cross: AX.cat, pos: vertical ? 'l' : 'b', gridlines: true, formatCode: d.series[0]?.formatCode })
    );
  };
  const many = d.series.length > 1;
  switch (kind) {
    case 'pie': {
      const first = d.series.slice(0, 1);
      const labels = dataLabels('percent', 'bestFit');
      const sers = first.map((s, i) => seriesXml('pie', s, i, d, labels)).join('');
      return { xml: `<c:pieChart>${val('varyColors', 1)}${sers}${val('firstSliceAng', 0)}</c:pieChart>`, legend: true, legendPos: 'r' };
    }
    case 'doughnut': {
      const labels = dataLabels('percent');
      const sers = d.series.map((s, i) => seriesXml('pie', s, i, d, labels)).join('');
      return {
        xml: `<c:doughnutChart>${val('varyColors', 1)}${sers}${val('firstSliceAng', 0)}${val('holeSize', 50)}</c:doughnutChart>`,
        legend: true,
        legendPos: 'r',
      };
    }
    case 'column':
    case 'bar': {
      const dir = kind === 'column' ? 'col' : 'bar';
      return { xml: barChart(dir, d.series, d, '') + primary(dir), legend: many, legendPos: 'b' };
    }
    case 'line':
      return { xml: lineChart(d.series, 0, d, AX.cat, AX.val) + primary('col'), legend: many, legendPos: 'b' };
    case 'columnLine': {
      if (!many) return plotArea('column', d);
      const columns = d.series.slice(0, -1);
      const line = d.series[d.series.length - 1];
      const xml =
        barChart('col', columns, d, '') +
        lineChart([line], columns.length, d, AX.cat2, AX.val2) +
        primary('col') +
        catAx({ id: AX.cat2, cross: AX.val2, pos: 'b', deleted: true, formatCode: d.categoryFormat }) +
        valAx({ id: AX.val2, cross: AX.cat2, pos: 'r', crosses: 'max', formatCode: line.formatCode, ...shareBounds(line) });
      return { xml, legend: true, legendPos: 'b' };
    }
    case 'funnel': {
      const xml =
        barChart('bar', d.series.slice(0, 1), d, dataLabels('value', 'outEnd'), 30) +
        catAx({ id: AX.cat, cross: AX.val, pos: 'l', reverse: true, formatCode: d.categoryFormat }) +
        valAx({ id: AX.val, cross: AX.cat, pos: 'b', deleted: true, formatCode: d.series[0]?.formatCode });
      return { xml, legend: false, legendPos: 'b' };
    }
  }
}

function titleXml(title: string): string {
  const run = `<a:r><a:rPr lang="zh-CN" sz="1400" b="1"/><a:t>${escapeXml(title)}</a:t></a:r>`;
  return (
    '<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/>' +
    `<a:p><a:pPr><a:defRPr sz="1400" b="1"/></a:pPr>${run}</a:p>` +
    `</c:rich></c:tx>${val('overlay', 0)}</c:title>`
  );
}

export function chartSpaceXml(kind: ChartKind, title: string, d: ChartData): string {
  const plot = plotArea(kind, d);
  const hasTitle = title.trim() !== '';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">` +
    val('date1904', 0) +
    val('lang', 'zh-CN') +
    val('roundedCorners', 0) + // absent means rounded in Excel
    '<c:chart>' +
    (hasTitle ? titleXml(title) : '') +
    val('autoTitleDeleted', hasTitle ? 0 : 1) +
    `<c:plotArea><c:layout/>${plot.xml}</c:plotArea>` +
    (plot.legend ? `<c:legend>${val('legendPos', plot.legendPos)}${val('overlay', 0)}</c:legend>` : '') +
    val('plotVisOnly', 1) +
    val('dispBlanksAs', 'gap') +
    '</c:chart>' +
    `<c:spPr>${solid('FFFFFF')}${stroke(GRID)}</c:spPr>` +
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900">${solid(TEXT)}</a:defRPr></a:pPr>` +
    '<a:endParaRPr lang="zh-CN"/></a:p></c:txPr>' +
    '</c:chartSpace>'
  );
}
