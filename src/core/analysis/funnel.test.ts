import { buildFunnel, funnelStageOf } from './funnel';

describe('funnelStageOf', () => {
  it('reads common CRM status words, the furthest stage winning', () => {
    expect(funnelStageOf('新线索')).toBe(0);
    expect(funnelStageOf('有意向')).toBe(1);
    expect(funnelStageOf('报价中')).toBe(1);
    expect(funnelStageOf('已成交')).toBe(2);
    expect(funnelStageOf('复购客户')).toBe(3);
    expect(funnelStageOf('未成交')).toBe(1);
    expect(funnelStageOf('Closed Won')).toBe(2);
    expect(funnelStageOf('随便')).toBe(-1);
    expect(funnelStageOf(null)).toBe(-1);
  });
});

describe('buildFunnel', () => {
  it('counts customers reaching at least each stage, orders lifting the stage', () => {
    const f = buildFunnel([['线索'], ['意向'], ['意向'], ['成交'], [null], ['线索']], [0, 0, 1, 1, 0, 2]);
    // stages: 0, 1, 2 (order), 2, unknown, 3 (two orders)
    expect(f.unknown).toBe(1);
    expect(f.rows.map((r) => r.customers)).toEqual([5, 4, 3, 1]);
    expect(f.rows[1].stepRate).toBeCloseTo(0.8);
    expect(f.rows[3].overallRate).toBeCloseTo(0.2);
  });
});
