import type { Locale } from '../../i18n';

/** What every step component receives. Later steps add the engine and workbook they work with. */
export interface StepProps {
  locale: Locale;
}
