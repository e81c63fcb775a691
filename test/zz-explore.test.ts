import { runCli } from './helpers/cli';
it('x', async () => { const r = await runCli(['clean', 'assets/sample/customers.csv', '-o', '/tmp/zz.xlsx']); console.log(r.thrown, r.stdout); });
