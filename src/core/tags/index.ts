/**
 * Tags: a small rule language over the unified customer view. Rules are data: parsed (never evaluated as code)
 * into a tree, type-checked against the field catalogue, then evaluated a column at a time.
 *
 *   const { compiled, errors } = compileTagRules(defaultTagRules());
 *   const result = evaluateTagRules(compiled, viewFromRows(rows), { asOf: '2024-06-30' });
 *   result.tagLists[i]  // '高价值客户、流失风险'
 */
import { VIEW_FIELDS } from '../analysis/view-fields';
import type { CatalogueField } from './catalogue';
import type { ParseOptions } from './parser';
import { parseRule } from './parser';
import type { RuleError } from './errors';
import type { CompiledTagRule, CustomerView, EvaluateOptions, TagEvaluation, ViewValue } from './evaluate';
import { evaluateTagRules, viewFromRows } from './evaluate';
import type { TagRule } from './default-rules';

export type { CondNode, Node, ParsedRule, Span, ValueNode } from './ast';
export { VIEW_CATALOGUE, indexCatalogue, suggestName, type CatalogueField, type FieldCatalogue, type ValueType } from './catalogue';
export { caretLine, formatRuleError, ruleErrorDetail, type Expected, type Locale, type RuleError, type RuleErrorCode } from './errors';
export { MAX_RULE_DEPTH, MAX_RULE_LENGTH, parseRule, type ParseOptions, type ParseResult } from './parser';
export {
  RuleEvaluator,
  evaluateTagRules,
  textEqualityKey,
  viewFromColumns,
  viewFromRows,
  type CompiledTagRule,
  type CustomerView,
  type EvaluateOptions,
  type TagEvaluation,
  type ViewValue,
} from './evaluate';
export { defaultTagRules, type TagRule } from './default-rules';

export interface TagRuleProblem {
  id: string;
  name: string;
  text: string;
  error: RuleError;
}

/**
 * The enabled rules, parsed. A rule's `name` is its tag; when the name is empty the text must give one
 * (`=> 标签` or `标签:`); when both are given, the name wins. Rules that fail to parse are listed in `errors`
 * and left out, so one bad rule does not stop the others.
 */
export function compileTagRules(
  rules: readonly TagRule[],
  options: Omit<ParseOptions, 'requireTag'> = {},
): { compiled: CompiledTagRule[]; errors: TagRuleProblem[] } {
  const compiled: CompiledTagRule[] = [];
  const errors: TagRuleProblem[] = [];
  for (const r of rules) {
    if (!r.enabled) continue;
    const name = r.name.trim();
    const result = parseRule(r.text, { ...options, requireTag: !name });
    if (!result.ok) errors.push({ id: r.id, name: r.name, text: r.text, error: result.error });
    else compiled.push({ id: r.id, tag: name || (result.rule.tag as string), rule: result.rule });
  }
  return { compiled, errors };
}

/**
 * Rules written one per line (a rules file or a text box): blank lines and lines starting with `#` or `//` are
 * skipped; each rule names its tag in its text. Ids are `line-<n>` (1-based), so errors can say which line.
 */
export function rulesFromText(text: string): TagRule[] {
  const rules: TagRule[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    const t = line.trim();
    if (!t || t.startsWith('#') || t.startsWith('//')) return;
    rules.push({ id: `line-${i + 1}`, name: '', text: line, enabled: true });
  });
  return rules;
}

/** Compile and evaluate in one call: per-customer tags, counts per rule, and the rules that did not parse. */
export function tagCustomers(
  rules: readonly TagRule[],
  view: CustomerView,
  options: EvaluateOptions & Omit<ParseOptions, 'requireTag'> = {},
): TagEvaluation & { errors: TagRuleProblem[] } {
  const { compiled, errors } = compileTagRules(rules, options);
  return { ...evaluateTagRules(compiled, view, options), errors };
}

/** The parts of analysis/unified-view.ts's UnifiedView that tagging reads. */
export interface UnifiedViewLike {
  rows: readonly Readonly<Record<string, ViewValue>>[];
  /** The fields the view has data for, including any beyond the catalogue (one per interaction channel). */
  fields: readonly CatalogueField[];
  asOfDay: number;
}

/**
 * Tags over a built unified view, "today" being its as-of day. Rules may name any catalogue field and any extra
 * field of this view; a catalogue field the view has no data for reads as missing (listed in `missingFields`).
 */
export function tagUnifiedView(
  rules: readonly TagRule[],
  unified: UnifiedViewLike,
): TagEvaluation & { errors: TagRuleProblem[] } {
  const extra = unified.fields.filter((f) => !VIEW_FIELDS.some((v) => v.id === f.id));
  const catalogue = { fields: [...VIEW_FIELDS, ...extra] };
  return tagCustomers(rules, viewFromRows(unified.rows), { catalogue, asOfDay: unified.asOfDay });
}
