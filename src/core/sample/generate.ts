/**
 * The sample workbook: fake but realistic customers of a Chinese shop that sells to households and companies, as
 * four sheets from four sources (CRM, online shop, service desk, a hand-kept sign-up sheet), with the dirt real
 * sheets have in controlled amounts (see dirt.ts) and a manifest of every oddity injected, so tests can check that
 * the engine finds them. Same options, same workbook: everything is drawn from one seeded random source.
 */
import { SheetBuilder } from './builder';
import { CrmRecord, Ctx, Roles } from './context';
import { buildCrmSheet } from './crm-sheet';
import { DIRT, countOf } from './dirt';
import { PeopleFactory, Person, STATUSES, Status, createdRange, dayOf, isoOf } from './model';
import { buildOrdersSheet, drawOrders } from './orders-sheet';
import { Rng } from './random';
import { buildSignupsSheet, drawAttendances } from './signup-sheet';
import { buildTicketsSheet } from './tickets-sheet';
import { Injection, InjectionKind, SampleManifest, SampleOptions, SampleWorkbook, SheetKey } from './types';
import { SALES_REPS, TRADES } from './vocab';

export const DEFAULT_CUSTOMERS = 3000;
export const DEFAULT_SEED = 20241231;
export const DEFAULT_AS_OF = '2024-12-31';
export const MIN_CUSTOMERS = 50;

/** Different people who share a very common name. */
export const NAMESAKE_NAMES: readonly (readonly [string, '男' | '女'])[] = [['张伟', '男'], ['王芳', '女'], ['李娜', '女'], ['刘洋', '男']];
/** One contact name at several unrelated companies. */
export const SHARED_CONTACT = '陈静';
/** The customer every sheet writes its own way, as in the issue: 深圳市腾达科技有限公司, 张伟, 138 1234 5678. */
export const SHOWCASE = { company: '深圳市腾达科技有限公司', contact: '张伟', phone: '13812345678' } as const;

const INJECTION_KINDS: readonly InjectionKind[] = [
  'crmDuplicate', 'signupDuplicate', 'companyVariant', 'nameVariant', 'phoneFormat', 'phoneInvalid', 'dateFormat',
  'dateInvalid', 'regionFormat', 'emailFormat', 'emailInvalid', 'amountFormat', 'missingKey', 'outlier', 'contradiction',
  'namesake', 'sharedContact', 'errorCell', 'formula', 'blankRow', 'mergedTitle',
];

function makeShowcase(p: Person): void {
  Object.assign(p, {
    b2b: true,
    name: SHOWCASE.contact,
    surnameLength: 1,
    gender: '男',
    phone: SHOWCASE.phone,
    email: 'wei.zhang@tengda-tech.com',
    place: { province: '广东省', city: '深圳市', district: '南山区', provinceShort: '广东', cityShort: '深圳' },
    street: '科技园路18号',
    company: { prefix: '深圳市', city: '深圳', core: '腾达科技', legal: '有限公司' },
    trade: TRADES[0],
    status: '复购' satisfies Status,
  });
}

/** Picks the customers who play each part, each customer at most one part. */
function pickRoles(ctx: Ctx, people: Person[], factory: PeopleFactory): { roles: Roles; duplicated: Person[] } {
  const { rng } = ctx;
  const n = people.length;
  const order = rng.sample(n - 1, n - 1).map((i) => people[i + 1]);
  const used = new Set<Person>([people[0]]);
  const take = (count: number, ok: (p: Person) => boolean): Person[] => {
    const out: Person[] = [];
    for (const p of order) {
      if (out.length >= count) break;
      if (!used.has(p) && ok(p)) {
        used.add(p);
        out.push(p);
      }
    }
    return out;
  };
  const d = DIRT.crm;
  const namesake = new Set<Person>();
  for (const [name, gender] of NAMESAKE_NAMES) {
    for (const p of take(Math.max(3, countOf(d.namesakesPerName, n)), (q) => !q.b2b)) {
      Object.assign(p, { name, gender, surnameLength: 1 });
      if (p.email) p.email = factory.personalEmail(name);
      namesake.add(p);
    }
  }
  const sharedContact = new Set(take(Math.max(3, countOf(d.sharedContact, n)), (q) => q.b2b));
  for (const p of sharedContact) {
    Object.assign(p, { name: SHARED_CONTACT, gender: '女', surnameLength: 1 });
    if (p.email && p.company) p.email = factory.workEmail(p.name, 1, p.company);
  }
  const isBuyer = (p: Person) => p.status === '成交' || p.status === '复购';
  const churned = people.filter((p) => p.status === '流失').length;
  const buyers = people.filter(isBuyer).length;
  const churnedButRecentPurchase = new Set(take(countOf(DIRT.orders.churnedButRecentPurchase, churned), (p) => p.status === '流失'));
  const orderBeforeFirstContact = new Set(
    take(countOf(DIRT.orders.orderBeforeFirstContact, buyers), (p) => isBuyer(p) && dayOf(p.createdAt) >= ctx.windowStart + 60),
  );
  const roles: Roles = {
    showcase: people[0],
    namesake,
    sharedContact,
    missingKey: new Set(take(countOf(d.missingKey, n), () => true)),
    createdAfterUpdated: new Set(take(countOf(d.createdAfterUpdated, n), () => true)),
    birthInFuture: new Set(take(countOf(d.birthInFuture, n), () => true)),
    churnedButRecentPurchase,
    orderBeforeFirstContact,
    plainPhone: new Set([...churnedButRecentPurchase, ...orderBeforeFirstContact]),
  };
  const duplicated = [people[0], ...take(countOf(d.duplicate, n) - 1, () => true)];
  return { roles, duplicated };
}

