import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { StepSummary } from '../../core/pipeline/types';
import { t, type Locale } from '../../i18n';

/** What a finished step did, in the engine's words, with the sheets and columns it wrote. */
export function ResultBar({ locale, result }: { locale: Locale; result: StepSummary }) {
  const written = [...result.sheets, ...result.columns];
  return (
    <MessageBar intent="success" layout="multiline">
      <MessageBarBody>
        {result.message}
        {written.length > 0 && (
          <>
            <br />
            {t(locale, 'run.written', { items: written.join(locale === 'en-US' ? ', ' : '、') })}
          </>
        )}
        <br />
        {t(locale, 'run.duration', { seconds: (result.durationMs / 1000).toFixed(1) })}
      </MessageBarBody>
    </MessageBar>
  );
}
