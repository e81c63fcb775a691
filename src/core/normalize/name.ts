/**
 * Person names: `张 伟先生` -> 张伟 (surname 张, given name 伟, honorific 先生).
 *
 * Decisions worth knowing:
 * - Titles (先生, 女士, 经理, 总, Mr. …) are moved out of the name into `honorific` and the note.
 *   A bare surname with a title (`王总`, `欧阳先生`) keeps the surname as the value, with `surname` set,
 *   no given name and a note saying the given name is missing: it is still the only name the row has.
 *   The one-character title 总 is only taken off a bare surname (`王总`), never off a longer name.
 * - A trailing remark in brackets goes to the note (`张伟（老客户）` -> 张伟), or to `honorific` if it is a title.
 * - Chinese names lose every inner space (`张 伟` -> 张伟); Latin names keep single spaces.
 * - Splitting: a compound surname from the list (欧阳, 司马, 上官 …) wins when the name has 3+ characters;
 *   a two-character name is always surname + one-character given name (`欧阳` alone reads as 欧 + 阳),
 *   except after a title, where a lone known surname is the likelier reading (`欧阳先生`).
 *   Names of 5+ characters, with a middle dot (`买买提·艾力`) or mixed scripts are not split.
 *   Latin names are split only in the unambiguous `Surname, Given` form.
 * - The surname list is wainshine/Chinese-Names-Corpus (Apache-2.0), see data/NOTICE-surnames.md.
 */
import { CellValue } from '../cell';
import { toSimplified } from './chinese';
import surnameList from './data/surnames.json';
import { tidyText } from './text-field';
import { MISSING, Normalized, invalid, precheck } from './types';

export interface NormalizedName extends Normalized<string> {
  surname?: string;
  givenName?: string;
  honorific?: string;
}

export interface NameOptions {
  /** Convert traditional characters to simplified (default true). */
  simplify?: boolean;
}

const MAX_NAME_LENGTH = 50;

const SINGLE_SURNAMES = new Set<string>();
const COMPOUND_SURNAMES = new Set<string>();
for (const s of surnameList as string[]) (Array.from(s).length > 1 ? COMPOUND_SURNAMES : SINGLE_SURNAMES).add(s);

/** Titles written after a Chinese name, longest first so 总经理 wins over 经理 and 总. */
const CHINESE_TITLES = [
  '副总经理', '总经理', '董事长', '副总', '总监', '经理', '主任', '先生', '女士', '小姐', '太太', '夫人',
  '老师', '博士', '教授', '律师', '医生', '总',
];
/** Titles that are only taken off a bare surname (`王总`), since they could end a real name. */
const SURNAME_ONLY_TITLES = new Set(['总']);

/** English titles written before a name, with the form we write them in. */
const LATIN_TITLE = /^(mrs|mr|ms|miss|dr|prof)(?:\.\s*|\s+)/i;
const LATIN_TITLE_FORM: Record<string, string> = {
  mr: 'Mr.', mrs: 'Mrs.', ms: 'Ms.', miss: 'Miss', dr: 'Dr.', prof: 'Prof.',
};

const HAN = /\p{Script=Han}/u;
const LATIN = /[A-Za-z]/;
const LETTER = /\p{L}/u;
const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/;
const PHONE_CHARS = /^[+\d\s\-()]+$/;
const DIGIT_RUN_7 = /\d{7,}/;
/** Middle-dot look-alikes used in transliterated names (买买提·艾力), and a plain dot between Han characters. */
const NAME_DOT = /\s*[·•・‧∙]\s*|(?<=\p{Script=Han})\s*\.\s*(?=\p{Script=Han})/gu;
const MAY_HOLD_DOT = /[·•・‧∙.]/;
const ONLY_HAN = /^\p{Script=Han}+$/u;
const SPACE_BETWEEN_HAN = /(?<=\p{Script=Han})\s+(?=\p{Script=Han})/gu;
/** A trailing remark in brackets: `张伟(老客户)`. */
const TRAILING_REMARK = /^(.+?)\s*[(（]([^()（）]*)[)）]$/;

function countDigits(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) n++;
  return n;
}

/** Why a tidied string cannot be a name, or null when it can. */
function rejectReason(s: string): string | null {
  if (s.length > MAX_NAME_LENGTH) return `姓名过长（超过 ${MAX_NAME_LENGTH} 个字符），可能不是姓名`;
  if (s.includes('@') && EMAIL.test(s)) return '姓名列里是电子邮箱，不是姓名';
  if (!LETTER.test(s)) {
    const digits = countDigits(s);
    if (digits >= 7 && PHONE_CHARS.test(s)) return '姓名列里是电话号码，不是姓名';
    if (digits > 0) return '姓名只有数字';
    return '姓名只有标点符号';
  }
  if (DIGIT_RUN_7.test(s)) return '姓名里夹有电话号码等长串数字';
  return null;
}

function isBareTitle(s: string): boolean {
  return CHINESE_TITLES.includes(s) || /^(?:mrs|mr|ms|miss|dr|prof)\.?$/i.test(s);
}

