/** Date normalizer throughput over a million mixed cells, shaped like real date columns. */
import { CellValue } from '../src/core/cell';
import { normalizeDate, normalizeDateColumn } from '../src/core/normalize/date';
import { BenchCase, pick, prng, timeIt } from './harness';

const N = 1_000_000;
const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec'];
const CN_DIGITS = '〇一二三四五六七八九';
const INVALID: readonly CellValue[] = ['2023-02-30', '2023-13-01', '下周一', '明天', 'abc', 13812345678, true, '#N/A'];

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function cnNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n];
  return (n >= 20 ? CN_DIGITS[Math.floor(n / 10)] : '') + '十' + (n % 10 ? CN_DIGITS[n % 10] : '');
}

/** Mostly ISO and slash forms, then 年月日, compact, serials and date-times; a few rare forms, invalid and blank. */
function mixedDates(seed: number, n: number): CellValue[] {
  const rand = prng(seed);
  const out: CellValue[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const y = 1950 + Math.floor(rand() * 80);
    const m = 1 + Math.floor(rand() * 12);
    const d = 1 + Math.floor(rand() * 28);
    const r = rand() * 100;
    let v: CellValue;
    if (r < 28) v = `${y}-${pad2(m)}-${pad2(d)}`;
    else if (r < 48) v = rand() < 0.5 ? `${y}/${m}/${d}` : `${y}/${pad2(m)}/${pad2(d)}`;
    else if (r < 50) v = `${y}.${pad2(m)}.${pad2(d)}`;
    else if (r < 54) v = `${13 + (d % 16)}/${pad2(m)}/${y}`;
    else if (r < 56) v = `${m}/${13 + (d % 16)}/${y}`;
    else if (r < 57) v = `${pad2(Math.min(m, 12))}/${pad2(1 + (d % 12))}/${y}`;
    else if (r < 67) v = `${y}年${m}月${d}${rand() < 0.8 ? '日' : '号'}`;
    else if (r < 72) v = `${y}${pad2(m)}${pad2(d)}`;
    else if (r < 74) v = y * 10000 + m * 100 + d;
    else if (r < 84) v = 18000 + Math.floor(rand() * 30000) + (rand() < 0.2 ? rand() : 0);
    else if (r < 88) v = `${y}-${pad2(m)}-${pad2(d)} ${pad2(Math.floor(rand() * 24))}:${pad2(Math.floor(rand() * 60))}:00`;
    else if (r < 91) v = `${y}-${pad2(m)}-${pad2(d)}T08:30:00Z`;
    else if (r < 94) v = `${y}/${m}/${d} 下午 ${1 + Math.floor(rand() * 11)}:30`;
    else if (r < 95.5) v = rand() < 0.5 ? `${pick(rand, EN_MONTHS)} ${d}, ${y}` : `${d}-${pick(rand, EN_MONTHS)}-${pad2(y % 100)}`;
    else if (r < 96.5) v = `${[...String(y)].map((c) => CN_DIGITS[+c]).join('')}年${cnNumber(m)}月${cnNumber(d)}日`;
    else if (r < 98.5) v = pick(rand, INVALID);
    else v = rand() < 0.5 ? null : '';
    out[i] = v;
  }
  return out;
}

/** Values per CPU-second of this process: steadier than the wall-clock rate when other jobs share the cores. */
function cpuRate(count: number, work: () => void): number {
  const before = process.cpuUsage();
  work();
  const used = process.cpuUsage(before);
  return Math.round(count / ((used.user + used.system) / 1e6));
}

let data: CellValue[] | null = null;
function benchData(): CellValue[] {
  return (data ??= mixedDates(20230515, N));
}

export const cases: BenchCase[] = [
  {
    name: 'normalize date (1,000,000 mixed)',
    unit: 'values',
    target: 1_000_000,
    run() {
      const values = benchData();
      for (let i = 0; i < 100_000; i++) normalizeDate(values[i]); // warm-up
      let okCount = 0;
      let r = { count: 0, seconds: 0 };
      const perCpuSecond = cpuRate(values.length, () => {
        r = timeIt(() => {
          for (let i = 0; i < values.length; i++) if (normalizeDate(values[i]).status === 'ok') okCount++;
          return values.length;
        });
      });
      return { ...r, extra: { okShare: (okCount / values.length).toFixed(3), cpuRate: perCpuSecond } };
    },
  },
  {
    name: 'normalize date column (1,000,000 mixed)',
    unit: 'values',
    run() {
      const values = benchData();
      normalizeDateColumn(values.slice(0, 100_000)); // warm-up
      let okCount = 0;
      let r = { count: 0, seconds: 0 };
      const perCpuSecond = cpuRate(values.length, () => {
        r = timeIt(() => {
          const results = normalizeDateColumn(values);
          for (const x of results) if (x.status === 'ok') okCount++;
          return values.length;
        });
      });
      return { ...r, extra: { okShare: (okCount / values.length).toFixed(3), cpuRate: perCpuSecond } };
    },
  },
];
