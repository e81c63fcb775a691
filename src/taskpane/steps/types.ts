import type { Locale } from '../../i18n';
import type { Pipeline } from '../hooks/usePipeline';

/** What every step component receives. */
export interface StepProps {
  locale: Locale;
  pipeline: Pipeline;
}
