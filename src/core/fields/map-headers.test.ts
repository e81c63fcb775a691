import { CellValue } from '../cell';
import { ColumnMapping, mapHeaders, matchHeader, osaDistance } from './map-headers';

const fieldsOf = (m: ColumnMapping[]): (string | null)[] => m.map((x) => x.fieldId);

function expectOneToOne(m: ColumnMapping[]): void {
  const ids = m.map((x) => x.fieldId).filter((x): x is string => x !== null);
  expect(new Set(ids).size).toBe(ids.length);
  m.forEach((x, i) => expect(x.column).toBe(i));
  for (const x of m) {
    expect(x.reason.length).toBeGreaterThan(0);
    if (x.fieldId === null) expect(x.confidence).toBe(0);
    else expect(x.confidence).toBeGreaterThanOrEqual(0.5);
    expect(x.confidence).toBeLessThanOrEqual(1);
  }
}

describe('mapHeaders: real header sets', () => {
  test('a Chinese CRM export (纷享销客/销售易 style)', () => {
    const headers = ['客户编号', '客户名称', '联系人', '手机', '座机', '邮箱', '省份', '城市', '详细地址', '所属行业', '客户来源',
      '客户等级', '客户状态', '负责人', '创建时间', '最后跟进时间', '备注'];
    const m = mapHeaders(headers);
    expectOneToOne(m);
    expect(fieldsOf(m)).toEqual(['customerId', 'customerName', 'contact', 'phone', 'phone2', 'email', 'region', 'city',
      'address', 'industry', 'source', 'level', 'status', 'owner', 'createdAt', 'lastContactAt', 'remark']);
    expect(m.every((x) => x.confidence === 1)).toBe(true);
  });

  test('a Taobao order export, with the stray spaces it really has', () => {
    const headers = ['订单编号', '买家会员名', '买家实际支付金额', '订单状态', '收货人姓名', '收货地址 ', '联系手机',
      '订单创建时间', '订单付款时间 ', '宝贝标题 ', '宝贝种类', '物流单号 ', '店铺名称', '订单备注'];
    const m = mapHeaders(headers);
    expectOneToOne(m);
    expect(fieldsOf(m)).toEqual(['orderId', 'customerId', 'amount', 'orderStatus', 'customerName', 'region', 'phone',
      'orderDate', 'paidAt', 'product', 'productCategory', 'trackingNo', 'store', 'remark']);
    expect(m[5].header).toBe('收货地址');
  });

  test('UCI Online Retail', () => {
    const m = mapHeaders(['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country']);
    expectOneToOne(m);
    expect(fieldsOf(m)).toEqual(['orderId', 'productCode', 'product', 'quantity', 'orderDate', 'unitPrice', 'customerId', 'country']);
  });

  test('FEBRL: what fits is mapped, the record id and house number are left alone', () => {
    const m = mapHeaders(['rec_id', 'given_name', 'surname', 'street_number', 'address_1', 'address_2', 'suburb', 'postcode',
      'state', 'date_of_birth', 'soc_sec_id']);
    expectOneToOne(m);
    expect(fieldsOf(m)).toEqual([null, 'givenName', 'surname', null, 'region', 'address', 'city', 'postcode', 'province',
      'birthDate', 'idNumber']);
    expect(m[0].reason).toBe('未识别的表头');
  });

  test('an English CRM export', () => {
    const m = mapHeaders(['Customer ID', 'Full Name', 'Company Name', 'Email Address', 'Phone Number', 'City', 'Industry',
      'Lead Source', 'Created Date', 'Owner', 'Total Price', 'Unit Price']);
    expectOneToOne(m);
    expect(fieldsOf(m)).toEqual(['customerId', 'customerName', 'company', 'email', 'phone', 'region', 'industry', 'source',
      'createdAt', 'owner', 'amount', 'unitPrice']);
  });

  test('a follow-up log', () => {
    const m = mapHeaders(['客户名称', '跟进时间', '跟进方式', '跟进内容', '跟进结果', '跟进人']);
    expect(fieldsOf(m)).toEqual(['customerName', 'interactionTime', 'interactionType', 'content', 'result', 'owner']);
  });
});

