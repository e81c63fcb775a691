import { CellValue, isBlank } from '../cell';
import { normalizeAmount, normalizeDate, normalizeName, normalizePhone } from '../normalize';
import { companyKey } from '../normalize/company';
import { cellText } from './builder';
import { DIRT, countOf } from './dirt';
import { NAMESAKE_NAMES, SHARED_CONTACT, generateSample } from './generate';
import { Injection, SampleCell, SampleSheet, SampleWorkbook, SheetKey, isSampleFormula } from './types';

const sample: SampleWorkbook = generateSample();
const { manifest } = sample;
const sheetOf = (key: SheetKey): SampleSheet => sample.sheets.find((s) => s.key === key) as SampleSheet;
const crm = sheetOf('crm');
const orders = sheetOf('orders');

function cell(sheet: SampleSheet, row: number, column: string): SampleCell {
  return sheet.rows[row - sheet.headerRow - 1][sheet.header.indexOf(column)];
}
const injected = (kind: Injection['kind'], detail?: string) =>
  manifest.injections.filter((i) => i.kind === kind && (detail === undefined || i.detail === detail));
const ok = <T>(r: { status: string; value: T | null }): T | null => (r.status === 'ok' ? r.value : null);

/** Data rows of a sheet with their Excel row number and true customer. */
function rowsOf(sheet: SampleSheet) {
  return sheet.rows.map((cells, i) => ({ cells, row: sheet.headerRow + 1 + i, truth: manifest.truth[sheet.key][i] }));
}
const value = (sheet: SampleSheet, cells: SampleCell[], column: string): CellValue => {
  const v = cells[sheet.header.indexOf(column)];
  return isSampleFormula(v) ? v.result : v;
};

/** Each CRM customer's first row: the clean reference the other sheets are compared with. */
const firstCrmRow = new Map<string, SampleCell[]>();
for (const r of rowsOf(crm)) if (r.truth && !firstCrmRow.has(r.truth) && value(crm, r.cells, '客户编号') === r.truth) firstCrmRow.set(r.truth, r.cells);

describe('generateSample: shape', () => {
  it('has the four sheets with their headers where the manifest says', () => {
    expect(sample.sheets.map((s) => s.name)).toEqual(['CRM客户', '电商订单', '服务工单', '活动报名表']);
    expect(sample.sheets.map((s) => s.headerRow)).toEqual([3, 1, 1, 2]);
    expect(crm.title).toEqual({ text: '2024年客户名单（导出）', merged: true });
    expect(crm.header).toEqual(expect.arrayContaining(['客户编号', '客户名称', '联系人', '联系电话', '邮箱', '地区', '客户状态', '首次接触时间', '最后更新时间', '数据来源']));
    expect(orders.header).toEqual(expect.arrayContaining(['订单号', '下单时间', '会员号', '收货人', '手机号', '实付金额', '订单状态']));
    expect(sheetOf('tickets').header).toEqual(['工单号', '客户名称', '联系电话', '行为类型', '互动时间', '渠道', '处理人', '处理结果']);
    expect(sheetOf('signups').header).toEqual(expect.arrayContaining(['姓名', '手机', '公司', '城市', '报名日期', '备注']));
    for (const s of manifest.sheets) expect(manifest.truth[s.key]).toHaveLength(s.rows);
  });

  it('holds 3,000 customers plus their second CRM records, and sheets of the intended size', () => {
    expect(manifest.customers).toBe(3000);
    expect(crm.rows).toHaveLength(3000 + manifest.counts.crmDuplicate);
    expect(manifest.counts.crmDuplicate).toBe(countOf(DIRT.crm.duplicate, 3000));
    expect(orders.rows.length).toBeGreaterThan(2500);
    expect(orders.rows.length).toBeLessThan(5000);
    expect(sheetOf('tickets').rows.length).toBeGreaterThan(800);
    expect(sheetOf('signups').rows.length).toBeGreaterThan(400);
    expect(new Set(manifest.truth.crm).size).toBe(3000);
  });

  it('has every step of the funnel', () => {
    const total = Object.values(manifest.statusCounts).reduce((a, b) => a + b, 0);
    expect(total).toBe(3000);
    for (const s of ['线索', '意向', '成交', '复购', '流失']) expect(manifest.statusCounts[s] / total).toBeGreaterThan(0.05);
    expect(manifest.customersInOtherSheets).toBeGreaterThan(1000);
  });

  it('spans 24 months of orders with seasons, repeat buyers, cancellations and refunds', () => {
    const days = rowsOf(orders).map((r) => ok(normalizeDate(value(orders, r.cells, '下单时间')))).filter((d): d is string => d !== null);
    expect(days.length).toBe(orders.rows.length);
    expect(days.every((d) => d >= '2023-01-01' && d <= '2024-12-31')).toBe(true);
    const month = (m: string) => days.filter((d) => d.slice(5, 7) === m).length;
    expect(month('11')).toBeGreaterThan(2 * month('02'));
    const perBuyer = new Map<string, number>();
    for (const t of manifest.truth.orders) if (t) perBuyer.set(t, (perBuyer.get(t) ?? 0) + 1);
    expect([...perBuyer.values()].filter((n) => n >= 3).length).toBeGreaterThan(200);
    const statuses = rowsOf(orders).map((r) => value(orders, r.cells, '订单状态'));
    expect(statuses).toContain('已取消');
    expect(statuses).toContain('已退款');
    expect(manifest.truth.orders.some((t) => t?.startsWith('GUEST-'))).toBe(true);
  });

  it('is the same for the same seed and different for another', () => {
    const a = generateSample({ customers: 200, seed: 7 });
    const b = generateSample({ customers: 200, seed: 7 });
    const c = generateSample({ customers: 200, seed: 8 });
    expect(b).toEqual(a);
    expect(c.sheets[0].rows).not.toEqual(a.sheets[0].rows);
  });

  it('refuses sizes it cannot fill', () => {
    expect(() => generateSample({ customers: 10 })).toThrow(RangeError);
    expect(() => generateSample({ customers: 1.5 })).toThrow(RangeError);
    expect(() => generateSample({ asOf: '2024/12/31' })).toThrow(RangeError);
  });
});

