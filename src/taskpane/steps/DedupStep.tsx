import type { StepProps } from './types';
import { StepIntro } from './StepIntro';

export function DedupStep({ locale }: StepProps) {
  return <StepIntro locale={locale} title="step.dedup.title" intro="step.dedup.intro" />;
}
