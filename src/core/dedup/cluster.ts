/**
 * Clustering: links at or above the threshold join rows (connected components). Guard against chains
 * (A~B~C~D where A and D share nothing): a component of 3 or more rows is kept only when every row has at least
 * one strong link inside it and no two rows are more than maxDiameter links apart. Otherwise its weakest links
 * are dropped and each piece is checked again, until every piece passes (a pair always passes).
 */

export interface ClusterOptions {
  /** Match weight (bits) a link needs to join rows. */
  minWeight: number;
  /** Match weight a row needs on at least one of its links, in a cluster of 3 or more. */
  strongWeight: number;
  maxDiameter: number;
}

export interface Clustering {
  clusterOf: Int32Array;
  clusters: number[][];
  /** Components broken up by the chain guard. */
  split: number;
}

interface Edge {
  a: number;
  b: number;
  w: number;
}

function find(parent: Int32Array, x: number): number {
  while (parent[x] !== x) {
    parent[x] = parent[parent[x]];
    x = parent[x];
  }
  return x;
}

/** Groups edges by connected component; returns each component's rows and edges. */
function components(nodes: number[], edges: Edge[], parent: Int32Array): { rows: number[]; edges: Edge[] }[] {
  for (const r of nodes) parent[r] = r;
  for (const e of edges) {
    const x = find(parent, e.a);
    const y = find(parent, e.b);
    if (x !== y) parent[Math.max(x, y)] = Math.min(x, y);
  }
  const byRoot = new Map<number, { rows: number[]; edges: Edge[] }>();
  for (const r of nodes) {
    const root = find(parent, r);
    let g = byRoot.get(root);
    if (!g) byRoot.set(root, (g = { rows: [], edges: [] }));
    g.rows.push(r);
  }
  for (const e of edges) byRoot.get(find(parent, e.a))!.edges.push(e);
  return [...byRoot.values()];
}

function passes(rows: number[], edges: Edge[], o: ClusterOptions): boolean {
  if (rows.length <= 2) return true;
  const local = new Map(rows.map((r, i) => [r, i]));
  const adjacent: number[][] = rows.map(() => []);
  const strong = new Uint8Array(rows.length);
  for (const e of edges) {
    const i = local.get(e.a)!;
    const j = local.get(e.b)!;
    adjacent[i].push(j);
    adjacent[j].push(i);
    if (e.w >= o.strongWeight) strong[i] = strong[j] = 1;
  }
  if (strong.includes(0)) return false;
  const dist = new Int32Array(rows.length);
  for (let s = 0; s < rows.length; s++) {
    dist.fill(-1);
    dist[s] = 0;
    const queue = [s];
    for (let q = 0; q < queue.length; q++) {
      const v = queue[q];
      if (dist[v] > o.maxDiameter) return false;
      for (const t of adjacent[v]) if (dist[t] < 0) {
        dist[t] = dist[v] + 1;
        queue.push(t);
      }
    }
  }
  return true;
}

export function clusterPairs(n: number, a: Int32Array, b: Int32Array, weights: Float64Array, o: ClusterOptions): Clustering {
  const edges: Edge[] = [];
  const touched = new Set<number>();
  for (let i = 0; i < a.length; i++) {
    if (weights[i] >= o.minWeight) {
      edges.push({ a: a[i], b: b[i], w: weights[i] });
      touched.add(a[i]);
      touched.add(b[i]);
    }
  }
  const parent = new Int32Array(n);
  const accepted: number[][] = [];
  let split = 0;
  const pending = components([...touched], edges, parent);
  while (pending.length) {
    const g = pending.pop()!;
    if (passes(g.rows, g.edges, o)) {
      accepted.push(g.rows);
      continue;
    }
    split++;
    let weakest = Infinity;
    for (const e of g.edges) weakest = Math.min(weakest, e.w);
    pending.push(...components(g.rows, g.edges.filter((e) => e.w > weakest), parent));
  }

  const clusterOf = new Int32Array(n).fill(-1);
  for (const rows of accepted) {
    rows.sort((x, y) => x - y);
    for (const r of rows) clusterOf[r] = rows[0]; // provisional: smallest row
  }
  const clusters: number[][] = [];
  const idOfFirst = new Map<number, number>();
  const groupOf = new Map(accepted.map((rows) => [rows[0], rows]));
  for (let r = 0; r < n; r++) {
    if (clusterOf[r] < 0) {
      clusterOf[r] = clusters.length;
      clusters.push([r]);
      continue;
    }
    const first = clusterOf[r];
    let id = idOfFirst.get(first);
    if (id === undefined) {
      idOfFirst.set(first, (id = clusters.length));
      clusters.push(groupOf.get(first)!);
    }
    clusterOf[r] = id;
  }
  return { clusterOf, clusters, split };
}
