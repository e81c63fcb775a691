import {
  Body1,
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Slider,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { DedupStepResult, DuplicateGroup } from '../../core/pipeline/types';
import { t, type Locale } from '../../i18n';
import { ResultBar } from '../components/ResultBar';
import { RunPanel } from '../components/RunPanel';
import { percent } from '../components/labels';
import { setRejected } from '../hooks/settings-edit';
import type { Pipeline } from '../hooks/usePipeline';
import { StepIntro, WaitForSettings } from './StepIntro';
import type { StepProps } from './types';

/** Groups shown at first and added per "show more": a large workbook can have thousands. */
export const GROUP_PAGE = 20;

const useStyles = makeStyles({
  groups: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, margin: 0, padding: 0, listStyleType: 'none' },
  group: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  rejected: { opacity: 0.7 },
  members: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  reason: { color: tokens.colorNeutralForeground3, display: 'block' },
  golden: { margin: 0, display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: tokens.spacingHorizontalS },
  dd: { margin: 0 },
});

export function DedupStep({ locale, pipeline }: StepProps) {
  const { settings } = pipeline;
  const result = pipeline.results.dedup;
  if (!settings) {
    return (
      <StepIntro locale={locale} title="step.dedup.title" intro="step.dedup.intro" pipeline={pipeline}>
        <WaitForSettings locale={locale} pipeline={pipeline} />
      </StepIntro>
    );
  }
  const rejected = new Set(settings.dedup.rejectedGroups);
  const changed = result ? result.groups.some((g) => g.rejected !== rejected.has(g.key)) : false;
  const pct = Math.round(settings.dedup.threshold * 100);
  return (
    <StepIntro locale={locale} title="step.dedup.title" intro="step.dedup.intro" pipeline={pipeline}>
      <Field label={t(locale, 'dedup.threshold')} hint={t(locale, 'dedup.thresholdValue', { pct: `${pct}%` })}>
        <Slider
          min={50}
          max={99}
          step={1}
          value={pct}
          aria-valuetext={`${pct}%`}
          onChange={(_, data) => pipeline.update((s) => ({ ...s, dedup: { ...s.dedup, threshold: data.value / 100 } }))}
        />
      </Field>
      <RunPanel
        locale={locale}
        pipeline={pipeline}
        step="dedup"
        label={t(locale, changed ? 'dedup.apply' : 'dedup.run')}
        onRun={() => void pipeline.run('dedup')}
      />
      {changed && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t(locale, 'dedup.changed')}</MessageBarBody>
        </MessageBar>
      )}
      {result && <DedupResultView locale={locale} pipeline={pipeline} result={result} rejected={rejected} />}
    </StepIntro>
  );
}

function DedupResultView({ locale, pipeline, result, rejected }: { locale: Locale; pipeline: Pipeline; result: DedupStepResult; rejected: Set<string> }) {
  const styles = useStyles();
  const [shown, setShown] = useState(GROUP_PAGE);
  const n = (x: number) => x.toLocaleString(locale);
  const rest = result.groups.length - shown;
  return (
    <>
      <ResultBar locale={locale} result={result} />
      <Body1 as="p">{t(locale, 'dedup.summary', { rows: n(result.rows), customers: n(result.customers), pairs: n(result.pairsCompared) })}</Body1>
      <Subtitle2 as="h3">{t(locale, 'dedup.groups', { count: n(result.groups.length) })}</Subtitle2>
      {result.groups.length === 0 && <Body1 as="p">{t(locale, 'dedup.none')}</Body1>}
      <ol className={styles.groups}>
        {result.groups.slice(0, shown).map((g, i) => (
          <GroupView key={g.key} locale={locale} pipeline={pipeline} group={g} n={i + 1} fields={result.fields} isRejected={rejected.has(g.key)} />
        ))}
      </ol>
      {rest > 0 && (
        <Button onClick={() => setShown((s) => s + GROUP_PAGE)}>{t(locale, 'dedup.more', { count: n(Math.min(rest, GROUP_PAGE)) })}</Button>
      )}
    </>
  );
}

function GroupView({
  locale,
  pipeline,
  group,
  n,
  fields,
  isRejected,
}: {
  locale: Locale;
  pipeline: Pipeline;
  group: DuplicateGroup;
  n: number;
  fields: DedupStepResult['fields'];
  isRejected: boolean;
}) {
  const styles = useStyles();
  const title = t(locale, 'dedup.group', { n, count: group.members.length });
  return (
    <li className={isRejected ? `${styles.group} ${styles.rejected}` : styles.group} aria-label={title}>
      <Caption1 as="h4">
        <strong>{title}</strong>
      </Caption1>
      <ul className={styles.members}>
        {group.members.map((m) => (
          <li key={`${m.sheet}!${m.row}`}>
            <span>
              {t(locale, 'dedup.row', { sheet: m.sheet, row: m.row })} · {m.label}
            </span>
            {m.reason && <Caption1 className={styles.reason}>{m.reason}</Caption1>}
          </li>
        ))}
      </ul>
      {!isRejected && Object.keys(group.golden).length > 0 && (
        <>
          <Caption1>{t(locale, 'dedup.golden')}</Caption1>
          <dl className={styles.golden}>
            {fields
              .filter((f) => group.golden[f.id] !== undefined)
              .map((f) => (
                <div key={f.id} style={{ display: 'contents' }}>
                  <dt>
                    <Caption1>{f.label}</Caption1>
                  </dt>
                  <dd className={styles.dd}>
                    <Caption1>{group.golden[f.id]}</Caption1>
                  </dd>
                </div>
              ))}
          </dl>
        </>
      )}
      {isRejected && <Caption1>{t(locale, 'dedup.rejected')}</Caption1>}
      <RadioGroup
        layout="horizontal"
        aria-label={title}
        value={isRejected ? 'reject' : 'accept'}
        onChange={(_, data) => pipeline.update((s) => setRejected(s, group.key, data.value === 'reject'))}
      >
        <Radio value="accept" label={t(locale, 'dedup.same')} />
        <Radio value="reject" label={t(locale, 'dedup.notSame')} />
      </RadioGroup>
    </li>
  );
}
