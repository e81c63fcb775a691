/** The syntax tree of a tag rule. Every node carries its 0-based [start, end) in the rule text and, for values, its type. */
import type { ValueType } from './catalogue';
import type { ArithOp, CmpOp, MatchOp } from './lexer';

export interface Span {
  start: number;
  end: number;
}

export type ValueNode =
  | (Span & { kind: 'field'; type: ValueType; id: string })
  /** A number, text, yes/no or date (as days since 1970-01-01). `bare`: a word typed without quotes. */
  | (Span & { kind: 'literal'; type: ValueType; value: number | string | boolean; bare?: boolean })
  | (Span & { kind: 'today'; type: 'date' })
  | (Span & { kind: 'daysSince'; type: 'number'; arg: ValueNode })
  | (Span & { kind: 'arith'; type: 'number' | 'date'; op: ArithOp; left: ValueNode; right: ValueNode })
  | (Span & { kind: 'negate'; type: 'number'; operand: ValueNode });

export type CondNode =
  | (Span & { kind: 'compare'; op: CmpOp; left: ValueNode; right: ValueNode })
  | (Span & { kind: 'match'; op: MatchOp; negated: boolean; left: ValueNode; right: ValueNode })
  | (Span & { kind: 'in'; negated: boolean; left: ValueNode; items: ValueNode[] })
  | (Span & { kind: 'between'; negated: boolean; left: ValueNode; low: ValueNode; high: ValueNode })
  | (Span & { kind: 'isNull'; negated: boolean; operand: ValueNode })
  /** A yes/no field used as a condition on its own (`流失风险 且 …`). */
  | (Span & { kind: 'truthy'; operand: ValueNode })
  | (Span & { kind: 'and' | 'or'; left: CondNode; right: CondNode })
  | (Span & { kind: 'not'; operand: CondNode });

export type Node = ValueNode | CondNode;

const VALUE_KINDS = new Set(['field', 'literal', 'today', 'daysSince', 'arith', 'negate']);

export function isValueNode(n: Node): n is ValueNode {
  return VALUE_KINDS.has(n.kind);
}

export interface ParsedRule {
  /** The rule text as given. */
  text: string;
  /** The tag from `=> 标签` or `标签:`; null when the rule names none. */
  tag: string | null;
  condition: CondNode;
  /** Ids of the fields the rule reads, in order of first use. */
  fields: string[];
}
