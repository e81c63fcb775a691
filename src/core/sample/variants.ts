/**
 * The ways real sheets write the same fact: each function takes the clean value and a style and returns the cell
 * as some export or some person would have typed it. Styles are named so the manifest can say what was injected.
 */
import { CellValue } from '../cell';
import { Place } from './places';

type OpenCCModule = typeof import('opencc-js');
let toTraditionalFn: ((s: string) => string) | null = null;

/** Simplified -> traditional (Hong Kong forms), the way a Hong Kong or Taiwan colleague would type it. */
export function toTraditional(s: string): string {
  if (toTraditionalFn === null) {
    // require, not import: TypeScript cannot see the package's `exports` sub-path (as in normalize/chinese.ts).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const OpenCC = require('opencc-js/cn2t') as OpenCCModule;
    toTraditionalFn = OpenCC.Converter({ from: 'cn', to: 'hk' });
  }
  return toTraditionalFn(s);
}

type PinyinFn = (text: string, opts: { toneType: 'none'; type: 'array'; surname?: 'head'; v?: boolean }) => string[];
let pinyinFn: PinyinFn | null = null;

/** Pinyin syllables without tones, a name's surname read as a surname (曾 -> zeng). */
export function pinyinSyllables(text: string, surname = false): string[] {
  if (pinyinFn === null) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    pinyinFn = (require('pinyin-pro') as { pinyin: PinyinFn }).pinyin;
  }
  return pinyinFn(text, { toneType: 'none', type: 'array', v: true, ...(surname ? { surname: 'head' as const } : {}) });
}

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

// ---- phones ----

/** Well-formed ways to write a mobile number: all of them read back to the same 11 digits. */
export const PHONE_FORMATS = ['spaced', 'dashed', 'plus86', 'plus86Dashed', 'fullWidth', 'number', 'spacedEnds'] as const;
/** Ways that lose the number: masked by an export, or a digit missing or doubled. */
export const PHONE_BREAKS = ['masked', 'short', 'long'] as const;
export type PhoneStyle = 'plain' | (typeof PHONE_FORMATS)[number] | (typeof PHONE_BREAKS)[number];

export function fullWidthDigits(s: string): string {
  return s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
}

export function phoneCell(phone: string, style: PhoneStyle): CellValue {
  const [a, b, c] = [phone.slice(0, 3), phone.slice(3, 7), phone.slice(7)];
  switch (style) {
    case 'plain':
      return phone;
    case 'spaced':
      return `${a} ${b} ${c}`;
    case 'dashed':
      return `${a}-${b}-${c}`;
    case 'plus86':
      return `+86${phone}`;
    case 'plus86Dashed':
      return `+86 ${a}-${b}-${c}`;
    case 'fullWidth':
      return fullWidthDigits(phone);
    case 'number':
      return Number(phone);
    case 'spacedEnds':
      return ` ${phone} `;
    case 'masked':
      return `${a}****${c}`;
    case 'short':
      return phone.slice(0, 10);
    case 'long':
      return `${phone}${phone.charAt(10)}`;
  }
}

// ---- dates ----

/** Ways to write a day that a reader can still tell: all read back to the same `YYYY-MM-DD`. */
export const DATE_FORMATS = ['slash', 'chinese', 'compactNumber', 'compactText', 'serial', 'dayFirst', 'dotted', 'isoText'] as const;
/** Days that cannot be read: a day the month does not have, or no year at all. */
export const DATE_BREAKS = ['impossible', 'noYear'] as const;
export type DateStyle = 'date' | (typeof DATE_FORMATS)[number] | (typeof DATE_BREAKS)[number];

