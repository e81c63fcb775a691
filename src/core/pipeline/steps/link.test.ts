import { ColumnMapping } from '../../fields';
import { tableFromRows } from '../../table';
import { CellValue } from '../../cell';
import { CustomerIndex, ownKey, rowKeys } from './link';

function keysOf(rows: CellValue[][], fields: (string | null)[], valueKinds: Record<string, 'company'> = {}) {
  const table = tableFromRows('t', rows, 0, 't', 1);
  const mapping: ColumnMapping[] = fields.map((fieldId, column) => ({
    column, header: String(rows[0][column]), fieldId, confidence: 1, reason: '', valueKind: valueKinds[String(fieldId)],
  }));
  return rowKeys(table, mapping);
}

const master = keysOf(
  [
    ['客户编号', '姓名', '电话', '邮箱'],
    ['C1', '张伟', '13812345678', 'zw@a.com'],
    ['C2', '李娜', '13987654321', null],
    ['C3', '王芳', '13700001111', 'wf@a.com'],
    ['C4', '王芳', '13700001111', null], // another 王芳 sharing the family phone
  ],
  ['customerId', 'customerName', 'phone', 'email'],
);
const index = new CustomerIndex();
index.add(master, [0, 1, 2, 3]);

describe('CustomerIndex.link', () => {
  const orders = keysOf(
    [
      ['会员号', '收货人', '手机', '邮箱'],
      ['C2', '谁', null, null], // 1. a master id
      ['M1', '张 伟', '+86 138-1234-5678', null], // 2. phone, written another way
      ['M2', null, null, 'ZW@A.COM'], // 3. e-mail
      ['M3', '李娜', null, null], // 4. name, when nothing else names anyone
      ['M4', '李娜', '13500000000', null], // a phone of nobody: someone else, not linked by name
      ['M5', '王芳', '13700001111', null], // phone and name both shared by C3 and C4: nobody for sure
      ['M6', '王芳', '13700001111', 'wf@a.com'], // ... unless the e-mail says which
      ['M7', '138****5678', '138****5678', null], // masked: matches nothing
    ],
    ['customerId', 'customerName', 'phone', 'email'],
  );
  const links = Array.from({ length: 8 }, (_, r) => index.link(orders, r));

  it('links by id, then phone, e-mail, name — in that order', () => {
    expect(links.slice(0, 4)).toEqual([
      { customer: 1, by: 'id' },
      { customer: 0, by: 'phone' },
      { customer: 0, by: 'email' },
      { customer: 1, by: 'name' },
    ]);
  });

  it('does not link a row whose phone is someone else\'s, a shared value, or a masked phone', () => {
    expect(links[4].customer).toBe(-1);
    expect(links[5].customer).toBe(-1);
    expect(links[6]).toEqual({ customer: 2, by: 'email' });
    expect(links[7].customer).toBe(-1);
  });

  it('an unlinked row keeps its own id, else its first other key', () => {
    expect(ownKey(orders, 4)).toBe('M4');
    const noId = keysOf([['电话', '姓名'], [null, null], ['13500000000', '李四'], [null, '王五']], ['phone', 'customerName']);
    expect([ownKey(noId, 0), ownKey(noId, 1), ownKey(noId, 2)]).toEqual([null, '13500000000', '王五']);
  });

  it('links a company-like 客户名称 by company key', () => {
    const b2b = keysOf([['客户名称'], ['深圳市腾达科技有限公司']], ['customerName'], { customerName: 'company' });
    const idx = new CustomerIndex();
    idx.add(b2b, [0]);
    const other = keysOf([['公司'], ['腾达科技（深圳）有限公司']], ['company']);
    expect(idx.link(other, 0)).toEqual({ customer: 0, by: 'company' });
  });
});
