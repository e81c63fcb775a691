/**
 * Errors of the tag-rule language: plain data (a code, where, and what), rendered in zh-CN or en-US only when shown.
 * Positions are 0-based offsets into the rule text as the user typed it; `column` is 1-based for display.
 */
import type { ValueType } from './catalogue';

export type Locale = 'zh-CN' | 'en-US';

export type RuleErrorCode =
  | 'empty'
  | 'tooLong'
  | 'tooDeep'
  | 'unexpectedChar'
  | 'unterminatedString'
  | 'invalidDate'
  | 'expected'
  | 'unclosedParen'
  | 'unmatchedParen'
  | 'trailing'
  | 'unknownField'
  | 'unknownFunction'
  | 'typeMismatch'
  | 'operatorType'
  | 'notCondition'
  | 'conditionAsValue'
  | 'arithmeticType'
  | 'argumentCount'
  | 'argumentType'
  | 'emptyList'
  | 'missingTag'
  | 'tagTwice';

/** What the parser was looking for when it stopped. */
export type Expected = 'comparison' | 'value' | 'condition' | 'rparen' | 'list' | 'listSep' | 'rangeSep';

export interface RuleError {
  code: RuleErrorCode;
  /** 0-based [start, end) of the offending text. */
  start: number;
  end: number;
  /** 1-based column of `start`. */
  column: number;
  expected?: Expected;
  /** The source text found there; null means the end of the rule. */
  found?: string | null;
  /** A field / function / tag name the message is about. */
  name?: string;
  /** A did-you-mean candidate. */
  suggestion?: string;
  /** Source text and type of the two sides of a comparison or a calculation. */
  left?: string;
  leftType?: ValueType;
  right?: string;
  rightType?: ValueType;
  /** The operator as written. */
  op?: string;
  /** A limit (length, depth, argument count) and the actual figure. */
  limit?: number;
  actual?: number;
  /** Column of the matching `(` for unclosedParen. */
  openColumn?: number;
}

/** Thrown inside the lexer and parser; the public API hands back `error` instead. */
export class RuleSyntaxError extends Error {
  constructor(readonly detail: RuleError) {
    super(formatRuleError(detail, 'en-US'));
    this.name = 'RuleSyntaxError';
  }
}

export function ruleError(code: RuleErrorCode, start: number, end: number, extra: Partial<RuleError> = {}): RuleSyntaxError {
  return new RuleSyntaxError({ ...extra, code, start, end: Math.max(end, start), column: start + 1 });
}

const TYPE_NAMES: Record<ValueType, [string, string]> = {
  number: ['数字', 'a number'],
  text: ['文字', 'text'],
  date: ['日期', 'a date'],
  boolean: ['是/否', 'yes/no'],
};

const EXPECTED: Record<Expected, [string, string]> = {
  comparison: ['一个比较符号（>、>=、=…）', 'a comparison operator'],
  value: ['一个值（数字、文字、日期或字段名）', 'a value (number, text, date or field name)'],
  condition: ['一个条件（字段名、「非」或「(」）', "a condition (a field name, NOT or '(')"],
  rparen: ['「)」', "')'"],
  list: ['用括号括起的列表，例如「(北京, 上海)」', "a list in brackets, e.g. '(Beijing, Shanghai)'"],
  listSep: ['「,」或列表的右括号', "',' or the list's closing bracket"],
  rangeSep: ['「到」「和」或「~」', "'and', 'to' or '~'"],
};

function clip(s: string): string {
  return s.length > 24 ? s.slice(0, 23) + '…' : s;
}

function quoted(s: string | null | undefined, zh: boolean): string {
  if (s === null || s === undefined) return zh ? '规则结尾' : 'the end of the rule';
  return zh ? `「${clip(s)}」` : `'${clip(s)}'`;
}

