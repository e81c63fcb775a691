/**
 * Prediction: a pair's match weight is the prior plus, per field, log2(m/u) of its level (0 when missing).
 * Exact matches on term-frequency fields use u = freq(value) instead: a shared rare name counts more than 张伟.
 */
import { CompiledComparison, levelIds, similarityOf } from './comparisons';
import { levelLabel } from './explain';
import { Contribution, DedupModel, Link } from './types';

export function buildModel(
  ccs: CompiledComparison[],
  m: number[][],
  u: number[][],
  lambda: number,
  lambdaBlocked: number,
  iterations: number,
  converged: boolean,
  uPairs: number,
): DedupModel {
  return {
    comparisons: ccs.map((cc, c) => ({
      field: cc.comparison.field,
      levels: levelIds(cc.comparison).map((id, l) =>
        l === 0 ? { id, m: 1, u: 1, weight: 0 } : { id, m: m[c][l], u: u[c][l], weight: Math.log2(m[c][l] / u[c][l]) },
      ),
    })),
    lambda,
    lambdaBlocked,
    iterations,
    converged,
    uPairs,
  };
}

/** Per comparison, the weight of each level and, when term frequencies apply, the weight per exact value. */
export interface Scorer {
  prior: number;
  weights: Float64Array[];
  /** value id -> weight of an exact match on it, or null when the field has no tf adjustment. */
  tfWeights: (Float64Array | null)[];
  /** Level code of `folded` (equal after normalization), adjusted the same way by its folded form's frequency. */
  foldedLevel: number[];
  tfFoldedWeights: (Float64Array | null)[];
}

/** log2(m / freq(v)) per value id; freq counts the pair's own two rows, so a value seen once has freq 2/n. */
function tfTable(m: number, counts: ArrayLike<number>, n: number): Float64Array {
  return Float64Array.from(counts, (count) => Math.log2(m / (Math.max(2, count) / n)));
}

export function makeScorer(ccs: CompiledComparison[], model: DedupModel): Scorer {
  const weights = ccs.map((cc) => {
    const cm = model.comparisons.find((x) => x.field === cc.comparison.field);
    const ids = levelIds(cc.comparison);
    if (!cm || cm.levels.length !== ids.length || cm.levels.some((l, i) => l.id !== ids[i])) {
      throw new Error(`查重模型与字段 ${cc.comparison.field} 的比较级别不一致`);
    }
    return Float64Array.from(cm.levels, (l) => l.weight);
  });
  const tf = (cc: CompiledComparison) => {
    const first = cc.comparison.levels[0];
    return first !== undefined && first.type === 'exact' && first.tf === true;
  };
  const tfWeights = ccs.map((cc, c) => (tf(cc) ? tfTable(model.comparisons[c].levels[1].m, cc.col.counts, cc.col.nonMissing) : null));
  // `张 伟` = `张伟` after folding weighs as an exact match on the folded form; otherwise the space would make
  // a common name count more (the folded level's average weight) than the same name written alike.
  const foldedLevel = ccs.map((cc) => 1 + cc.comparison.levels.findIndex((l) => l.type === 'folded'));
  const tfFoldedWeights = ccs.map((cc, c) => {
    if (!tf(cc) || foldedLevel[c] === 0) return null;
    const col = cc.col;
    const byForm = new Map<string, number>();
    col.values.forEach((_, id) => byForm.set(col.folded(id), (byForm.get(col.folded(id)) ?? 0) + col.counts[id]));
    const counts = col.values.map((_, id) => byForm.get(col.folded(id))!);
    return tfTable(model.comparisons[c].levels[1].m, counts, col.nonMissing);
  });
  const lambda = model.lambda;
  return { prior: Math.log2(lambda / (1 - lambda)), weights, tfWeights, foldedLevel, tfFoldedWeights };
}

export function fieldWeight(s: Scorer, cc: CompiledComparison, c: number, level: number, row: number): number {
  if (level === 1) {
    const tf = s.tfWeights[c];
    if (tf) return tf[cc.col.ids[row]];
  } else if (level === s.foldedLevel[c]) {
    const tf = s.tfFoldedWeights[c];
    if (tf) return tf[cc.col.ids[row]];
  }
  return s.weights[c][level];
}

export function probabilityOf(weight: number): number {
  return 1 / (1 + 2 ** -weight);
}

/** Match weight of every compared pair. */
export function scorePairs(s: Scorer, ccs: CompiledComparison[], a: Int32Array, gamma: Uint8Array): Float64Array {
  const k = ccs.length;
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) {
    let w = s.prior;
    for (let c = 0; c < k; c++) w += fieldWeight(s, ccs[c], c, gamma[i * k + c], a[i]);
    out[i] = w;
  }
  return out;
}

/** A link with its waterfall of per-field weights. */
export function explainPair(
  s: Scorer,
  ccs: CompiledComparison[],
  ra: number,
  rb: number,
  levels: ArrayLike<number>,
  matchWeight: number,
): Link {
  const contributions: Contribution[] = ccs.map((cc, c) => {
    const level = levels[c];
    const spec = level >= 1 && level <= cc.comparison.levels.length ? cc.comparison.levels[level - 1] : null;
    const similarity = spec ? similarityOf(spec, cc.col, cc.col.ids[ra], cc.col.ids[rb]) : undefined;
    const id = levelIds(cc.comparison)[level];
    const out: Contribution = {
      field: cc.comparison.field,
      level: id,
      label: levelLabel(id, 'zh-CN', similarity),
      weight: fieldWeight(s, cc, c, level, ra),
    };
    if (similarity !== undefined) out.similarity = similarity;
    return out;
  });
  return { a: ra, b: rb, probability: probabilityOf(matchWeight), matchWeight, contributions };
}
