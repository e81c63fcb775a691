/** Plain words for a link: `联系电话 相同 (+9.1) · 客户名称 相似 0.92 (+4.2) · 地区 不同 (−1.3) → 99.2%`. */
import { DedupField, Link } from './types';

export type Locale = 'zh-CN' | 'en-US';

const WORDS: Record<string, { 'zh-CN': string; 'en-US': string }> = {
  missing: { 'zh-CN': '缺失', 'en-US': 'missing' },
  exact: { 'zh-CN': '相同', 'en-US': 'same' },
  folded: { 'zh-CN': '相同（规范后）', 'en-US': 'same after normalization' },
  pinyin: { 'zh-CN': '同音', 'en-US': 'same sound' },
  jaroWinkler: { 'zh-CN': '相似', 'en-US': 'similar' },
  levenshtein: { 'zh-CN': '相似（差 {n} 字）', 'en-US': 'similar ({n} character(s) off)' },
  initials: { 'zh-CN': '首字相同', 'en-US': 'same initial' },
  tokens: { 'zh-CN': '相同（词序不同）', 'en-US': 'same words, other order' },
  digitsSuffix: { 'zh-CN': '后 {n} 位相同', 'en-US': 'same last {n} digits' },
  emailLocal: { 'zh-CN': '用户名相同', 'en-US': 'same user name' },
  emailDomain: { 'zh-CN': '同一企业域名', 'en-US': 'same company domain' },
  dateTypo: { 'zh-CN': '相差一位数字', 'en-US': 'one digit off' },
  dateSwap: { 'zh-CN': '日月颠倒', 'en-US': 'day and month swapped' },
  dateYearMonth: { 'zh-CN': '同年同月', 'en-US': 'same year and month' },
  else: { 'zh-CN': '不同', 'en-US': 'different' },
  ruleSame: { 'zh-CN': '相同（规则加分）', 'en-US': 'same (rule)' },
  ruleDifferent: { 'zh-CN': '不同（规则扣分）', 'en-US': 'different (rule)' },
};

/** A level id (`exact`, `jaroWinkler>=0.88`, `levenshtein<=1`, …) in plain words. */
export function levelLabel(levelId: string, locale: Locale = 'zh-CN', similarity?: number): string {
  const [, kind, n] = /^([a-zA-Z]+?)(?:>=|<=)?([\d.]*)$/.exec(levelId) ?? [levelId, levelId, ''];
  const words = WORDS[kind]?.[locale] ?? levelId;
  const text = words.replace('{n}', n);
  return similarity === undefined ? text : `${text} ${similarity.toFixed(2)}`;
}

function signed(w: number): string {
  const r = Math.round(w * 10) / 10;
  if (r === 0) return '0';
  return r > 0 ? `+${r.toFixed(1)}` : `\u2212${(-r).toFixed(1)}`;
}

export function formatProbability(p: number): string {
  if (p >= 0.9995) return '>99.9%';
  return `${(p * 100).toFixed(1)}%`;
}

/** Strongest evidence first, missing fields last. */
export function explainLink(link: Link, fields: DedupField[], locale: Locale = 'zh-CN'): string {
  const labelOf = new Map(fields.map((f) => [f.name, f.label ?? f.name]));
  const parts = link.contributions
    .slice()
    .sort((x, y) => Number(x.level === 'missing') - Number(y.level === 'missing') || y.weight - x.weight)
    .map((c) => `${labelOf.get(c.field) ?? c.field} ${levelLabel(c.level, locale, c.similarity)} (${signed(c.weight)})`);
  return `${parts.join(' · ')} \u2192 ${formatProbability(link.probability)}`;
}
