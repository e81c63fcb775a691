/**
 * The tag-rule parser: hand-written recursive descent over the two-mode scanner (lexer.ts). It resolves field
 * names against the catalogue and checks types as it builds the tree, so every mistake is reported with its
 * position. Nothing is ever evaluated as code: the result is a plain tree (ast.ts) that evaluate.ts walks.
 *
 * Grammar (EBNF; keywords in either language, case-insensitive; full-width forms of every symbol accepted):
 *
 *   rule        = [ tag ( ":" | "：" ) ] condition [ ARROW tag ] ;       (* ARROW = "=>" | "->" | "→" | "⇒" *)
 *   tag         = any text (after the arrow: the rest of the line; quotes around it are dropped) ;
 *   condition   = or ;
 *   or          = and { OR and } ;                                       (* OR  = 或 | 或者 | or | "||" *)
 *   and         = not { AND not } ;                                      (* AND = 且 | 并且 | 而且 | 同时 | 和 | 与 | and | "&&" *)
 *   not         = NOT not | predicate ;                                  (* NOT = 非 | 不是 | not | "!" *)
 *   predicate   = value [ comparison ] ;        (* without a comparison the value must be a yes/no field or "( condition )" *)
 *   comparison  = CMP value { CMP value }                               (* chained: a <= b < c means a <= b AND b < c *)
 *               | MATCH value                                            (* 包含 不包含 开头是 结尾是 contains starts with … *)
 *               | IN list                                                (* 属于 不属于 在 不在 in "not in" *)
 *               | BETWEEN value ( AND | TO ) value [ "之间" ]             (* 介于 不介于 between; TO = 到 | 至 | "~" | to *)
 *               | "在" value TO value [ "之间" ]
 *               | IS_NULL ;                                              (* 为空 不为空 非空 "is null" "is not empty" … *)
 *   CMP         = ">" | ">=" | "<" | "<=" | "=" | "==" | "!=" | "<>" | "≥" | "≤" | "≠"
 *               | 大于 | 超过 | 高于 | 多于 | 至少 | 不少于 | 不低于 | 小于 | 低于 | 少于 | 不超过 | 至多 | 不多于
 *               | 等于 | 是 | 为 | is | 不等于 | 不是 | "is not" ;
 *   list        = ( "(" | "[" | "【" ) value { SEP value } [ SEP ] ( ")" | "]" | "】" ) ;   (* SEP = "," | "，" | "、" | ";" *)
 *   value       = term { ( "+" | "-" ) term } ;
 *   term        = unary { ( "*" | "/" | "×" | "÷" ) unary } ;
 *   unary       = "-" unary | primary ;
 *   primary     = NUMBER | DATE | STRING | TODAY | FIELD | WORD
 *               | FUNCTION "(" value { "," value } ")"                   (* 天数 | 距今天数 | days_since: days from a date to today *)
 *               | "(" condition ")" ;                                    (* also "( value )" *)
 *   NUMBER      = digits [ "," ddd ]* [ "." digits ] [ 十 | 百 | 千 | 万 | 亿 | k | w ] [ "%" ] [ unit ] ;   (* 1.5万, 5,000, 12% *)
 *   DATE        = yyyy ( "-" | "/" | "." ) m sep d | yyyy "年" m "月" d [ "日" | "号" ] ;
 *   STRING      = quoted with " ' “” ‘’ 「」 or 『』 ;   FIELD may be quoted with backticks: `Total spend` ;
 *   WORD        = letters/CJK/digits: a field name (zh, en, id or alias) or, on the right of a comparison, a text value.
 *
 * Precedence, loosest first: OR, AND, NOT, comparison, + -, * /, unary minus.
 */