/** One CRM record per customer plus the second records, numbered KH000001… in the order they were created. */
function crmRecords(ctx: Ctx, people: Person[], duplicated: Person[]): CrmRecord[] {
  const { rng } = ctx;
  const records: CrmRecord[] = people.map((p) => ({
    person: p, id: '', duplicateOf: null, createdAt: p.createdAt, updatedAt: p.updatedAt, status: p.status as Status, owner: p.owner,
  }));
  const firsts = new Map(records.map((r) => [r.person, r]));
  for (const p of duplicated) {
    const first = firsts.get(p) as CrmRecord;
    const created = rng.int(dayOf(p.createdAt) + 1, ctx.asOfDay);
    records.push({
      person: p,
      id: '',
      duplicateOf: first,
      createdAt: isoOf(created),
      updatedAt: isoOf(rng.int(created, ctx.asOfDay)),
      status: rng.chance(0.6) ? first.status : rng.pick(['线索', '意向'] as const),
      owner: rng.pick(SALES_REPS.filter((s) => s !== p.owner)),
    });
  }
  const sorted = records.map((r, i) => ({ r, i })).sort((a, b) => a.r.createdAt.localeCompare(b.r.createdAt) || a.i - b.i);
  sorted.forEach(({ r }, k) => (r.id = `KH${String(k + 1).padStart(6, '0')}`));
  for (const r of records) if (r.duplicateOf === null) r.person.key = r.person.crmId = r.id;
  return sorted.map((x) => x.r);
}

export function generateSample(opts: SampleOptions = {}): SampleWorkbook {
  const customers = opts.customers ?? DEFAULT_CUSTOMERS;
  if (!Number.isInteger(customers) || customers < MIN_CUSTOMERS) {
    throw new RangeError(`customers must be a whole number ≥ ${MIN_CUSTOMERS}, got ${customers}`);
  }
  const seed = opts.seed ?? DEFAULT_SEED;
  const asOf = opts.asOf ?? DEFAULT_AS_OF;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new RangeError(`asOf must be YYYY-MM-DD, got ${asOf}`);
  const asOfDay = dayOf(asOf);
  const rng = new Rng(seed);
  const ctx: Ctx = { rng, asOf, asOfDay, windowStart: dayOf(`${+asOf.slice(0, 4) - 2}${asOf.slice(4)}`) + 1 };
  const factory = new PeopleFactory(rng, asOfDay);
  factory.reservePhone(SHOWCASE.phone);
  factory.reserveCompany('腾达科技');

  const people: Person[] = [];
  for (let i = 0; i < customers; i++) {
    const status = i === 0 ? '复购' : rng.weighted(STATUSES);
    const [lo, hi] = createdRange(status, asOfDay);
    people.push({ key: '', crmId: null, ...factory.person({ status, createdLo: lo, createdHi: hi }) });
  }
  makeShowcase(people[0]);
  const { roles, duplicated } = pickRoles(ctx, people, factory);
  const records = crmRecords(ctx, people, duplicated);
  const others = (prefix: string, count: number, b2b?: boolean): Person[] =>
    Array.from({ length: count }, (_, i) => {
      const key = `${prefix}-${String(i + 1).padStart(5, '0')}`;
      return { key, crmId: null, ...factory.person({ b2b, status: null, createdLo: ctx.windowStart, createdHi: asOfDay }) };
    });
  const guests = others('GUEST', countOf(0.1, customers), false);
  const leads = others('LEAD', countOf(0.1, customers));

  const builders: SheetBuilder[] = [
    buildCrmSheet(ctx, records, roles),
    buildOrdersSheet(ctx, drawOrders(ctx, people, guests, roles), roles),
    buildTicketsSheet(ctx, people, roles),
    buildSignupsSheet(ctx, drawAttendances(ctx, people, leads, roles), roles),
  ];
  const injections: Injection[] = [];
  const finished = builders.map((b) => b.finish(injections));
  const truth = Object.fromEntries(finished.map((f) => [f.sheet.key, f.truth])) as Record<SheetKey, (string | null)[]>;

  const counts = Object.fromEntries(INJECTION_KINDS.map((k) => [k, 0])) as Record<InjectionKind, number>;
  for (const inj of injections) counts[inj.kind]++;
  const statusCounts: Record<string, number> = {};
  for (const p of people) statusCounts[p.status as string] = (statusCounts[p.status as string] ?? 0) + 1;
  const crmKeys = new Set(people.map((p) => p.key));
  const seen = new Set<string>();
  for (const key of ['orders', 'tickets', 'signups'] as const) for (const t of truth[key]) if (t && crmKeys.has(t)) seen.add(t);

  const manifest: SampleManifest = {
    seed,
    asOf,
    customers,
    sheets: finished.map(({ sheet }) => ({ key: sheet.key, name: sheet.name, headerRow: sheet.headerRow, header: sheet.header, rows: sheet.rows.length })),
    truth,
    injections,
    counts,
    statusCounts,
    customersInOtherSheets: seen.size,
  };
  return { sheets: finished.map((f) => f.sheet), manifest };
}
