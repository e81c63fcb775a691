import type { StepProps } from './types';
import { StepIntro } from './StepIntro';

export function SourcesStep({ locale }: StepProps) {
  return <StepIntro locale={locale} title="step.sources.title" intro="step.sources.intro" />;
}