/** The message alone, without the position prefix. */
export function ruleErrorDetail(e: RuleError, locale: Locale = 'zh-CN'): string {
  const zh = locale !== 'en-US';
  const q = (s: string | null | undefined) => quoted(s, zh);
  const ty = (t: ValueType | undefined) => (t ? TYPE_NAMES[t][zh ? 0 : 1] : '');
  switch (e.code) {
    case 'empty':
      return zh
        ? '规则是空的，请写一个条件，例如「累计消费金额 >= 5000 => 高价值客户」'
        : "the rule is empty; write a condition such as 'total_spend >= 5000 => High value'";
    case 'tooLong':
      return zh
        ? `规则太长（${e.actual} 个字符），最多 ${e.limit} 个字符`
        : `the rule is too long (${e.actual} characters); the limit is ${e.limit}`;
    case 'tooDeep':
      return zh
        ? `括号、「非」或负号嵌套超过 ${e.limit} 层`
        : `parentheses, NOT or minus signs are nested more than ${e.limit} levels deep`;
    case 'unexpectedChar':
      return zh ? `无法识别的字符${q(e.found)}` : `unrecognised character ${q(e.found)}`;
    case 'unterminatedString':
      return zh ? `引号${q(e.found)}没有配对的结束引号` : `the quote ${q(e.found)} is never closed`;
    case 'invalidDate':
      return zh ? `日期${q(e.found)}不存在` : `there is no such date as ${q(e.found)}`;
    case 'expected':
      return zh
        ? `期望${EXPECTED[e.expected ?? 'value'][0]}，却是${q(e.found)}`
        : `expected ${EXPECTED[e.expected ?? 'value'][1]}, found ${q(e.found)}`;
    case 'unclosedParen':
      return zh
        ? `缺少「)」来配对第 ${e.openColumn} 个字符处的「(」，却是${q(e.found)}`
        : `missing ')' to close the '(' at column ${e.openColumn}, found ${q(e.found)}`;
    case 'unmatchedParen':
      return zh ? `多余的${q(e.found)}：前面没有与它配对的左括号` : `unmatched ${q(e.found)}: there is no opening bracket before it`;
    case 'trailing':
      return zh
        ? `条件在此之前已经完整，多出了${q(e.found)}；是不是少了「且」或「或」？`
        : `the condition is already complete here; unexpected ${q(e.found)} (missing 'and' or 'or'?)`;
    case 'unknownField':
      if (e.suggestion)
        return zh
          ? `没有名为${q(e.name)}的字段，是不是想写${q(e.suggestion)}？`
          : `there is no field named ${q(e.name)}; did you mean ${q(e.suggestion)}?`;
      return zh
        ? `没有名为${q(e.name)}的字段（文字值写在比较符号右边，或加引号）`
        : `there is no field named ${q(e.name)} (text values go on the right of a comparison, or in quotes)`;
    case 'unknownFunction':
      return zh
        ? `没有名为${q(e.name)}的函数${e.suggestion ? `，是不是想写${q(e.suggestion)}？` : '；可用的函数：天数(日期)'}`
        : `there is no function named ${q(e.name)}${e.suggestion ? `; did you mean ${q(e.suggestion)}?` : '; available: days_since(date)'}`;
    case 'typeMismatch': {
      const hint =
        e.leftType === 'text' && e.rightType === 'number'
          ? zh
            ? `；若要按文字比较，请给${q(e.right)}加引号`
            : `; put ${q(e.right)} in quotes to compare it as text`
          : '';
      return zh
        ? `${q(e.left)}是${ty(e.leftType)}，${q(e.right)}是${ty(e.rightType)}，两者不能比较${hint}`
        : `${q(e.left)} is ${ty(e.leftType)} but ${q(e.right)} is ${ty(e.rightType)}; they cannot be compared${hint}`;
    }
    case 'operatorType': {
      const allowed =
        e.leftType === 'text'
          ? zh
            ? '文字只能用 =、!=、包含、开头是、结尾是、属于'
            : 'text allows =, !=, contains, starts with, ends with, in'
          : e.leftType === 'boolean'
            ? zh
              ? '是/否只能用 = 或 !='
              : 'yes/no allows only = and !='
            : zh
              ? '「包含」「开头是」「结尾是」只能用于文字'
              : "'contains', 'starts with' and 'ends with' apply to text only";
      return zh
        ? `${q(e.op)}不能用于${ty(e.leftType)}${q(e.left)}：${allowed}`
        : `${q(e.op)} cannot be used with ${ty(e.leftType)} ${q(e.left)}: ${allowed}`;
    }
    case 'notCondition':
      return zh
        ? `${q(e.left)}是${ty(e.leftType)}，不是条件；请写成比较，例如「${clip(e.left ?? '')} > 0」`
        : `${q(e.left)} is ${ty(e.leftType)}, not a condition; compare it, e.g. '${clip(e.left ?? '')} > 0'`;
    case 'conditionAsValue':
      return zh
        ? `${q(e.left)}是一个条件，不能再拿来比较或计算`
        : `${q(e.left)} is a condition; it cannot be compared or computed with`;
    case 'arithmeticType':
      if (e.right === undefined)
        return zh ? `${q(e.op)}不能用于${ty(e.leftType)}${q(e.left)}` : `${q(e.op)} cannot be applied to ${ty(e.leftType)} ${q(e.left)}`;
      return zh
        ? `${q(e.op)}不能用于${ty(e.leftType)}${q(e.left)}和${ty(e.rightType)}${q(e.right)}`
        : `${q(e.op)} cannot be applied to ${ty(e.leftType)} ${q(e.left)} and ${ty(e.rightType)} ${q(e.right)}`;
    case 'argumentCount':
      return zh
        ? `函数${q(e.name)}需要 ${e.limit} 个参数，却给了 ${e.actual} 个`
        : `the function ${q(e.name)} takes ${e.limit} argument(s) but was given ${e.actual}`;
    case 'argumentType':
      return zh
        ? `函数${q(e.name)}的参数要是日期，${q(e.found)}是${ty(e.rightType)}`
        : `the function ${q(e.name)} needs a date, but ${q(e.found)} is ${ty(e.rightType)}`;
    case 'emptyList':
      return zh ? '列表是空的，请至少写一个值' : 'the list is empty; write at least one value';
    case 'missingTag':
      return zh
        ? '缺少标签名：请在条件后写「=> 标签名」，或在开头写「标签名:」'
        : "missing tag name: end the rule with '=> tag name' or start it with 'tag name:'";
    case 'tagTwice':
      return zh
        ? `标签名写了两次：开头是${q(e.name)}，箭头后又是${q(e.suggestion)}`
        : `the tag name is given twice: ${q(e.name)} at the start and ${q(e.suggestion)} after the arrow`;
  }
}

