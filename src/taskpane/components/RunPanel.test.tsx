/** @jest-environment jsdom */
import { act, screen, within } from '@testing-library/react';
import { CancelledError, checkCancelled } from '../../core/pipeline/progress';
import type { CleanStepResult, PipelineSession } from '../../core/pipeline/types';
import { t, type Locale } from '../../i18n';
import type { Engine } from '../../worker/engine-api';
import { inProcessEngine } from '../../worker/in-process';
import { clientOf, excelBook, narrowPaneLayout, openStep, renderApp } from '../test-utils';
import { progressText } from './RunPanel';

narrowPaneLayout();

/** The real engine, but a 清洗 step the test drives: it reports progress and waits to be told how to end. */
function drivenClean() {
  let session: PipelineSession | undefined;
  let finish!: (outcome: Error | CleanStepResult) => void;
  const engine: Engine = {
    ...inProcessEngine,
    cleanStep: (_book, _settings, s) =>
      new Promise((resolve, reject) => {
        session = s;
        s?.progress?.signal?.addEventListener('abort', () => reject(new CancelledError()));
        finish = (outcome) => (outcome instanceof Error ? reject(outcome) : resolve(outcome));
      }),
  };
  return { engine, report: (stage: string, done: number, total: number, detail?: string) => session?.progress?.report?.({ stage, done, total, detail }), finish: (o: Error | CleanStepResult) => finish(o), signal: () => session?.progress?.signal };
}

async function openClean(locale: Locale, engine: Engine) {
  const { book } = excelBook();
  const view = renderApp({ locale, engine: clientOf(engine), workbook: book });
  await screen.findByRole('button', { name: /^客户 · / });
  const panel = await openStep(view.user, locale, 'clean');
  return { panel, user: view.user };
}

describe.each<Locale>(['zh-CN', 'en-US'])('running a step in %s', (locale) => {
  it('shows the stage and row counts, disables the other steps, and cancels through the signal', async () => {
    const driven = drivenClean();
    const { panel, user } = await openClean(locale, driven.engine);
    await user.click(within(panel).getByRole('button', { name: t(locale, 'clean.run') }));
    expect(within(panel).getByRole('status').textContent).toBe(t(locale, 'run.starting'));

    act(() => driven.report('normalize', 25_000, 100_000, '客户'));
    const status = within(panel).getByRole('status');
    const text = t(locale, 'run.progressDetail', { stage: t(locale, 'stage.normalize'), detail: '客户', done: (25_000).toLocaleString(locale), total: (100_000).toLocaleString(locale) });
    expect(status.textContent).toBe(text);
    expect(within(panel).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('0.25');
    expect((within(panel).getByRole('button', { name: t(locale, 'clean.run') }) as HTMLButtonElement).disabled).toBe(true);

    const dedup = await openStep(user, locale, 'dedup');
    expect(dedup.textContent).toContain(t(locale, 'run.busy', { step: t(locale, 'step.clean.title') }));
    expect((within(dedup).getByRole('button', { name: t(locale, 'dedup.run') }) as HTMLButtonElement).disabled).toBe(true);

    const back = await openStep(user, locale, 'clean');
    await user.click(within(back).getByRole('button', { name: `${t(locale, 'run.cancel')} ${t(locale, 'clean.run')}` }));
    expect(driven.signal()?.aborted).toBe(true);
    expect(await within(back).findByText(t(locale, 'run.cancelled'))).toBeTruthy();
    expect(within(back).queryByRole('progressbar')).toBeNull();
    expect((within(back).getByRole('button', { name: t(locale, 'clean.run') }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('says in plain words what failed and what to do next', async () => {
    const driven = drivenClean();
    const { panel, user } = await openClean(locale, driven.engine);
    await user.click(within(panel).getByRole('button', { name: t(locale, 'clean.run') }));
    act(() => driven.finish(new Error('找不到工作表“客户” (no sheet named 客户)')));
    const alert = await within(panel).findByRole('alert');
    expect(alert.textContent).toContain(t(locale, 'error.title', { step: t(locale, 'step.clean.title') }));
    expect(alert.textContent).toContain('找不到工作表“客户” (no sheet named 客户)');
    expect(alert.textContent).toContain(t(locale, 'error.next.clean'));
  });

  it('tells the user to leave cell editing when Excel refuses for that', async () => {
    const driven = drivenClean();
    const { panel, user } = await openClean(locale, driven.engine);
    await user.click(within(panel).getByRole('button', { name: t(locale, 'clean.run') }));
    act(() => driven.finish(Object.assign(new Error('The operation is not supported in cell edit mode.'), { code: 'InvalidOperationInCellEditMode' })));
    expect((await within(panel).findByRole('alert')).textContent).toContain(t(locale, 'error.editMode'));
  });
});

it('a step that checks its signal stops when cancelled', async () => {
  const engine: Engine = {
    ...inProcessEngine,
    dedupStep: async (_b, _s, session) => {
      for (;;) {
        checkCancelled(session?.progress);
        await new Promise((r) => setTimeout(r, 5));
      }
    },
  };
  const { book } = excelBook();
  const { user } = renderApp({ locale: 'en-US', engine: clientOf(engine), workbook: book });
  await screen.findByRole('button', { name: /^客户 · / });
  const panel = await openStep(user, 'en-US', 'dedup');
  await user.click(within(panel).getByRole('button', { name: t('en-US', 'dedup.run') }));
  await user.click(within(panel).getByRole('button', { name: `Cancel ${t('en-US', 'dedup.run')}` }));
  expect(await within(panel).findByText(t('en-US', 'run.cancelled'))).toBeTruthy();
});

describe('progressText', () => {
  it('names a stage it has no words for as the engine did', () => {
    expect(progressText('en-US', { stage: 'teleport', done: 1, total: 2 })).toBe('teleport: 1 of 2 done');
    expect(progressText('zh-CN', { stage: 'match', done: 1500, total: 3000 })).toBe('比对记录：已完成 1,500 / 3,000');
  });
});
