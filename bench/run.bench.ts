/**
 * `kehu run` end to end (read, detect, clean, dedup, analyse + tags, report + charts, save .xlsx): the built CLI in a
 * child process, timed from outside, on the shipped sample files and on a larger sample workbook made with
 * `kehu sample` (deterministic: fixed seed). Peak memory and CPU time come from `/usr/bin/time` when the system
 * has it; without it only wall time is reported.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { BenchCase, BenchResult } from './harness';

/** The first folder up from here that holds bin/kehu.js (this file runs compiled from dist-node/bench). */
function repoRoot(): string | null {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'bin', 'kehu.js'))) return dir;
    if (path.dirname(dir) === dir) return null;
  }
}

const TIME = '/usr/bin/time';
const LARGE_CUSTOMERS = 100_000;

/** Runs `kehu <args>` timed; throws with its stderr when it fails. */
function timedKehu(root: string, args: string[], dir: string): { seconds: number; extra: Record<string, number> } {
  const stats = path.join(dir, 'time.txt');
  const cli = [path.join(root, 'bin', 'kehu.js'), ...args];
  const timed = fs.existsSync(TIME);
  const t0 = process.hrtime.bigint();
  const child = timed
    ? spawnSync(TIME, ['-f', '%M %U %S', '-o', stats, process.execPath, ...cli], { encoding: 'utf8' })
    : spawnSync(process.execPath, cli, { encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (child.status !== 0) throw new Error(`kehu ${args[0]} failed (${child.status}): ${child.stderr}`);
  const extra: Record<string, number> = {};
  if (timed) {
    const [maxKb, user, sys] = fs.readFileSync(stats, 'utf8').trim().split(/\s+/).slice(-3).map(Number);
    extra.peakMB = Math.round(maxKb / 1024);
    extra.cpuS = +(user + sys).toFixed(2);
  }
  return { seconds, extra };
}

/** Data rows of every sheet of the input (what the pipeline reads), counted from the CLI's own summary. */
function runCase(name: string, input: (root: string, dir: string) => string | string[] | null, rows: (root: string) => number): BenchCase {
  return {
    name,
    unit: 'rows',
    run(): BenchResult {
      const root = repoRoot();
      if (!root) return { count: 0, seconds: 1, extra: { skipped: 'repo not found' } };
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehu-run-bench-'));
      try {
        const files = input(root, dir);
        if (!files) {
          console.warn(`${name}: skipped, input not found`);
          return { count: 0, seconds: 1, extra: { skipped: 'input missing' } };
        }
        const out = path.join(dir, 'out.xlsx');
        const { seconds, extra } = timedKehu(root, ['run', ...(Array.isArray(files) ? files : [files]), '-o', out], dir);
        return { count: rows(root), seconds, extra: { ...extra, outMB: +(fs.statSync(out).size / 2 ** 20).toFixed(1) } };
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

const sampleCsv = (root: string) => path.join(root, 'assets', 'sample', 'customers.csv');
const sampleCrm = (root: string) => path.join(root, 'assets', 'sample-crm.xlsx');
/** The sample generator's rows for 3,000 customers (CRM, orders, tickets, sign-ups; see src/core/sample). */
const SAMPLE_CRM_ROWS = 3090 + 3502 + 1323 + 627;

const onlineRetail = (root: string) => path.join(root, '..', 'shared', 'data', 'online_retail', 'online_retail.csv');

export const cases: BenchCase[] = [
  runCase('kehu run assets/sample/customers.csv (15 rows)', (root) => sampleCsv(root), () => 15),
  runCase(
    'kehu run assets/sample-crm.xlsx (3,000 customers, 4 sheets)',
    (root) => (fs.existsSync(sampleCrm(root)) ? sampleCrm(root) : null),
    () => SAMPLE_CRM_ROWS,
  ),
  runCase(
    'kehu run customers.csv + online_retail.csv (two files, 541,924 rows)',
    (root) => (fs.existsSync(onlineRetail(root)) ? [sampleCsv(root), onlineRetail(root)] : null),
    () => 15 + 541_909,
  ),
  runCase(
    `kehu run sample workbook (${LARGE_CUSTOMERS.toLocaleString('en-US')} customers, 4 sheets)`,
    (root, dir) => {
      const file = path.join(dir, 'large.xlsx');
      timedKehu(root, ['sample', '-o', file, '--customers', String(LARGE_CUSTOMERS)], dir);
      return file;
    },
    () => Math.round((SAMPLE_CRM_ROWS * LARGE_CUSTOMERS) / 3000),
  ),
];