import type { CondNode, Node, ParsedRule, ValueNode } from './ast';
import { isValueNode } from './ast';
import {
  CatalogueIndex,
  DAYS_SINCE_NAMES,
  FALSE_WORDS,
  FieldCatalogue,
  TODAY_WORDS,
  TRUE_WORDS,
  VIEW_CATALOGUE,
  ValueType,
  indexCatalogue,
  nameKey,
  suggestName,
} from './catalogue';
import { Expected, RuleError, RuleSyntaxError, ruleError } from './errors';
import { ArithOp, CmpOp, Mode, Scanner, Token, isOperatorWord } from './lexer';

export const MAX_RULE_LENGTH = 2000;
export const MAX_RULE_DEPTH = 32;

export interface ParseOptions {
  /** Fields the rule may name; the unified customer view's by default. */
  catalogue?: FieldCatalogue;
  /** Fail with `missingTag` when the text names no tag (a rule list's line must; a rule with its own name need not). */
  requireTag?: boolean;
  maxLength?: number;
  maxDepth?: number;
}

export type ParseResult = { ok: true; rule: ParsedRule } | { ok: false; error: RuleError };

const FUNCTION_KEYS = new Set(DAYS_SINCE_NAMES.map(nameKey));
const TODAY_KEYS = new Set(TODAY_WORDS.map(nameKey));
const EXTRA_NAMES = [...DAYS_SINCE_NAMES, ...TODAY_WORDS];
const FUNCTION_CANDIDATES: [string, string][] = DAYS_SINCE_NAMES.map((n) => [n, nameKey(n)]);

/** Parse one rule. Never throws for any input text. */
export function parseRule(text: string, options: ParseOptions = {}): ParseResult {
  try {
    return { ok: true, rule: parseRuleOrThrow(text, options) };
  } catch (e) {
    if (e instanceof RuleSyntaxError) return { ok: false, error: e.detail };
    throw e;
  }
}

function parseRuleOrThrow(text: string, options: ParseOptions): ParsedRule {
  const maxLength = options.maxLength ?? MAX_RULE_LENGTH;
  if (text.length > maxLength) throw ruleError('tooLong', 0, text.length, { limit: maxLength, actual: text.length });
  const index = indexCatalogue(options.catalogue ?? VIEW_CATALOGUE);
  const prefix = tagPrefix(text);
  const scanner = new Scanner(text, [...index.names, ...EXTRA_NAMES], prefix ? prefix.condStart : 0);
  const parser = new Parser(scanner, index, text, options.maxDepth ?? MAX_RULE_DEPTH);

  const first = scanner.peek('operator');
  if (first.kind === 'eof' || first.kind === 'arrow') throw ruleError('empty', first.start, first.end);
  const condition = parser.asCondition(parser.or());

  let tag = prefix ? prefix.tag : null;
  const t = scanner.peek('operator');
  if (t.kind === 'arrow') {
    const arrowTag = unquote(text.slice(t.end).trim());
    if (!arrowTag) throw ruleError('missingTag', t.start, t.end);
    if (tag !== null) throw ruleError('tagTwice', t.start, text.length, { name: tag, suggestion: arrowTag });
    tag = arrowTag;
  } else if (t.kind === 'rparen') {
    throw ruleError('unmatchedParen', t.start, t.end, { found: t.text });
  } else if (t.kind !== 'eof') {
    throw ruleError('trailing', t.start, t.end, { found: t.text });
  }
  if (options.requireTag && tag === null) throw ruleError('missingTag', text.length, text.length);
  return { text, tag, condition, fields: parser.fieldsUsed };
}

/** `高价值客户: 条件` — a name before the first colon, when no operator or bracket comes before it. */
function tagPrefix(text: string): { tag: string; condStart: number } | null {
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === ':' || c === '：') {
      const tag = unquote(text.slice(0, i).trim());
      return tag ? { tag, condStart: i + 1 } : null;
    }
    if ('()（）[]【】<>＜＞=＝!！≥≤≠→⇒"\'“”「」`'.includes(c)) return null;
  }
  return null;
}

function unquote(s: string): string {
  const pairs = ['""', "''", '“”', '‘’', '「」', '『』'];
  if (s.length >= 2 && pairs.includes(s[0] + s[s.length - 1])) return s.slice(1, -1).trim();
  return s;
}

