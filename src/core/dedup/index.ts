/**
 * The duplicate-customer engine: block -> compare -> train (u from random pairs, m and λ by EM) -> score ->
 * cluster, with every link explainable as per-field weights. Input values must already be normalized.
 */
import { blockPairs, defaultBlockingRules } from './blocking';
import { clusterPairs } from './cluster';
import { compile, comparePairs, CompiledComparison, defaultComparisons } from './comparisons';
import { train } from './em';
import { addEvidence, CompiledEvidence, compileEvidence, evidenceContributions } from './evidence';
import { pinyinSoundKey } from './pinyin';
import { prepare } from './prepare';
import { Scorer, buildModel, explainPair, makeScorer, probabilityOf, scorePairs } from './score';
import { BlockingRule, Contribution, DedupInput, DedupModel, DedupOptions, DedupResult, Link } from './types';

export * from './types';
export { defaultBlockingRules } from './blocking';
export { defaultComparisons, LEVELS_BY_KIND } from './comparisons';
export { explainLink, levelLabel, formatProbability, type Locale } from './explain';
export { mergeClusters, type GoldenRecord, type MergeOptions, type MergeStrategy } from './merge';
export { jaroWinkler, levenshtein, soundex } from './similarity';
export { pinyinSoundKey } from './pinyin';

const DEFAULTS = {
  maxBlockSize: 500,
  threshold: 0.9,
  strongThreshold: 0.99,
  maxDiameter: 3,
  minLinkProbability: 0.5,
  uSampleSize: 200_000,
  seed: 20240601,
  maxIterations: 50,
};

const logit2 = (p: number) => Math.log2(p / (1 - p));

interface Compared {
  ccs: CompiledComparison[];
  evidence: CompiledEvidence[];
  a: Int32Array;
  b: Int32Array;
  gamma: Uint8Array;
  rules: BlockingRule[];
  pairsOfRule: Int32Array[];
  blocking: DedupResult['blocking'];
}

function compareBlocked(input: DedupInput, options: DedupOptions): Compared {
  const pinyinKey = options.pinyinKey === undefined ? pinyinSoundKey : options.pinyinKey;
  const prepared = prepare(input, pinyinKey);
  const ccs = compile(prepared, options.comparisons ?? defaultComparisons(input.fields));
  const rules = options.blockingRules ?? defaultBlockingRules(input.fields);
  const { a, b, pairsOfRule, report } = blockPairs(prepared, rules, options.maxBlockSize ?? DEFAULTS.maxBlockSize);
  const evidence = compileEvidence(prepared, options.evidence ?? []);
  return { ccs, evidence, a, b, gamma: comparePairs(ccs, a, b), rules, pairsOfRule, blocking: report };
}

function trainOn(input: DedupInput, options: DedupOptions, c: Compared): DedupModel {
  const fieldsOf = (rule: BlockingRule) => rule.keys.map((k) => k.field);
  const rules = c.rules.map((rule, i) => ({
    pairs: c.pairsOfRule[i],
    exclude: c.ccs.flatMap((cc, ci) => (fieldsOf(rule).includes(cc.comparison.field) ? [ci] : [])),
  }));
  const t = train(c.ccs, c.gamma, input.rows.length, rules, {
    sample: options.uSampleSize ?? DEFAULTS.uSampleSize,
    seed: options.seed ?? DEFAULTS.seed,
    maxIterations: options.maxIterations ?? DEFAULTS.maxIterations,
  });
  return buildModel(c.ccs, t.m, t.u, t.lambda, t.lambdaBlocked, t.iterations, t.converged, t.uPairs);
}

/** Training alone: m/u per field level and the prior, as plain data to save or inspect. */
export function trainModel(input: DedupInput, options: DedupOptions = {}): DedupModel {
  return trainOn(input, options, compareBlocked(input, options));
}

/**
 * A link whose waterfall of per-field weights is worked out when first read. A large list has hundreds of
 * thousands of links above the minimum (816,043 for 124,676 records), of which only the few shown are ever
 * explained (each row's strongest); keeping every waterfall held 620 MB.
 */
class LazyLink implements Link {
  readonly a: number;
  readonly b: number;
  readonly probability: number;
  private explained: Contribution[] | undefined;

  constructor(
    private readonly from: { scorer: Scorer; compared: Compared; k: number },
    private readonly pair: number,
    readonly matchWeight: number,
  ) {
    this.a = from.compared.a[pair];
    this.b = from.compared.b[pair];
    this.probability = probabilityOf(matchWeight);
  }

  get contributions(): Contribution[] {
    if (!this.explained) {
      const { scorer, compared: c, k } = this.from;
      const i = this.pair;
      const link = explainPair(scorer, c.ccs, this.a, this.b, c.gamma.subarray(i * k, i * k + k), this.matchWeight);
      this.explained = [...link.contributions, ...evidenceContributions(c.evidence, this.a, this.b)];
    }
    return this.explained;
  }

  toJSON(): Link {
    return { a: this.a, b: this.b, probability: this.probability, matchWeight: this.matchWeight, contributions: this.contributions };
  }
}

/** Finds duplicate customers; trains on the input unless options.model is given. */
export function dedupe(input: DedupInput, options: DedupOptions = {}): DedupResult {
  const n = input.rows.length;
  const c = compareBlocked(input, options);
  const model = options.model ?? trainOn(input, options, c);
  const scorer = makeScorer(c.ccs, model);
  const weights = scorePairs(scorer, c.ccs, c.a, c.gamma);
  addEvidence(c.evidence, c.a, c.b, weights);

  const { clusterOf, clusters } = clusterPairs(n, c.a, c.b, weights, {
    minWeight: logit2(options.threshold ?? DEFAULTS.threshold),
    strongWeight: logit2(options.strongThreshold ?? DEFAULTS.strongThreshold),
    maxDiameter: options.maxDiameter ?? DEFAULTS.maxDiameter,
  });

  const minLink = logit2(options.minLinkProbability ?? DEFAULTS.minLinkProbability);
  const k = c.ccs.length;
  const chosen: number[] = [];
  for (let i = 0; i < weights.length; i++) if (weights[i] >= minLink) chosen.push(i);
  chosen.sort((x, y) => weights[y] - weights[x]);
  const compared = { scorer, compared: c, k };
  const links: Link[] = chosen.map((i) => new LazyLink(compared, i, weights[i]));

  const bestLinkOf = new Int32Array(n).fill(-1);
  links.forEach((link, i) => {
    if (bestLinkOf[link.a] < 0) bestLinkOf[link.a] = i;
    if (bestLinkOf[link.b] < 0) bestLinkOf[link.b] = i;
  });
  const bestWeight = new Float64Array(n).fill(-Infinity);
  for (let i = 0; i < weights.length; i++) {
    if (weights[i] > bestWeight[c.a[i]]) bestWeight[c.a[i]] = weights[i];
    if (weights[i] > bestWeight[c.b[i]]) bestWeight[c.b[i]] = weights[i];
  }
  const bestProbability = Float64Array.from(bestWeight, (w) => (w === -Infinity ? 0 : probabilityOf(w)));

  return { clusterOf, clusters, links, pairsCompared: c.a.length, model, bestLinkOf, bestProbability, blocking: c.blocking };
}
