/**
 * 「活动报名表」: the marketing team's hand-kept sign-up sheet, the messiest of the four: every person types their
 * phone, company, city and date their own way, some sign up twice, a few rows are left blank.
 */
import { SheetBuilder } from './builder';
import { Ctx, Roles, styledDate, styledPhone } from './context';
import { DIRT, countOf } from './dirt';
import { Person, dayOf, isoOf } from './model';
import { COMPANY_FORMATS, NAME_FORMATS, REGION_FORMATS, companyName, personName, regionText } from './variants';
import { EVENTS, SIGNUP_NOTES } from './vocab';

export const SIGNUPS_SHEET = '活动报名表';
export const SIGNUPS_TITLE = '市场活动报名登记（市场部手工汇总）';
export const SIGNUPS_HEADER = ['姓名', '手机', '公司', '城市', '报名日期', '活动', '备注'];

const SIGNUP_SHARE = { 线索: 0.14, 意向: 0.14, 成交: 0.05, 复购: 0.06, 流失: 0.03 } as const;

interface Attendance {
  person: Person;
  event: readonly [string, string];
  day: number;
}

export function drawAttendances(ctx: Ctx, customers: readonly Person[], leads: readonly Person[], roles: Roles): Attendance[] {
  const { rng } = ctx;
  const out: Attendance[] = [];
  const events = EVENTS.filter(([, day]) => dayOf(day) <= ctx.asOfDay);
  const attend = (person: Person, event: readonly [string, string]) =>
    out.push({ person, event, day: dayOf(event[1]) - rng.int(0, 20) });
  for (const p of customers) {
    if (p === roles.showcase) attend(p, events[events.length - 1]);
    else if (p.status && rng.chance(SIGNUP_SHARE[p.status])) {
      attend(p, rng.pick(events));
      if (rng.chance(0.15)) attend(p, rng.pick(events));
    }
  }
  for (const p of leads) attend(p, rng.pick(events));
  return out;
}

export function buildSignupsSheet(ctx: Ctx, attendances: readonly Attendance[], roles: Roles): SheetBuilder {
  const { rng } = ctx;
  const d = DIRT.signups;
  const sheet = new SheetBuilder('signups', SIGNUPS_SHEET, SIGNUPS_HEADER, 2, { text: SIGNUPS_TITLE, merged: false });
  const duplicates = new Set(rng.sample(attendances.length, countOf(d.duplicate, attendances.length)));
  const write = (a: Attendance, day: number, sortKey: number, duplicate: boolean) => {
    const p = a.person;
    const showcase = p === roles.showcase;
    const row = sheet.add({ 活动: a.event[0], 备注: rng.pick(SIGNUP_NOTES) || null }, p.key, sortKey);
    if (duplicate) sheet.note(row, 'signupDuplicate', null, `${a.event[0]} 重复报名`);

    const nameStyle = showcase ? 'honorific' : rng.chance(d.nameVariant) ? rng.pick(NAME_FORMATS) : 'plain';
    sheet.set(row, '姓名', personName(p.name, p.surnameLength, p.gender, nameStyle));
    if (nameStyle !== 'plain') sheet.note(row, 'nameVariant', '姓名', nameStyle);

    const phone = showcase
      ? { cell: '138 1234 5678', kind: 'phoneFormat' as const, style: 'spaced' }
      : styledPhone(ctx, p.phone, { format: d.phoneFormat, invalid: d.phoneInvalid, blank: d.phoneBlank });
    sheet.set(row, '手机', phone.cell);
    if (phone.kind) sheet.note(row, phone.kind, '手机', phone.style);

    if (p.company) {
      const style = showcase ? 'cityInParens' : rng.chance(d.companyVariant) ? rng.pick(COMPANY_FORMATS) : 'registered';
      sheet.set(row, '公司', companyName(p.company, style));
      if (style !== 'registered') sheet.note(row, 'companyVariant', '公司', style);
    } else if (rng.chance(0.25)) sheet.set(row, '公司', rng.pick(['个人', '无', '自由职业', '/']));

    const regionStyle = rng.chance(d.regionFormat) ? rng.pick(REGION_FORMATS.filter((s) => s !== 'city')) : 'city';
    sheet.set(row, '城市', regionText(p.place, regionStyle, p.street));
    if (regionStyle !== 'city') sheet.note(row, 'regionFormat', '城市', regionStyle);

    const date = styledDate(ctx, isoOf(day), { format: d.dateFormat, invalid: d.dateInvalid });
    sheet.set(row, '报名日期', date.cell);
    if (date.kind) sheet.note(row, date.kind, '报名日期', String(date.style));
  };
  attendances.forEach((a, i) => {
    write(a, a.day, a.day * 10, false);
    if (duplicates.has(i)) {
      // The second sign-up comes a day or two later, typed again.
      const day = a.day + rng.int(1, 2);
      write(a, day, day * 10 + 1, true);
    }
  });
  const rows = attendances.length + duplicates.size;
  for (const at of rng.sample(rows, countOf(d.blankRows, rows))) sheet.blankBefore(at);
  return sheet;
}
