import {
  RFM_CLASSES_CN, RFM_GRID, RFM_SEGMENTS, computeRfm, quintileScores, rfmClassCn, rfmSegmentOf, thresholdScores,
} from './rfm';

describe('quintileScores', () => {
  it('scores 10 distinct values two per quintile, ascending', () => {
    expect(Array.from(quintileScores([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]))).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  it('reverses for recency: the smallest recency scores 5', () => {
    expect(Array.from(quintileScores([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], true))).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
  });

  it('gives equal values equal scores whatever the row order', () => {
    const values = [1, 1, 1, 1, 1, 1, 2, 2, 3, 9];
    const a = quintileScores(values);
    // rank_min of 1 is 1 -> score 1; of 2 is 7 -> 1 + floor(5*6/10) = 4; of 3 is 9 -> 5; of 9 is 10 -> 5
    expect(Array.from(a)).toEqual([1, 1, 1, 1, 1, 1, 4, 4, 5, 5]);
    const shuffled = [9, 2, 1, 3, 1, 1, 2, 1, 1, 1];
    const b = quintileScores(shuffled);
    shuffled.forEach((v, i) => expect(b[i]).toBe(a[values.indexOf(v)]));
  });

  it('never fails when every value is the same', () => {
    expect(Array.from(quintileScores([5, 5, 5]))).toEqual([1, 1, 1]);
    expect(Array.from(quintileScores([5, 5, 5], true))).toEqual([1, 1, 1]);
    expect(quintileScores([]).length).toBe(0);
  });
});

describe('thresholdScores', () => {
  it('F/M: 1 + cuts reached; R: 5 when <= first cut, 1 above the last', () => {
    expect(Array.from(thresholdScores([0, 1, 2, 5, 10, 11], [1, 2, 5, 10]))).toEqual([1, 2, 3, 4, 5, 5]);
    expect(Array.from(thresholdScores([0, 30, 31, 90, 365, 400], [30, 60, 90, 180], true))).toEqual([5, 5, 4, 3, 1, 1]);
  });

  it('rejects cuts that are not four ascending numbers', () => {
    expect(() => thresholdScores([1], [3, 2, 1, 0])).toThrow();
    expect(() => thresholdScores([1], [1, 2, 3])).toThrow();
  });
});

describe('R x F grid', () => {
  it('maps each of the 25 cells to exactly one of the 10 segments', () => {
    const hits = new Map<string, number>();
    for (const [rs, fs] of RFM_GRID) for (const r of rs) for (const f of fs) hits.set(`${r}${f}`, (hits.get(`${r}${f}`) ?? 0) + 1);
    expect(hits.size).toBe(25);
    for (const n of hits.values()) expect(n).toBe(1);
    const used = new Set<string>();
    for (let r = 1; r <= 5; r++) for (let f = 1; f <= 5; f++) used.add(rfmSegmentOf(r, f).id);
    expect(used).toEqual(new Set(RFM_SEGMENTS.map((s) => s.id)));
  });

  it('follows the tutorial regex map', () => {
    expect(rfmSegmentOf(5, 5).zh).toBe('冠军客户');
    expect(rfmSegmentOf(3, 4).zh).toBe('忠诚客户');
    expect(rfmSegmentOf(4, 3).zh).toBe('潜力客户');
    expect(rfmSegmentOf(5, 1).zh).toBe('新客户');
    expect(rfmSegmentOf(4, 1).zh).toBe('有望客户');
    expect(rfmSegmentOf(3, 3).zh).toBe('需要关注');
    expect(rfmSegmentOf(3, 2).zh).toBe('即将沉睡');
    expect(rfmSegmentOf(2, 4).zh).toBe('有流失风险');
    expect(rfmSegmentOf(1, 5).en).toBe("Can't Lose Them");
    expect(rfmSegmentOf(2, 2).zh).toBe('沉睡客户');
  });
});

describe('Chinese 8 classes', () => {
  it('maps the 8 combinations to 8 different classes', () => {
    const seen = new Set<string>();
    for (const r of [true, false]) for (const f of [true, false]) for (const m of [true, false]) seen.add(rfmClassCn(r, f, m));
    expect(seen).toEqual(new Set(RFM_CLASSES_CN));
    expect(rfmClassCn(true, false, true)).toBe('重要发展客户');
    expect(rfmClassCn(false, true, true)).toBe('重要保持客户');
    expect(rfmClassCn(false, false, false)).toBe('一般挽留客户');
  });

  it('uses the mean by default and the median on request, and returns the values used', () => {
    const values = { recencyDays: [1, 2, 3, 100], frequency: [1, 1, 2, 20], monetary: [10, 20, 30, 1000] };
    const byMean = computeRfm(values);
    expect(byMean.classThresholds).toEqual({ kind: 'mean', recencyDays: 26.5, frequency: 6, monetary: 265 });
    // customer 0: recent (1 < 26.5), F 1 <= 6, M 10 <= 265
    expect(byMean.classCn[0]).toBe('一般发展客户');
    expect(byMean.classCn[3]).toBe('重要保持客户');
    const byMedian = computeRfm(values, { classThresholds: 'median' });
    expect(byMedian.classThresholds).toMatchObject({ kind: 'median', recencyDays: 2.5, frequency: 1.5, monetary: 25 });
    // customer 2: R 3 is not < 2.5 (low), F 2 > 1.5 (high), M 30 > 25 (high)
    expect(byMedian.classCn[2]).toBe('重要保持客户');
    expect(byMean.classCn[2]).toBe('一般发展客户');
  });
});
