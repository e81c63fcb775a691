import type { EngineRequest, EngineResponse, PingResult } from '../worker/protocol';

/** The part of a Worker the client uses, so tests can hand in a fake. */
export interface WorkerLike {
  postMessage(message: EngineRequest): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'error', listener: (event: { message?: string }) => void): void;
  terminate(): void;
}

export interface EngineClient {
  ping(): Promise<PingResult>;
  dispose(): void;
}

const DEFAULT_TIMEOUT_MS = 10000;

/** Sends requests to the engine Worker and matches each answer to its request by id. */
export function createEngineClient(worker: WorkerLike, timeoutMs = DEFAULT_TIMEOUT_MS): EngineClient {
  let nextId = 1;
  const pending = new Map<number, { resolve(r: EngineResponse): void; reject(e: Error): void; timer: ReturnType<typeof setTimeout> }>();

  const failAll = (error: Error) => {
    for (const p of pending.values()) {
      clearTimeout(p.timer);
      p.reject(error);
    }
    pending.clear();
  };

  worker.addEventListener('message', (event) => {
    const response = event.data as EngineResponse;
    const p = response && pending.get(response.id);
    if (!p) return;
    pending.delete(response.id);
    clearTimeout(p.timer);
    p.resolve(response);
  });
  worker.addEventListener('error', (event) => failAll(new Error(event.message || 'the engine worker failed')));

  const request = (body: Omit<EngineRequest, 'id'>): Promise<EngineResponse> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`no answer from the engine within ${timeoutMs} ms`));
      }, timeoutMs);
      pending.set(id, { resolve, reject, timer });
      try {
        worker.postMessage({ ...body, id } as EngineRequest);
      } catch (e) {
        pending.delete(id);
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });

  return {
    async ping() {
      const response = await request({ type: 'ping' });
      if (!response.ok) throw new Error(response.error);
      return response.result;
    },
    dispose() {
      failAll(new Error('the engine was stopped'));
      worker.terminate();
    },
  };
}