describe('mapHeaders: header text', () => {
  test('widths, spaces, units and markers do not matter', () => {
    const m = mapHeaders(['\u3000客户名称\u3000', 'ＥＭＡＩＬ', '金额（元）', '*手机号码：', '【必填】性别', 'customer_id']);
    expect(fieldsOf(m)).toEqual(['customerName', 'email', 'amount', 'phone', 'gender', 'customerId']);
    expect(m.every((x) => x.confidence === 1)).toBe(true);
  });

  test('a synonym inside a longer header counts, less surely; at the end (the head noun) more', () => {
    const [tail] = mapHeaders(['客户联系电话']);
    expect(tail.fieldId).toBe('phone');
    expect(tail.confidence).toBeGreaterThan(0.7);
    expect(tail.confidence).toBeLessThan(1);
    expect(tail.reason).toContain('包含');
    const [middle] = mapHeaders(['手机号码归属']);
    expect(middle.confidence).toBeLessThan(tail.confidence);
  });

  test('generic words only count when they are the whole header', () => {
    expect(fieldsOf(mapHeaders(['名称']))).toEqual(['customerName']);
    expect(fieldsOf(mapHeaders(['商品名称', '客户经理', '订单状态', '合同类型']))).toEqual(['product', 'owner', 'orderStatus', null]);
    expect(mapHeaders(['Name'])[0].fieldId).toBe('customerName');
    expect(matchHeader('Product Name').map((x) => x.fieldId)).not.toContain('customerName');
  });

  test('typos are caught, with less confidence', () => {
    const m = mapHeaders(['联系电活', 'Adress', 'Custmer ID', 'Emial']);
    expect(fieldsOf(m)).toEqual(['phone', 'region', 'customerId', 'email']);
    for (const x of m) expect(x.confidence).toBeLessThan(0.75);
  });

  test('unknown and blank headers stay null with a reason', () => {
    const m = mapHeaders(['自定义字段A', '', null, 2024]);
    expect(fieldsOf(m)).toEqual([null, null, null, null]);
    expect(m[0].reason).toBe('未识别的表头');
    expect(m[1].reason).toBe('表头为空');
    expect(m[3].header).toBe('2024');
  });

  test("Kehu's own output columns are never mapped", () => {
    const m = mapHeaders(['联系电话', '联系电话(清洗)']);
    expect(fieldsOf(m)).toEqual(['phone', null]);
    expect(m[1].reason).toContain('Kehu');
  });

  test('no headers, no columns', () => {
    expect(mapHeaders([])).toEqual([]);
  });
});

describe('mapHeaders: conflicts', () => {
  test('duplicate 电话: the first is the phone, the second the other phone, the third nothing', () => {
    const m = mapHeaders(['电话', '电话', '电话']);
    expect(fieldsOf(m)).toEqual(['phone', 'phone2', null]);
    expect(m[1].confidence).toBeLessThan(m[0].confidence);
    expect(m[2].reason).toContain('第 1 列');
  });

  test('a lone secondary is promoted to the primary', () => {
    const m = mapHeaders(['姓名', '座机']);
    expect(fieldsOf(m)).toEqual(['customerName', 'phone']);
    expect(m[1].reason).toContain('作为主字段');
  });

  test('numbered columns keep their order', () => {
    expect(fieldsOf(mapHeaders(['电话2', '电话1']))).toEqual(['phone2', 'phone']);
  });

  test('a column with fewer choices goes first on a tie', () => {
    // 收货地址 can be 地区 or 详细地址; 所在地区 can only be 地区.
    expect(fieldsOf(mapHeaders(['收货地址', '所在地区']))).toEqual(['address', 'region']);
    expect(fieldsOf(mapHeaders(['收货地址']))).toEqual(['region']);
    expect(fieldsOf(mapHeaders(['姓名', '公司名称']))).toEqual(['customerName', 'company']);
    expect(fieldsOf(mapHeaders(['公司名称']))).toEqual(['customerName']);
  });

  test('a column never falls back to a much weaker reading', () => {
    // `Email Address` contains `Address`, but it is the email, so with email taken it stays null.
    expect(fieldsOf(mapHeaders(['Email', 'Email Address']))).toEqual(['email', null]);
  });
});

