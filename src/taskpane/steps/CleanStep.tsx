import type { StepProps } from './types';
import { StepIntro } from './StepIntro';

export function CleanStep({ locale }: StepProps) {
  return <StepIntro locale={locale} title="step.clean.title" intro="step.clean.intro" />;
}
