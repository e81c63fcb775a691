import { STANDARD_FIELDS, fieldById } from '../../core/fields/dictionary';
import type { Locale } from '../../i18n';

/** A standard field's label in the pane's language; an unknown id shows as itself. */
export function fieldLabel(id: string, locale: Locale): string {
  const f = fieldById(id);
  return f ? (locale === 'en-US' ? f.en : f.zh) : id;
}

export function fieldOptions(locale: Locale): { id: string; label: string }[] {
  return STANDARD_FIELDS.map((f) => ({ id: f.id, label: locale === 'en-US' ? f.en : f.zh }));
}

export const percent = (x: number, locale: Locale) => x.toLocaleString(locale, { style: 'percent', maximumFractionDigits: 0 });
