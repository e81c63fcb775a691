/**
 * String similarity for comparison levels and blocking keys. Hand-written: each is a few lines, runs on the
 * hot path (millions of pairs), and the libraries that offer them bring far more than these.
 */

// Scratch buffers reused across calls: allocating per pair costs more than the comparison itself.
// No Math.* or other globals inside the loops: under jest's vm context a global lookup costs ~20x.
let flags = new Uint8Array(64);
let matchedChars = new Uint16Array(64);
let rowA = new Int32Array(65);
let rowB = new Int32Array(65);

/** Jaro–Winkler similarity in 0..1 (prefix scale 0.1, up to 4 characters), by UTF-16 code unit. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  const longer = la > lb ? la : lb;
  if (longer > flags.length) {
    flags = new Uint8Array(longer * 2);
    matchedChars = new Uint16Array(longer * 2);
  }
  for (let j = 0; j < lb; j++) flags[j] = 0;
  const range = longer < 4 ? 0 : (longer >> 1) - 1;
  let m = 0;
  for (let i = 0; i < la; i++) {
    const c = a.charCodeAt(i);
    const hi = i + range < lb - 1 ? i + range : lb - 1;
    for (let j = i > range ? i - range : 0; j <= hi; j++) {
      if (flags[j] === 0 && b.charCodeAt(j) === c) {
        flags[j] = 1;
        matchedChars[m++] = c;
        break;
      }
    }
  }
  if (m === 0) return 0;
  let t = 0;
  for (let j = 0, k = 0; j < lb; j++) {
    if (flags[j] === 1) {
      if (b.charCodeAt(j) !== matchedChars[k]) t++;
      k++;
    }
  }
  const jaro = (m / la + m / lb + (m - t / 2) / m) / 3;
  let prefix = 0;
  const maxPrefix = la < 4 || lb < 4 ? (la < lb ? la : lb) : 4;
  while (prefix < maxPrefix && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/** Levenshtein distance; stops early and returns max + 1 once the distance is known to exceed max. */
export function levenshtein(a: string, b: string, max = 1e9): number {
  if (a === b) return 0;
  if (a.length > b.length) [a, b] = [b, a];
  const la = a.length;
  const lb = b.length;
  if (lb - la > max) return max + 1;
  if (la === 0) return lb;
  if (la + 1 > rowA.length) {
    rowA = new Int32Array(la * 2 + 1);
    rowB = new Int32Array(la * 2 + 1);
  }
  let prev = rowA;
  let cur = rowB;
  for (let i = 0; i <= la; i++) prev[i] = i;
  for (let j = 1; j <= lb; j++) {
    cur[0] = j;
    let rowMin = j;
    const cb = b.charCodeAt(j - 1);
    for (let i = 1; i <= la; i++) {
      const cost = a.charCodeAt(i - 1) === cb ? 0 : 1;
      let v = prev[i - 1] + cost;
      if (prev[i] + 1 < v) v = prev[i] + 1;
      if (cur[i - 1] + 1 < v) v = cur[i - 1] + 1;
      cur[i] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const swap = prev;
    prev = cur;
    cur = swap;
  }
  return prev[la];
}

/** levenshtein(a, b) <= 1 in one linear pass: the common case, on every compared pair of phones and names. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length > b.length) [a, b] = [b, a];
  const la = a.length;
  const lb = b.length;
  if (lb - la > 1) return false;
  let i = 0;
  while (i < la && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  // Skip the one differing character (substitution if same length, insertion into a otherwise).
  let j = i + 1;
  if (la === lb) i++;
  for (; i < la; i++, j++) if (a.charCodeAt(i) !== b.charCodeAt(j)) return false;
  return true;
}

const SOUNDEX_CODES = '01230120022455012623010202'; // a..z

/** American Soundex (`robert` -> `r163`) of the latin letters in s; '' when s has none. */
export function soundex(s: string): string {
  let out = '';
  let last = '';
  for (let i = 0; i < s.length && out.length < 4; i++) {
    const c = s.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) continue;
    const code = SOUNDEX_CODES[c - 97];
    if (out === '') {
      out = String.fromCharCode(c);
      last = code;
    } else if (code !== '0' && code !== last) {
      out += code;
      last = code;
    } else if (c !== 104 && c !== 119) {
      last = code; // vowels separate equal codes; h and w do not
    }
  }
  return out === '' ? '' : out.padEnd(4, '0');
}
