/**
 * Traditional Chinese (Hong Kong / Taiwan forms) -> mainland simplified, through opencc-js.
 *
 * The `hk -> cn` converter is used because it maps both scripts safely: it takes 臺 -> 台, 衞 -> 卫 and the
 * Taiwan forms (峯, 裏) too, while `tw -> cn` would turn simplified 么 into 幺, which damages text that is
 * already simplified (most of our input). Only character and variant conversion, no regional vocabulary
 * (軟體 stays 软体, not 软件): names must not be reworded.
 *
 * `opencc-js/t2cn` (about 110 kB) is loaded on first use, not at import, and not the full 1.2 MB bundle.
 * A conversion costs 3–12 µs, so two shortcuts, both exact:
 *  - text with no character that any of the converter's dictionary entries changes comes back as it is
 *    (the set is read from the same dictionaries; almost all simplified text takes this path, ~0.1 µs);
 *  - other results are memoised (customer columns repeat the same companies and names).
 */

type OpenCCModule = typeof import('opencc-js');
type Dict = string | readonly (readonly [string, string])[];

/** A set of code points: a flag per BMP code point (the hot path), a Set for the rest. */
interface CodePointSet {
  bmp: Uint8Array;
  astral: Set<number>;
}

interface Loaded {
  convert: (s: string) => string;
  /** Characters some dictionary entry changes; null when the dictionaries could not be read (no shortcut). */
  changing: CodePointSet | null;
}

let loaded: Loaded | null = null;

function entries(dict: Dict): Array<readonly [string, string]> {
  if (typeof dict !== 'string') return [...dict];
  return dict.split('|').map((e) => {
    const [src, val] = e.split(' ');
    return [src, val ?? src] as const;
  });
}

/**
 * A text can only change if it contains the source of an entry whose value differs; such a source holds a
 * character in this set (where source and value have the same length, the characters that differ, else all).
 */
function changingCharacters(OpenCC: OpenCCModule): CodePointSet | null {
  const config = OpenCC.Locale.configs?.hk2s as unknown as Record<string, unknown> | undefined;
  const chains = config ? [config.normalizationChain, config.conversionChain] : [];
  if (!Array.isArray(config?.conversionChain)) return null;
  const set: CodePointSet = { bmp: new Uint8Array(0x10000), astral: new Set() };
  const add = (c: string) => {
    const cp = c.codePointAt(0) as number;
    if (cp < 0x10000) set.bmp[cp] = 1;
    else set.astral.add(cp);
  };
  for (const chain of chains) {
    if (!Array.isArray(chain)) continue;
    for (const group of chain as Dict[][]) {
      for (const dict of group) {
        for (const [src, val] of entries(dict)) {
          if (src === val) continue;
          const a = Array.from(src);
          const b = Array.from(val);
          a.forEach((c, i) => {
            if (a.length !== b.length || c !== b[i]) add(c);
          });
        }
      }
    }
  }
  return set;
}

function load(): Loaded {
  if (loaded === null) {
    // require, not import: TypeScript's node resolution cannot see the package's `exports` sub-path,
    // and a require keeps the dictionaries out of memory until the first conversion.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const OpenCC = require('opencc-js/t2cn') as OpenCCModule;
    loaded = { convert: OpenCC.Converter({ from: 'hk', to: 'cn' }), changing: changingCharacters(OpenCC) };
  }
  return loaded;
}

function mayChange(s: string, changing: CodePointSet | null): boolean {
  if (changing === null) return true;
  for (let i = 0; i < s.length; i++) {
    const unit = s.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const cp = s.codePointAt(i) as number;
      if (changing.astral.has(cp)) return true;
      if (cp > 0xffff) i++;
    } else if (changing.bmp[unit] === 1) return true;
  }
  return false;
}

const MEMO_LIMIT = 20_000;
const memo = new Map<string, string>();

/** True when s holds a character at or above the CJK radicals block, the only ones OpenCC changes. */
function hasCjk(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x2e80) return true;
  return false;
}

/** Traditional (HK/TW) -> simplified; simplified and non-Chinese text come back unchanged. */
export function toSimplified(s: string): string {
  if (!hasCjk(s)) return s;
  const { convert, changing } = load();
  if (!mayChange(s, changing)) return s;
  const hit = memo.get(s);
  if (hit !== undefined) return hit;
  const out = convert(s);
  // A full memo is dropped whole: cheaper than LRU bookkeeping, and columns are read in order anyway.
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(s, out);
  return out;
}
