import type { StepProps } from './types';
import { StepIntro } from './StepIntro';

export function ReportStep({ locale }: StepProps) {
  return <StepIntro locale={locale} title="step.report.title" intro="step.report.intro" />;
}