/** Where the next token ends a predicate: the value before it needs no comparison. */
const PREDICATE_END = new Set(['eof', 'rparen', 'and', 'or', 'arrow']);

class Parser {
  readonly fieldsUsed: string[] = [];
  /** Nesting of brackets, NOT and unary minus, against maxDepth. */
  private depth = 0;
  /** Brackets open right now, to tell an unmatched `)` from one where a value was due. */
  private openBrackets = 0;

  constructor(
    private readonly scanner: Scanner,
    private readonly index: CatalogueIndex,
    private readonly text: string,
    private readonly maxDepth: number,
  ) {}

  // ---- conditions ----

  or(): Node {
    let left = this.and();
    for (let t = this.peek('operator'); t.kind === 'or'; t = this.peek('operator')) {
      this.scanner.take(t);
      const right = this.and();
      left = { kind: 'or', left: this.asCondition(left), right: this.asCondition(right), start: left.start, end: right.end };
    }
    return left;
  }

  private and(): Node {
    let left = this.not();
    for (let t = this.peek('operator'); t.kind === 'and'; t = this.peek('operator')) {
      this.scanner.take(t);
      const right = this.not();
      left = { kind: 'and', left: this.asCondition(left), right: this.asCondition(right), start: left.start, end: right.end };
    }
    return left;
  }

  private not(): Node {
    const t = this.peek('operand');
    if (t.kind !== 'not') return this.predicate();
    this.scanner.take(t);
    this.enter(t);
    const operand = this.not();
    this.depth--;
    return { kind: 'not', operand: this.asCondition(operand), start: t.start, end: operand.end };
  }

  private predicate(): Node {
    const left = this.value('condition');
    if (isValueNode(left) && left.kind === 'literal' && left.bare) throw this.unknownField(this.src(left), left.start, left.end);
    const t = this.peek('operator');
    switch (t.kind) {
      case 'cmp': {
        // a < b <= c chains into (a < b) AND (b <= c).
        let result: CondNode | null = null;
        let prev = left;
        for (let op = t; op.kind === 'cmp'; op = this.peek('operator')) {
          this.scanner.take(op);
          const right = this.value('value');
          const c = this.compare(op, prev, right);
          result = result ? { kind: 'and', left: result, right: c, start: result.start, end: c.end } : c;
          prev = right;
        }
        return result as CondNode;
      }
      case 'match': {
        this.scanner.take(t);
        const l = this.operand(left);
        const right = this.operand(this.value('value'));
        if (l.type !== 'text') throw this.operatorType(t, l);
        const r = right.kind === 'literal' && right.type === 'number' ? this.textOf(right) : this.coerce(right, 'text');
        if (!r) throw this.mismatch(l, right);
        return { kind: 'match', op: t.match!, negated: !!t.negated, left: l, right: r, start: l.start, end: r.end };
      }
      case 'in': {
        this.scanner.take(t);
        const open = this.peek('operator');
        if (open.kind !== 'lparen') {
          if (t.text === '在' || t.text === '不在') return this.between(t, left);
          throw this.expected('list', open);
        }
        return this.inList(t, left);
      }
      case 'between':
        this.scanner.take(t);
        return this.between(t, left);
      case 'isNull': {
        this.scanner.take(t);
        const operand = this.operand(left);
        return { kind: 'isNull', negated: !!t.negated, operand, start: operand.start, end: t.end };
      }
      default:
        if (isValueNode(left) && !PREDICATE_END.has(t.kind)) throw this.expected('comparison', t);
        return left;
    }
  }

