import { tableFromRows } from '../table';
import { mapHeaders } from '../fields';
import { buildUnifiedView, sourceTable } from './unified-view';
import { isoToDay } from './dates';
import { resolveViewField } from './view-fields';

function source(name: string, rows: (string | number | null)[][]) {
  const table = tableFromRows(name, rows, 0, name, 1);
  return sourceTable(table, mapHeaders(rows[0]));
}

const master = source('客户', [
  ['客户编号', '客户名称', '地区', '性别', '年龄'],
  ['C1', '张三', '北京', '男', 30],
  ['C2', '李四', '上海', '女', '41'],
  ['C3', '张三(重复)', null, null, null],
]);
const interactions = source('互动', [
  ['客户编号', '行为类型', '互动时间', '渠道', '负责人', '结果'],
  ['C1', '咨询', '2024-03-01 10:15:00', '微信', '王五', '已回复'],
  ['C1', '投诉', '2024-03-05 10:40:00', '电话', '王五', '处理中'],
  ['C3', '投诉', '2024-03-06 20:00:00', '电话', '赵六', '已解决'],
  ['C2', '回访', '2024-02-01 15:00:00', '微信', '王五', '满意'],
]);
const orders = source('订单', [
  ['订单号', '客户编号', '下单时间', '金额', '产品'],
  ['O1', 'C1', '2024-01-10', 100, '茶叶'],
  ['O2', 'C3', '2024-03-20', 50, '茶叶'],
  ['O3', 'C2', '2023-01-01', 30, '咖啡'],
  ['O4', 'C9', '2024-03-01', 20, '咖啡'],
]);

describe('buildUnifiedView', () => {
  it('joins master, interactions and orders on the customer id', () => {
    const v = buildUnifiedView({ master, interactions, orders, asOfDay: isoToDay('2024-04-01') });
    expect(v.keys).toEqual(['C1', 'C2', 'C3', 'C9']);
    const c1 = v.rows[0];
    expect(c1).toMatchObject({ customerName: '张三', region: '北京', gender: '男', age: 30, interactions: 2, complaints: 1,
      consultations: 1, preferredChannel: '微信', frequency: 1, totalSpend: 100, avgOrderValue: 100, recencyDays: 82,
      activePeriod: '上午', activeHour: 10, lastResult: '处理中', preferredProduct: '茶叶', hasPurchased: true });
    expect(c1.firstInteraction).toEqual(new Date(Date.UTC(2024, 2, 1)));
    expect(c1['interactions:电话']).toBe(1);
    expect(v.rows[1].age).toBe(41);
    expect(v.rows[1].spend12m).toBe(0); // 2023-01-01 is more than 12 months before 2024-04-01
    expect(v.rows[3]).toMatchObject({ customerId: 'C9', complaints: 0 });
    expect(v.fields.map((f) => f.id)).toEqual(expect.arrayContaining(['customerName', 'region', 'totalSpend', 'interactions:微信']));
  });

  it('merges duplicates through clusterOf: orders and complaints of every id go to the golden customer', () => {
    const v = buildUnifiedView({ master, interactions, orders, clusterOf: [0, 1, 0], asOfDay: isoToDay('2024-04-01') });
    expect(v.keys).toEqual(['C1', 'C2', 'C9']);
    expect(v.masterRows[0]).toEqual([0, 2]);
    expect(v.rows[0]).toMatchObject({ frequency: 2, totalSpend: 150, complaints: 2, manyComplaints: true, churnRisk: true, recencyDays: 12 });
  });

  it('works with orders alone and defaults as-of to the day after the latest order', () => {
    const v = buildUnifiedView({ orders });
    expect(v.asOfDay).toBe(isoToDay('2024-03-21'));
    expect(v.rows.every((r) => typeof r.rfmSegment === 'string')).toBe(true);
    expect(v.fields.find((f) => f.id === 'complaints')).toBeUndefined();
  });
});

describe('view field names', () => {
  it('resolve from zh, en, id and aliases', () => {
    expect(resolveViewField('累计消费金额')?.id).toBe('totalSpend');
    expect(resolveViewField('TOTAL_SPEND')?.id).toBe('totalSpend');
    expect(resolveViewField('最近购买天数')?.en).toBe('recency_days');
    expect(resolveViewField('近12个月消费额')?.id).toBe('spend12m');
    expect(resolveViewField('投诉次数')?.type).toBe('number');
    expect(resolveViewField('首次购买日期')?.type).toBe('date');
    expect(resolveViewField('没有这个')).toBeUndefined();
  });
});

describe('VIEW_FIELDS', () => {
  it('has unique ids, zh and en names', () => {
    const { VIEW_FIELDS } = jest.requireActual('./view-fields') as typeof import('./view-fields');
    for (const key of ['id', 'zh', 'en'] as const) expect(new Set(VIEW_FIELDS.map((f) => f[key])).size).toBe(VIEW_FIELDS.length);
  });
});
