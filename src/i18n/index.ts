import { messages, type MessageKey } from './messages';

export { messages, type MessageKey } from './messages';

export type Locale = 'zh-CN' | 'en-US';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en-US'];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** Each locale's own name, shown in the language switch in that language. */
export const LOCALE_NAMES: Record<Locale, string> = { 'zh-CN': '中文', 'en-US': 'English' };

export type MessageParams = Record<string, string | number>;

/**
 * The text for `key` in `locale`, with `{name}` parameters filled in. A parameter that is not given stays
 * visible as `{name}`, so a missing value shows up on screen instead of vanishing.
 */
export function t(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const entry = messages[key];
  const template: string = locale === 'en-US' ? entry.en : entry.zh;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/**
 * The locale for an Office display language such as `zh-CN`, `zh-TW` or `en-GB`: Chinese of any region -> zh-CN,
 * any other language -> en-US, nothing known (outside Office) -> zh-CN.
 */
export function localeFromLanguage(language: string | null | undefined): Locale {
  if (!language || !language.trim()) return DEFAULT_LOCALE;
  return /^zh([-_]|$)/i.test(language.trim()) ? 'zh-CN' : 'en-US';
}
