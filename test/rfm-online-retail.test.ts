/**
 * `kehu rfm` on the UCI Online Retail file, checked against an independent, plainly written computation in this
 * file (its own CSV reading and loops; nothing from src is used to compute the expected figures).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../src/cli/main';

const DATA = path.join(__dirname, '..', '..', 'shared', 'data', 'online_retail', 'online_retail.csv');
const present = fs.existsSync(DATA);
if (!present && process.env.CI) throw new Error(`CI: missing test data ${DATA}`);
if (!present) console.warn(`skipping rfm-online-retail: ${DATA} not found (../shared/data is absent)`);
const maybe = present ? describe : describe.skip;

/** Splits one CSV line (RFC 4180, no line breaks inside quotes in this file). */
function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

interface Expected {
  customers: number;
  revenue: number;
  abc: Record<string, number>;
  classes: Record<string, number>;
}

/** The pandas recipe, written out: filter, group by customer, R/F/M, mean thresholds, Pareto classes. */
function independent(): Expected {
  const lines = fs.readFileSync(DATA, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = splitCsvLine(lines[0]);
  const col = (name: string) => header.indexOf(name);
  const [iInv, iQty, iDate, iPrice, iCust] = ['InvoiceNo', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID'].map(col);
  const invoices = new Map<string, Set<string>>();
  const money = new Map<string, number>();
  const last = new Map<string, string>();
  let maxDate = '';
  for (let k = 1; k < lines.length; k++) {
    if (lines[k] === '') continue;
    const f = lines[k].includes('"') ? splitCsvLine(lines[k]) : lines[k].split(',');
    const cust = f[iCust].trim();
    if (cust === '' || f[iInv].startsWith('C')) continue;
    const qty = Number(f[iQty]);
    const price = Number(f[iPrice]);
    if (!(qty > 0) || price < 0) continue;
    const day = f[iDate].slice(0, 10);
    if (!invoices.has(cust)) invoices.set(cust, new Set());
    invoices.get(cust)!.add(f[iInv]);
    money.set(cust, (money.get(cust) ?? 0) + qty * price);
    if ((last.get(cust) ?? '') < day) last.set(cust, day);
    if (day > maxDate) maxDate = day;
  }
  const asOf = Date.parse(maxDate) + 86_400_000;
  const ids = [...invoices.keys()];
  const R = ids.map((c) => Math.round((asOf - Date.parse(last.get(c)!)) / 86_400_000));
  const F = ids.map((c) => invoices.get(c)!.size);
  const M = ids.map((c) => money.get(c)!);
  const avg = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const [rMean, fMean, mMean] = [avg(R), avg(F), avg(M)];
  const classes: Record<string, number> = {};
  ids.forEach((_, i) => {
    const name =
      (M[i] > mMean ? '重要' : '一般') +
      ({ '11': '价值', '10': '发展', '01': '保持', '00': '挽留' } as Record<string, string>)[
        `${R[i] < rMean ? 1 : 0}${F[i] > fMean ? 1 : 0}`
      ] +
      '客户';
    classes[name] = (classes[name] ?? 0) + 1;
  });
  const order = ids.map((c, i) => ({ c, m: M[i] })).filter((x) => x.m > 0);
  order.sort((a, b) => b.m - a.m || (a.c < b.c ? -1 : 1));
  const total = order.reduce((s, x) => s + x.m, 0);
  const abc: Record<string, number> = { A: 0, B: 0, C: ids.length - order.length };
  let cum = 0;
  for (const x of order) {
    cum += x.m;
    abc[cum / total <= 0.8 ? 'A' : cum / total <= 0.95 ? 'B' : 'C']++;
  }
  return { customers: ids.length, revenue: total, abc, classes };
}

maybe('kehu rfm on UCI Online Retail', () => {
  it('matches an independent computation of customers, revenue, ABC and the 8 classes', async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kehu-rfm-')), 'customers.csv');
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    let code: number;
    try {
      code = await main(['rfm', DATA, '-o', out]);
    } finally {
      write.mockRestore();
    }
    expect(code).toBe(0);

    const text = fs.readFileSync(out, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = text.slice(1).trim().split('\r\n').map(splitCsvLine);
    expect(rows[0].slice(0, 10)).toEqual([
      'customer', 'recency_days', 'frequency', 'monetary', 'r_score', 'f_score', 'm_score', 'rfm_segment', 'rfm_class_cn', 'abc_class',
    ]);
    const body = rows.slice(1);
    const got = {
      customers: body.length,
      revenue: body.reduce((s, r) => s + Number(r[3]), 0),
      abc: { A: 0, B: 0, C: 0 } as Record<string, number>,
      classes: {} as Record<string, number>,
    };
    for (const r of body) {
      got.abc[r[9]]++;
      got.classes[r[8]] = (got.classes[r[8]] ?? 0) + 1;
    }
    const want = independent();
    console.log(
      `online_retail: customers ${got.customers} (independent ${want.customers}), revenue ${got.revenue.toFixed(2)} ` +
        `(independent ${want.revenue.toFixed(2)}), ABC ${JSON.stringify(got.abc)} (independent ${JSON.stringify(want.abc)}), ` +
        `8 classes ${JSON.stringify(got.classes)} (independent ${JSON.stringify(want.classes)})`,
    );
    expect(got.customers).toBe(want.customers);
    expect(got.revenue).toBeCloseTo(want.revenue, 0);
    expect(got.abc).toEqual(want.abc);
    expect(got.classes).toEqual(want.classes);
    for (const r of body) {
      for (const k of [4, 5, 6]) expect(['1', '2', '3', '4', '5']).toContain(r[k]);
    }
  }, 60_000);
});
