import type { Locale } from '../../report/quality-sheet';

/** A message in the user's language: zh-CN unless the locale is en-US. */
export function say(locale: Locale, zh: string, en: string): string {
  return locale === 'en-US' ? en : zh;
}
