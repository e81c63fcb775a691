/**
 * The fake people and companies behind the sample: clean facts first (one true phone, one registered company name),
 * so every sheet can write them its own way and the manifest can say which rows are the same customer.
 */
import surnames from '../normalize/data/surnames.json';
import { Place, randomPlace } from './places';
import { Rng } from './random';
import { CompanyParts, pinyinSyllables } from './variants';
import {
  BRAND_CHARS, EMAIL_DOMAINS, GIVEN_NAMES_FEMALE, GIVEN_NAMES_MALE, LEGAL_FORMS, SALES_REPS, STREETS, TRADES, Trade,
} from './vocab';

export type Status = '线索' | '意向' | '成交' | '复购' | '流失';
export const STATUSES: readonly (readonly [Status, number])[] = [
  ['线索', 30], ['意向', 22], ['成交', 26], ['复购', 13], ['流失', 9],
];
export type Gender = '男' | '女';

export interface Person {
  /** The truth key: CRM id for customers, GUEST-n / LEAD-n for the others. */
  key: string;
  crmId: string | null;
  b2b: boolean;
  /** The person: the customer (B2C) or the company's contact (B2B). */
  name: string;
  surnameLength: number;
  gender: Gender;
  birth: string | null;
  phone: string;
  email: string | null;
  place: Place;
  street: string;
  company: CompanyParts | null;
  trade: Trade | null;
  status: Status | null;
  owner: string;
  createdAt: string;
  updatedAt: string;
  memberNo: string;
}

const DAY = 86400000;
export function dayOf(iso: string): number {
  return Math.round(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY);
}
export function isoOf(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

const MOBILE_PREFIXES = [
  '130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '156', '157', '158',
  '159', '166', '176', '177', '180', '181', '182', '183', '185', '186', '187', '188', '189', '191', '198', '199',
];
const COMMON_SURNAMES = 120;
const B2B_SHARE = 0.3;

/** Draws people, keeping phones, e-mails, member numbers and company names unique across the whole sample. */
export class PeopleFactory {
  private phones = new Set<string>();
  private emails = new Set<string>();
  private members = new Set<string>();
  private cores = new Set<string>();
  private readonly surnameList = surnames as string[];

  constructor(
    private readonly rng: Rng,
    private readonly asOfDay: number,
  ) {}

  reservePhone(phone: string): void {
    this.phones.add(phone);
  }

  reserveCompany(core: string): void {
    this.cores.add(core);
  }

  phone(): string {
    for (;;) {
      const p = `${this.rng.pick(MOBILE_PREFIXES)}${String(this.rng.int(0, 99999999)).padStart(8, '0')}`;
      if (!this.phones.has(p)) {
        this.phones.add(p);
        return p;
      }
    }
  }

  name(gender: Gender): { name: string; surnameLength: number } {
    const surname = this.surnameList[this.rng.zipf(COMMON_SURNAMES, 0.9)];
    const given = this.rng.pick(gender === '男' ? GIVEN_NAMES_MALE : GIVEN_NAMES_FEMALE);
    return { name: surname + given, surnameLength: surname.length };
  }

  private unique(set: Set<string>, make: (attempt: number) => string): string {
    for (let attempt = 0; ; attempt++) {
      const v = make(attempt);
      if (!set.has(v)) {
        set.add(v);
        return v;
      }
    }
  }

  personalEmail(name: string): string {
    const letters = pinyinSyllables(name, true).join('');
    if (this.rng.chance(0.25)) return this.unique(this.emails, () => `${this.rng.int(10000000, 2999999999)}@qq.com`);
    const domain = this.rng.weighted(EMAIL_DOMAINS);
    return this.unique(this.emails, (n) => `${letters}${n === 0 && this.rng.chance(0.3) ? '' : this.rng.int(1, 9999)}@${domain}`);
  }

  workEmail(name: string, surnameLength: number, company: CompanyParts): string {
    const syl = pinyinSyllables(name, true);
    const surname = syl.slice(0, surnameLength).join('');
    const given = syl.slice(surnameLength).join('');
    const domain = `${pinyinSyllables(company.core.slice(0, 2)).join('')}${this.rng.pick(['.com', '.cn', '.com.cn'])}`;
    return this.unique(this.emails, (n) => `${given}.${surname}${n ? n + 1 : ''}@${domain}`);
  }

  memberNo(): string {
    return this.unique(this.members, () => `${this.rng.int(10, 99)}${String(this.rng.int(0, 99999999)).padStart(8, '0')}`);
  }

  company(place: Place): { company: CompanyParts; trade: Trade } {
    const trade = this.rng.pick(TRADES);
    const core = this.unique(this.cores, () => `${this.rng.pick(BRAND_CHARS)}${this.rng.pick(BRAND_CHARS)}${trade.word}`);
    const prefix = place.province === place.city ? place.cityShort : place.city.endsWith('市') ? place.city : place.provinceShort;
    const city = place.city.endsWith('市') ? place.cityShort : place.provinceShort;
    return { company: { prefix, city, core, legal: this.rng.weighted(LEGAL_FORMS) }, trade };
  }

  /** A day in [lo, hi], leaning towards hi when `recent` (more records are young than old). */
  day(lo: number, hi: number, recent = false): number {
    const u = recent ? Math.sqrt(this.rng.next()) : this.rng.next();
    return Math.min(hi, lo + Math.floor(u * (hi - lo + 1)));
  }

  /** A person with everything the CRM would hold, not yet given a key. */
  person(opts: { b2b?: boolean; status: Status | null; createdLo: number; createdHi: number }): Omit<Person, 'key' | 'crmId'> {
    const rng = this.rng;
    const b2b = opts.b2b ?? rng.chance(B2B_SHARE);
    const gender: Gender = rng.chance(b2b ? 0.55 : 0.48) ? '男' : '女';
    const { name, surnameLength } = this.name(gender);
    const place = randomPlace(rng);
    const made = b2b ? this.company(place) : null;
    const age = rng.int(b2b ? 25 : 18, b2b ? 60 : 68);
    const birth = rng.chance(b2b ? 0.3 : 0.78) ? isoOf(this.asOfDay - age * 365 - rng.int(0, 364)) : null;
    const emailShare = b2b ? 0.9 : 0.65;
    const email = rng.chance(emailShare)
      ? made
        ? this.workEmail(name, surnameLength, made.company)
        : this.personalEmail(name)
      : null;
    const createdAt = this.day(opts.createdLo, opts.createdHi, true);
    const updatedAt = this.day(createdAt, this.asOfDay, true);
    return {
      b2b,
      name,
      surnameLength,
      gender,
      birth,
      phone: this.phone(),
      email,
      place,
      street: `${rng.pick(STREETS)}${rng.int(1, 888)}号`,
      company: made?.company ?? null,
      trade: made?.trade ?? null,
      status: opts.status,
      owner: rng.pick(SALES_REPS),
      createdAt: isoOf(createdAt),
      updatedAt: isoOf(updatedAt),
      memberNo: this.memberNo(),
    };
  }
}

/** When customers in each state first came in: leads are young, the churned are old. */
export function createdRange(status: Status, asOfDay: number): [number, number] {
  const start = dayOf('2019-01-01');
  switch (status) {
    case '线索':
      return [asOfDay - 365, asOfDay - 3];
    case '意向':
      return [asOfDay - 540, asOfDay - 10];
    case '流失':
      return [start, asOfDay - 420];
    default:
      return [start, asOfDay - 60];
  }
}
