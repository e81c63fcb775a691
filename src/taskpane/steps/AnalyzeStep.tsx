import type { StepProps } from './types';
import { StepIntro } from './StepIntro';

export function AnalyzeStep({ locale }: StepProps) {
  return <StepIntro locale={locale} title="step.analyze.title" intro="step.analyze.intro" />;
}