export function isoToDate(iso: string, seconds = 0): Date {
  return new Date(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) + seconds * 1000);
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** `dayFirst` is only used for days after the 12th, where 15/05/2023 cannot be misread. */
export function dateCell(iso: string, style: DateStyle, seconds = 0): CellValue {
  const [y, m, d] = [iso.slice(0, 4), String(+iso.slice(5, 7)), String(+iso.slice(8, 10))];
  switch (style) {
    case 'date':
      return isoToDate(iso, seconds);
    case 'slash':
      return `${y}/${m}/${d}`;
    case 'chinese':
      return `${y}年${m}月${d}日`;
    case 'compactNumber':
      return Number(iso.replace(/-/g, ''));
    case 'compactText':
      return iso.replace(/-/g, '');
    case 'serial':
      return Math.round((isoToDate(iso).getTime() - EXCEL_EPOCH) / 86400000);
    case 'dayFirst':
      return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${y}`;
    case 'dotted':
      return `${y}.${iso.slice(5, 7)}.${iso.slice(8, 10)}`;
    case 'isoText':
      return iso;
    case 'impossible':
      return `${y}/2/30`;
    case 'noYear':
      return `${m}月${d}日`;
  }
}

// ---- places ----

export const REGION_FORMATS = ['city', 'provinceCity', 'address', 'pinyin', 'cityDistrict', 'official'] as const;
export type RegionStyle = (typeof REGION_FORMATS)[number];

export function regionText(p: Place, style: RegionStyle, street: string): string {
  const muni = p.province === p.city;
  switch (style) {
    case 'city':
      return p.cityShort;
    case 'provinceCity':
      return muni ? p.cityShort : `${p.provinceShort}${p.cityShort}`;
    case 'address':
      return `${muni ? '' : p.province}${p.city}${p.district}${street}`;
    case 'pinyin':
      return capital(pinyinSyllables(p.cityShort).join(''));
    case 'cityDistrict':
      return `${p.city}${p.district}`;
    case 'official':
      return muni ? p.city : `${p.province}${p.city}`;
  }
}

// ---- e-mail ----

export const EMAIL_FORMATS = ['upper', 'fullWidthAt', 'mailto', 'padded'] as const;
export const EMAIL_BREAKS = ['noAt', 'noDot'] as const;
export type EmailStyle = 'plain' | (typeof EMAIL_FORMATS)[number] | (typeof EMAIL_BREAKS)[number];

export function emailText(email: string, style: EmailStyle): string {
  const [local, domain] = email.split('@');
  switch (style) {
    case 'plain':
      return email;
    case 'upper':
      return `${capital(local)}@${domain.toUpperCase()}`;
    case 'fullWidthAt':
      return `${local}＠${domain}`;
    case 'mailto':
      return `mailto:${email}`;
    case 'padded':
      return ` ${email}  `;
    case 'noAt':
      return `${local}${domain}`;
    case 'noDot':
      return `${local}@${domain.split('.')[0]}`;
  }
}

// ---- amounts ----

export const AMOUNT_FORMATS = ['yuan', 'rmb', 'wan', 'text'] as const;
export type AmountStyle = 'number' | (typeof AMOUNT_FORMATS)[number] | 'paren';

function grouped(n: number): string {
  const [int, dec] = Math.abs(n).toFixed(2).split('.');
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${dec}`;
}

/** `wan` is exact only for whole hundreds of yuan and falls back to `yuan` otherwise; `paren` is for refunds. */
export function amountCell(n: number, style: AmountStyle): CellValue {
  switch (style) {
    case 'number':
      return n;
    case 'yuan':
      return `${n < 0 ? '-' : ''}¥${grouped(n)}`;
    case 'rmb':
      return `RMB ${n.toFixed(2)}`;
    case 'wan':
      return Math.abs(n) >= 10000 && Number.isInteger(n / 100) ? `${n / 10000}万` : amountCell(n, 'yuan');
    case 'text':
      return n.toFixed(2);
    case 'paren':
      return `(${grouped(n)})`;
  }
}

// ---- people and companies ----

export const NAME_FORMATS = ['spaced', 'honorific', 'traditional'] as const;
export type NameStyle = 'plain' | (typeof NAME_FORMATS)[number];

export function personName(name: string, surnameLength: number, gender: '男' | '女', style: NameStyle): string {
  switch (style) {
    case 'plain':
      return name;
    case 'spaced':
      return `${name.slice(0, surnameLength)} ${name.slice(surnameLength)}`;
    case 'honorific':
      return `${name}${gender === '男' ? '先生' : '女士'}`;
    case 'traditional':
      return toTraditional(name);
  }
}

export interface CompanyParts {
  /** The place in front of a registered name: 深圳市, 上海 (a municipality), 吉林 (a province, for other prefectures). */
  prefix: string;
  /** The same place, short, as written in brackets: 深圳. */
  city: string;
  /** Brand and trade: 腾达科技. */
  core: string;
  /** 有限公司, 股份有限公司 ... */
  legal: string;
}

export const COMPANY_FORMATS = ['cityInParens', 'traditional', 'noCity', 'short', 'asciiParens'] as const;
export type CompanyStyle = 'registered' | (typeof COMPANY_FORMATS)[number];

/** `registered` is the name on the business licence: 深圳市腾达科技有限公司, 上海腾达科技有限公司. */
export function companyName(c: CompanyParts, style: CompanyStyle): string {
  switch (style) {
    case 'registered':
      return `${c.prefix}${c.core}${c.legal}`;
    case 'cityInParens':
      return `${c.core}（${c.city}）${c.legal}`;
    case 'traditional':
      return toTraditional(`${c.core}${c.legal}`);
    case 'noCity':
      return `${c.core}${c.legal}`;
    case 'short':
      return c.core;
    case 'asciiParens':
      return `${c.core}(${c.city})${c.legal}`;
  }
}
