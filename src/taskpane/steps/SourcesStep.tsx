import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { SourceDetection, SourceRole, SourceSetting } from '../../core/pipeline/types';
import { t, type Locale, type MessageKey } from '../../i18n';
import { RunPanel } from '../components/RunPanel';
import { fieldOptions, percent } from '../components/labels';
import { setMapping, setRole } from '../hooks/settings-edit';
import type { Pipeline } from '../hooks/usePipeline';
import { StepIntro } from './StepIntro';
import type { StepProps } from './types';

const ROLES: readonly SourceRole[] = ['master', 'behaviour', 'value', 'ignore'];
const UNMAPPED = '';

const useStyles = makeStyles({
  sheet: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  columns: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, margin: 0, padding: 0, border: 'none' },
  note: { color: tokens.colorNeutralForeground3 },
});

export function SourcesStep({ locale, pipeline }: StepProps) {
  const { detections, settings } = pipeline;
  return (
    <StepIntro locale={locale} title="step.sources.title" intro="step.sources.intro" pipeline={pipeline}>
      <RunPanel locale={locale} pipeline={pipeline} step="sources" label={t(locale, 'sources.detect')} onRun={() => void pipeline.detect()} />
      {pipeline.saveError != null && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{t(locale, 'error.settings', { reason: String((pipeline.saveError as Error).message ?? pipeline.saveError) })}</MessageBarBody>
        </MessageBar>
      )}
      {detections && settings && (
        <>
          <Caption1 as="p">{t(locale, pipeline.saved ? 'sources.saved' : 'sources.unsaved')}</Caption1>
          {detections.length === 0 ? (
            <Caption1 as="p">{t(locale, 'sources.none')}</Caption1>
          ) : (
            <Accordion multiple collapsible defaultOpenItems={[detections[0].sheet]}>
              {detections.map((d) => {
                const source = settings.sources.find((s) => s.sheet === d.sheet);
                return source ? <SheetSource key={d.sheet} locale={locale} pipeline={pipeline} detection={d} source={source} /> : null;
              })}
            </Accordion>
          )}
        </>
      )}
    </StepIntro>
  );
}

function SheetSource({ locale, pipeline, detection: d, source }: { locale: Locale; pipeline: Pipeline; detection: SourceDetection; source: SourceSetting }) {
  const styles = useStyles();
  const options = fieldOptions(locale);
  const roleLabel = (r: SourceRole) => t(locale, `role.${r}` as MessageKey);
  return (
    <AccordionItem value={d.sheet}>
      <AccordionHeader>
        {d.sheet} · {roleLabel(source.role)}
      </AccordionHeader>
      <AccordionPanel>
        <div className={styles.sheet}>
          <Caption1 as="p" className={styles.note}>
            {t(locale, 'sources.summary', { rows: d.rowCount.toLocaleString(locale), row: source.headerRow })}
          </Caption1>
          {d.problem && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>{d.problem}</MessageBarBody>
            </MessageBar>
          )}
          <Field
            label={`${t(locale, 'sources.role')} · ${d.sheet}`}
            hint={source.role === d.role ? t(locale, 'sources.confidence', { pct: percent(d.roleConfidence, locale) }) : t(locale, 'sources.byUser')}
          >
            <Select value={source.role} onChange={(_, data) => pipeline.update((s) => setRole(s, d.sheet, data.value as SourceRole))}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {roleLabel(r)}
                </option>
              ))}
            </Select>
          </Field>
          {d.columns.length > 0 && source.role !== 'ignore' && (
            <fieldset className={styles.columns}>
              <legend>
                <Caption1>{t(locale, 'sources.mapping')}</Caption1>
              </legend>
              {d.columns.map((c) => {
                const value = source.mapping[c.header] ?? null;
                const hint = value === null ? undefined : value === c.fieldId ? `${t(locale, 'sources.confidence', { pct: percent(c.confidence, locale) })} · ${c.reason}` : t(locale, 'sources.byUser');
                return (
                  <Field key={c.header} label={c.header} hint={hint}>
                    <Select
                      aria-label={t(locale, 'sources.fieldFor', { header: c.header })}
                      value={value ?? UNMAPPED}
                      onChange={(_, data) => pipeline.update((s) => setMapping(s, d.sheet, c.header, data.value === UNMAPPED ? null : data.value))}
                    >
                      <option value={UNMAPPED}>{t(locale, 'sources.unmapped')}</option>
                      {options.map((o) => (
                        <option key={o.id} value={o.id}>
                          {o.label}
                        </option>
                      ))}
                    </Select>
                  </Field>
                );
              })}
            </fieldset>
          )}
        </div>
      </AccordionPanel>
    </AccordionItem>
  );
}
