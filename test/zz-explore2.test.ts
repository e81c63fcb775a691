import * as path from 'path';
import { runCli, tempDir } from './helpers/cli';
it('retail', async () => {
  const { dir } = tempDir('r');
  const out = path.join(dir, 'o.xlsx');
  const t0 = Date.now();
  const r = await runCli(['clean', '/work/shared/data/online_retail/online_retail.csv', '-o', out, '--asof', '2012-01-01']);
  console.log((Date.now() - t0) / 1000, 's', process.memoryUsage().rss / 1e6, JSON.stringify({ ...r, thrown: r.thrown ? String(r.thrown) : undefined }, null, 1));
}, 900000);
