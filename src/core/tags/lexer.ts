/**
 * The tag-rule scanner. It reads one token at a time in one of two modes chosen by the parser, because Chinese is
 * written without spaces and the same characters mean different things in different places:
 * - `operand` mode (where a value or a condition starts): field names, literals, NOT, `(`, unary minus.
 *   `不是` here is NOT; `和平区` is a word, not AND + 平区.
 * - `operator` mode (after a value): comparison and logic words, `)`, `,`, arithmetic, the `=>` arrow.
 *   `不是` here is `!=`; `且购买频次` splits into AND + 购买频次.
 * Hand-written: a regex lexer cannot switch meaning by position, and a generated parser would be more code than this.
 */
import { foldWidth } from '../normalize/text';
import { daysFromCivil } from '../analysis/dates';
import { ruleError } from './errors';

export type CmpOp = '>' | '>=' | '<' | '<=' | '=' | '!=';
export type MatchOp = 'contains' | 'startsWith' | 'endsWith';
export type ArithOp = '+' | '-' | '*' | '/';

export type TokenKind =
  | 'number'
  | 'date'
  | 'string'
  | 'quotedName'
  | 'word'
  | 'cmp'
  | 'match'
  | 'in'
  | 'between'
  | 'to'
  | 'betweenEnd'
  | 'isNull'
  | 'and'
  | 'or'
  | 'not'
  | 'lparen'
  | 'rparen'
  | 'comma'
  | 'arith'
  | 'arrow'
  | 'eof';

export interface Token {
  kind: TokenKind;
  /** 0-based [start, end) in the rule text. */
  start: number;
  end: number;
  /** The text as typed. */
  text: string;
  /** number: its value; date: days since 1970-01-01. */
  num?: number;
  /** string / quotedName: the text inside the quotes. */
  value?: string;
  cmp?: CmpOp;
  match?: MatchOp;
  arith?: ArithOp;
  /** `不包含`, `not in`, `不为空`, `not between`… */
  negated?: boolean;
  /** lparen/rparen: which bracket pair, so `(` only closes with `)`. */
  bracket?: 'round' | 'square';
}

export type Mode = 'operand' | 'operator';

type Proto = Omit<Token, 'start' | 'end' | 'text'>;

const cmp = (op: CmpOp): Proto => ({ kind: 'cmp', cmp: op });
const match = (op: MatchOp, negated = false): Proto => ({ kind: 'match', match: op, negated });

/** Words and symbols after a value. A space in a pattern matches one or more spaces. */
const OPERATOR_WORDS: [string, Proto][] = [
  ['>', cmp('>')], ['>=', cmp('>=')], ['<', cmp('<')], ['<=', cmp('<=')], ['=', cmp('=')], ['==', cmp('=')],
  ['!=', cmp('!=')], ['<>', cmp('!=')], ['≥', cmp('>=')], ['≤', cmp('<=')], ['≠', cmp('!=')], ['⩾', cmp('>=')], ['⩽', cmp('<=')],
  ['大于', cmp('>')], ['高于', cmp('>')], ['超过', cmp('>')], ['多于', cmp('>')],
  ['大于等于', cmp('>=')], ['大于或等于', cmp('>=')], ['不少于', cmp('>=')], ['不低于', cmp('>=')], ['不小于', cmp('>=')],
  ['至少', cmp('>=')], ['最少', cmp('>=')],
  ['小于', cmp('<')], ['低于', cmp('<')], ['少于', cmp('<')], ['不足', cmp('<')],
  ['小于等于', cmp('<=')], ['小于或等于', cmp('<=')], ['不超过', cmp('<=')], ['不多于', cmp('<=')], ['不高于', cmp('<=')],
  ['不大于', cmp('<=')], ['至多', cmp('<=')], ['最多', cmp('<=')],
  ['等于', cmp('=')], ['是', cmp('=')], ['为', cmp('=')], ['is', cmp('=')],
  ['不等于', cmp('!=')], ['不是', cmp('!=')], ['不为', cmp('!=')], ['is not', cmp('!=')],
  ['为空', { kind: 'isNull', negated: false }], ['是空', { kind: 'isNull', negated: false }],
  ['is null', { kind: 'isNull', negated: false }], ['is empty', { kind: 'isNull', negated: false }],
  ['不为空', { kind: 'isNull', negated: true }], ['非空', { kind: 'isNull', negated: true }],
  ['不是空', { kind: 'isNull', negated: true }], ['is not null', { kind: 'isNull', negated: true }],
  ['is not empty', { kind: 'isNull', negated: true }],
  ['包含', match('contains')], ['含有', match('contains')], ['包括', match('contains')], ['contains', match('contains')],
  ['不包含', match('contains', true)], ['不含', match('contains', true)], ['不包括', match('contains', true)],
  ['not contains', match('contains', true)], ['does not contain', match('contains', true)],
  ['开头是', match('startsWith')], ['开头为', match('startsWith')], ['starts with', match('startsWith')],
  ['结尾是', match('endsWith')], ['结尾为', match('endsWith')], ['ends with', match('endsWith')],
  ['属于', { kind: 'in', negated: false }], ['在', { kind: 'in', negated: false }], ['in', { kind: 'in', negated: false }],
  ['不属于', { kind: 'in', negated: true }], ['不在', { kind: 'in', negated: true }], ['not in', { kind: 'in', negated: true }],
  ['介于', { kind: 'between', negated: false }], ['between', { kind: 'between', negated: false }],
  ['不介于', { kind: 'between', negated: true }], ['not between', { kind: 'between', negated: true }],
  ['到', { kind: 'to' }], ['至', { kind: 'to' }], ['~', { kind: 'to' }], ['to', { kind: 'to' }],
  ['之间', { kind: 'betweenEnd' }],
  ['且', { kind: 'and' }], ['并且', { kind: 'and' }], ['而且', { kind: 'and' }], ['同时', { kind: 'and' }],
  ['和', { kind: 'and' }], ['与', { kind: 'and' }], ['and', { kind: 'and' }], ['&&', { kind: 'and' }],
  ['或', { kind: 'or' }], ['或者', { kind: 'or' }], ['or', { kind: 'or' }], ['||', { kind: 'or' }],
  ['=>', { kind: 'arrow' }], ['->', { kind: 'arrow' }], ['→', { kind: 'arrow' }], ['⇒', { kind: 'arrow' }],
  ['+', { kind: 'arith', arith: '+' }], ['-', { kind: 'arith', arith: '-' }], ['*', { kind: 'arith', arith: '*' }],
  ['×', { kind: 'arith', arith: '*' }], ['/', { kind: 'arith', arith: '/' }], ['÷', { kind: 'arith', arith: '/' }],
];

