/** Every step in order over one workbook, sharing what each computes with the next. */
import type { Workbook } from '../../../host/workbook';
import type {
  AnalyzeStepResult,
  CleanStepResult,
  DedupStepResult,
  PipelineSession,
  PipelineSettings,
  ReportStepResult,
} from '../types';
import { analyzeStep } from './analyze-step';
import { cleanStep } from './clean-step';
import { dedupStep } from './dedup-step';
import { reportStep } from './report-step';

export interface RunAllResult {
  clean: CleanStepResult;
  dedup: DedupStepResult;
  analyze: AnalyzeStepResult;
  report: ReportStepResult;
}

/** clean -> dedup -> analyze -> report. The steps share one cache, so dedup and analysis run once. */
export async function runAll(book: Workbook, settings: PipelineSettings, session?: PipelineSession): Promise<RunAllResult> {
  const shared: PipelineSession = { progress: session?.progress, cache: session?.cache ?? {} };
  const clean = await cleanStep(book, settings, shared);
  const dedup = await dedupStep(book, settings, shared);
  const analyze = await analyzeStep(book, settings, shared);
  const report = await reportStep(book, settings, shared);
  return { clean, dedup, analyze, report };
}
