/** Default sound key for Chinese text: toneless pinyin, so homophones (鑫/新, 章/张) share a key. */
import { pinyin } from 'pinyin-pro';

const readings = new Map<string, string>();

/**
 * Character by character, each reading looked up once: a whole-text call to pinyin-pro costs ~15 µs and runs for
 * every distinct name and company. Without context a polyphone gets its usual reading (单 -> dan, not the surname
 * shan), but it gets it on both sides of a pair, and a key is only ever compared for equality.
 */
export function pinyinSoundKey(s: string): string {
  let out = '';
  for (const ch of s) {
    let r = readings.get(ch);
    if (r === undefined) {
      r = pinyin(ch, { toneType: 'none', type: 'array' }).join('');
      readings.set(ch, r);
    }
    out += r;
  }
  return out;
}
