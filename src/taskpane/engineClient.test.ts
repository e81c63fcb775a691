import { FakeExcel } from '../../test/excel-fake';
import { CancelledError, checkCancelled } from '../core/pipeline/progress';
import type { PipelineSettings, SourceDetection } from '../core/pipeline/types';
import { OfficeWorkbook } from '../host/office';
import { RemoteError } from '../host/rpc';
import type { Workbook } from '../host/workbook';
import type { Engine } from '../worker/engine-api';
import { serveEngine } from '../worker/host';
import { ENGINE_PROTOCOL_VERSION, handleEngineRequest, type EngineRequest } from '../worker/protocol';
import { testChannel } from '../worker/test-channel';
import { createEngineClient, type WorkerLike } from './engineClient';
import { chooseEngine } from './startEngine';

type Listener = (event: { data?: unknown; message?: string }) => void;

/** A Worker stand-in that answers pings through the real protocol handler, asynchronously like a Worker. */
function fakeWorker(answer: (req: EngineRequest) => unknown = (req) => handleEngineRequest(req)) {
  const listeners: Record<string, Listener[]> = { message: [], error: [] };
  const worker = {
    posted: [] as EngineRequest[],
    terminated: false,
    postMessage(req: EngineRequest) {
      this.posted.push(req);
      const data = answer(req);
      if (data !== undefined) setTimeout(() => listeners.message.forEach((l) => l({ data })), 0);
    },
    addEventListener(type: string, l: Listener) {
      listeners[type].push(l);
    },
    terminate() {
      this.terminated = true;
    },
    fail(message: string) {
      listeners.error.forEach((l) => l({ message }));
    },
    emit(data: unknown) {
      listeners.message.forEach((l) => l({ data }));
    },
  };
  return worker;
}

const asWorker = (w: ReturnType<typeof fakeWorker>) => () => w as unknown as WorkerLike;

/** A Worker made of an in-realm channel with the real engine host on the far side. */
function channelWorker(engine: Engine) {
  const ch = testChannel();
  const stop = serveEngine(ch.port2, engine);
  const worker = {
    terminated: false,
    postMessage: (m: unknown) => ch.port1.postMessage(m),
    addEventListener: (type: string, l: Listener) => type === 'message' && ch.port1.addEventListener('message', l),
    terminate() {
      this.terminated = true;
      stop();
      ch.port1.close();
      ch.port2.close();
    },
  };
  return worker;
}

describe('createEngineClient: pings', () => {
  it('pings the worker and gets the protocol version back', async () => {
    const worker = fakeWorker();
    const client = createEngineClient(asWorker(worker));
    await expect(client.ping()).resolves.toMatchObject({ protocol: ENGINE_PROTOCOL_VERSION });
    expect(worker.posted).toEqual([{ id: 1, type: 'ping' }]);
  });

  it('matches answers to requests by id when they come back out of order', async () => {
    const worker = fakeWorker(() => undefined);
    const client = createEngineClient(asWorker(worker));
    const first = client.ping();
    const second = client.ping();
    const [req1, req2] = worker.posted;
    worker.emit(handleEngineRequest(req2, () => 222));
    worker.emit({ id: 999, ok: true, type: 'ping', result: { protocol: 1, receivedAt: 0 } }); // nobody asked: ignored
    worker.emit(handleEngineRequest(req1, () => 111));
    await expect(first).resolves.toEqual({ protocol: ENGINE_PROTOCOL_VERSION, receivedAt: 111 });
    await expect(second).resolves.toEqual({ protocol: ENGINE_PROTOCOL_VERSION, receivedAt: 222 });
  });

  it('rejects with the error the worker answers', async () => {
    const worker = fakeWorker((req) => ({ id: req.id, ok: false, error: 'engine busy' }));
    await expect(createEngineClient(asWorker(worker)).ping()).rejects.toThrow('engine busy');
  });

  it('rejects when the worker does not answer in time', async () => {
    const client = createEngineClient(asWorker(fakeWorker(() => undefined)), { pingTimeoutMs: 20 });
    await expect(client.ping()).rejects.toThrow('no answer from the engine within 20 ms');
  });

  it('rejects pending requests when the worker fails, then starts a new worker; dispose terminates it', async () => {
    const workers: ReturnType<typeof fakeWorker>[] = [];
    const client = createEngineClient(() => {
      const w = fakeWorker(workers.length === 0 ? () => undefined : undefined);
      workers.push(w);
      return w as unknown as WorkerLike;
    });
    const pending = client.ping();
    workers[0].fail('script error');
    await expect(pending).rejects.toThrow('script error');
    expect(workers[0].terminated).toBe(true);
    await expect(client.ping()).resolves.toMatchObject({ protocol: ENGINE_PROTOCOL_VERSION });
    client.dispose();
    expect(workers).toHaveLength(2);
    expect(workers[1].terminated).toBe(true);
  });
});

