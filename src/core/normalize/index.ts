/** One entry point over the per-kind normalizers, for callers that pick the kind at run time (CLI, pipeline). */
import { CellValue } from '../cell';
import { normalizeAmount } from './amount';
import { normalizeCompany } from './company';
import { normalizeDate, normalizeDateColumn } from './date';
import { normalizeEmail } from './email';
import { normalizeGender } from './gender';
import { normalizeIndustry } from './industry';
import { normalizeName } from './name';
import { normalizePhone } from './phone';
import { normalizeRegion } from './region';
import { normalizeText } from './text-field';
import { FieldKind, Normalized } from './types';

export type Normalizer = (v: CellValue) => Normalized<unknown>;

export const NORMALIZERS: Readonly<Record<FieldKind, Normalizer>> = {
  phone: normalizePhone,
  date: (v) => normalizeDate(v),
  gender: normalizeGender,
  region: normalizeRegion,
  email: normalizeEmail,
  amount: normalizeAmount,
  industry: normalizeIndustry,
  name: (v) => normalizeName(v),
  company: normalizeCompany,
  text: normalizeText,
};

export const FIELD_KINDS = Object.keys(NORMALIZERS) as FieldKind[];

export function isFieldKind(s: string): s is FieldKind {
  return Object.prototype.hasOwnProperty.call(NORMALIZERS, s);
}

/** Normalizes a whole column; kinds whose reading depends on the column (day/month order of dates) decide from all values. */
export function normalizeColumn(kind: FieldKind, values: readonly CellValue[]): Normalized<unknown>[] {
  if (kind === 'date') return normalizeDateColumn(values);
  const fn = NORMALIZERS[kind];
  const out = new Array<Normalized<unknown>>(values.length);
  for (let i = 0; i < values.length; i++) out[i] = fn(values[i]);
  return out;
}

export { normalizeAmount, normalizeCompany, normalizeDate, normalizeDateColumn, normalizeEmail, normalizeGender };
export { normalizeIndustry, normalizeName, normalizePhone, normalizeRegion, normalizeText };
export type { FieldKind, Normalized, Status } from './types';
