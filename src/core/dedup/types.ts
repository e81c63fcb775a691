/** Plain data shapes of the duplicate-customer engine: input, settings, model and result. */

/** What a column holds, once normalized. Decides its default comparison levels and blocking keys. */
export type DedupFieldKind =
  | 'personName'
  | 'givenName'
  | 'surname'
  | 'company'
  | 'phone'
  | 'email'
  | 'date'
  | 'postcode'
  | 'region'
  | 'address'
  | 'streetNumber'
  | 'id'
  | 'gender'
  | 'text';

export interface DedupField {
  name: string;
  kind: DedupFieldKind;
  /** Shown in explanations, e.g. `联系电话`; defaults to name. */
  label?: string;
}

/** Already normalized values, one array per row, one entry per field; null or '' is missing. */
export interface DedupInput {
  fields: DedupField[];
  rows: (string | null)[][];
}

/**
 * One comparison level, as data. Levels of a comparison are tried in order; the first that holds is the
 * pair's level. Two levels are implicit: `missing` (either value absent; weight 0) before, `else` after.
 */
export type LevelSpec =
  /** Identical values; with tf, a shared rare value counts more than a shared common one. */
  | { type: 'exact'; tf?: boolean }
  /** Identical after dropping spaces, punctuation, case and width: `张 伟` = `张伟`. */
  | { type: 'folded' }
  /** Same sound: the caller's pinyinKey (homophones 鑫/新); latin text falls back to its folded form. */
  | { type: 'pinyin' }
  | { type: 'jaroWinkler'; min: number }
  | { type: 'levenshtein'; max: number }
  /** One value is the other's initial (`j` / `john`), or both start with the same letter/character. */
  | { type: 'initials' }
  /** Same words in another order: `smith john` / `john smith`. */
  | { type: 'tokens' }
  /** Same last n digits (phones written with or without a prefix). */
  | { type: 'digitsSuffix'; n: number }
  /** Same part before `@`. */
  | { type: 'emailLocal' }
  /** Same domain, and not a public mail provider: a company's own domain (`sales@` / `info@tengda.com`). */
  | { type: 'emailDomain' }
  /** Dates one digit apart (a typo). */
  | { type: 'dateTypo' }
  /** Day and month swapped. */
  | { type: 'dateSwap' }
  /** Same year and month. */
  | { type: 'dateYearMonth' };

export interface Comparison {
  /** Field name. */
  field: string;
  levels: LevelSpec[];
}

/** How a blocking key is made from a field's value. */
export type KeyTransform = 'value' | 'folded' | 'phonetic' | 'initial' | 'prefix3' | 'year' | 'digits7';

export interface BlockingKey {
  field: string;
  transform?: KeyTransform;
}

/** Rows agreeing on every key of a rule become candidate pairs; the union over rules is compared. */
export interface BlockingRule {
  name?: string;
  keys: BlockingKey[];
}

/**
 * Deterministic evidence on top of the trained model (rules add weight, they are not the matcher): e.g. the same
 * 身份证号 adds +12 bits, two different ones take 12 off. Shown in the explanation like any field.
 */
export interface EvidenceRule {
  /** Field name; the field should not also be a comparison, or its evidence counts twice. */
  field: string;
  /** Bits added when both values are present and equal after folding. */
  same?: number;
  /**
   * Bits added (a negative number) when both are present and differ by more than one character: one character
   * off is taken for a typo and adds nothing.
   */
  different?: number;
}

export interface DedupOptions {
  comparisons?: Comparison[];
  /** Deterministic evidence added to every compared pair's weight (default none). */
  evidence?: EvidenceRule[];
  blockingRules?: BlockingRule[];
  /** Blocks with more rows than this are skipped and reported (default 500). */
  maxBlockSize?: number;
  /** Links at or above this probability join clusters (default 0.9). */
  threshold?: number;
  /** In a cluster of 3 or more, every row needs one link at or above this (default 0.99). */
  strongThreshold?: number;
  /** Longest chain, in links, allowed between two rows of one cluster (default 3). */
  maxDiameter?: number;
  /** Links at or above this probability are returned with their explanation (default 0.5). */
  minLinkProbability?: number;
  /** Random pairs drawn to estimate u (default 200,000). */
  uSampleSize?: number;
  seed?: number;
  maxIterations?: number;
  /** Sound key for Chinese text (e.g. `xin` for 鑫 and 新); null turns it off; default uses pinyin-pro. */
  pinyinKey?: ((s: string) => string) | null;
  /** Reuse a trained model instead of training on this input. */
  model?: DedupModel;
}

export interface LevelParams {
  /** e.g. `exact`, `jaroWinkler>=0.92`, `else`. */
  id: string;
  m: number;
  u: number;
  /** log2(m/u), the match weight of this level. */
  weight: number;
}

export interface ComparisonModel {
  field: string;
  /** [missing, ...levels, else] */
  levels: LevelParams[];
}

/** What training learned; plain data, can be saved and passed back as options.model. */
export interface DedupModel {
  comparisons: ComparisonModel[];
  /** Prior probability that two random rows are the same customer. */
  lambda: number;
  /** Share of blocked pairs that are matches, as EM found it. */
  lambdaBlocked: number;
  iterations: number;
  converged: boolean;
  /** Random pairs used for u. */
  uPairs: number;
}

export interface Contribution {
  field: string;
  /** Level id, e.g. `exact`, `jaroWinkler>=0.92`, `missing`, `else`; `ruleSame` / `ruleDifferent` for evidence rules. */
  level: string;
  /** Level in plain words, zh-CN: `相同`, `相似`, `同音`, `不同`, `缺失`… */
  label: string;
  weight: number;
  /** Similarity in 0..1 for fuzzy levels. */
  similarity?: number;
}

export interface Link {
  a: number;
  b: number;
  probability: number;
  /** Sum of contributions plus the prior, in bits. */
  matchWeight: number;
  contributions: Contribution[];
}

export interface GiantBlock {
  rule: string;
  key: string;
  rows: number;
}

export interface BlockingReport {
  rules: { name: string; pairs: number }[];
  giantBlocks: GiantBlock[];
}

export interface DedupResult {
  /** row -> cluster id; a row alone has its own cluster. */
  clusterOf: Int32Array;
  /** Every cluster's rows, ascending; clusters[clusterOf[r]] holds r. */
  clusters: number[][];
  /** Pairs at or above minLinkProbability, strongest first. */
  links: Link[];
  pairsCompared: number;
  model: DedupModel;
  /** row -> index in links of its strongest link, or -1. */
  bestLinkOf: Int32Array;
  /** row -> probability of its strongest compared pair (0 when none). */
  bestProbability: Float64Array;
  blocking: BlockingReport;
}
