/** `npm run bench`: runs every registered case and prints one table. */
import * as fs from 'fs';
import * as path from 'path';
import { BenchCase } from './harness';

/** Every `bench/*.bench.ts` module exports `cases: BenchCase[]`; they are found by name, in name order. */
const suites: Array<() => BenchCase[]> = fs
  .readdirSync(__dirname)
  .filter((f) => f.endsWith('.bench.js'))
  .sort()
  .map((f) => () => require(path.join(__dirname, f)).cases as BenchCase[]);

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

async function main(): Promise<void> {
  const only = process.argv[2];
  const rows: string[][] = [['case', 'count', 'seconds', 'rate/s', 'target/s', 'ok', 'extra']];
  for (const load of suites) {
    for (const c of load()) {
      if (only && !c.name.includes(only)) continue;
      const r = await c.run();
      const rate = r.count / r.seconds;
      rows.push([
        c.name,
        fmt(r.count),
        r.seconds.toFixed(3),
        `${fmt(rate)} ${c.unit}`,
        c.target ? fmt(c.target) : '',
        c.target ? (rate >= c.target ? 'yes' : 'NO') : '',
        r.extra ? Object.entries(r.extra).map(([k, v]) => `${k}=${v}`).join(' ') : '',
      ]);
    }
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const [i, r] of rows.entries()) {
    console.log(r.map((c, j) => c.padEnd(widths[j])).join(' | '));
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
