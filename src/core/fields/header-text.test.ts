import { parseHeader } from './header-text';

describe('parseHeader', () => {
  test.each([
    ['收货地址 ', '收货地址'],
    ['\u3000客户名称\u3000', '客户名称'],
    ['客户 名称', '客户名称'],
    ['金额（元）', '金额'],
    ['金额(RMB)', '金额'],
    ['单价/元', '单价'],
    ['手机号(必填)', '手机号'],
    ['【必填】客户名称', '客户名称'],
    ['*客户名称：', '客户名称'],
    ['1.姓名', '姓名'],
    ['Customer_ID', 'customerid'],
    ['Customer ID', 'customerid'],
    ['ＥＭＡＩＬ', 'email'],
    ['E-mail', 'email'],
    ['date_of_birth', 'dateofbirth'],
    ['出生日期(格式:yyyy-mm-dd)', '出生日期'],
  ])('%j -> %j', (raw, key) => {
    const p = parseHeader(raw);
    expect(p.key).toBe(key);
    expect(p.qualifiers).toEqual([]);
    expect(p.derived).toBe(false);
  });

  test('camelCase and CJK/Latin runs split into words', () => {
    expect(parseHeader('InvoiceDate').tokens).toEqual(['invoice', 'date']);
    expect(parseHeader('CustomerID').tokens).toEqual(['customer', 'id']);
    expect(parseHeader('VIP等级').tokens).toEqual(['vip', '等级']);
  });

  test('a trailing series number is an ordinal, not part of the name', () => {
    expect(parseHeader('address_2')).toMatchObject({ key: 'address', ordinal: 2 });
    expect(parseHeader('电话2')).toMatchObject({ key: '电话', ordinal: 2 });
    expect(parseHeader('电话')).toMatchObject({ ordinal: 0 });
    expect(parseHeader('2024')).toMatchObject({ key: '2024', ordinal: 0 });
  });

  test('other bracketed text is kept as a qualifier', () => {
    expect(parseHeader('电话(家)')).toMatchObject({ key: '电话', qualifiers: ['家'] });
  });

  test("Kehu's own output columns are marked derived", () => {
    expect(parseHeader('联系电话(清洗)')).toMatchObject({ key: '联系电话', derived: true });
    expect(parseHeader('联系电话（清洗）').derived).toBe(true);
  });

  test('a header that is only a bracket or blank does not vanish or throw', () => {
    expect(parseHeader('(元)').key).toBe('元');
    expect(parseHeader('').key).toBe('');
    expect(parseHeader('   ').key).toBe('');
    expect(parseHeader('***').key).toBe('');
  });
});
