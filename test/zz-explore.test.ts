import { runCli } from './helpers/cli';
it('x', async () => { const t0=Date.now(); const r = await runCli(['clean', '/work/shared/data/online_retail/online_retail.csv', '-o', '/tmp/zz-retail.xlsx', '--asof', '2012-01-01']); console.log((Date.now()-t0)/1000, r.code, r.stderr, r.stdout); }, 600000);
