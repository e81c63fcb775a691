import { handleEngineRequest, ENGINE_PROTOCOL_VERSION, type EngineRequest } from '../worker/protocol';
import { createEngineClient, type WorkerLike } from './engineClient';

type Listener = (event: { data?: unknown; message?: string }) => void;

/** A Worker stand-in that answers through the real protocol handler, asynchronously like a Worker. */
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

describe('createEngineClient', () => {
  it('pings the worker and gets the protocol version back', async () => {
    const worker = fakeWorker();
    const client = createEngineClient(worker as unknown as WorkerLike);
    await expect(client.ping()).resolves.toMatchObject({ protocol: ENGINE_PROTOCOL_VERSION });
    expect(worker.posted).toEqual([{ id: 1, type: 'ping' }]);
  });

  it('matches answers to requests by id when they come back out of order', async () => {
    const worker = fakeWorker(() => undefined);
    const client = createEngineClient(worker as unknown as WorkerLike);
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
    const client = createEngineClient(worker as unknown as WorkerLike);
    await expect(client.ping()).rejects.toThrow('engine busy');
  });

  it('rejects when the worker does not answer in time', async () => {
    const worker = fakeWorker(() => undefined);
    const client = createEngineClient(worker as unknown as WorkerLike, 20);
    await expect(client.ping()).rejects.toThrow('no answer from the engine within 20 ms');
  });

  it('rejects pending requests when the worker fails, and dispose terminates it', async () => {
    const worker = fakeWorker(() => undefined);
    const client = createEngineClient(worker as unknown as WorkerLike);
    const pending = client.ping();
    worker.fail('script error');
    await expect(pending).rejects.toThrow('script error');
    client.dispose();
    expect(worker.terminated).toBe(true);
  });
});
