/**
 * Gender to 男 / 女 / 未知.
 *
 * Numeric codes are invalid on purpose: sheets use both 1=男/0=女 and 1=男/2=女 (GB/T 2261.1), and some
 * use 0=男, so a bare 1, 0 or 2 cannot be read without knowing the sheet's code book. The note asks the
 * user to replace the codes; nothing is guessed.
 */
import { CellValue } from '../cell';
import { foldWidth, trimAll } from './text';
import { Normalized, invalid, ok, precheck } from './types';

export type Gender = '男' | '女' | '未知';

// The words are few and fixed, so a table by hand is clearer than any library.
const WORDS: ReadonlyArray<[Gender, readonly string[]]> = [
  ['男', ['男', '男性', '男士', '先生', '男生', 'm', 'male', 'man', 'mr', 'mr.', '♂']],
  ['女', ['女', '女性', '女士', '小姐', '女生', 'f', 'female', 'woman', 'ms', 'ms.', 'mrs', 'mrs.', 'miss', '♀']],
  ['未知', ['未知', '保密', '不详', '不明', 'unknown', 'u']],
];

const BY_WORD: ReadonlyMap<string, Gender> = new Map(WORDS.flatMap(([g, words]) => words.map((w) => [w, g] as [string, Gender])));

const AMBIGUOUS_CODE = /^[0-9]$/;

/** Any cell value to 男 / 女 / 未知; never throws. */
export function normalizeGender(v: CellValue): Normalized<Gender> {
  const pre = precheck<Gender>(v);
  if (pre) return pre;
  if (typeof v === 'number') return fromText(String(v));
  if (typeof v === 'string') return v.length > 40 ? invalid(`内容过长（${v.length} 个字符），不是性别`) : fromText(v);
  if (typeof v === 'boolean') return invalid('是真/假值，不是性别');
  if (v instanceof Date) return invalid('是日期，不是性别');
  return invalid('无法识别的单元格值');
}

function fromText(raw: string): Normalized<Gender> {
  const t = trimAll(foldWidth(raw)).toLowerCase();
  const g = BY_WORD.get(t);
  if (g !== undefined) return ok(g);
  if (AMBIGUOUS_CODE.test(t)) {
    return invalid(`数字代码 ${t} 含义不确定（有的表 1=男 0=女，有的 1=男 2=女），请先换成 男/女`);
  }
  return invalid(`无法识别的性别：${raw.length > 20 ? `${raw.slice(0, 20)}…` : raw}`);
}
