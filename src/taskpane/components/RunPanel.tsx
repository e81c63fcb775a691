import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ProgressEvent } from '../../core/pipeline/progress';
import { messages, t, type Locale, type MessageKey } from '../../i18n';
import type { Pipeline } from '../hooks/usePipeline';
import type { StepId } from '../steps/ids';
import { describeError } from './describe-error';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  progress: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  progressLine: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS, justifyContent: 'space-between' },
});

export function progressText(locale: Locale, p: ProgressEvent | undefined): string {
  if (!p) return t(locale, 'run.starting');
  const key = `stage.${p.stage}`;
  // A stage this pane has no words for yet shows as the engine named it.
  const stage = Object.prototype.hasOwnProperty.call(messages, key) ? t(locale, key as MessageKey) : p.stage;
  const fmt = (n: number) => n.toLocaleString(locale);
  const params = { stage, done: fmt(p.done), total: fmt(p.total) };
  return p.detail ? t(locale, 'run.progressDetail', { ...params, detail: p.detail }) : t(locale, 'run.progress', params);
}

export interface RunPanelProps {
  locale: Locale;
  pipeline: Pipeline;
  step: StepId;
  label: string;
  onRun(): void;
  disabled?: boolean;
}

/** A step's Run button, its progress with Cancel while it runs, and how it ended when it did not succeed. */
export function RunPanel({ locale, pipeline, step, label, onRun, disabled }: RunPanelProps) {
  const styles = useStyles();
  const { task, outcomes } = pipeline;
  const mine = task?.step === step;
  const outcome = outcomes[step];
  const p = mine ? task.progress : undefined;
  const text = mine ? progressText(locale, p) : '';
  return (
    <div className={styles.root}>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={onRun} disabled={disabled || task !== null}>
          {label}
        </Button>
        {mine && (
          <Button onClick={pipeline.cancel} aria-label={`${t(locale, 'run.cancel')} ${label}`}>
            {t(locale, 'run.cancel')}
          </Button>
        )}
      </div>
      {mine && (
        <div className={styles.progress}>
          <ProgressBar
            value={p && p.total > 0 ? Math.min(1, p.done / p.total) : undefined}
            thickness="large"
            aria-label={text}
            aria-valuetext={text}
          />
          <Caption1 role="status" aria-live="polite">
            {text}
          </Caption1>
        </div>
      )}
      {task && !mine && (
        <Caption1>{t(locale, 'run.busy', { step: t(locale, `step.${task.step}.title` as MessageKey) })}</Caption1>
      )}
      {outcome?.kind === 'cancelled' && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t(locale, 'run.cancelled')}</MessageBarBody>
        </MessageBar>
      )}
      {outcome?.kind === 'failed' && <ErrorBar locale={locale} step={step} error={outcome.error} />}
    </div>
  );
}

export function ErrorBar({ locale, step, error }: { locale: Locale; step: StepId; error: unknown }) {
  const e = describeError(error, step, locale);
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{e.title}</MessageBarTitle>
        {e.detail}
        <br />
        {e.next}
      </MessageBarBody>
    </MessageBar>
  );
}
