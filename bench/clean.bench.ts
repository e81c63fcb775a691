/**
 * `kehu clean` end to end on the real 541,909-row online_retail.csv: the built CLI in a child process (read,
 * clean, write columns and the report sheet, save .xlsx), timed from outside. Peak memory and CPU time come from
 * `/usr/bin/time` when the system has it; without it only wall time is reported.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { BenchCase, BenchResult } from './harness';

const ROWS = 541_909;

/** The first folder up from here that holds bin/kehu.js (this file runs compiled from dist-node/bench). */
function repoRoot(): string | null {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'bin', 'kehu.js'))) return dir;
    if (path.dirname(dir) === dir) return null;
  }
}

const TIME = '/usr/bin/time';

export const cases: BenchCase[] = [
  {
    name: `kehu clean online_retail.csv (${ROWS.toLocaleString('en-US')} rows)`,
    unit: 'rows',
    target: ROWS / 5,
    run(): BenchResult {
      const root = repoRoot();
      const input = root && path.resolve(root, '../shared/data/online_retail/online_retail.csv');
      if (!root || !input || !fs.existsSync(input)) {
        console.warn('kehu clean online_retail: skipped, ../shared/data/online_retail/online_retail.csv not found');
        return { count: 0, seconds: 1, extra: { skipped: 'shared data missing' } };
      }
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehu-clean-bench-'));
      const out = path.join(dir, 'online_retail.xlsx');
      const stats = path.join(dir, 'time.txt');
      const cli = [path.join(root, 'bin', 'kehu.js'), 'clean', input, '-o', out, '--asof', '2011-12-10'];
      const timed = fs.existsSync(TIME);
      try {
        const t0 = process.hrtime.bigint();
        const child = timed
          ? spawnSync(TIME, ['-f', '%M %U %S', '-o', stats, process.execPath, ...cli], { encoding: 'utf8' })
          : spawnSync(process.execPath, cli, { encoding: 'utf8' });
        const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
        if (child.status !== 0) throw new Error(`kehu clean failed (${child.status}): ${child.stderr}`);
        const extra: Record<string, string | number> = { outMB: +(fs.statSync(out).size / 2 ** 20).toFixed(1) };
        if (timed) {
          const [maxKb, user, sys] = fs.readFileSync(stats, 'utf8').trim().split(/\s+/).slice(-3).map(Number);
          extra.peakMB = Math.round(maxKb / 1024);
          extra.cpuS = +(user + sys).toFixed(2);
        }
        return { count: ROWS, seconds, extra };
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  },
];