const settings = { version: 1, locale: 'zh-CN' } as PipelineSettings;

/** A stub engine that really uses the workbook it is given. */
function stubEngine(over: Partial<Engine> = {}): Engine {
  return {
    detectSources: async (book, session, locale) => {
      const sheets = await book.listSheets();
      sheets.forEach((s, i) => session?.progress?.report?.({ stage: 'detect', done: i + 1, total: sheets.length, detail: s.name }));
      return sheets.map((s) => ({ sheet: s.name, rowCount: s.rowCount, columnCount: s.columnCount, headerRow: 1, role: 'master', roleConfidence: 1, columns: [], problem: locale })) as SourceDetection[];
    },
    defaultSettings: async (detections, locale) => ({ ...settings, locale, sources: detections.map((d) => ({ sheet: d.sheet, role: d.role, headerRow: 1, mapping: {} })) }) as PipelineSettings,
    loadSettings: async (book) => ((await book.getSetting('kehu.settings')) ?? null) as PipelineSettings | null,
    saveSettings: (book, s) => book.setSetting('kehu.settings', s as never),
    cleanStep: async (book) => {
      const data = await book.readSheet('客户');
      await book.writeColumns('客户', [{ header: '姓名(清洗)', headerRow: 1, values: data.rows.slice(1).map((r) => String(r[0]).trim()) }]);
      return { message: `done ${data.rows.length - 1}`, sheets: [], columns: ['客户!姓名(清洗)'], charts: 0, durationMs: 1, reports: [], examples: [] };
    },
    dedupStep: async () => {
      throw Object.assign(new Error('没有客户工作表'), { code: 'NoMaster' });
    },
    analyzeStep: async (_book, _s, session) => {
      // Busy until cancelled, yielding now and then as the steps do between chunks.
      for (;;) {
        checkCancelled(session?.progress);
        await new Promise((r) => setTimeout(r, 1));
      }
    },
    reportStep: () => new Promise(() => undefined), // never answers, like a Worker stuck in a long loop
    ...over,
  };
}

function excelBook() {
  const fake = new FakeExcel();
  fake.addSheet('客户', [['姓名'], [' 张三 '], ['李四 ']]);
  return { fake, book: new OfficeWorkbook({ run: fake.run, isSetSupported: fake.requirements.isSetSupported }) as Workbook };
}