describe('mapHeaders: value evidence', () => {
  const phones = ['13812345678', '13987654321', '15011112222', '18600001111', '17712345678', '13500000001', '13600000002',
    '13700000003', '13800000004', '13900000005'];
  const emails = phones.map((p) => `u${p}@qq.com`);
  const names = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨磊', '赵敏', '黄勇', '周杰', '吴霞'];

  test('values that agree raise a weak header', () => {
    const without = mapHeaders(['客户联系电话'])[0];
    const withValues = mapHeaders(['客户联系电话'], [phones])[0];
    expect(withValues.fieldId).toBe('phone');
    expect(withValues.confidence).toBeGreaterThan(without.confidence);
    expect(withValues.valueKind).toBe('phone');
    expect(withValues.reason).toContain('取值像电话号码');
  });

  test('a 电话 column full of emails is the email, not the phone', () => {
    const m = mapHeaders(['姓名', '电话'], [names, emails]);
    expect(m[1].fieldId).toBe('email');
    expect(m[1].reason).toContain('按取值推断');
    expect(m[1].valueKind).toBe('email');
  });

  test('with the email field already taken, it stays null and says the values do not fit', () => {
    const m = mapHeaders(['邮箱', '电话'], [emails, emails]);
    expect(fieldsOf(m)).toEqual(['email', null]);
    expect(m[1].reason).toContain('表头像「联系电话」，但取值不符');
    expect(m[1].reason).toContain('「邮箱」已由第 1 列');
  });

  test('dates given as Excel serial numbers (as Office.js hands them over) do not count against a date header', () => {
    const serials = [45292, 45293.4375, 45300, 45310.5, 45311, 45320, 45321.25, 45330];
    expect(mapHeaders(['下单时间'], [serials])[0]).toMatchObject({ fieldId: 'orderDate', confidence: 1 });
    expect(mapHeaders(['出生日期'], [[19900101, 19851231, 20000229, 19770707, 19660606]])[0]).toMatchObject({
      fieldId: 'birthDate', confidence: 1, valueKind: 'date',
    });
  });

  test('an unknown header is the user\'s own column: its values do not rename it', () => {
    const m = mapHeaders(['rec_id', '自定义1'], [['rec-1-org', 'rec-2-org', 'rec-3-org', 'rec-4-org', 'rec-5-org', 'rec-6-org'], phones]);
    expect(fieldsOf(m)).toEqual([null, null]);
    expect(m.map((x) => x.valueKind)).toEqual(['id', 'phone']);
  });

  test('a header-less sheet is named from its values', () => {
    const genders = ['男', '女', '女', '男', '男', '女', '女', '男', '女', '男'];
    const m = mapHeaders([], [names, phones, genders, ['x', 'y', 'z', 'w', 'v', 'u', 't', 's', 'r', 'q']]);
    expect(fieldsOf(m)).toEqual(['customerName', 'phone', 'gender', null]);
    for (const x of m.slice(0, 3)) expect(x.confidence).toBeLessThan(0.8);
  });

  test('columns with samples but shorter header rows are still mapped', () => {
    const m = mapHeaders(['姓名'], [names, phones]);
    expect(fieldsOf(m)).toEqual(['customerName', 'phone']);
  });

  test('blank sample columns change nothing', () => {
    const empty: CellValue[] = [null, '', undefined];
    expect(mapHeaders(['手机'], [empty])).toEqual([
      expect.objectContaining({ fieldId: 'phone', confidence: 1 }),
    ]);
    expect(mapHeaders(['手机'], [empty])[0].valueKind).toBeUndefined();
  });
});

test('osaDistance counts a swap as one edit', () => {
  expect(osaDistance('email', 'emial')).toBe(1);
  expect(osaDistance('adress', 'address')).toBe(1);
  expect(osaDistance('abc', 'abc')).toBe(0);
  expect(osaDistance('', 'abc')).toBe(3);
  expect(osaDistance('abcdef', 'uvwxyz', 1)).toBeGreaterThan(1);
});