const PUNCTUATION: [string, Proto][] = [
  ['(', { kind: 'lparen', bracket: 'round' }], [')', { kind: 'rparen', bracket: 'round' }],
  ['[', { kind: 'lparen', bracket: 'square' }], [']', { kind: 'rparen', bracket: 'square' }],
  ['【', { kind: 'lparen', bracket: 'square' }], ['】', { kind: 'rparen', bracket: 'square' }],
  [',', { kind: 'comma' }], ['、', { kind: 'comma' }], [';', { kind: 'comma' }],
];

/** Where a value or condition starts. `-` is unary minus; the CJK NOT words must be followed by a known name. */
const OPERAND_WORDS: [string, Proto][] = [
  ['非', { kind: 'not' }], ['不是', { kind: 'not' }], ['not', { kind: 'not' }], ['!', { kind: 'not' }],
  ['-', { kind: 'arith', arith: '-' }],
];

const byLengthDesc = (a: [string, Proto], b: [string, Proto]) => b[0].length - a[0].length;
const OPERATOR_TABLE = [...OPERATOR_WORDS, ...PUNCTUATION].sort(byLengthDesc);
const OPERAND_TABLE = [...OPERAND_WORDS, ...PUNCTUATION].sort(byLengthDesc);

/**
 * Keywords that end an unknown word typed without spaces (`北京且购买频次`): logic words and multi-character
 * operator words. Single characters such as 和 / 是 / 在 are left out: they occur inside place names (和平区).
 */
const WORD_STOPS: string[] = OPERATOR_WORDS.map(([w]) => w)
  .filter((w) => isCjk(w.charCodeAt(0)) && (w.length >= 2 || w === '且' || w === '或'))
  .sort((a, b) => b.length - a.length);

const OPEN_QUOTES: Record<string, string> = { '"': '"', "'": "'", '“': '”', '‘': '’', '「': '」', '『': '』', '`': '`' };

/** Number multipliers written after the digits; 1.5万 = 15000. */
const MULTIPLIER_POWER: Record<string, number> = { 十: 1, 百: 2, 千: 3, 万: 4, 亿: 8 };
const LATIN_MULTIPLIER_POWER: Record<string, number> = { k: 3, w: 4 };
/** Units that may follow a number and change nothing (`5000 元`, `30 天`). */
const IGNORED_UNITS = ['元', '块', '天', '日', '次', '笔', '单', '件', '人', 'days', 'day', 'times', 'yuan'];

const OPERATOR_WORD_SET = new Set(OPERATOR_WORDS.map(([w]) => w));

/** Whether `text` is exactly one of the operator words (且, or, 大于 …): it cannot start a condition. */
export function isOperatorWord(text: string): boolean {
  return OPERATOR_WORD_SET.has(foldWidth(text).toLowerCase());
}

