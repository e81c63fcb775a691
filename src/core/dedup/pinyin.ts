/** Default sound key for Chinese text: toneless pinyin, so homophones (鑫/新, 章/张) share a key. */
import { pinyin } from 'pinyin-pro';

export function pinyinSoundKey(s: string): string {
  return pinyin(s, { toneType: 'none', type: 'array' }).join('');
}