/** The full message: `第 12 个字符处：…` / `at column 12: …` (no position for an empty or too long rule). */
export function formatRuleError(e: RuleError, locale: Locale = 'zh-CN'): string {
  const detail = ruleErrorDetail(e, locale);
  if (e.code === 'empty' || e.code === 'tooLong') return detail;
  return locale === 'en-US' ? `at column ${e.column}: ${detail}` : `第 ${e.column} 个字符处：${detail}`;
}

/** East Asian wide characters take two columns in a monospaced terminal. */
function isWide(c: number): boolean {
  return (
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6)
  );
}

/**
 * A line of spaces and carets that points at the error under the rule text, for monospaced display:
 *   累计消费金额 5000
 *                ^^^^
 * Wide (CJK) characters count as two columns. Tabs are kept so the caret lines up with a tab in the text.
 */
export function caretLine(text: string, e: Pick<RuleError, 'start' | 'end'>): string {
  let pad = '';
  const start = Math.min(e.start, text.length);
  for (let i = 0; i < start; i++) {
    const c = text.charCodeAt(i);
    pad += c === 9 ? '\t' : isWide(c) ? '  ' : ' ';
  }
  let marks = '';
  const end = Math.min(Math.max(e.end, start + 1), text.length);
  for (let i = start; i < end; i++) marks += isWide(text.charCodeAt(i)) ? '^^' : '^';
  return pad + (marks || '^');
}
