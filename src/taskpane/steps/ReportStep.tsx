import { Caption1, Checkbox, makeStyles } from '@fluentui/react-components';
import type { ReportChartId, ReportSheetId } from '../../core/pipeline/types';
import { t, type MessageKey } from '../../i18n';
import { ResultBar } from '../components/ResultBar';
import { RunPanel } from '../components/RunPanel';
import { toggled } from '../hooks/settings-edit';
import { StepIntro, WaitForSettings } from './StepIntro';
import type { StepProps } from './types';

// The same lists as the engine's REPORT_SHEET_IDS / REPORT_CHART_IDS, kept here so the pane does not load the
// steps module (and every normalizer with it) just for two lists.
export const REPORT_SHEETS: readonly ReportSheetId[] = ['quality', 'duplicates', 'segments', 'tags', 'cohorts', 'funnel', 'crossTab'];
export const REPORT_CHARTS: readonly ReportChartId[] = ['segments', 'industry', 'abcPareto', 'monthlyTrend', 'weekdayHour', 'funnel'];

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', margin: 0, padding: 0, border: 'none' },
});

export function ReportStep({ locale, pipeline }: StepProps) {
  const styles = useStyles();
  const { settings } = pipeline;
  const result = pipeline.results.report;
  if (!settings) {
    return (
      <StepIntro locale={locale} title="step.report.title" intro="step.report.intro" pipeline={pipeline}>
        <WaitForSettings locale={locale} pipeline={pipeline} />
      </StepIntro>
    );
  }
  return (
    <StepIntro locale={locale} title="step.report.title" intro="step.report.intro" pipeline={pipeline}>
      <fieldset className={styles.group}>
        <legend>
          <Caption1>{t(locale, 'report.sheets')}</Caption1>
        </legend>
        {REPORT_SHEETS.map((id) => (
          <Checkbox
            key={id}
            label={t(locale, `report.sheet.${id}` as MessageKey)}
            checked={settings.report.sheets.includes(id)}
            onChange={(_, data) =>
              pipeline.update((s) => ({ ...s, report: { ...s.report, sheets: toggled(s.report.sheets, id, data.checked === true, REPORT_SHEETS) } }))
            }
          />
        ))}
      </fieldset>
      <fieldset className={styles.group}>
        <legend>
          <Caption1>{t(locale, 'report.charts')}</Caption1>
        </legend>
        {REPORT_CHARTS.map((id) => (
          <Checkbox
            key={id}
            label={t(locale, `report.chart.${id}` as MessageKey)}
            checked={settings.report.charts.includes(id)}
            onChange={(_, data) =>
              pipeline.update((s) => ({ ...s, report: { ...s.report, charts: toggled(s.report.charts, id, data.checked === true, REPORT_CHARTS) } }))
            }
          />
        ))}
      </fieldset>
      <RunPanel locale={locale} pipeline={pipeline} step="report" label={t(locale, 'report.run')} onRun={() => void pipeline.run('report')} />
      {result && (
        <>
          <ResultBar locale={locale} result={result} />
          <Caption1 as="p">{t(locale, 'report.charts.count', { count: result.charts })}</Caption1>
        </>
      )}
    </StepIntro>
  );
}
