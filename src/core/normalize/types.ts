import { CellValue, cellErrorCode, isBlank } from '../cell';

export type Status = 'ok' | 'missing' | 'invalid';

/**
 * What every normalizer returns for any cell value, never throwing.
 * `value` is the normalized value when status is `ok`, else null.
 * `note` says in plain words (zh-CN first) what was done or what is wrong.
 */
export interface Normalized<T = string> {
  value: T | null;
  status: Status;
  note?: string;
}

export const MISSING: Normalized<never> = Object.freeze({ value: null, status: 'missing' }) as Normalized<never>;

export function ok<T>(value: T, note?: string): Normalized<T> {
  return note === undefined ? { value, status: 'ok' } : { value, status: 'ok', note };
}

export function invalid<T = never>(note: string): Normalized<T> {
  return { value: null, status: 'invalid', note };
}

/**
 * Shared first step of every normalizer: blanks are missing, Excel errors are invalid.
 * Returns null when the value should go on to the field-specific parser.
 */
export function precheck<T>(v: CellValue): Normalized<T> | null {
  if (isBlank(v)) return MISSING as Normalized<T>;
  const err = cellErrorCode(v);
  if (err !== null) return invalid<T>(`Excel 错误值 ${err}`);
  return null;
}

/** The kinds of field a normalizer exists for; the CLI's `--field` takes these names. */
export type FieldKind = 'phone' | 'date' | 'gender' | 'region' | 'email' | 'amount' | 'industry' | 'name' | 'company' | 'text';
