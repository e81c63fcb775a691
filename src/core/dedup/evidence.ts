/**
 * Evidence rules: fixed weights for what a business rule knows for sure (the same 身份证号 / 统一社会信用代码 is
 * the same customer; two different ones are not). They add to the trained weights; they never decide alone.
 */
import { columnOf, Prepared, PreparedColumn } from './prepare';
import { withinOneEdit } from './similarity';
import { Contribution, EvidenceRule } from './types';
import { levelLabel } from './explain';

export interface CompiledEvidence {
  rule: EvidenceRule;
  col: PreparedColumn;
}

export function compileEvidence(p: Prepared, rules: readonly EvidenceRule[]): CompiledEvidence[] {
  return rules.map((rule) => ({ rule, col: columnOf(p, rule.field) }));
}

/** The rule's level for rows ra and rb: `ruleSame`, `ruleDifferent`, or null (a value missing, or a typo apart). */
export function evidenceLevel(e: CompiledEvidence, ra: number, rb: number): 'ruleSame' | 'ruleDifferent' | null {
  const x = e.col.ids[ra];
  const y = e.col.ids[rb];
  if (x < 0 || y < 0) return null;
  const fx = e.col.folded(x);
  const fy = e.col.folded(y);
  if (x === y || fx === fy) return 'ruleSame';
  return withinOneEdit(fx, fy) ? null : 'ruleDifferent';
}

function weightOf(rule: EvidenceRule, level: 'ruleSame' | 'ruleDifferent' | null): number {
  if (level === 'ruleSame') return rule.same ?? 0;
  if (level === 'ruleDifferent') return rule.different ?? 0;
  return 0;
}

/** Adds every rule's weight to the pairs' match weights, in place. */
export function addEvidence(evidence: CompiledEvidence[], a: Int32Array, b: Int32Array, weights: Float64Array): void {
  if (evidence.length === 0) return;
  for (let i = 0; i < a.length; i++) {
    for (const e of evidence) weights[i] += weightOf(e.rule, evidenceLevel(e, a[i], b[i]));
  }
}

/** The rules that fired on a pair, as explanation entries. */
export function evidenceContributions(evidence: CompiledEvidence[], ra: number, rb: number): Contribution[] {
  const out: Contribution[] = [];
  for (const e of evidence) {
    const level = evidenceLevel(e, ra, rb);
    const weight = weightOf(e.rule, level);
    if (level !== null && weight !== 0) out.push({ field: e.rule.field, level, label: levelLabel(level), weight });
  }
  return out;
}
