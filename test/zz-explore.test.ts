import * as fs from 'fs';
import * as path from 'path';
import { runCli, tempDir } from './helpers/cli';
it('explore', async () => {
  const { dir } = tempDir('x');
  const out = path.join(dir, 'o.xlsx');
  for (const argv of [
    ['clean', 'assets/sample/customers.csv', '-o', out],
    ['clean', 'nope.csv', '-o', out],
    ['clean', 'package.json', '-o', out],
    ['clean', 'README.md', '-o', out],
    ['clean', 'assets/sample/customers.csv', '-o', out, '--sheet', 'X'],
    ['clean', 'assets/sample/customers.csv', '-o', path.join(dir, 'o.csv')],
    ['clean', 'assets/sample/customers.csv'],
  ]) {
    const r = await runCli(argv);
    console.log(argv.join(' '), '\n', JSON.stringify({ ...r, thrown: r.thrown ? String(r.thrown) : undefined }, null, 1));
  }
});