describe('createEngineClient: steps through the Worker protocol and the workbook bridge', () => {
  it('runs a step in the "worker" against the workbook served from this side, with progress', async () => {
    const { fake, book } = excelBook();
    const client = createEngineClient(() => channelWorker(stubEngine()) as unknown as WorkerLike, { createChannel: testChannel });
    const events: string[] = [];
    const detections = await client.detectSources(book, { progress: { report: (e) => events.push(`${e.stage} ${e.done}/${e.total} ${e.detail}`) } }, 'en-US');
    expect(detections.map((d) => [d.sheet, d.rowCount, d.problem])).toEqual([['客户', 3, 'en-US']]);
    expect(events).toEqual(['detect 1/1 客户']);

    const s = await client.defaultSettings(detections, 'en-US');
    expect(s.sources).toEqual([{ sheet: '客户', role: 'master', headerRow: 1, mapping: {} }]);
    expect(await client.loadSettings(book)).toBeNull();
    await client.saveSettings(book, s);
    expect(await client.loadSettings(book)).toEqual(s);

    const cleaned = await client.cleanStep(book, s);
    expect(cleaned.message).toBe('done 2');
    expect([fake.cell('客户', 'B1').value, fake.cell('客户', 'B2').value, fake.cell('客户', 'B3').value]).toEqual(['姓名(清洗)', '张三', '李四']);
    client.dispose();
  });

  it('hands a step error back with its message and code', async () => {
    const client = createEngineClient(() => channelWorker(stubEngine()) as unknown as WorkerLike, { createChannel: testChannel });
    const error = (await client.dedupStep(excelBook().book, settings).catch((e: unknown) => e)) as RemoteError;
    expect(error).toBeInstanceOf(RemoteError);
    expect([error.message, error.code]).toEqual(['没有客户工作表', 'NoMaster']);
    client.dispose();
  });

  it('cancels a running step in the worker', async () => {
    const worker = channelWorker(stubEngine());
    const client = createEngineClient(() => worker as unknown as WorkerLike, { createChannel: testChannel });
    const controller = new AbortController();
    const running = client.analyzeStep(excelBook().book, settings, { progress: { signal: controller.signal } });
    setTimeout(() => controller.abort(), 20);
    await expect(running).rejects.toBeInstanceOf(CancelledError);
    expect(worker.terminated).toBe(false); // it stopped by itself
    await expect(client.ping()).resolves.toMatchObject({ protocol: ENGINE_PROTOCOL_VERSION });
    client.dispose();
  });

  it('replaces a worker that does not stop when cancelled', async () => {
    const workers: ReturnType<typeof channelWorker>[] = [];
    const client = createEngineClient(
      () => {
        const w = channelWorker(stubEngine());
        workers.push(w);
        return w as unknown as WorkerLike;
      },
      { createChannel: testChannel, cancelGraceMs: 30 },
    );
    const controller = new AbortController();
    const stuck = client.reportStep(excelBook().book, settings, { progress: { signal: controller.signal } });
    setTimeout(() => controller.abort(), 10);
    await expect(stuck).rejects.toBeInstanceOf(CancelledError);
    expect(workers[0].terminated).toBe(true);
    await expect(client.ping()).resolves.toMatchObject({ protocol: ENGINE_PROTOCOL_VERSION });
    expect(workers).toHaveLength(2);
    client.dispose();
  });

  it('refuses at once when the signal is already aborted', async () => {
    const worker = fakeWorker();
    const client = createEngineClient(asWorker(worker));
    const controller = new AbortController();
    controller.abort();
    await expect(client.cleanStep(excelBook().book, settings, { progress: { signal: controller.signal } })).rejects.toBeInstanceOf(CancelledError);
    expect(worker.posted).toEqual([]);
  });
});

describe('chooseEngine', () => {
  it('uses the Worker when it answers', async () => {
    const inline = jest.fn(async () => stubEngine());
    const client = chooseEngine(() => channelWorker(stubEngine()) as unknown as WorkerLike, inline);
    await expect(client.ping()).resolves.toEqual({ protocol: ENGINE_PROTOCOL_VERSION, receivedAt: expect.any(Number) });
    expect(inline).not.toHaveBeenCalled();
    client.dispose();
  });

  it('falls back to the engine in the page when no Worker can start', async () => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const client = chooseEngine(() => {
      throw new Error('no Worker');
    }, async () => stubEngine());
    await expect(client.ping()).resolves.toMatchObject({ inProcess: true });
    const { fake, book } = excelBook();
    await expect(client.cleanStep(book, settings)).resolves.toMatchObject({ message: 'done 2' });
    expect(fake.cell('客户', 'B2').value).toBe('张三');
  });

  it('falls back when the Worker does not answer its first ping', async () => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const silent = fakeWorker(() => undefined);
    const client = chooseEngine(asWorker(silent), async () => stubEngine(), 20);
    await expect(client.ping()).resolves.toMatchObject({ inProcess: true });
    expect(silent.terminated).toBe(true);
  });
});
