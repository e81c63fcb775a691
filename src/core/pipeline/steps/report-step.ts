/**
 * The 报告 step: the figures behind each chart the settings ask for — customer classes, industries, the ABC
 * Pareto curve, active and high-value customers over the last 12 months, the funnel, and interactions by weekday
 * and hour (a table coloured as a heat map) — written on
 * the 报告 sheet, each with a native chart over its cells where the host can draw one.
 */
import { CellValue } from '../../cell';
import { dayNumber, hourOf, monthLabel, monthOfDay } from '../../analysis/dates';
import { FUNNEL_EN } from '../../analysis/funnel';
import { RFM_CLASSES_CN } from '../../analysis/rfm';
import { BLANK_LABEL, OTHER_LABEL } from '../../analysis/crosstab';
import { ChartSection, REPORT_TITLE, reportSheet } from '../../report/charts';
import type { Locale } from '../../report/quality-sheet';
import type { Workbook } from '../../../host/workbook';
import { checkCancelled } from '../progress';
import type { PipelineSession, PipelineSettings, ReportChartId, ReportStepResult } from '../types';
import { Analysis, analyzeCustomers } from './analyze-step';
import { REPORT_SHEET } from './output-sheets';
import { say } from './say';

const TOP_INDUSTRIES = 8;
const TREND_MONTHS = 12;
const PARETO_BUCKETS = 10;
const WEEKDAYS_ZH = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];
const WEEKDAYS_EN = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

type Section = ChartSection | { skipped: string };

function segmentsSection(a: Analysis, locale: Locale): Section {
  if (!a.view.analysis) return { skipped: say(locale, '客户分类：没有订单数据', 'customer classes: no order data') };
  const counts = new Map<string, number>(RFM_CLASSES_CN.map((c) => [c, 0]));
  for (const r of a.view.rows) if (typeof r.rfmClassCn === 'string') counts.set(r.rfmClassCn, (counts.get(r.rfmClassCn) ?? 0) + 1);
  return {
    id: 'segments',
    title: say(locale, 'RFM 客户分类分布', 'Customers by RFM class'),
    kind: 'doughnut',
    header: [say(locale, '客户分类', 'Class'), say(locale, '客户数', 'Customers')],
    rows: [...counts],
    formats: [undefined, 'integer'],
  };
}

