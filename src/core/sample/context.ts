/** What every sheet builder shares: the random source, the export day, and the style choosers. */
import { CellValue } from '../cell';
import { Person, Status } from './model';
import { Rng } from './random';
import {
  DATE_BREAKS, DATE_FORMATS, DateStyle, EMAIL_BREAKS, EMAIL_FORMATS, EmailStyle, PHONE_BREAKS, PHONE_FORMATS, PhoneStyle,
  dateCell, emailText, phoneCell,
} from './variants';
import { InjectionKind } from './types';

export interface Ctx {
  rng: Rng;
  asOf: string;
  asOfDay: number;
  /** First day of the 24 months of orders and tickets. */
  windowStart: number;
}

/** A CRM record: the customer's first one, or a second one (`duplicateOf`) entered later under a new id. */
export interface CrmRecord {
  person: Person;
  id: string;
  duplicateOf: CrmRecord | null;
  createdAt: string;
  updatedAt: string;
  status: Status;
  owner: string;
}

/** Customers picked for one oddity each; a customer plays at most one of these parts. */
export interface Roles {
  showcase: Person;
  missingKey: Set<Person>;
  createdAfterUpdated: Set<Person>;
  birthInFuture: Set<Person>;
  churnedButRecentPurchase: Set<Person>;
  orderBeforeFirstContact: Set<Person>;
  namesake: Set<Person>;
  sharedContact: Set<Person>;
  /** Phones written plainly everywhere, so the sheets can be joined on them (the contradiction customers). */
  plainPhone: Set<Person>;
}

export interface Styled<S> {
  cell: CellValue;
  style: S | 'blank';
  /** The injection kind the style amounts to, or null for the sheet's ordinary way. */
  kind: InjectionKind | null;
}

export function styledPhone(ctx: Ctx, phone: string, shares: { format: number; invalid: number; blank?: number }): Styled<PhoneStyle> {
  const u = ctx.rng.next();
  if (u < shares.invalid) {
    const style = ctx.rng.pick(PHONE_BREAKS);
    return { cell: phoneCell(phone, style), style, kind: 'phoneInvalid' };
  }
  if (u < shares.invalid + shares.format) {
    const style = ctx.rng.pick(PHONE_FORMATS);
    return { cell: phoneCell(phone, style), style, kind: 'phoneFormat' };
  }
  if (u < shares.invalid + shares.format + (shares.blank ?? 0)) return { cell: null, style: 'blank', kind: null };
  return { cell: phone, style: 'plain', kind: null };
}

export function styledDate(ctx: Ctx, iso: string, shares: { format: number; invalid?: number }, seconds = 0): Styled<DateStyle> {
  const u = ctx.rng.next();
  if (u < (shares.invalid ?? 0)) {
    const style = ctx.rng.pick(DATE_BREAKS);
    return { cell: dateCell(iso, style), style, kind: 'dateInvalid' };
  }
  if (u < (shares.invalid ?? 0) + shares.format) {
    let style: DateStyle = ctx.rng.pick(DATE_FORMATS);
    if (style === 'dayFirst' && +iso.slice(8, 10) <= 12) style = 'slash';
    return { cell: dateCell(iso, style), style, kind: 'dateFormat' };
  }
  return { cell: dateCell(iso, 'date', seconds), style: 'date', kind: null };
}

export function styledEmail(ctx: Ctx, email: string, shares: { format: number; invalid: number }): Styled<EmailStyle> {
  const u = ctx.rng.next();
  if (u < shares.invalid) {
    const style = ctx.rng.pick(EMAIL_BREAKS);
    return { cell: emailText(email, style), style, kind: 'emailInvalid' };
  }
  if (u < shares.invalid + shares.format) {
    const style = ctx.rng.pick(EMAIL_FORMATS);
    return { cell: emailText(email, style), style, kind: 'emailFormat' };
  }
  return { cell: email, style: 'plain', kind: null };
}

/** Seconds into a working day, for timestamps (08:30 to 21:59). */
export function workSeconds(ctx: Ctx): number {
  return ctx.rng.int(8 * 3600 + 1800, 22 * 3600 - 1);
}
