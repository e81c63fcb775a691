import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Subtitle2,
  Switch,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useMemo } from 'react';
import type { AnalyzeStepResult } from '../../core/pipeline/types';
import { defaultTagRules, type TagRule } from '../../core/tags/default-rules';
import { caretLine, formatRuleError, type RuleError } from '../../core/tags/errors';
import { parseRule } from '../../core/tags/parser';
import { t, type Locale } from '../../i18n';
import { ResultBar } from '../components/ResultBar';
import { RunPanel } from '../components/RunPanel';
import { StepIntro, WaitForSettings } from './StepIntro';
import type { StepProps } from './types';

const useStyles = makeStyles({
  rules: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, margin: 0, padding: 0, listStyleType: 'none' },
  rule: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  ruleHead: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap' },
  caret: {
    margin: 0,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorPaletteRedForeground1,
    whiteSpace: 'pre',
    overflowX: 'auto',
  },
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** The rule's parse error, if any: a rule without a name must name its tag in the text. */
export function ruleProblem(rule: Pick<TagRule, 'name' | 'text'>): RuleError | null {
  const r = parseRule(rule.text, { requireTag: !rule.name.trim() });
  return r.ok ? null : r.error;
}

function nextRuleId(rules: readonly TagRule[]): string {
  let n = rules.length + 1;
  while (rules.some((r) => r.id === `rule-${n}`)) n++;
  return `rule-${n}`;
}

export function AnalyzeStep({ locale, pipeline }: StepProps) {
  const styles = useStyles();
  const { settings } = pipeline;
  const result = pipeline.results.analyze;
  if (!settings) {
    return (
      <StepIntro locale={locale} title="step.analyze.title" intro="step.analyze.intro" pipeline={pipeline}>
        <WaitForSettings locale={locale} pipeline={pipeline} />
      </StepIntro>
    );
  }
  const editRules = (change: (rules: TagRule[]) => TagRule[]) => pipeline.update((s) => ({ ...s, tags: change(s.tags) }));
  return (
    <StepIntro locale={locale} title="step.analyze.title" intro="step.analyze.intro" pipeline={pipeline}>
      <Field label={t(locale, 'analyze.basis')}>
        <RadioGroup
          layout="horizontal"
          value={settings.analysis.thresholds}
          onChange={(_, data) => pipeline.update((s) => ({ ...s, analysis: { ...s.analysis, thresholds: data.value as 'mean' | 'median' } }))}
        >
          <Radio value="mean" label={t(locale, 'analyze.mean')} />
          <Radio value="median" label={t(locale, 'analyze.median')} />
        </RadioGroup>
      </Field>

      <Subtitle2 as="h3">{t(locale, 'analyze.rules')}</Subtitle2>
      <ol className={styles.rules}>
        {settings.tags.map((rule, i) => (
          <RuleEditor
            key={rule.id}
            locale={locale}
            rule={rule}
            n={i + 1}
            onChange={(next) => editRules((rules) => rules.map((r) => (r.id === rule.id ? next : r)))}
            onRemove={() => editRules((rules) => rules.filter((r) => r.id !== rule.id))}
          />
        ))}
      </ol>
      <div className={styles.actions}>
        <Button onClick={() => editRules((rules) => [...rules, { id: nextRuleId(rules), name: t(locale, 'analyze.newRule'), text: '', enabled: true }])}>
          {t(locale, 'analyze.addRule')}
        </Button>
        <Button appearance="subtle" onClick={() => editRules(() => defaultTagRules(locale))}>
          {t(locale, 'analyze.resetRules')}
        </Button>
      </div>

      <RuleErrorCount locale={locale} rules={settings.tags} />
      <RunPanel locale={locale} pipeline={pipeline} step="analyze" label={t(locale, 'analyze.run')} onRun={() => void pipeline.run('analyze')} />
      {result && <AnalyzeResultView locale={locale} result={result} />}
    </StepIntro>
  );
}

function RuleErrorCount({ locale, rules }: { locale: Locale; rules: readonly TagRule[] }) {
  const count = rules.filter((r) => r.enabled && ruleProblem(r)).length;
  if (count === 0) return null;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>{t(locale, 'analyze.ruleErrors', { count })}</MessageBarBody>
    </MessageBar>
  );
}