describe('generateSample: the manifest matches the cells', () => {
  it('has at least one case of every kind of dirt', () => {
    for (const [kind, n] of Object.entries(manifest.counts)) expect([kind, n > 0]).toEqual([kind, true]);
    for (const c of ['createdAfterUpdated', 'birthInFuture', 'churnedButRecentPurchase', 'orderBeforeFirstContact']) {
      expect(injected('contradiction', c).length).toBeGreaterThan(0);
    }
  });

  it('names the cell that holds each injected value', () => {
    for (const inj of manifest.injections) {
      const sheet = sheetOf(inj.sheet);
      if (inj.column === null) continue;
      expect([inj.kind, inj.row, inj.column, cellText(cell(sheet, inj.row, inj.column))]).toEqual([inj.kind, inj.row, inj.column, inj.value]);
    }
  });

  it('injects phone formats that still read as the customer phone, and broken phones that do not', () => {
    for (const inj of injected('phoneFormat')) expect(normalizePhone(cell(sheetOf(inj.sheet), inj.row, inj.column as string) as CellValue).status).toBe('ok');
    for (const inj of injected('phoneInvalid')) expect(normalizePhone(cell(sheetOf(inj.sheet), inj.row, inj.column as string) as CellValue).status).toBe('invalid');
    // Across sources, the same customer has the same phone once normalized.
    const crmPhone = new Map([...firstCrmRow].map(([k, cells]) => [k, ok(normalizePhone(value(crm, cells, '联系电话')))]));
    let compared = 0;
    for (const r of rowsOf(orders)) {
      const mine = ok(normalizePhone(value(orders, r.cells, '手机号')));
      const theirs = r.truth ? crmPhone.get(r.truth) : null;
      if (mine && theirs) {
        expect([r.row, mine]).toEqual([r.row, theirs]);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('writes companies and names of the same customer differently, but recognisably', () => {
    const sheetName = { crm: '客户名称', tickets: '客户名称', signups: '公司', orders: '' } as const;
    let compared = 0;
    for (const inj of injected('companyVariant')) {
      const ref = firstCrmRow.get(inj.customer as string);
      if (!ref) continue; // a lead, not in the CRM, or a customer whose first CRM row lost its id
      expect(inj.column).toBe(sheetName[inj.sheet]);
      expect(companyKey(inj.value)).toBe(companyKey(String(value(crm, ref, '客户名称'))));
      compared++;
    }
    for (const inj of injected('nameVariant')) {
      const ref = firstCrmRow.get(inj.customer as string);
      if (!ref) continue;
      const refName = value(crm, ref, '客户类型') === '企业' ? value(crm, ref, '联系人') : value(crm, ref, '客户名称');
      expect(ok(normalizeName(inj.value))).toBe(refName);
      compared++;
    }
    const ofCustomers = [...injected('companyVariant'), ...injected('nameVariant')].filter((i) => i.customer?.startsWith('KH'));
    expect(compared).toBeGreaterThan(0.95 * ofCustomers.length);
  });

  it('gives the issue example customer a different spelling in each sheet', () => {
    const texts = (key: SheetKey) => sheetOf(key).rows.flat().map((v) => cellText(v));
    expect(texts('crm')).toEqual(expect.arrayContaining(['深圳市腾达科技有限公司', '+86 138-1234-5678', '腾达科技有限公司', '张 伟']));
    expect(texts('signups')).toEqual(expect.arrayContaining(['腾达科技（深圳）有限公司', '张伟先生', '138 1234 5678']));
    expect(texts('tickets')).toEqual(expect.arrayContaining(['騰達科技有限公司', '13812345678']));
    expect(texts('orders')).toEqual(expect.arrayContaining(['張偉', '13812345678']));
  });

  it('leaves the missing-key rows without id, phone and e-mail', () => {
    const rows = injected('missingKey');
    expect(rows).toHaveLength(countOf(DIRT.crm.missingKey, 3000));
    for (const inj of rows) for (const c of ['客户编号', '联系电话', '邮箱']) expect(isBlank(cell(crm, inj.row, c) as CellValue)).toBe(true);
    const blankKeys = rowsOf(crm).filter((r) => ['客户编号', '联系电话', '邮箱'].every((c) => isBlank(value(crm, r.cells, c))));
    expect(blankKeys.map((r) => r.row).sort()).toEqual(rows.map((i) => i.row).sort());
  });

  it('has namesakes who are different people and one contact name at unrelated companies', () => {
    for (const [name] of NAMESAKE_NAMES) {
      const same = rowsOf(crm).filter((r) => value(crm, r.cells, '客户名称') === name);
      expect(new Set(same.map((r) => r.truth)).size).toBeGreaterThanOrEqual(3);
      expect(new Set(same.map((r) => ok(normalizePhone(value(crm, r.cells, '联系电话'))))).size).toBeGreaterThanOrEqual(2);
    }
    const shared = rowsOf(crm).filter((r) => value(crm, r.cells, '联系人') === SHARED_CONTACT && value(crm, r.cells, '客户类型') === '企业');
    expect(new Set(shared.map((r) => companyKey(String(value(crm, r.cells, '客户名称'))))).size).toBeGreaterThanOrEqual(3);
  });

  it('makes the contradictions it lists true of the cells', () => {
    const date = (v: SampleCell) => ok(normalizeDate(v as CellValue)) as string;
    for (const inj of injected('contradiction', 'createdAfterUpdated')) {
      expect(date(cell(crm, inj.row, '首次接触时间')) > date(cell(crm, inj.row, '最后更新时间'))).toBe(true);
    }
    for (const inj of injected('contradiction', 'birthInFuture')) expect(date(cell(crm, inj.row, '出生日期')) > manifest.asOf).toBe(true);
    const orderDays = (customer: string) =>
      rowsOf(orders).filter((r) => r.truth === customer).map((r) => date(value(orders, r.cells, '下单时间')));
    for (const inj of injected('contradiction', 'churnedButRecentPurchase')) {
      expect(cell(crm, inj.row, '客户状态')).toBe('流失');
      expect(orderDays(inj.customer as string).some((d) => d >= '2024-12-01')).toBe(true);
    }
    for (const inj of injected('contradiction', 'orderBeforeFirstContact')) {
      const created = date(cell(crm, inj.row, '首次接触时间'));
      expect(orderDays(inj.customer as string).some((d) => d < created)).toBe(true);
    }
  });

  it('puts outliers far above the typical order and formulas that compute 数量*单价 on their own row', () => {
    const amounts = rowsOf(orders)
      .map((r) => ok(normalizeAmount(value(orders, r.cells, '实付金额'))))
      .filter((a): a is number => a !== null && a > 0)
      .sort((a, b) => a - b);
    const median = amounts[amounts.length >> 1];
    for (const inj of injected('outlier')) expect(Number(inj.value)).toBeGreaterThan(10 * median);
    expect(injected('formula')).toHaveLength(DIRT.orders.formulas);
    for (const inj of injected('formula')) {
      const f = cell(orders, inj.row, '实付金额');
      expect(f).toEqual({ formula: `H${inj.row}*I${inj.row}`, result: expect.any(Number) });
      const qty = cell(orders, inj.row, '数量') as number;
      const price = cell(orders, inj.row, '单价') as number;
      expect(isSampleFormula(f) && f.result).toBeCloseTo(qty * price, 2);
    }
  });

  it('leaves #N/A where a lookup failed and blank rows in the hand-kept sheet', () => {
    for (const inj of injected('errorCell')) expect(cell(sheetOf(inj.sheet), inj.row, inj.column as string)).toEqual({ error: '#N/A' });
    for (const inj of injected('blankRow')) {
      expect(inj.sheet).toBe('signups');
      expect(sheetOf('signups').rows[inj.row - 3]).toEqual([]);
    }
  });
});
