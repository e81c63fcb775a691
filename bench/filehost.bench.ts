/** File host: reading the real 541,909-row online_retail.csv (decode, delimiter detection, parse). */
import * as fs from 'fs';
import * as path from 'path';
import { tableFromRows } from '../src/core/table';
import { openWorkbookFile } from '../src/host/file/node';
import { BenchCase, BenchResult } from './harness';

/** `<repo>/../shared/data`, found by walking up from wherever this file was compiled to (dist-node/bench/…). */
function sharedDataDir(): string | null {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.resolve(dir, '../shared/data');
    if (fs.existsSync(path.join(candidate, 'README.md'))) return candidate;
    if (path.dirname(dir) === dir) return null;
  }
}

export const cases: BenchCase[] = [
  {
    name: 'read csv online_retail (541,909 rows)',
    unit: 'rows',
    async run(): Promise<BenchResult> {
      const data = sharedDataDir();
      const file = data && path.join(data, 'online_retail', 'online_retail.csv');
      if (!file || !fs.existsSync(file)) {
        console.warn('read csv online_retail: skipped, ../shared/data/online_retail/online_retail.csv not found');
        return { count: 0, seconds: 1, extra: { skipped: 'shared data missing' } };
      }
      let peak = process.memoryUsage().rss;
      const sample = () => {
        peak = Math.max(peak, process.memoryUsage().rss);
      };
      const timer = setInterval(sample, 10); // fires in the parser's pauses between chunks
      try {
        const t0 = process.hrtime.bigint();
        const wb = await openWorkbookFile(file);
        sample();
        const sheet = await wb.readSheet('online_retail', { onProgress: sample });
        const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
        sample();
        const t1 = process.hrtime.bigint();
        const table = tableFromRows('online_retail', sheet.rows, 0, sheet.name, sheet.firstRow);
        const tableMs = Number(process.hrtime.bigint() - t1) / 1e6;
        sample();
        return {
          count: table.rowCount,
          seconds,
          extra: { peakMB: Math.round(peak / 2 ** 20), columns: table.columns.length, tableFromRowsMs: Math.round(tableMs) },
        };
      } finally {
        clearInterval(timer);
      }
    },
  },
];
