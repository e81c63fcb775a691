import { churnFlags, orderWindows } from './churn';
import { lifecycleStage, valueLevel } from './lifecycle';

describe('orderWindows', () => {
  it('counts orders aged 0..90 days and 91..180 days back from as-of', () => {
    const orders = { count: 5, customer: [0, 0, 0, 1, 1], day: [100, 10, 9, 200, 1] };
    const w = orderWindows(2, orders, 100, 90);
    expect(Array.from(w.last)).toEqual([2, 0]); // ages 0 and 90
    expect(Array.from(w.previous)).toEqual([1, 1]); // age 91; age 99
  });
});

describe('churnFlags', () => {
  it('flags no order in 90 days, two complaints and falling frequency', () => {
    expect(churnFlags(91, 0, 0, 0)).toMatchObject({ noOrder90d: true, manyComplaints: false, frequencyFalling: false, churnRisk: true });
    expect(churnFlags(90, 1, 0, 1)).toMatchObject({ noOrder90d: false, churnRisk: false, reasons: '' });
    expect(churnFlags(10, 1, 3, 2)).toMatchObject({ manyComplaints: true, frequencyFalling: true, churnRisk: true });
    expect(churnFlags(10, 1, 3, 2).reasons).toContain('投诉2次');
  });

  it('leaves purchase flags null for a customer who never bought, complaints null without data', () => {
    expect(churnFlags(NaN, 0, 0, NaN)).toMatchObject({ noOrder90d: null, frequencyFalling: null, manyComplaints: null, churnRisk: false });
  });
});

describe('lifecycleStage', () => {
  it('applies the rules in order', () => {
    expect(lifecycleStage(NaN, NaN, 0, false)).toBe('获客期');
    expect(lifecycleStage(200, 500, 9, false)).toBe('流失期');
    expect(lifecycleStage(100, 500, 9, false)).toBe('衰退期');
    expect(lifecycleStage(10, 500, 9, true)).toBe('衰退期');
    expect(lifecycleStage(10, 10, 1, false)).toBe('获客期');
    expect(lifecycleStage(10, 200, 3, false)).toBe('成长期');
    expect(lifecycleStage(10, 400, 3, false)).toBe('成熟期');
    expect(lifecycleStage(100, 400, 3, false, { dormantDays: 120 })).toBe('成熟期');
  });

  it('derives value level from ABC', () => {
    expect([valueLevel('A'), valueLevel('B'), valueLevel('C')]).toEqual(['高', '中', '低']);
  });
});
