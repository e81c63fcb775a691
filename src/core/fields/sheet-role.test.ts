import { mapHeaders } from './map-headers';
import { detectSheetRole } from './sheet-role';

describe('detectSheetRole', () => {
  test('orders with money are value sheets', () => {
    const g = detectSheetRole(mapHeaders(['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice',
      'CustomerID', 'Country']));
    expect(g.role).toBe('value');
    expect(g.confidence).toBeGreaterThan(0.8);
    expect(g.reason).toContain('交易');
  });

  test('who the customers are is a master sheet', () => {
    const g = detectSheetRole(mapHeaders(['客户编号', '客户名称', '联系人', '手机', '邮箱', '所在地区', '所属行业', '客户等级']));
    expect(g.role).toBe('master');
    expect(g.confidence).toBeGreaterThan(0.8);
  });

  test('a follow-up log is a behaviour sheet', () => {
    const g = detectSheetRole(mapHeaders(['客户名称', '跟进时间', '跟进方式', '跟进内容', '跟进结果', '跟进人']));
    expect(g.role).toBe('behaviour');
  });

  test('a master sheet with one spend column stays master, less surely', () => {
    const pure = detectSheetRole(mapHeaders(['客户名称', '手机', '邮箱', '所在地区']));
    const mixed = detectSheetRole(mapHeaders(['客户名称', '手机', '邮箱', '所在地区', '消费金额']));
    expect(mixed.role).toBe('master');
    expect(mixed.confidence).toBeLessThan(pure.confidence);
  });

  test('a few fields make a guess, not a certainty', () => {
    const g = detectSheetRole(mapHeaders(['手机']));
    expect(g.role).toBe('master');
    expect(g.confidence).toBeLessThan(0.6);
  });

  test('nothing recognised is unknown', () => {
    expect(detectSheetRole(mapHeaders(['字段A', '字段B']))).toMatchObject({ role: 'unknown', confidence: 0 });
    expect(detectSheetRole([])).toMatchObject({ role: 'unknown' });
  });
});