  private inList(t: Token, left: Node): CondNode {
    const l = this.operand(left);
    const open = this.scanner.take(this.peek('operator'));
    this.openBracket(open);
    const items: ValueNode[] = [];
    for (;;) {
      const next = this.peek('operand');
      if (next.kind === 'rparen') break;
      const item = this.operand(this.value('value'));
      const coerced = this.coerce(item, l.type);
      if (!coerced) throw this.mismatch(l, item);
      items.push(coerced);
      const sep = this.peek('operator');
      if (sep.kind === 'comma') this.scanner.take(sep);
      else if (sep.kind !== 'rparen') throw this.expected('listSep', sep);
    }
    const close = this.closeBracket(open);
    if (items.length === 0) throw ruleError('emptyList', open.start, close.end);
    return { kind: 'in', negated: !!t.negated, left: l, items, start: l.start, end: close.end };
  }

  /** `介于 a 到 b`, `between a and b`, `在 a 到 b 之间`; 之间 is optional. Both ends are included. */
  private between(t: Token, left: Node): CondNode {
    const l = this.operand(left);
    if (l.type !== 'number' && l.type !== 'date') throw this.operatorType(t, l);
    const low = this.bound(l);
    const sep = this.peek('operator');
    if (sep.kind !== 'and' && sep.kind !== 'to') throw this.expected('rangeSep', sep);
    this.scanner.take(sep);
    const high = this.bound(l);
    let end = high.end;
    const tail = this.peek('operator');
    if (tail.kind === 'betweenEnd') end = this.scanner.take(tail).end;
    return { kind: 'between', negated: !!t.negated, left: l, low, high, start: l.start, end };
  }

  private bound(l: ValueNode): ValueNode {
    const b = this.operand(this.value('value'));
    const coerced = this.coerce(b, l.type);
    if (!coerced) throw this.mismatch(l, b);
    return coerced;
  }

  // ---- values ----

  private value(what: Expected): Node {
    let left = this.term(what);
    for (let t = this.peek('operator'); t.kind === 'arith' && (t.arith === '+' || t.arith === '-'); t = this.peek('operator')) {
      this.scanner.take(t);
      left = this.arith(t, left, this.term('value'));
    }
    return left;
  }

  private term(what: Expected): Node {
    let left = this.unary(what);
    for (let t = this.peek('operator'); t.kind === 'arith' && (t.arith === '*' || t.arith === '/'); t = this.peek('operator')) {
      this.scanner.take(t);
      left = this.arith(t, left, this.unary('value'));
    }
    return left;
  }

  private unary(what: Expected): Node {
    const t = this.peek('operand');
    if (t.kind !== 'arith' || t.arith !== '-') return this.primary(what);
    this.scanner.take(t);
    this.enter(t);
    const operand = this.operand(this.unary('value'));
    this.depth--;
    if (operand.type !== 'number') {
      throw ruleError('arithmeticType', t.start, operand.end, { op: '-', left: this.src(operand), leftType: operand.type });
    }
    if (operand.kind === 'literal') return { ...operand, value: -(operand.value as number), start: t.start };
    return { kind: 'negate', type: 'number', operand, start: t.start, end: operand.end };
  }

  private primary(what: Expected): Node {
    const t = this.scanner.next('operand');
    const span = { start: t.start, end: t.end };
    switch (t.kind) {
      case 'number':
        return { kind: 'literal', type: 'number', value: t.num!, ...span };
      case 'date':
        return { kind: 'literal', type: 'date', value: t.num!, ...span };
      case 'string':
        return { kind: 'literal', type: 'text', value: t.value!, ...span };
      case 'quotedName': {
        const field = this.index.byKey.get(nameKey(t.value!));
        if (!field) throw this.unknownField(t.value!, t.start, t.end);
        return this.useField(field.id, field.type, span);
      }
      case 'word':
        return this.word(t, what);
      case 'lparen': {
        this.openBracket(t);
        const inner = this.or();
        const close = this.closeBracket(t);
        return { ...inner, start: t.start, end: close.end };
      }
      case 'rparen':
        if (this.openBrackets === 0) throw ruleError('unmatchedParen', t.start, t.end, { found: t.text });
        throw this.expected(what, t);
      default:
        throw this.expected(what, t);
    }
  }

