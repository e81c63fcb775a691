/**
 * Accuracy on generated Chinese customers, from raw dirty cells through the whole sheet pipeline (header mapping,
 * normalizers, matcher): pairwise F1 >= 0.97, and no two namesakes (different people with one common name, or
 * unrelated companies with one common contact name) ever in one cluster.
 */
import { pairwiseMetrics } from '../src/core/dedup/eval';
import { GeneratedSheet, generateCompanies, generatePersons } from '../src/core/dedup/testdata/chinese-customers';
import { dedupSheet, DedupSheetResult } from '../src/core/pipeline/dedup';

/** Clusters holding rows of two or more different namesake entities. */
function mixedNamesakes(g: GeneratedSheet, out: DedupSheetResult): string[] {
  const bad: string[] = [];
  for (const rows of out.result.clusters) {
    const entities = new Set(rows.map((r) => g.entity[r]).filter((e) => g.namesakes.has(e)));
    if (entities.size > 1) bad.push(rows.map((r) => g.rows[r + 1].join('|')).join('  +  '));
  }
  return bad;
}

describe.each([
  ['B2C persons', () => generatePersons(800, 7), ['客户姓名', '性别', '出生日期', '手机号码', '电子邮箱', '所在地区', '身份证号']],
  ['B2B companies', () => generateCompanies(500, 11), ['公司名称', '联系人', '联系电话', '邮箱', '所在地区', '所属行业', '统一社会信用代码']],
] as const)('Chinese %s through the pipeline', (label, make, used) => {
  const g = make();
  const t0 = Date.now();
  const out = dedupSheet(label, g.rows, 1);
  const ms = Date.now() - t0;
  const m = pairwiseMetrics(out.result.clusterOf, g.entity);

  it('is a realistic set: a few hundred customers, duplicates, namesakes', () => {
    expect(g.rows.length - 1).toBeGreaterThan(600);
    expect(m.truePairs).toBeGreaterThan(200);
    expect(g.namesakes.size).toBeGreaterThan(30);
  });

  it('uses the identifying columns, never the record number or the remarks', () => {
    expect(out.plan.map((p) => p.header)).toEqual(used);
    expect(out.plan.find((p) => /身份证|信用代码/.test(p.header))?.use).toBe('evidence');
  });

  it(`pairwise F1 >= 0.97`, () => {
    console.log(
      `Chinese ${label}: ${out.summary.rows} rows, ${g.entity.length - new Set(g.entity).size} duplicate rows; ` +
        `precision ${m.precision.toFixed(4)} recall ${m.recall.toFixed(4)} F1 ${m.f1.toFixed(4)} ` +
        `(true pairs ${m.truePairs}, predicted ${m.predictedPairs}, correct ${m.correctPairs}; ` +
        `pairs compared ${out.summary.pairsCompared}, ${ms} ms)`,
    );
    expect(m.f1).toBeGreaterThanOrEqual(0.97);
  });

  it('never merges namesakes', () => {
    expect(mixedNamesakes(g, out)).toEqual([]);
  });
});

describe('the variants the issue names are one customer', () => {
  const rows = [
    ['公司名称', '联系人', '联系电话', '所在地区'],
    ['深圳市腾达科技有限公司', '张 伟', '+86 138-1234-5678', '广东深圳'],
    ['腾达科技（深圳）有限公司', '张伟先生', '13812345678', '深圳市南山区'],
    ['騰達科技有限公司', '張偉', '138 1234 5678', ''],
    ['北京华兴贸易有限公司', '张伟', '13900001111', '北京市'],
    ['上海宏远电子有限公司', '张伟', '13700002222', '上海'],
    ['杭州博金物流有限公司', '李娜', '13600003333', '浙江杭州'],
  ];
  const out = dedupSheet('客户', rows, 1);
  const cluster = out.rows.map((r) => r.cluster);

  it('merges the three spellings of 腾达科技 and keeps the other 张伟 companies apart', () => {
    expect(cluster[1]).toBe(cluster[0]);
    expect(cluster[2]).toBe(cluster[0]);
    expect(new Set(cluster).size).toBe(4);
    expect(out.input.rows[0].slice(0, 3)).toEqual(['腾达科技', '张伟', '13812345678']);
    expect(out.input.rows[2].slice(0, 3)).toEqual(['腾达科技', '张伟', '13812345678']);
  });

  it('says why, naming the row linked to', () => {
    expect(out.rows[1].reason).toMatch(/^与第 \d 行：/);
    expect(out.rows[1].reason).toContain('联系电话 相同');
    expect(out.rows[3].reason).toMatch(/^未发现重复/);
  });
});
