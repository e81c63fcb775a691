import { lazy, type ComponentType } from 'react';
import type { MessageKey } from '../../i18n';
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

// The first step loads with the pane; the others (and the Fluent controls and rule parser they need) load when
// first opened, so the pane shows sooner.
const CleanStep = lazy(() => import(/* webpackChunkName: "step-clean" */ './CleanStep').then((m) => ({ default: m.CleanStep })));
const DedupStep = lazy(() => import(/* webpackChunkName: "step-dedup" */ './DedupStep').then((m) => ({ default: m.DedupStep })));
const AnalyzeStep = lazy(() => import(/* webpackChunkName: "step-analyze" */ './AnalyzeStep').then((m) => ({ default: m.AnalyzeStep })));
const ReportStep = lazy(() => import(/* webpackChunkName: "step-report" */ './ReportStep').then((m) => ({ default: m.ReportStep })));

/** The task pane's steps, in the order data flows through them. */
export const STEPS: readonly StepDef[] = [
  { id: 'sources', title: 'step.sources.title', Component: SourcesStep },
  { id: 'clean', title: 'step.clean.title', Component: CleanStep },
  { id: 'dedup', title: 'step.dedup.title', Component: DedupStep },
  { id: 'analyze', title: 'step.analyze.title', Component: AnalyzeStep },
  { id: 'report', title: 'step.report.title', Component: ReportStep },
];