  private word(t: Token, what: Expected): ValueNode {
    const key = nameKey(t.text);
    const span = { start: t.start, end: t.end };
    const field = this.index.byKey.get(key);
    if (field) return this.useField(field.id, field.type, span);
    if (isOperatorWord(t.text) && !TRUE_WORDS.includes(key)) throw this.expected(what, t);
    if (TODAY_KEYS.has(key)) return { kind: 'today', type: 'date', ...span };
    const open = this.peek('operator');
    if (open.kind === 'lparen' && open.bracket === 'round') return this.call(t, key);
    return { kind: 'literal', type: 'text', value: t.text, bare: true, ...span };
  }

  private call(name: Token, key: string): ValueNode {
    if (!FUNCTION_KEYS.has(key)) {
      throw ruleError('unknownFunction', name.start, name.end, {
        name: name.text,
        suggestion: suggestName(name.text, FUNCTION_CANDIDATES),
      });
    }
    const open = this.scanner.take(this.peek('operator'));
    this.openBracket(open);
    const args: ValueNode[] = [];
    while (this.peek('operand').kind !== 'rparen') {
      args.push(this.operand(this.value('value')));
      const sep = this.peek('operator');
      if (sep.kind === 'comma') this.scanner.take(sep);
      else if (sep.kind !== 'rparen') throw this.expected('rparen', sep);
    }
    const close = this.closeBracket(open);
    if (args.length !== 1) {
      throw ruleError('argumentCount', name.start, close.end, { name: name.text, limit: 1, actual: args.length });
    }
    const arg = this.coerce(args[0], 'date');
    if (!arg) {
      if (args[0].kind === 'literal' && args[0].bare) throw this.unknownField(this.src(args[0]), args[0].start, args[0].end);
      throw ruleError('argumentType', args[0].start, args[0].end, { name: name.text, found: this.src(args[0]), rightType: args[0].type });
    }
    return { kind: 'daysSince', type: 'number', arg, start: name.start, end: close.end };
  }

  private openBracket(t: Token): void {
    this.enter(t);
    this.openBrackets++;
  }

  /** Any closing bracket closes any opening one: `(北京, 上海]` is a typo not worth an error. */
  private closeBracket(open: Token): Token {
    const t = this.peek('operator');
    if (t.kind !== 'rparen') {
      throw ruleError('unclosedParen', t.start, t.end, { found: t.kind === 'eof' ? null : t.text, openColumn: open.start + 1 });
    }
    this.depth--;
    this.openBrackets--;
    return this.scanner.take(t);
  }

  private useField(id: string, type: ValueType, span: { start: number; end: number }): ValueNode {
    if (!this.fieldsUsed.includes(id)) this.fieldsUsed.push(id);
    return { kind: 'field', type, id, ...span };
  }

  // ---- types ----

  /** A node standing as a condition: a condition, or a yes/no value (true when yes). */
  asCondition(n: Node): CondNode {
    if (!isValueNode(n)) return n;
    if (n.kind === 'literal' && n.bare) throw this.unknownField(this.src(n), n.start, n.end);
    if (n.type === 'boolean') return { kind: 'truthy', operand: n, start: n.start, end: n.end };
    throw ruleError('notCondition', n.start, n.end, { left: this.src(n), leftType: n.type });
  }

  /** A node standing as a value: a condition here is an error, and a bare word must be a field. */
  private operand(n: Node): ValueNode {
    if (!isValueNode(n)) throw ruleError('conditionAsValue', n.start, n.end, { left: this.src(n) });
    return n;
  }

  private compare(op: Token, leftNode: Node, rightNode: Node): CondNode {
    const left = this.operand(leftNode);
    const right = this.operand(rightNode);
    if (left.kind === 'literal' && left.bare) throw this.unknownField(this.src(left), left.start, left.end);
    let l: ValueNode | null = left;
    let r: ValueNode | null = this.coerce(right, left.type);
    if (!r) {
      r = right;
      l = this.coerce(left, right.type);
    }
    if (!l) throw this.mismatch(left, right);
    const cmp = op.cmp as CmpOp;
    if ((l.type === 'text' || l.type === 'boolean') && cmp !== '=' && cmp !== '!=') throw this.operatorType(op, l);
    return { kind: 'compare', op: cmp, left: l, right: r, start: l.start, end: r.end };
  }