export function isCjk(c: number): boolean {
  return (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
}

function isAsciiWord(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isWordChar(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 128) return isAsciiWord(c);
  return isCjk(c) || /[\p{L}\p{N}]/u.test(s[i]);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x3000;
}

export class Scanner {
  /** Width-folded, lower-cased copy of the text (same length, so offsets are shared). */
  private readonly src: string;
  /** Offsets of full-width commas: never a thousands separator. */
  private readonly wideComma: Set<number>;
  private readonly names: string[];
  pos: number;

  constructor(
    readonly text: string,
    names: readonly string[],
    start = 0,
    readonly end = text.length,
  ) {
    this.src = foldWidth(text).toLowerCase();
    this.wideComma = new Set();
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0xff0c) this.wideComma.add(i);
    // In a name, `_` and a space are one: `recency_days` is also typed `Recency days`.
    this.names = names.map((n) => foldWidth(n).toLowerCase().replace(/_/g, ' ')).sort((a, b) => b.length - a.length);
    this.pos = start;
  }

  /** The next token in `mode`, without consuming it. */
  peek(mode: Mode): Token {
    let i = this.pos;
    while (i < this.end && isSpace(this.src.charCodeAt(i))) i++;
    if (i >= this.end) return { kind: 'eof', start: i, end: i, text: '' };
    return mode === 'operand' ? this.operand(i) : this.operator(i);
  }

  next(mode: Mode): Token {
    const t = this.peek(mode);
    this.pos = t.end;
    return t;
  }

  /** Consume a token already peeked. */
  take(t: Token): Token {
    this.pos = t.end;
    return t;
  }

  private token(proto: Proto, start: number, end: number): Token {
    return { ...proto, start, end, text: this.text.slice(start, end) };
  }

  /** End of `pattern` matched at i (case-folded; a space in it matches spaces or one `_`; Latin words whole), or -1. */
  private matchAt(i: number, pattern: string): number {
    let j = i;
    for (let k = 0; k < pattern.length; k++) {
      const p = pattern.charCodeAt(k);
      if (p === 32) {
        if (this.src.charCodeAt(j) === 95 /* _ */) {
          j++;
          continue;
        }
        if (j >= this.end || !isSpace(this.src.charCodeAt(j))) return -1;
        while (j < this.end && isSpace(this.src.charCodeAt(j))) j++;
      } else {
        if (j >= this.end || this.src.charCodeAt(j) !== p) return -1;
        j++;
      }
    }
    const last = pattern.charCodeAt(pattern.length - 1);
    if (isAsciiWord(last) && j < this.end && isAsciiWord(this.src.charCodeAt(j))) return -1;
    return j;
  }

  private longest(i: number, table: [string, Proto][]): Token | null {
    for (const [pattern, proto] of table) {
      const j = this.matchAt(i, pattern);
      if (j >= 0) return this.token(proto, i, j);
    }
    return null;
  }

  private operator(i: number): Token {
    const t = this.longest(i, OPERATOR_TABLE);
    if (t) return t;
    // Not an operator: read what is there anyway, so the error can show it ("found '5000'").
    return this.operand(i);
  }

  private operand(i: number): Token {
    const name = this.knownName(i);
    if (name > i) return this.token({ kind: 'word' }, i, name);
    const t = this.longest(i, OPERAND_TABLE);
    if (t && (t.kind !== 'not' || this.notFits(t))) return t;
    const c = this.src[i];
    if (OPEN_QUOTES[c] !== undefined) return this.quoted(i);
    if (isDigit(this.src.charCodeAt(i)) || (c === '.' && isDigit(this.src.charCodeAt(i + 1)))) {
      return this.date(i) ?? this.number(i);
    }
    if (isWordChar(this.src, i)) return this.token({ kind: 'word' }, i, this.wordEnd(i));
    throw ruleError('unexpectedChar', i, i + 1, { found: this.text[i] });
  }

  /** A CJK NOT (非, 不是) only counts before a space, a bracket or a known name: 非洲 is a word. */
  private notFits(t: Token): boolean {
    if (!isCjk(t.text.charCodeAt(0))) return true;
    const j = t.end;
    if (j >= this.end || !isWordChar(this.src, j)) return true;
    return this.knownName(j) > j;
  }

  /** End of the longest known name at i that ends on a boundary, or i. */
  private knownName(i: number): number {
    for (const name of this.names) {
      const j = this.matchAt(i, name);
      if (j >= 0 && this.isBoundary(j)) return j;
    }
    return i;
  }

  /** Whether a name may end at j: the end, a non-word character, or an operator word (性别为女 -> 性别 | 为). */
  private isBoundary(j: number): boolean {
    if (j >= this.end || !isWordChar(this.src, j)) return true;
    const prev = this.src.charCodeAt(j - 1);
    if (prev < 128 && isAsciiWord(prev) && this.src.charCodeAt(j) < 128) return false;
    return this.longest(j, OPERATOR_TABLE) !== null;
  }

  private wordEnd(i: number): number {
    let j = i + 1;
    const latin = this.src.charCodeAt(i) < 128;
    while (j < this.end && isWordChar(this.src, j)) {
      if (latin && this.src.charCodeAt(j) >= 128) break;
      if (!latin && WORD_STOPS.some((w) => this.matchAt(j, w) >= 0)) break;
      j++;
    }
    return j;
  }

  private quoted(i: number): Token {
    const open = this.src[i];
    const close = OPEN_QUOTES[open];
    const j = this.src.indexOf(close, i + 1);
    if (j < 0 || j >= this.end) throw ruleError('unterminatedString', i, i + 1, { found: this.text[i] });
    const value = this.text.slice(i + 1, j);
    return this.token({ kind: open === '`' ? 'quotedName' : 'string', value }, i, j + 1);
  }

  private digitsEnd(i: number): number {
    while (i < this.end && isDigit(this.src.charCodeAt(i))) i++;
    return i;
  }

  /** `2024-01-01`, `2024/1/1`, `2024.1.1`, `2024年1月1日`; null when the text is not date-shaped. */
  private date(i: number): Token | null {
    const y = this.digitsEnd(i);
    if (y - i !== 4) return null;
    const sep = this.src[y];
    const cjk = sep === '年';
    if (!cjk && sep !== '-' && sep !== '/' && sep !== '.') return null;
    const m = this.digitsEnd(y + 1);
    if (m - y - 1 < 1 || m - y - 1 > 2) return null;
    const sep2 = cjk ? '月' : sep;
    if (this.src[m] !== sep2) return null;
    const d = this.digitsEnd(m + 1);
    if (d - m - 1 < 1 || d - m - 1 > 2) return null;
    let end = d;
    if (cjk && (this.src[d] === '日' || this.src[d] === '号')) end++;
    if (end < this.end && isDigit(this.src.charCodeAt(end))) return null;
    const year = Number(this.src.slice(i, y));
    const month = Number(this.src.slice(y + 1, m));
    const day = Number(this.src.slice(m + 1, d));
    const days = daysFromCivil(year, month, day);
    const back = new Date(days * 86_400_000);
    if (month < 1 || month > 12 || back.getUTCDate() !== day || back.getUTCMonth() + 1 !== month) {
      throw ruleError('invalidDate', i, end, { found: this.text.slice(i, end) });
    }
    return this.token({ kind: 'date', num: days }, i, end);
  }

  /**
   * `5000`, `5,000` (an ASCII comma before exactly three digits), `1.5`, `1.5万`, `5千`, `5k`, `3w`, `12%`,
   * and an ignored unit (`5000元`, `30 天`). The value is built by shifting the decimal point, so 1.1万 is exactly 11000.
   */
  private number(i: number): Token {
    let j = this.digitsEnd(i);
    let digits = this.src.slice(i, j);
    const grouped = digits.length >= 1 && digits.length <= 3;
    while (grouped && this.src[j] === ',' && !this.wideComma.has(j) && this.digitsEnd(j + 1) - (j + 1) === 3) {
      digits += this.src.slice(j + 1, j + 4);
      j += 4;
    }
    if (this.src[j] === '.' && isDigit(this.src.charCodeAt(j + 1))) {
      const f = this.digitsEnd(j + 1);
      digits += this.src.slice(j, f);
      j = f;
    }
    let power = 0;
    let k = this.skipSpaces(j);
    while (k < this.end && MULTIPLIER_POWER[this.src[k]] !== undefined) {
      power += MULTIPLIER_POWER[this.src[k]];
      j = k + 1;
      k = j;
    }
    const latin = LATIN_MULTIPLIER_POWER[this.src[j]];
    if (latin !== undefined && !(j + 1 < this.end && isAsciiWord(this.src.charCodeAt(j + 1)))) {
      power += latin;
      j++;
    }
    if (this.src[j] === '%') {
      power -= 2;
      j++;
    }
    k = this.skipSpaces(j);
    for (const unit of IGNORED_UNITS) {
      const u = this.matchAt(k, unit);
      if (u >= 0 && this.isBoundary(u)) {
        j = u;
        break;
      }
    }
    return this.token({ kind: 'number', num: Number(`${digits}e${power}`) }, i, j);
  }

  private skipSpaces(j: number): number {
    while (j < this.end && isSpace(this.src.charCodeAt(j))) j++;
    return j;
  }
}
