import { cohortAnalysis } from './cohort';
import { isoToDay } from './dates';

describe('cohortAnalysis', () => {
  // customer 0: Jan, Jan, Mar; customer 1: Jan; customer 2: Feb, Mar
  const d = (s: string) => isoToDay(s);
  const orders = {
    count: 6,
    customer: [0, 0, 0, 1, 2, 2],
    day: [d('2024-01-03'), d('2024-01-20'), d('2024-03-01'), d('2024-01-31'), d('2024-02-01'), d('2024-03-15')],
  };
  const r = cohortAnalysis(3, orders);

  it('groups customers by first-order month and counts the active ones k months later', () => {
    expect(r.cohorts.map((c) => [c.month, c.size, c.active])).toEqual([
      ['2024-01', 2, [2, 0, 1]],
      ['2024-02', 1, [1, 1]],
    ]);
    expect(r.cohorts[0].rates).toEqual([1, 0, 0.5]);
  });

  it('counts monthly buyers, new, returning and repeat buyers', () => {
    expect(r.monthly).toEqual([
      { month: '2024-01', buyers: 2, newBuyers: 2, returningBuyers: 0, repeatBuyers: 1, repurchaseRate: 0.5, returningRate: 0 },
      { month: '2024-02', buyers: 1, newBuyers: 1, returningBuyers: 0, repeatBuyers: 0, repurchaseRate: 0, returningRate: 0 },
      { month: '2024-03', buyers: 2, newBuyers: 0, returningBuyers: 2, repeatBuyers: 0, repurchaseRate: 0, returningRate: 1 },
    ]);
  });

  it('is empty without orders', () => {
    expect(cohortAnalysis(0, { count: 0, customer: [], day: [] })).toEqual({ cohorts: [], monthly: [] });
  });
});
