/**
 * The shipped sample workbook (assets/sample-crm.xlsx, made by `npm run sample`): it is what the generator makes,
 * byte for byte; it reads back through the file host as generated; and the Clean step finds what was injected.
 */
import * as fs from 'fs';
import * as path from 'path';
import { sampleXlsxBytes } from '../src/cli/sample';
import { CellValue, cellToText } from '../src/core/cell';
import { detectHeaderRow } from '../src/core/fields';
import { normalizeDate, normalizePhone } from '../src/core/normalize';
import { cleanSheet } from '../src/core/pipeline/clean';
import { SampleCell, SampleWorkbook, generateSample, isSampleFormula } from '../src/core/sample';
import { FileWorkbook, openWorkbookBytes } from '../src/host/file';

const ASSET = path.join(__dirname, '..', 'assets', 'sample-crm.xlsx');
const REGENERATE = 'run `npm run sample` to regenerate assets/sample-crm.xlsx';

let sample: SampleWorkbook;
let fresh: Uint8Array;
let book: FileWorkbook;

beforeAll(async () => {
  sample = generateSample();
  fresh = await sampleXlsxBytes(sample);
  book = await openWorkbookBytes(fs.readFileSync(ASSET), 'sample-crm.xlsx');
});

const injected = (kind: string, detail?: string) =>
  sample.manifest.injections.filter((i) => i.kind === kind && (detail === undefined || i.detail === detail));

/** A cell as text, dates to the second (a date-time goes through a floating-point serial in the file). */
function comparable(v: SampleCell | CellValue): string {
  const plain = isSampleFormula(v as SampleCell) ? (v as { result: number }).result : (v as CellValue);
  if (plain instanceof Date) return new Date(Math.round(plain.getTime() / 1000) * 1000).toISOString();
  return cellToText(plain);
}

describe('assets/sample-crm.xlsx', () => {
  it('is exactly what the generator writes, and the generator writes the same bytes every time', async () => {
    const again = await sampleXlsxBytes(generateSample());
    expect(Buffer.from(again).equals(Buffer.from(fresh))).toBe(true);
    expect([REGENERATE, Buffer.from(fs.readFileSync(ASSET)).equals(Buffer.from(fresh))]).toEqual([REGENERATE, true]);
  });

  it('is commit-sized', () => {
    expect(fs.statSync(ASSET).size).toBeLessThan(800 * 1024);
  });

  it('holds the four sheets, each header found where the manifest puts it, and every cell as generated', async () => {
    const sheets = await book.listSheets();
    expect(sheets.map((s) => s.name)).toEqual(['CRM客户', '电商订单', '服务工单', '活动报名表']);
    for (const s of sample.sheets) {
      const data = await book.readSheet(s.name);
      const headerIndex = detectHeaderRow(data.rows).headerRow;
      expect([s.name, data.firstRow + headerIndex]).toEqual([s.name, s.headerRow]);
      expect(data.rows[headerIndex].map((v) => cellToText(v))).toEqual(s.header);
      const body = data.rows.slice(headerIndex + 1);
      expect(body).toHaveLength(s.rows.length);
      s.rows.forEach((cells, i) => {
        const got = s.header.map((_, c) => comparable(body[i][c]));
        const want = s.header.map((_, c) => comparable(cells[c] ?? null));
        if (got.join('\t') !== want.join('\t')) expect([s.name, s.headerRow + 1 + i, got]).toEqual([s.name, s.headerRow + 1 + i, want]);
      });
    }
    const crm = await book.readSheet('CRM客户');
    expect(crm.merges).toContain('A1:P1');
    expect((await book.readSheet('电商订单')).formulas).toBe(injected('formula').length);
  });
});

describe('the Clean step on the sample CRM sheet', () => {
  const asOf = '2024-12-31';

  /** Orders joined to CRM ids by phone, as a user without a shared id would: the first CRM row with the phone. */
  async function ordersByPhone(crmPhones: (string | null)[], crmIds: CellValue[]) {
    const idOf = new Map<string, string>();
    crmPhones.forEach((p, i) => {
      const id = cellToText(crmIds[i]);
      if (p && id && !idOf.has(p)) idOf.set(p, id);
    });
    const data = await book.readSheet('电商订单');
    const [header, ...rows] = data.rows;
    const phoneCol = header.indexOf('手机号');
    const dateCol = header.indexOf('下单时间');
    const ok = (r: { status: string; value: string | null }) => (r.status === 'ok' ? r.value : null);
    const phones = rows.map((r) => ok(normalizePhone(r[phoneCol])));
    return {
      sheet: '电商订单',
      customerIds: phones.map((p) => (p ? idOf.get(p) ?? null : null)),
      dates: rows.map((r) => ok(normalizeDate(r[dateCol]))),
      rowNumbers: rows.map((_, i) => i + 2),
    };
  }

  it('maps the key columns, excludes exactly the rows without id, phone and e-mail, and finds the contradictions', async () => {
    const data = await book.readSheet('CRM客户');
    const first = cleanSheet('CRM客户', data.rows, data.firstRow, { asOf });
    expect(first.headerRow).toBe(3);
    const mapped = Object.fromEntries(first.mapping.filter((m) => m.fieldId).map((m) => [m.header, m.fieldId]));
    expect(mapped).toMatchObject({
      客户编号: 'customerId', 联系电话: 'phone', 邮箱: 'email', 地区: 'region', 所属行业: 'industry', 出生日期: 'birthDate',
      客户状态: 'status', 首次接触时间: 'createdAt', 最后更新时间: 'updatedAt',
    });
    expect(first.role).toBe('master');

    const phoneField = first.fields.find((f) => f.mapping.fieldId === 'phone');
    const phones = (phoneField?.results ?? []).map((r) => (r.status === 'ok' ? (r.value as string) : null));
    const ids = first.table.columns[first.mapping.find((m) => m.fieldId === 'customerId')?.column ?? -1].values;
    const result = cleanSheet('CRM客户', data.rows, data.firstRow, { asOf, orders: await ordersByPhone(phones, ids) });
    const r = result.report;

    expect([...r.excludedRows].sort((a, b) => a - b)).toEqual(injected('missingKey').map((i) => i.row).sort((a, b) => a - b));
    const contradictionRows = new Set(r.issues.filter((i) => i.kind === 'contradiction').map((i) => i.row));
    for (const c of ['createdAfterUpdated', 'birthInFuture', 'churnedButRecentPurchase', 'orderBeforeFirstContact']) {
      const want = injected('contradiction', c).map((i) => i.row);
      expect([c, want.filter((row) => !contradictionRows.has(row))]).toEqual([c, []]);
      expect(want.length).toBeGreaterThan(0);
    }
    const invalidPhones = new Set(r.issues.filter((i) => i.kind === 'invalid' && i.fieldId === 'phone').map((i) => i.row));
    const crmBroken = injected('phoneInvalid').filter((i) => i.sheet === 'crm').map((i) => i.row);
    expect(crmBroken.filter((row) => !invalidPhones.has(row))).toEqual([]);
    const duplicateRows = new Set(r.issues.filter((i) => i.kind === 'duplicate').map((i) => i.row));
    const crmDuplicates = injected('crmDuplicate').map((i) => i.row);
    expect(crmDuplicates.filter((row) => duplicateRows.has(row)).length).toBeGreaterThan(crmDuplicates.length / 3);
  });
});
