/** @jest-environment jsdom */
/**
 * The real pipeline steps through the whole Worker path: the engine client posts each call to the engine host (as
 * the Worker runs it), whose steps reach the workbook over the RPC bridge served from this side, on the strict
 * Excel fake. Results must match running the same steps in-process, and the ribbon buttons run on what was saved.
 */
import { FakeExcel } from '../../test/excel-fake';
import { runCommand } from '../commands/commands';
import { onNotice, type CommandNotice } from '../commands/notice';
import { CancelledError } from '../core/pipeline/progress';
import type { StepSummary } from '../core/pipeline/types';
import { OfficeWorkbook } from '../host/office';
import { CUSTOMERS, ORDERS } from '../taskpane/test-utils';
import { createEngineClient, type WorkerLike } from '../taskpane/engineClient';
import type { Engine } from './engine-api';
import { serveEngine } from './host';
import { inProcessEngine } from './in-process';
import { testChannel } from './test-channel';

function book() {
  const fake = new FakeExcel();
  fake.addSheet('客户', CUSTOMERS);
  fake.addSheet('订单', ORDERS);
  return { fake, book: new OfficeWorkbook({ run: fake.run, isSetSupported: fake.requirements.isSetSupported }) };
}

function workerOf(engine: Engine): WorkerLike {
  const ch = testChannel();
  const stop = serveEngine(ch.port2, engine);
  return {
    postMessage: (m: unknown) => ch.port1.postMessage(m),
    addEventListener: (type: string, l: (e: { data: unknown }) => void) => void (type === 'message' && ch.port1.addEventListener('message', l)),
    terminate: () => {
      stop();
      ch.port1.close();
      ch.port2.close();
    },
  } as WorkerLike;
}

const timeless = <T extends StepSummary>(r: T) => ({ ...r, durationMs: 0 });

describe('the pipeline through the engine Worker protocol and the workbook bridge', () => {
  const client = createEngineClient(() => workerOf(inProcessEngine), { createChannel: testChannel });
  afterAll(() => client.dispose());

  it('gives the same results and writes the same workbook as the steps in-process', async () => {
    const viaWorker = book();
    const direct = book();

    const stages = new Set<string>();
    const detected = await client.detectSources(viaWorker.book, { progress: { report: (e) => stages.add(e.stage) } }, 'zh-CN');
    expect(detected).toEqual(await inProcessEngine.detectSources(direct.book, undefined, 'zh-CN'));
    const settings = await client.defaultSettings(detected, 'zh-CN');
    await client.saveSettings(viaWorker.book, settings);
    expect(await client.loadSettings(viaWorker.book)).toEqual(settings);

    const progress = { report: (e: { stage: string }) => stages.add(e.stage) };
    expect(timeless(await client.cleanStep(viaWorker.book, settings, { progress }))).toEqual(timeless(await inProcessEngine.cleanStep(direct.book, settings)));
    const dedup = await client.dedupStep(viaWorker.book, settings, { progress });
    expect(timeless(dedup)).toEqual(timeless(await inProcessEngine.dedupStep(direct.book, settings)));
    expect(dedup.groups.map((g) => g.key)).toEqual(['客户!2|客户!5', '客户!3|客户!7']);
    expect(timeless(await client.analyzeStep(viaWorker.book, settings, { progress }))).toEqual(timeless(await inProcessEngine.analyzeStep(direct.book, settings)));
    const report = await client.reportStep(viaWorker.book, settings, { progress });
    expect(timeless(report)).toEqual(timeless(await inProcessEngine.reportStep(direct.book, settings)));
    expect(report.charts).toBeGreaterThan(0);

    expect([...stages]).toEqual(expect.arrayContaining(['detect', 'clean', 'match']));
    const names = (await viaWorker.book.listSheets()).map((s) => s.name);
    expect(names).toEqual((await direct.book.listSheets()).map((s) => s.name));
    for (const name of names) expect((await viaWorker.book.readSheet(name)).rows).toEqual((await direct.book.readSheet(name)).rows);
    expect(viaWorker.fake.sheet(report.sheets[0]).charts.map((c) => c.title)).toEqual(direct.fake.sheet(report.sheets[0]).charts.map((c) => c.title));
  });

  it('cancels a real step in the Worker', async () => {
    const { book: wb } = book();
    const settings = await client.defaultSettings(await client.detectSources(wb), 'zh-CN');
    const controller = new AbortController();
    const running = client.cleanStep(wb, settings, { progress: { signal: controller.signal, report: () => controller.abort() } });
    await expect(running).rejects.toBeInstanceOf(CancelledError);
  });

  it('lets a ribbon button run its step with the settings the pane saved', async () => {
    const { book: wb, fake } = book();
    const event = { completed: jest.fn() };
    const office = { actions: { associate: () => undefined }, addin: { showAsTaskpane: jest.fn(async () => undefined) } };

    const all: CommandNotice[] = [];
    const stopAll = onNotice((n) => all.push(n));
    await runCommand('findDuplicates', event, office, { engine: client, workbook: wb });
    expect(all.at(-1)).toEqual({ command: 'findDuplicates', kind: 'needsSetup' });
    expect(office.addin.showAsTaskpane).toHaveBeenCalledTimes(1);

    await client.saveSettings(wb, await client.defaultSettings(await client.detectSources(wb), 'zh-CN'));
    await runCommand('findDuplicates', event, office, { engine: client, workbook: wb });
    const done = all.at(-1);
    expect(done).toMatchObject({ command: 'findDuplicates', kind: 'done' });
    expect(done?.kind === 'done' && done.message).toContain('2 组重复');
    expect(fake.findSheet('重复客户')).not.toBeNull();
    expect(event.completed).toHaveBeenCalledTimes(2);
    stopAll();
  });
});