function industrySection(a: Analysis, locale: Locale): Section {
  if (!a.view.fields.some((f) => f.id === 'industry')) {
    return { skipped: say(locale, '行业分布：客户表没有所属行业列', 'industries: no industry column') };
  }
  const counts = new Map<string, number>();
  for (const r of a.view.rows) {
    const k = typeof r.industry === 'string' && r.industry.trim() !== '' ? r.industry : BLANK_LABEL;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const sorted = [...counts].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  const top = sorted.slice(0, TOP_INDUSTRIES);
  const rest = sorted.slice(TOP_INDUSTRIES).reduce((n, [, c]) => n + c, 0);
  if (rest > 0) top.push([OTHER_LABEL, rest]);
  return {
    id: 'industry',
    title: say(locale, '客户行业分布', 'Customers by industry'),
    kind: 'pie',
    header: [say(locale, '所属行业', 'Industry'), say(locale, '客户数', 'Customers')],
    rows: top,
    formats: [undefined, 'integer'],
  };
}

/** Customers ranked by spend, in ten equal groups: each group's spend and the cumulative share of the total. */
function paretoSection(a: Analysis, locale: Locale): Section {
  const facts = a.view.facts;
  if (!facts || !a.view.analysis) return { skipped: say(locale, 'ABC 帕累托：没有订单数据', 'ABC Pareto: no order data') };
  const spend = Array.from(facts.monetary).filter((m) => m > 0).sort((x, y) => y - x);
  const total = spend.reduce((s, m) => s + m, 0);
  if (spend.length === 0 || total <= 0) return { skipped: say(locale, 'ABC 帕累托：没有正的消费金额', 'ABC Pareto: no positive spend') };
  const buckets = Math.min(PARETO_BUCKETS, spend.length);
  const rows: CellValue[][] = [];
  let cum = 0;
  for (let b = 0; b < buckets; b++) {
    const from = Math.floor((b * spend.length) / buckets);
    const to = Math.floor(((b + 1) * spend.length) / buckets);
    let sum = 0;
    for (let i = from; i < to; i++) sum += spend[i];
    cum += sum;
    const label = say(locale, `前 ${Math.round(((b + 1) * 100) / buckets)}%`, `Top ${Math.round(((b + 1) * 100) / buckets)}%`);
    rows.push([label, Math.round(sum * 100) / 100, cum / total]);
  }
  const abc = a.view.analysis.abc;
  return {
    id: 'abcPareto',
    title: say(locale, 'ABC 帕累托：客户按消费额排名分十组', 'ABC Pareto: customers ranked by spend, in ten groups'),
    note: say(
      locale,
      `A 类 ${abc.counts.A} 位客户贡献 ${(abc.shares.A * 100).toFixed(1)}% 的金额；B 类 ${abc.counts.B} 位，C 类 ${abc.counts.C} 位`,
      `Class A: ${abc.counts.A} customers, ${(abc.shares.A * 100).toFixed(1)}% of spend; B: ${abc.counts.B}; C: ${abc.counts.C}`,
    ),
    kind: 'columnLine',
    header: [say(locale, '客户组', 'Group'), say(locale, '消费金额', 'Spend'), say(locale, '累计占比', 'Cumulative share')],
    rows,
    formats: [undefined, 'thousands', 'percent'],
  };
}

/** Per month of the last 12 up to the as-of date: customers with an order, and those of them of high value (ABC A). */
function trendSection(a: Analysis, locale: Locale): Section {
  const facts = a.view.facts;
  const view = a.view;
  if (!facts || facts.orders.count === 0 || view.asOfDay !== view.asOfDay) {
    return { skipped: say(locale, '月度趋势：没有订单数据', 'monthly trend: no order data') };
  }
  const last = monthOfDay(view.asOfDay - 1);
  const first = last - TREND_MONTHS + 1;
  const active = Array.from({ length: TREND_MONTHS }, () => new Set<number>());
  for (let o = 0; o < facts.orders.count; o++) {
    const m = monthOfDay(facts.orders.day[o]) - first;
    if (m >= 0 && m < TREND_MONTHS) active[m].add(facts.orders.customer[o]);
  }
  const high = (c: number) => view.rows[view.viewRowOfOrderCustomer[c]].valueLevel === '高';
  return {
    id: 'monthlyTrend',
    title: say(locale, '近 12 个月活跃客户与高价值客户', 'Active and high-value customers, last 12 months'),
    note: say(locale, '活跃：当月有下单；高价值：ABC 为 A 类', 'Active: ordered in the month; high value: ABC class A'),
    kind: 'line',
    header: [say(locale, '月份', 'Month'), say(locale, '活跃客户', 'Active'), say(locale, '高价值活跃客户', 'High-value active')],
    rows: active.map((set, m) => [monthLabel(first + m), set.size, [...set].filter(high).length]),
    formats: ['text', 'integer', 'integer'],
  };
}

function funnelSection(a: Analysis, locale: Locale): Section {
  if (!a.funnel) return { skipped: say(locale, '销售漏斗：没有客户状态或处理结果列', 'funnel: no status or result column') };
  return {
    id: 'funnel',
    title: say(locale, '销售漏斗', 'Sales funnel'),
    kind: 'funnel',
    header: [say(locale, '阶段', 'Stage'), say(locale, '客户数', 'Customers')],
    rows: a.funnel.rows.map((r) => [locale === 'en-US' ? FUNNEL_EN[r.stage] : r.stage, r.customers]),
    formats: [undefined, 'integer'],
  };
}

/** Interactions by weekday (rows) and hour (columns). */
function weekdayHourSection(a: Analysis, locale: Locale): Section {
  const inter = a.interactions;
  const timeCol = inter?.fields.interactionTime;
  if (!inter || timeCol === undefined) return { skipped: say(locale, '星期×小时：没有互动时间列', 'weekday × hour: no interaction time column') };
  const grid = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  let counted = 0;
  for (const v of inter.table.columns[timeCol].values) {
    const h = hourOf(v);
    const d = dayNumber(v);
    if (h < 0 || d !== d) continue;
    grid[(((d + 3) % 7) + 7) % 7][h]++; // day 0 (1970-01-01) was a Thursday; Monday first
    counted++;
  }
  if (counted === 0) return { skipped: say(locale, '星期×小时：互动时间没有时刻', 'weekday × hour: interaction times carry no time of day') };
  const names = locale === 'en-US' ? WEEKDAYS_EN : WEEKDAYS_ZH;
  return {
    id: 'weekdayHour',
    title: say(locale, '互动时间分布（星期 × 小时，次数）', 'Interactions by weekday and hour'),
    kind: null,
    heatMap: true,
    header: [say(locale, '星期', 'Weekday'), ...Array.from({ length: 24 }, (_, h) => `${h}${say(locale, '时', 'h')}`)],
    rows: grid.map((row, d) => [names[d], ...row]),
    formats: [undefined, ...Array<'integer'>(24).fill('integer')],
  };
}

const SECTIONS: Record<ReportChartId, (a: Analysis, locale: Locale) => Section> = {
  segments: segmentsSection,
  industry: industrySection,
  abcPareto: paretoSection,
  monthlyTrend: trendSection,
  funnel: funnelSection,
  weekdayHour: weekdayHourSection,
};

export async function reportStep(book: Workbook, settings: PipelineSettings, session?: PipelineSession): Promise<ReportStepResult> {
  const started = Date.now();
  const locale = settings.locale;
  const a = await analyzeCustomers(book, settings, session);
  checkCancelled(session?.progress);
  const made = settings.report.charts.map((id) => SECTIONS[id](a, locale));
  const sections = made.filter((s): s is ChartSection => !('skipped' in s));
  const skipped = made.filter((s): s is { skipped: string } => 'skipped' in s).map((s) => s.skipped);
  const result: ReportStepResult = { message: '', sheets: [], columns: [], charts: 0, durationMs: 0, chartSpecs: [] };
  if (sections.length > 0) {
    const { sheet, charts } = reportSheet(REPORT_SHEET, REPORT_TITLE[locale], sections);
    await book.writeSheet(sheet);
    result.sheets.push(REPORT_SHEET);
    result.chartSpecs = charts;
    if (book.addChart) {
      for (const spec of charts) {
        checkCancelled(session?.progress);
        await book.addChart(spec);
        result.charts++;
      }
    }
  }
  const head = say(
    locale,
    `报告：${sections.length} 组图表数据，${result.chartSpecs.length} 张图表`,
    `Report: ${sections.length} data table(s), ${result.chartSpecs.length} chart(s)`,
  );
  result.message = skipped.length ? `${head}${say(locale, '；未生成：', '; not made: ')}${skipped.join('；')}` : head;
  result.durationMs = Date.now() - started;
  return result;
}
