import { Caption1, Checkbox, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { CleanStepResult } from '../../core/pipeline/types';
import { t, type Locale } from '../../i18n';
import { ResultBar } from '../components/ResultBar';
import { RunPanel } from '../components/RunPanel';
import { fieldLabel, percent } from '../components/labels';
import { mappedFieldIds, toggled } from '../hooks/settings-edit';
import { StepIntro, WaitForSettings } from './StepIntro';
import type { StepProps } from './types';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', margin: 0, padding: 0, border: 'none' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  before: { color: tokens.colorNeutralForeground3 },
  invalid: { color: tokens.colorPaletteRedForeground1 },
});

export function CleanStep({ locale, pipeline }: StepProps) {
  const styles = useStyles();
  const { settings } = pipeline;
  const result = pipeline.results.clean;
  if (!settings) {
    return (
      <StepIntro locale={locale} title="step.clean.title" intro="step.clean.intro" pipeline={pipeline}>
        <WaitForSettings locale={locale} pipeline={pipeline} />
      </StepIntro>
    );
  }
  const mapped = mappedFieldIds(settings);
  const choices = [...mapped, ...settings.clean.keyFieldIds.filter((id) => !mapped.includes(id))];
  return (
    <StepIntro locale={locale} title="step.clean.title" intro="step.clean.intro" pipeline={pipeline}>
      {mapped.length === 0 ? (
        <Caption1 as="p">{t(locale, 'clean.noFields')}</Caption1>
      ) : (
        <fieldset className={styles.group}>
          <legend>
            <Caption1>{t(locale, 'clean.keyFields')}</Caption1>
          </legend>
          {choices.map((id) => (
            <Checkbox
              key={id}
              label={fieldLabel(id, locale)}
              checked={settings.clean.keyFieldIds.includes(id)}
              onChange={(_, data) =>
                pipeline.update((s) => ({ ...s, clean: { ...s.clean, keyFieldIds: toggled(s.clean.keyFieldIds, id, data.checked === true, choices) } }))
              }
            />
          ))}
        </fieldset>
      )}
      <RunPanel locale={locale} pipeline={pipeline} step="clean" label={t(locale, 'clean.run')} onRun={() => void pipeline.run('clean')} />
      {result && <CleanResultView locale={locale} result={result} styles={styles} />}
    </StepIntro>
  );
}

function CleanResultView({ locale, result, styles }: { locale: Locale; result: CleanStepResult; styles: ReturnType<typeof useStyles> }) {
  const sheets = [...new Set(result.examples.map((e) => e.sheet))];
  return (
    <>
      <ResultBar locale={locale} result={result} />
      <ul className={styles.list}>
        {result.reports.map((r) => (
          <li key={r.sheet}>
            {t(locale, 'clean.sheet', {
              sheet: r.sheet,
              rows: r.rows.toLocaleString(locale),
              usable: r.usable.toLocaleString(locale),
              availability: percent(r.availability, locale),
              issues: r.issues.toLocaleString(locale),
            })}
          </li>
        ))}
      </ul>
      {sheets.length > 0 && <Subtitle2 as="h3">{t(locale, 'clean.examples')}</Subtitle2>}
      {sheets.map((sheet) => (
        <section key={sheet} aria-label={`${t(locale, 'clean.examples')} · ${sheet}`}>
          <Caption1 as="h4">{sheet}</Caption1>
          <ul className={styles.list}>
            {result.examples
              .filter((e) => e.sheet === sheet)
              .map((e, i) => (
                <li key={i}>
                  <strong>{e.field}</strong> <span className={styles.before}>{e.before}</span> →{' '}
                  {e.status === 'ok' ? (
                    <span>{e.after === '' ? t(locale, 'clean.blank') : e.after}</span>
                  ) : (
                    <span className={styles.invalid}>{t(locale, 'clean.invalid', { note: e.after })}</span>
                  )}
                </li>
              ))}
          </ul>
        </section>
      ))}
    </>
  );
}