function RuleEditor({
  locale,
  rule,
  n,
  onChange,
  onRemove,
}: {
  locale: Locale;
  rule: TagRule;
  n: number;
  onChange(rule: TagRule): void;
  onRemove(): void;
}) {
  const styles = useStyles();
  const error = useMemo(() => ruleProblem(rule), [rule]);
  const legend = t(locale, 'analyze.rule', { n });
  return (
    <li>
      <fieldset className={styles.rule}>
        <legend>{legend}</legend>
        <div className={styles.ruleHead}>
          <Switch checked={rule.enabled} label={t(locale, 'analyze.ruleEnabled')} onChange={(_, data) => onChange({ ...rule, enabled: data.checked })} />
          <Button size="small" appearance="subtle" onClick={onRemove} aria-label={t(locale, 'analyze.removeRule', { n })}>
            {t(locale, 'analyze.remove')}
          </Button>
        </div>
        <Field label={t(locale, 'analyze.ruleName')}>
          <Input value={rule.name} onChange={(_, data) => onChange({ ...rule, name: data.value })} />
        </Field>
        <Field
          label={t(locale, 'analyze.ruleText')}
          validationState={error ? 'error' : 'none'}
          validationMessage={error ? formatRuleError(error, locale) : undefined}
        >
          <Input value={rule.text} onChange={(_, data) => onChange({ ...rule, text: data.value })} spellCheck={false} />
        </Field>
        {error && rule.text.length > 0 && (
          <pre className={styles.caret} aria-hidden="true" data-testid="rule-caret">
            {rule.text}
            {'\n'}
            {caretLine(rule.text, error)}
          </pre>
        )}
      </fieldset>
    </li>
  );
}

function AnalyzeResultView({ locale, result }: { locale: Locale; result: AnalyzeStepResult }) {
  const styles = useStyles();
  const n = (x: number) => x.toLocaleString(locale);
  const ct = result.classThresholds;
  return (
    <>
      <ResultBar locale={locale} result={result} />
      <Body1 as="p">{t(locale, 'analyze.summary', { customers: n(result.customers), asOf: result.asOf })}</Body1>
      <Caption1 as="p">
        {t(locale, 'analyze.thresholds', {
          basis: t(locale, ct.basis === 'median' ? 'analyze.median' : 'analyze.mean'),
          recency: n(Math.round(ct.recency)),
          frequency: n(Math.round(ct.frequency * 10) / 10),
          monetary: n(Math.round(ct.monetary)),
        })}
      </Caption1>
      {result.segments.length > 0 && (
        <section aria-label={t(locale, 'analyze.segments')}>
          <Subtitle2 as="h3">{t(locale, 'analyze.segments')}</Subtitle2>
          <ul className={styles.list}>
            {result.segments.map((s) => (
              <li key={s.name}>{t(locale, 'analyze.count', { name: s.name, count: n(s.count) })}</li>
            ))}
          </ul>
        </section>
      )}
      {result.tagCounts.length > 0 && (
        <section aria-label={t(locale, 'analyze.tagCounts')}>
          <Subtitle2 as="h3">{t(locale, 'analyze.tagCounts')}</Subtitle2>
          <ul className={styles.list}>
            {result.tagCounts.map((s) => (
              <li key={s.tag}>{t(locale, 'analyze.count', { name: s.tag, count: n(s.count) })}</li>
            ))}
          </ul>
        </section>
      )}
      {result.tagErrors.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {result.tagErrors.map((e) => (
              <div key={e.ruleId}>{e.message}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
