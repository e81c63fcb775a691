/**
 * The task pane's state of the pipeline: the detected sources, the settings (saved in the workbook shortly after
 * every change, and before every run), each step's last result, the running task with its progress, and each
 * step's last error. One task runs at a time.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { CancelledError, type ProgressEvent } from '../../core/pipeline/progress';
import type {
  AnalyzeStepResult,
  CleanStepResult,
  DedupStepResult,
  PipelineSettings,
  ReportStepResult,
  SourceDetection,
} from '../../core/pipeline/types';
import type { Workbook } from '../../host/workbook';
import type { Locale } from '../../i18n';
import type { Engine } from '../../worker/engine-api';
import type { StepId } from '../steps/ids';
import { withDetections } from './settings-edit';

export type RunnableStep = Exclude<StepId, 'sources'>;

export interface StepResults {
  clean?: CleanStepResult;
  dedup?: DedupStepResult;
  analyze?: AnalyzeStepResult;
  report?: ReportStepResult;
}

export interface Task {
  step: StepId;
  progress?: ProgressEvent;
}

export type Outcome = { kind: 'failed'; error: unknown } | { kind: 'cancelled' };

export interface Pipeline {
  /** False without a workbook or an engine: the steps say so and offer nothing to run. */
  available: boolean;
  hasWorkbook: boolean;
  detections: SourceDetection[] | null;
  settings: PipelineSettings | null;
  /** The settings are saved in the workbook (the ribbon buttons can use them). */
  saved: boolean;
  saveError: unknown;
  results: StepResults;
  task: Task | null;
  /** How the last run of each step ended when it did not succeed. */
  outcomes: Partial<Record<StepId, Outcome>>;
  /** Changes the settings; they are saved shortly after. */
  update(change: (s: PipelineSettings) => PipelineSettings): void;
  detect(): Promise<void>;
  run(step: RunnableStep): Promise<void>;
  cancel(): void;
}

/** Settings changes are saved this long after the last one, so typing a rule does not write on every key. */
export const SAVE_DELAY_MS = 400;
/** Progress repaints at most this often. */
const PROGRESS_INTERVAL_MS = 80;

const METHOD = { clean: 'cleanStep', dedup: 'dedupStep', analyze: 'analyzeStep', report: 'reportStep' } as const;

export function usePipeline(engine: Engine | undefined, book: Workbook | undefined, locale: Locale): Pipeline {
  const available = Boolean(engine && book);
  const [detections, setDetections] = useState<SourceDetection[] | null>(null);
  const [settings, setSettings] = useState<PipelineSettings | null>(null);
  const [saved, setSaved] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [results, setResults] = useState<StepResults>({});
  const [task, setTask] = useState<Task | null>(null);
  const [outcomes, setOutcomes] = useState<Partial<Record<StepId, Outcome>>>({});

  const settingsRef = useRef<PipelineSettings | null>(null);
  const controllerRef = useRef<AbortController | null>(null);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const dirty = useRef(false);
  const localeRef = useRef(locale);
  localeRef.current = locale;
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
      clearTimeout(saveTimer.current);
      controllerRef.current?.abort();
    };
  }, []);

  // Saves run one after another, so an older save never lands after a newer one.
  const saving = useRef<Promise<void>>(Promise.resolve());
  const save = useCallback((): Promise<void> => {
    clearTimeout(saveTimer.current);
    const next = saving.current.then(async () => {
      const s = settingsRef.current;
      if (!engine || !book || !s || !dirty.current) return;
      dirty.current = false;
      try {
        await engine.saveSettings(book, s);
        if (live.current) {
          setSaved(true);
          setSaveError(null);
        }
      } catch (e) {
        dirty.current = true;
        if (live.current) setSaveError(e);
      }
    });
    saving.current = next;
    return next;
  }, [engine, book]);

  const update = useCallback(
    (change: (s: PipelineSettings) => PipelineSettings) => {
      const current = settingsRef.current;
      if (!current) return;
      const next = change(current);
      settingsRef.current = next;
      setSettings(next);
      dirty.current = true;
      clearTimeout(saveTimer.current);
      saveTimer.current = setTimeout(() => void save(), SAVE_DELAY_MS);
    },
    [save],
  );

  /** Runs one task with progress and cancellation; the outcome lands in `outcomes` for its step. */
  const runTask = useCallback(
    async <T>(step: StepId, work: (session: { progress: { report(e: ProgressEvent): void; signal: AbortSignal } }) => Promise<T>): Promise<T | undefined> => {
      if (controllerRef.current) return undefined;
      const controller = new AbortController();
      controllerRef.current = controller;
      setTask({ step });
      setOutcomes((o) => ({ ...o, [step]: undefined }));
      let shown = 0;
      const report = (e: ProgressEvent) => {
        const now = Date.now();
        if (now - shown < PROGRESS_INTERVAL_MS && e.done < e.total) return;
        shown = now;
        if (live.current) setTask({ step, progress: e });
      };
      try {
        return await work({ progress: { report, signal: controller.signal } });
      } catch (e) {
        const outcome: Outcome = e instanceof CancelledError || controller.signal.aborted ? { kind: 'cancelled' } : { kind: 'failed', error: e };
        if (live.current) setOutcomes((o) => ({ ...o, [step]: outcome }));
        return undefined;
      } finally {
        // A task abandoned for another workbook must not clear the task that replaced it.
        if (controllerRef.current === controller) {
          controllerRef.current = null;
          if (live.current) setTask(null);
        }
      }
    },
    [],
  );

  const detect = useCallback(async () => {
    if (!engine || !book) return;
    await runTask('sources', async (session) => {
      const [stored, found] = await Promise.all([engine.loadSettings(book), engine.detectSources(book, session, localeRef.current)]);
      const base = settingsRef.current ?? stored ?? (await engine.defaultSettings(found, localeRef.current));
      const next = withDetections(base, found);
      if (!live.current) return;
      settingsRef.current = next;
      setSettings(next);
      setDetections(found);
      if (stored) setSaved(true);
    });
  }, [engine, book, runTask]);

  // A new workbook (the preview opens another file) starts from nothing: its own saved settings, its own sheets.
  useEffect(() => {
    controllerRef.current?.abort(new CancelledError());
    controllerRef.current = null;
    setTask(null);
    clearTimeout(saveTimer.current);
    dirty.current = false;
    settingsRef.current = null;
    setSettings(null);
    setDetections(null);
    setSaved(false);
    setSaveError(null);
    setResults({});
    setOutcomes({});
    if (available) void detect();
    // Detect once per workbook and engine; later detections are the user's.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [available, engine, book]);

  const run = useCallback(
    async (step: RunnableStep) => {
      if (!engine || !book || !settingsRef.current) return;
      // Outputs are written in the pane's language.
      if (settingsRef.current.locale !== localeRef.current) update((s) => ({ ...s, locale: localeRef.current }));
      dirty.current = dirty.current || !saved;
      await save();
      const s = settingsRef.current;
      const result = await runTask(step, (session) => (engine[METHOD[step]] as (b: Workbook, s: PipelineSettings, x: unknown) => Promise<unknown>)(book, s, session));
      if (result !== undefined && live.current) setResults((r) => ({ ...r, [step]: result }));
    },
    [engine, book, save, saved, update, runTask],
  );

  const cancel = useCallback(() => controllerRef.current?.abort(new CancelledError()), []);

  return { available, hasWorkbook: Boolean(book), detections, settings, saved, saveError, results, task, outcomes, update, detect, run, cancel };
}
