import type { ComponentType } from 'react';
import type { MessageKey } from '../../i18n';
import { AnalyzeStep } from './AnalyzeStep';
import { CleanStep } from './CleanStep';
import { DedupStep } from './DedupStep';
import { ReportStep } from './ReportStep';
import { SourcesStep } from './SourcesStep';
import type { StepId } from './ids';
import type { StepProps } from './types';

export type { StepProps } from './types';
export type { StepId } from './ids';

export interface StepDef {
  id: StepId;
  title: MessageKey;
  Component: ComponentType<StepProps>;
}

/** The task pane's steps, in the order data flows through them. */
export const STEPS: readonly StepDef[] = [
  { id: 'sources', title: 'step.sources.title', Component: SourcesStep },
  { id: 'clean', title: 'step.clean.title', Component: CleanStep },
  { id: 'dedup', title: 'step.dedup.title', Component: DedupStep },
  { id: 'analyze', title: 'step.analyze.title', Component: AnalyzeStep },
  { id: 'report', title: 'step.report.title', Component: ReportStep },
];
