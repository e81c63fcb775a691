import { DedupSheetError, dedupSheet, prepareDedupSheet, readColumn } from './dedup';

const B2C = [
  ['2024 客户名单'],
  [],
  ['序号', '客户编号', '姓名', '性别', '出生日期', '手机', '邮箱', '所在地区', '消费金额', '身份证号'],
  [1, 'A01', '张 伟', '男', '1985/3/12', '+86 138-1234-5678', 'ZhangWei@QQ.com', '广东深圳', 1200, '110101198503120011'],
  [2, 'A02', '張偉先生', 'M', '1985年3月12日', '13812345678', '', '深圳市南山区', 80, ''],
  [3, 'A03', '张伟', '男', '1990-07-01', '13900001111', 'zw90@163.com', '广东深圳', 300, '440301199007010033'],
  [4, 'A04', '王鑫', '女', '19920505', '13655556666', '', '浙江杭州', 50, ''],
  [5, 'A05', '王新', 'F', '1992-05-05', '136 5555 6666', '', '杭州市', 60, ''],
];

describe('prepareDedupSheet', () => {
  it('finds the header under a title, maps the identifying columns, skips record numbers and amounts', () => {
    const { plan, table } = prepareDedupSheet('客户', B2C, 1);
    expect(table.provenance.headerRow).toBe(3);
    expect(plan.map((p) => [p.header, p.kind, p.use])).toEqual([
      ['姓名', 'personName', 'compare'],
      ['性别', 'gender', 'compare'],
      ['出生日期', 'date', 'compare'],
      ['手机', 'phone', 'compare'],
      ['邮箱', 'email', 'compare'],
      ['所在地区', 'region', 'compare'],
      ['身份证号', 'id', 'evidence'],
    ]);
  });

  it('takes --fields by header or field id, and says which names are unknown', () => {
    const { plan } = prepareDedupSheet('客户', B2C, 1, { fields: ['姓名', 'phone', '客户编号'] });
    expect(plan.map((p) => [p.header, p.kind])).toEqual([
      ['客户编号', 'id'], // a system's record number, used only because it was asked for
      ['姓名', 'personName'],
      ['手机', 'phone'],
    ]);
    expect(() => prepareDedupSheet('客户', B2C, 1, { fields: ['微信'] })).toThrow(/找不到指定的列：微信/);
  });

  it('refuses empty sheets and sheets with nothing to compare', () => {
    expect(() => prepareDedupSheet('空', [[null, '']], 1)).toThrow(DedupSheetError);
    expect(() => prepareDedupSheet('金额', [['消费金额', '备注'], [12, 'x'], [13, 'y']], 1)).toThrow(/没有可用于查重的列/);
  });

  it('reads English place names as text, not as Chinese regions', () => {
    const rows = [['given_name', 'surname', 'suburb', 'address_1'], ['john', 'smith', 'kingston', 'main street'], ['jo', 'smith', 'bondi', 'high street']];
    const { plan } = prepareDedupSheet('febrl', rows, 1);
    expect(plan.map((p) => [p.header, p.kind, p.reader])).toEqual([
      ['given_name', 'givenName', 'name'],
      ['surname', 'surname', 'name'],
      ['suburb', 'region', 'text'],
      ['address_1', 'address', 'text'],
    ]);
  });
});

describe('readColumn', () => {
  it('gives the matcher normalized values; invalid cells as their text; blanks as null', () => {
    expect(readColumn('phone', ['+86 138-1234-5678', '138 1234 5678', '12', null])).toEqual(['13812345678', '13812345678', '12', null]);
    expect(readColumn('company', ['深圳市腾达科技有限公司', '腾达科技（深圳）有限公司', '騰達科技有限公司'])).toEqual(['腾达科技', '腾达科技', '腾达科技']);
    expect(readColumn('name', ['张 伟', '张伟先生', '張偉'])).toEqual(['张伟', '张伟', '张伟']);
    expect(readColumn('region', ['广东深圳', '深圳市南山区', '火星'])).toEqual(['广东省-深圳市', '广东省-深圳市', '火星']);
    expect(readColumn('date', ['1985/3/12', '1985年3月12日', '19850312'])).toEqual(['1985-03-12', '1985-03-12', '1985-03-12']);
    expect(readColumn('gender', ['M', '女性', '未知', ''])).toEqual(['男', '女', null, null]);
    expect(readColumn('email', [' ZhangWei@QQ.com ', { error: '#N/A' }])).toEqual(['zhangwei@qq.com', '#N/A']);
  });
});

describe('dedupSheet', () => {
  const out = dedupSheet('客户', B2C, 1);
  const cluster = out.rows.map((r) => r.cluster);

  it('numbers customers in order of first row and merges the same person written three ways', () => {
    expect(cluster).toEqual([1, 1, 2, 3, 3]);
    expect(out.summary).toMatchObject({ rows: 5, clusters: 3, duplicateClusters: 2, rowsInDuplicates: 4 });
  });

  it('gives each row its link, with the Excel row it points to', () => {
    expect(out.rows[0].partner).toBe(1);
    expect(out.rows[0].reason).toMatch(/^与第 5 行：.*手机 相同/);
    expect(out.rows[0].probability).toBeGreaterThanOrEqual(0.9);
    expect(out.rows[3].reason).toContain('姓名 同音');
  });

  it('speaks English on request and follows --threshold', () => {
    const en = dedupSheet('客户', B2C, 1, { locale: 'en-US' });
    expect(en.rows[0].reason).toMatch(/^with row 5: .*手机 same/);
    const strict = dedupSheet('客户', B2C, 1, { threshold: 1 - 1e-12 });
    expect(new Set(strict.rows.map((r) => r.cluster)).size).toBeGreaterThan(3);
  });
});