  private arith(op: Token, leftNode: Node, rightNode: Node): ValueNode {
    const left = this.operand(leftNode);
    const right = this.operand(rightNode);
    for (const side of [left, right]) {
      if (side.kind === 'literal' && side.bare) throw this.unknownField(this.src(side), side.start, side.end);
    }
    const a = op.arith as ArithOp;
    const span = { start: left.start, end: right.end };
    const lt = left.type;
    const rt = right.type;
    let type: 'number' | 'date' | null = null;
    if (lt === 'number' && rt === 'number') type = 'number';
    else if (lt === 'date' && rt === 'number' && (a === '+' || a === '-')) type = 'date';
    else if (lt === 'number' && rt === 'date' && a === '+') type = 'date';
    else if (lt === 'date' && rt === 'date' && a === '-') type = 'number';
    if (!type) {
      throw ruleError('arithmeticType', span.start, span.end, {
        op: op.text,
        left: this.src(left),
        leftType: lt,
        right: this.src(right),
        rightType: rt,
      });
    }
    return { kind: 'arith', type, op: a, left, right, ...span };
  }

  /** The node as `type`: itself when it has that type; a text literal read as a number, date or yes/no; else null. */
  private coerce(n: ValueNode, type: ValueType): ValueNode | null {
    if (n.type === type) return n;
    if (n.kind !== 'literal' || n.type !== 'text') return null;
    const s = String(n.value).trim();
    if (type === 'boolean') {
      const k = nameKey(s);
      if (TRUE_WORDS.includes(k)) return { ...n, type, value: true, bare: false };
      if (FALSE_WORDS.includes(k)) return { ...n, type, value: false, bare: false };
      return null;
    }
    if (type === 'text') return null;
    try {
      const t = new Scanner(s, []).peek('operand');
      const kind = type === 'number' ? 'number' : 'date';
      if (t.kind === kind && t.end === s.length) return { ...n, type, value: t.num!, bare: false };
    } catch {
      // Not a number or date (or an impossible one): the caller reports the mismatch.
    }
    return null;
  }

  private textOf(n: ValueNode): ValueNode {
    return { kind: 'literal', type: 'text', value: this.src(n), start: n.start, end: n.end };
  }

  private mismatch(left: ValueNode, right: ValueNode): RuleSyntaxError {
    for (const side of [right, left]) {
      if (side.kind === 'literal' && side.bare) {
        const suggestion = suggestName(String(side.value), this.index.candidates);
        if (suggestion) throw ruleError('unknownField', side.start, side.end, { name: this.src(side), suggestion });
      }
    }
    return ruleError('typeMismatch', right.start, right.end, {
      left: this.src(left),
      leftType: left.type,
      right: this.src(right),
      rightType: right.type,
    });
  }

  private operatorType(op: Token, l: ValueNode): RuleSyntaxError {
    return ruleError('operatorType', op.start, op.end, { op: op.text, left: this.src(l), leftType: l.type });
  }

  private unknownField(name: string, start: number, end: number): RuleSyntaxError {
    return ruleError('unknownField', start, end, { name, suggestion: suggestName(name, this.index.candidates) });
  }

  private expected(expected: Expected, t: Token): RuleSyntaxError {
    return ruleError('expected', t.start, t.end, { expected, found: t.kind === 'eof' ? null : t.text });
  }

  // ---- plumbing ----

  private enter(t: Token): void {
    if (++this.depth > this.maxDepth) throw ruleError('tooDeep', t.start, t.end, { limit: this.maxDepth });
  }

  private peek(mode: Mode): Token {
    return this.scanner.peek(mode);
  }

  private src(n: { start: number; end: number }): string {
    return this.text.slice(n.start, n.end);
  }
}
