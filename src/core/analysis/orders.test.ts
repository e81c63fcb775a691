import { OrderAccumulator, orderColumnsFromMapping, orderFacts } from './orders';
import { isoToDay } from './dates';

const COLS = { order: 0, date: 1, customer: 2, quantity: 3, price: 4 };

describe('orderFacts', () => {
  const rows = [
    ['1001', '2024-01-05 10:00:00', 'A', '2', '10'],
    ['1001', '2024-01-05 10:00:00', 'A', '1', '0'], // zero price stays
    ['1002', '2024-02-01 09:00:00', 'A', '1', '5'],
    ['C1003', '2024-02-02', 'A', '-1', '5'], // cancellation
    ['1004', '2024-03-01', null, '1', '5'], // no customer
    ['1005', '2024-03-02', 'B', '0', '5'], // quantity 0
    ['1006', '2024-03-03', 'B', '1', '-5'], // negative price
    ['1007', 'not a date', 'B', '1', '5'],
    ['1008', '2024/3/4', 'B', 'x', '5'],
    ['1009', '2024/3/4', ' B ', '3', '1.5'],
  ];
  const f = orderFacts(rows, COLS);

  it('counts each excluded line once, under its first reason', () => {
    expect(f.excluded).toEqual({
      noCustomer: 1, cancelled: 1, badDate: 1, badAmount: 1, nonPositiveQuantity: 1, negativePrice: 1, negativeAmount: 0,
    });
    expect(f.linesRead).toBe(10);
    expect(f.linesUsed).toBe(4);
  });

  it('sums distinct orders and amounts per customer', () => {
    expect(f.customers).toEqual(['A', 'B']);
    expect(Array.from(f.frequency)).toEqual([2, 1]);
    expect(Array.from(f.monetary)).toEqual([25, 4.5]);
    expect(f.firstDay[0]).toBe(isoToDay('2024-01-05'));
    expect(f.lastDay[0]).toBe(isoToDay('2024-02-01'));
    expect(f.maxDay).toBe(isoToDay('2024-03-04'));
    expect(f.orders.count).toBe(3);
  });

  it('does not take an order id like CN2024 for a cancellation', () => {
    const g = orderFacts([['CN2024', '2024-01-01', 'A', '1', '1']], COLS);
    expect(g.linesUsed).toBe(1);
  });

  it('treats the same order id under two customers as two orders', () => {
    const g = orderFacts([['1', '2024-01-01', 'A', '1', '1'], ['1', '2024-01-01', 'B', '1', '1'], ['1', '2024-01-01', 'A', '1', '1']], COLS);
    expect(Array.from(g.frequency)).toEqual([1, 1]);
    expect(Array.from(g.monetary)).toEqual([2, 1]);
  });

  it('counts (customer, day) as an order when there is no order id, and reads amounts and Dates', () => {
    const g = orderFacts(
      [['A', new Date(Date.UTC(2024, 0, 1, 15)), '¥1,200'], ['A', new Date(Date.UTC(2024, 0, 1)), 300], ['A', '2024-01-02', -1]],
      { customer: 0, date: 1, amount: 2 },
    );
    expect(Array.from(g.frequency)).toEqual([1]);
    expect(Array.from(g.monetary)).toEqual([1500]);
    expect(g.excluded.negativeAmount).toBe(1);
  });

  it('gives the same facts when fed in chunks or by columns', () => {
    const acc = new OrderAccumulator(COLS);
    acc.addRows(rows, 0, 3);
    acc.addRows(rows, 3);
    expect(acc.finish().monetary).toEqual(f.monetary);
    const byCols = new OrderAccumulator(COLS);
    byCols.addColumns([0, 1, 2, 3, 4].map((c) => rows.map((r) => r[c])), rows.length);
    expect(byCols.finish().excluded).toEqual(f.excluded);
  });

  it('needs an amount or quantity and price', () => {
    expect(() => new OrderAccumulator({ customer: 0, date: 1, quantity: 2 })).toThrow('单价');
  });
});

describe('orderColumnsFromMapping', () => {
  it('picks columns by field id and says what is missing', () => {
    const r = orderColumnsFromMapping([
      { column: 0, fieldId: 'orderId' }, { column: 3, fieldId: 'quantity' }, { column: 6, fieldId: 'customerId' },
    ]);
    expect(r.columns).toEqual({ order: 0, quantity: 3, customer: 6 });
    expect(r.missing).toEqual(['date', 'price']);
  });
});
