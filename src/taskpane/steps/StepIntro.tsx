import { Body1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { t, type Locale, type MessageKey } from '../../i18n';
import { ErrorBar } from '../components/RunPanel';
import type { Pipeline } from '../hooks/usePipeline';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  note: { color: tokens.colorNeutralForeground3 },
});

/**
 * The heading and the one-paragraph description every step starts with, then the step's own controls, or a polite
 * word when there is no workbook or engine to work with.
 */
export function StepIntro({
  locale,
  title,
  intro,
  pipeline,
  children,
}: {
  locale: Locale;
  title: MessageKey;
  intro: MessageKey;
  pipeline: Pipeline;
  children?: ReactNode;
}) {
  const styles = useStyles();
  return (
    <section className={styles.root}>
      <Subtitle2 as="h2">{t(locale, title)}</Subtitle2>
      <Body1 as="p">{t(locale, intro)}</Body1>
      {!pipeline.available ? (
        <Body1 as="p" className={styles.note}>
          {t(locale, pipeline.hasWorkbook ? 'app.noEngine' : 'app.noWorkbook')}
        </Body1>
      ) : (
        children
      )}
    </section>
  );
}

/** Shown by a step that needs the settings while they are not there yet: still reading, or why not. */
export function WaitForSettings({ locale, pipeline }: { locale: Locale; pipeline: Pipeline }) {
  const styles = useStyles();
  const outcome = pipeline.outcomes.sources;
  if (outcome?.kind === 'failed') return <ErrorBar locale={locale} step="sources" error={outcome.error} />;
  return (
    <Body1 as="p" className={styles.note} role="status">
      {t(locale, 'app.loading')}
    </Body1>
  );
}
