import { dedupe, explainLink, DedupInput, mergeClusters, trainModel } from '.';

/** Hand-normalized as the normalizers will: phones to 11 digits (+86 138-1234-5678 -> 13812345678), 張偉 -> 张伟. */
const FIELDS: DedupInput['fields'] = [
  { name: 'name', kind: 'personName', label: '客户名称' },
  { name: 'phone', kind: 'phone', label: '联系电话' },
  { name: 'birth', kind: 'date', label: '出生日期' },
  { name: 'region', kind: 'region', label: '地区' },
];

const ROWS: (string | null)[][] = [
  ['张伟', '13812345678', '1985-03-12', '北京市'], // 0
  ['张 伟', '13812345678', '1985-03-12', '北京市'], // 1: same person, a space in the name
  ['张伟', '13812345678', null, '北京市'], // 2: was 張偉 and +86 138-1234-5678
  ['张伟', '13998765432', '1992-11-05', '上海市'], // 3: another 张伟
  ['张伟', '13700001111', '1978-06-30', '北京市'], // 4: a third 张伟, same city as the first
  ['王鑫', '13655556666', '1990-07-08', '广东省深圳市'], // 5
  ['王新', '13655556666', '1990-07-08', '广东省深圳市'], // 6: homophone of 5
  ['李娜', '13911112222', '1988-01-15', '浙江省杭州市'], // 7
  ['刘洋', '13522223333', '1979-09-09', '四川省成都市'], // 8
  ['陈静', '13433334444', '1995-12-01', '湖北省武汉市'], // 9
  ['杨帆', '15044445555', '1983-05-20', '北京市'], // 10
  ['赵磊', '18655556666', '1970-02-28', '上海市'], // 11
];

const input: DedupInput = { fields: FIELDS, rows: ROWS };

describe('dedupe on hand-made Chinese customers', () => {
  const result = dedupe(input);
  const same = (a: number, b: number) => result.clusterOf[a] === result.clusterOf[b];

  it('merges 张伟 / 张 伟 / 張偉 sharing one phone', () => {
    expect(same(0, 1)).toBe(true);
    expect(same(0, 2)).toBe(true);
    expect(result.clusters[result.clusterOf[0]]).toEqual([0, 1, 2]);
  });

  it('keeps other people named 张伟 apart when phone and birth date differ', () => {
    expect(same(0, 3)).toBe(false);
    expect(same(0, 4)).toBe(false);
    expect(same(3, 4)).toBe(false);
    expect(result.clusters[result.clusterOf[4]]).toEqual([4]);
  });

  it('merges homophones 王鑫 / 王新 with the same phone and birth date', () => {
    expect(same(5, 6)).toBe(true);
    const link = result.links.find((l) => l.a === 5 && l.b === 6)!;
    expect(link.contributions.find((c) => c.field === 'name')!.level).toBe('pinyin');
  });

  it('leaves everyone else alone, and reports what it compared', () => {
    for (const r of [7, 8, 9, 10, 11]) expect(result.clusters[result.clusterOf[r]]).toEqual([r]);
    expect(result.clusters.flat().sort((a, b) => a - b)).toEqual(ROWS.map((_, i) => i));
    expect(result.pairsCompared).toBeGreaterThan(0);
    expect(result.pairsCompared).toBeLessThan((ROWS.length * (ROWS.length - 1)) / 2);
  });

  it('explains a link in plain words, field by field', () => {
    const link = result.links.find((l) => l.a === 0 && l.b === 1)!;
    expect(link.probability).toBeGreaterThanOrEqual(0.9);
    const zh = explainLink(link, FIELDS);
    expect(zh).toMatch(/联系电话 相同 \(\+\d+\.\d\)/);
    expect(zh).toContain('客户名称 相同（规范后）');
    expect(zh).toMatch(/→ (>99\.9|\d+\.\d)%$/);
    expect(explainLink(link, FIELDS, 'en-US')).toContain('联系电话 same (+');
    const sum = link.contributions.reduce((s, c) => s + c.weight, 0);
    expect(link.matchWeight).toBeCloseTo(sum + Math.log2(result.model.lambda / (1 - result.model.lambda)), 6);
  });

  it('points each row at its strongest link', () => {
    const best = result.links[result.bestLinkOf[0]];
    expect([best.a, best.b]).toContain(0);
    expect(result.bestProbability[0]).toBeCloseTo(best.probability, 9);
    expect(result.bestLinkOf[8]).toBe(-1);
  });

  it('reuses a trained model: same clusters, no retraining', () => {
    const model = trainModel(input);
    expect(model.comparisons.map((c) => c.field)).toEqual(['name', 'phone', 'birth', 'region']);
    const again = dedupe(input, { model });
    expect(Array.from(again.clusterOf)).toEqual(Array.from(result.clusterOf));
    expect(again.model).toBe(model);
  });

  it('makes one golden record per cluster', () => {
    const golden = mergeClusters(input, result.clusters, { strategies: { name: 'mostFrequent' } });
    const zhang = golden[result.clusterOf[0]];
    expect(zhang.rows).toEqual([0, 1, 2]);
    expect(zhang.values).toEqual(['张伟', '13812345678', '1985-03-12', '北京市']);
    expect(golden).toHaveLength(result.clusters.length);
  });
});

describe('dedupe on edge inputs', () => {
  it('handles no rows and one row', () => {
    const none = dedupe({ fields: FIELDS, rows: [] });
    expect(none.clusters).toEqual([]);
    expect(none.pairsCompared).toBe(0);
    const one = dedupe({ fields: FIELDS, rows: [ROWS[0]] });
    expect(one.clusters).toEqual([[0]]);
    expect(Array.from(one.bestLinkOf)).toEqual([-1]);
  });

  it('treats short rows as missing and non-text cells as text', () => {
    const rows = [['张伟', '13812345678'], ['张伟', 13812345678 as unknown as string, null, '北京市']];
    const r = dedupe({ fields: FIELDS, rows });
    expect(r.pairsCompared).toBe(1);
    const phone = r.links[0]?.contributions.find((c) => c.field === 'phone');
    expect(phone?.level).toBe('exact');
  });

  it('reports giant blocks instead of comparing them', () => {
    const rows = Array.from({ length: 30 }, (_, i) => ['张伟', `1380000${String(i).padStart(4, '0')}`, null, '北京市']);
    const r = dedupe({ fields: FIELDS, rows }, { maxBlockSize: 10 });
    expect(r.pairsCompared).toBe(0);
    expect(r.blocking.giantBlocks.map((g) => g.rule)).toContain('folded(name)');
    expect(r.blocking.giantBlocks.every((g) => g.rows === 30)).toBe(true);
  });
});