function isKnownSurname(simplified: string): boolean {
  return SINGLE_SURNAMES.has(simplified) || COMPOUND_SURNAMES.has(simplified);
}

/** Takes a title off the front (Latin) or the end (Chinese); `rest` is what is left of the name. */
function takeTitle(s: string): { rest: string; title?: string } {
  const latin = LATIN_TITLE.exec(s);
  if (latin && latin[0].length < s.length) {
    return { rest: s.slice(latin[0].length).trim(), title: LATIN_TITLE_FORM[latin[1].toLowerCase()] };
  }
  for (const t of CHINESE_TITLES) {
    if (!s.endsWith(t) || s.length === t.length) continue;
    const rest = s.slice(0, -t.length).trim();
    if (SURNAME_ONLY_TITLES.has(t) && !isKnownSurname(toSimplified(rest))) continue;
    return { rest, title: t };
  }
  return { rest: s };
}

interface Split {
  surname?: string;
  givenName?: string;
  note?: string;
}

/** Surname + given name of a name made only of Han characters; `simplified` is the name in simplified form. */
function splitHan(name: string, simplified: string, afterTitle: boolean): Split {
  const chars = Array.from(name);
  const simple = Array.from(simplified);
  // Conversion is character for character here; if it ever is not, look up the original characters.
  const look = simple.length === chars.length ? simple : chars;
  const two = look.slice(0, 2).join('');
  if (afterTitle && isKnownSurname(look.join(''))) {
    return { surname: name, note: '只有姓氏和称谓，缺名字' };
  }
  if (chars.length === 1) {
    return SINGLE_SURNAMES.has(look[0]) ? { surname: name, note: '只有姓氏，缺名字' } : { note: '姓名只有一个字' };
  }
  if (chars.length >= 3 && chars.length <= 5 && COMPOUND_SURNAMES.has(two)) {
    return { surname: chars.slice(0, 2).join(''), givenName: chars.slice(2).join('') };
  }
  if (chars.length > 4) return { note: '姓名超过 4 个字，未拆分姓和名' };
  const split = { surname: chars[0], givenName: chars.slice(1).join('') };
  return SINGLE_SURNAMES.has(look[0]) ? split : { ...split, note: `“${chars[0]}”不在常见姓氏表中，按首字作姓` };
}

function splitLatin(name: string): Split {
  const m = /^([^,]+),\s*([^,]+)$/.exec(name);
  return m ? { surname: m[1].trim(), givenName: m[2].trim() } : {};
}

export function normalizeName(v: CellValue, opts: NameOptions = {}): NormalizedName {
  const pre = precheck<string>(v);
  if (pre) return pre;
  if (typeof v === 'number') return invalid('姓名是数字，不是姓名');
  if (typeof v === 'boolean') return invalid('姓名是逻辑值（TRUE/FALSE），不是姓名');
  if (typeof v !== 'string') return invalid('姓名是日期或其他非文本值，不是姓名');

  let s = tidyText(v);
  if (s === '') return MISSING;
  const reason = rejectReason(s);
  if (reason) return invalid(reason);

  if (isBareTitle(s)) return invalid('只有称谓，没有姓名');

  const notes: string[] = [];
  let honorific: string | undefined;

  const remark = TRAILING_REMARK.exec(s);
  if (remark && LETTER.test(remark[1])) {
    const inside = remark[2].trim();
    s = remark[1];
    if (CHINESE_TITLES.includes(inside)) honorific = inside;
    else if (inside) notes.push(`括号里的“${inside}”已移出姓名`);
  }

  const titled = takeTitle(s);
  if (titled.title) {
    honorific = honorific ?? titled.title;
    s = titled.rest;
  }
  if (honorific) notes.unshift(`称谓“${honorific}”已移出姓名`);
  if (!LETTER.test(s)) return invalid('只有称谓，没有姓名');

  const han = HAN.test(s);
  const latin = LATIN.test(s);
  if (han) {
    if (MAY_HOLD_DOT.test(s)) s = s.replace(NAME_DOT, '·');
    if (s.includes(' ')) s = latin ? s.replace(SPACE_BETWEEN_HAN, '') : s.replace(/ /g, '');
  }
  const simplified = han ? toSimplified(s) : s;
  if (han && simplified !== s && (opts.simplify ?? true)) {
    notes.push('繁体已转为简体');
    s = simplified;
  }

  let split: Split = {};
  if (han && !latin && ONLY_HAN.test(s)) split = splitHan(s, simplified, honorific !== undefined);
  else if (!han) split = splitLatin(s);
  if (split.note) notes.push(split.note);

  const out: NormalizedName = { value: s, status: 'ok' };
  if (notes.length) out.note = notes.join('；');
  if (split.surname !== undefined) out.surname = split.surname;
  if (split.givenName !== undefined) out.givenName = split.givenName;
  if (honorific !== undefined) out.honorific = honorific;
  return out;
}
