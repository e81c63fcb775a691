/**
 * `kehu rfm` on the real online_retail.csv (541,909 lines): the whole command in a child process (start-up, read,
 * parse, analyse, write; target 1.0 s) and the analysis alone in-process on rows already parsed (order lines ->
 * per-customer facts -> RFM scores, segments, 8 classes, ABC; target 200 ms). Best of three runs each: the
 * machine is shared and the best run is the least disturbed.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { analyzeRfm } from '../src/core/analysis/analyze';
import { OrderAccumulator } from '../src/core/analysis/orders';
import { decodeCsvBytes, parseCsv } from '../src/host/file/csv';
import { BenchCase, BenchResult } from './harness';

const LINES = 541_909;

/** The first ancestor folder holding `name` (works from bench/ and from dist-node/bench/). */
function findUp(name: string): string | null {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, name))) return path.join(dir, name);
    if (path.dirname(dir) === dir) return null;
  }
}

function dataFile(): string | null {
  const data = findUp('../shared/data/README.md');
  const file = data && path.join(path.dirname(data), 'online_retail', 'online_retail.csv');
  if (file && fs.existsSync(file)) return file;
  if (process.env.CI) throw new Error('CI: ../shared/data/online_retail/online_retail.csv not found');
  console.warn('rfm bench: skipped, ../shared/data/online_retail/online_retail.csv not found');
  return null;
}

const SKIPPED: BenchResult = { count: 0, seconds: 1, extra: { skipped: 'shared data missing' } };

export const cases: BenchCase[] = [
  {
    name: 'kehu rfm online_retail (whole command, child process)',
    unit: 'lines',
    target: LINES / 1.0,
    run(): BenchResult {
      const file = dataFile();
      const bin = findUp('bin/kehu.js');
      if (!file || !bin) return SKIPPED;
      const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kehu-rfm-bench-')), 'customers.csv');
      const times: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t0 = process.hrtime.bigint();
        const r = spawnSync(process.execPath, [bin, 'rfm', file, '-o', out], { encoding: 'utf8' });
        times.push(Number(process.hrtime.bigint() - t0) / 1e9);
        if (r.status !== 0) throw new Error(`kehu rfm failed: ${r.stderr}`);
      }
      return { count: LINES, seconds: Math.min(...times), extra: { runs: times.map((t) => t.toFixed(3)).join('/') } };
    },
  },
  {
    name: 'rfm analysis only (parsed rows -> facts -> RFM/ABC)',
    unit: 'lines',
    target: LINES / 0.2,
    async run(): Promise<BenchResult> {
      const file = dataFile();
      if (!file) return SKIPPED;
      const { text } = decodeCsvBytes(fs.readFileSync(file));
      const rows = await parseCsv(text, ',');
      const cols = { order: 0, quantity: 3, date: 4, price: 5, customer: 6 };
      const times: number[] = [];
      let customers = 0;
      for (let i = 0; i < 3; i++) {
        const t0 = process.hrtime.bigint();
        const acc = new OrderAccumulator(cols);
        acc.addRows(rows, 1);
        const facts = acc.finish();
        const result = analyzeRfm(facts);
        times.push(Number(process.hrtime.bigint() - t0) / 1e9);
        customers = result.recencyDays.length;
      }
      return {
        count: rows.length - 1,
        seconds: Math.min(...times),
        extra: { customers, runs: times.map((t) => t.toFixed(3)).join('/') },
      };
    },
  },
];
