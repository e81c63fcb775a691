import { Normalized } from '../normalize/types';
import { buildQualityReport } from './report';
import { findOutliers } from './outliers';
import { QualityField } from './types';

const ok = <T>(value: T): Normalized<T> => ({ value, status: 'ok' });
const miss: Normalized<never> = { value: null, status: 'missing' };
const bad = (note: string): Normalized<never> => ({ value: null, status: 'invalid', note });

function field(fieldId: string, label: string, results: Normalized<unknown>[], extra: Partial<QualityField> = {}): QualityField {
  return {
    fieldId,
    label,
    sourceColumn: label,
    raw: results.map((r) => (r.status === 'ok' ? String(r.value) : r.status === 'invalid' ? 'garbage' : null)),
    results,
    ...extra,
  };
}

describe('buildQualityReport', () => {
  const rows = [2, 3, 4, 5, 6];
  const base = {
    sheet: '客户',
    rowCount: 5,
    rowNumbers: rows,
    keyFieldIds: ['customerId', 'phone', 'email'],
    asOf: '2024-06-30',
  };

  it('counts filled, valid and unique shares and lists invalid examples with their Excel rows', () => {
    const report = buildQualityReport({
      ...base,
      fields: [
        field('customerId', '客户编号', [ok('C1'), ok('C2'), ok('C2'), miss, ok('C4')], { checkUnique: true }),
        field('phone', '联系电话', [ok('13812345678'), bad('号码位数不对'), miss, miss, ok('13912345678')]),
      ],
    });
    const id = report.fields[0];
    expect(id.filled).toBe(4);
    expect(id.filledShare).toBeCloseTo(0.8);
    expect(id.distinct).toBe(3);
    expect(id.duplicates).toBe(1);
    expect(id.uniqueShare).toBeCloseTo(0.75);
    const phone = report.fields[1];
    expect(phone.valid).toBe(2);
    expect(phone.invalid).toBe(1);
    expect(phone.validShare).toBeCloseTo(2 / 3);
    expect(phone.invalidExamples).toEqual([{ row: 3, value: 'garbage', note: '号码位数不对' }]);
    expect(report.issues.find((i) => i.kind === 'duplicate')).toMatchObject({ row: 4, problem: expect.stringContaining('第 3 行') });
  });

  it('excludes rows missing every key field from analysis, keeps them listed, and measures availability', () => {
    const report = buildQualityReport({
      ...base,
      fields: [
        field('customerId', '客户编号', [ok('C1'), miss, miss, miss, ok('C5')]),
        field('phone', '联系电话', [miss, ok('13812345678'), miss, miss, miss]),
        field('customerName', '客户名称', [ok('甲'), ok('乙'), ok('丙'), ok('丁'), ok('戊')]),
      ],
    });
    expect(report.excludedRows).toEqual([4, 5]);
    expect(report.rowsUsable).toBe(3);
    expect(report.availability).toBeCloseTo(0.6);
    expect(report.meetsTarget).toBe(false);
    expect(report.issueCounts.missingKey).toBe(2);
    expect(report.keyFieldIds).toEqual(['customerId', 'phone']);
  });

  it('finds contradictions: dates out of order, birth in the future, churned yet buying, order before first contact', () => {
    const report = buildQualityReport({
      ...base,
      fields: [
        field('customerId', '客户编号', [ok('C1'), ok('C2'), ok('C3'), ok('C4'), ok('C5')]),
        field('createdAt', '首次接触时间', [ok('2024-05-01'), ok('2023-01-01'), miss, ok('2024-02-01'), miss]),
        field('updatedAt', '最后更新时间', [ok('2024-04-01'), ok('2023-06-01'), miss, miss, miss]),
        field('birthDate', '出生日期', [miss, miss, ok('2030-01-01'), miss, ok('1990-01-01')]),
        field('status', '客户状态', [miss, ok('已流失'), miss, miss, ok('流失')]),
      ],
      orders: {
        sheet: '订单',
        customerIds: ['C2', 'C4', 'C5'],
        dates: ['2024-06-20', '2024-01-15', '2024-01-01'],
        rowNumbers: [2, 3, 4],
      },
    });
    const problems = report.issues.filter((i) => i.kind === 'contradiction').map((i) => [i.row, i.fieldId]);
    expect(problems).toEqual([
      [2, 'createdAt'],
      [3, 'status'],
      [4, 'birthDate'],
      [5, 'createdAt'],
    ]);
  });
});

describe('findOutliers', () => {
  it('flags far values by the robust rule and the 10x-mean rule, never the bulk', () => {
    // With few values one spike lifts the mean too much for the 10x rule; with 30 it does not.
    const few = [10, 12, 11, 9, 10, 13, 12, 11, 10, 5000, null];
    expect(findOutliers(few).outliers).toEqual([{ index: 9, value: 5000, reason: 'robust' }]);
    const many = [...Array.from({ length: 29 }, (_, i) => 9 + (i % 5)), 5000];
    expect(findOutliers(many).outliers).toEqual([{ index: 29, value: 5000, reason: 'both' }]);
  });

  it('measures skewed positive values as ratios: ordinary orders of 20 and 2,000 are not outliers, 200,000 is', () => {
    const amounts = [20, 35, 50, 80, 120, 200, 300, 500, 800, 1200, 2000, 60, 90, 150, 250, 200000];
    expect(findOutliers(amounts).outliers.map((o) => o.value)).toEqual([200000]);
  });

  it('where most values are equal (MAD = 0) only the 10x-mean rule speaks: quantity 3 is fine, 500 is not', () => {
    const quantities = [...Array.from({ length: 40 }, () => 1), 2, 3, 2, 500];
    expect(findOutliers(quantities).outliers).toEqual([{ index: 43, value: 500, reason: 'tenTimesMean' }]);
  });

  it('leaves refunds and zero lines to the 10x-mean rule when most amounts are positive', () => {
    const amounts = [100, 220, 90, 300, 250, 80, 0, -120, 150, 200, 60, 95, 130, 40, 310, 105, -40000];
    expect(findOutliers(amounts).outliers.map((o) => o.value)).toEqual([-40000]);
  });

  it('needs at least five numbers', () => {
    expect(findOutliers([1, 2, 1000]).rule).toBeNull();
  });
});
