/**
 * The engine as the task pane and the ribbon buttons call it: the pipeline steps over a Workbook. Two
 * implementations: the Worker client (src/taskpane/engineClient.ts; the heavy work runs in the Worker while the
 * workbook stays on the main thread behind the RPC bridge) and in-process (./in-process.ts: tests, and the
 * fallback where no Worker can start).
 */
import type { Workbook } from '../host/workbook';
import type { Locale } from '../i18n';
import type {
  AnalyzeStepResult,
  CleanStepResult,
  DedupStepResult,
  PipelineSession,
  PipelineSettings,
  ReportStepResult,
  SourceDetection,
} from '../core/pipeline/types';

export interface Engine {
  detectSources(book: Workbook, session?: PipelineSession, locale?: Locale): Promise<SourceDetection[]>;
  defaultSettings(detections: readonly SourceDetection[], locale: Locale): Promise<PipelineSettings>;
  /** The settings saved in the workbook; null when there are none (or they are unreadable). */
  loadSettings(book: Workbook): Promise<PipelineSettings | null>;
  saveSettings(book: Workbook, settings: PipelineSettings): Promise<void>;
  cleanStep(book: Workbook, settings: PipelineSettings, session?: PipelineSession): Promise<CleanStepResult>;
  dedupStep(book: Workbook, settings: PipelineSettings, session?: PipelineSession): Promise<DedupStepResult>;
  analyzeStep(book: Workbook, settings: PipelineSettings, session?: PipelineSession): Promise<AnalyzeStepResult>;
  reportStep(book: Workbook, settings: PipelineSettings, session?: PipelineSession): Promise<ReportStepResult>;
}

/** Engine methods that work on a workbook (every one but defaultSettings). */
export type BookMethod = Exclude<keyof Engine, 'defaultSettings'>;
export type EngineMethod = keyof Engine;

export const ENGINE_METHODS: readonly EngineMethod[] = [
  'detectSources',
  'defaultSettings',
  'loadSettings',
  'saveSettings',
  'cleanStep',
  'dedupStep',
  'analyzeStep',
  'reportStep',
];

/**
 * Where a method takes its PipelineSession (progress and cancellation), counting the workbook as 0. The session
 * cannot cross to the Worker: the client sends the other arguments, the Worker puts a session of its own there.
 */
export const SESSION_ARG: Partial<Record<EngineMethod, number>> = {
  detectSources: 1,
  cleanStep: 2,
  dedupStep: 2,
  analyzeStep: 2,
  reportStep: 2,
};
