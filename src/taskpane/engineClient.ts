/**
 * The Engine as the task pane uses it, backed by the engine Worker: each call goes to the Worker with a fresh
 * MessageChannel on which this thread serves the workbook (src/host/rpc), so the steps run in the Worker while
 * Office.js stays here. Progress comes back as it happens; an aborted signal cancels the call in the Worker, and a
 * Worker too busy to notice within `cancelGraceMs` is stopped and replaced by a new one.
 */
import { CancelledError, type ProgressEvent } from '../core/pipeline/progress';
import type { PipelineSession } from '../core/pipeline/types';
import { RemoteError, serveWorkbook, type PortLike } from '../host/rpc';
import type { Workbook } from '../host/workbook';
import { SESSION_ARG, type Engine, type EngineMethod } from '../worker/engine-api';
import type { CallRequest, EngineMessage, EngineRequest, EngineResponse, PingResult } from '../worker/protocol';

/** The part of a Worker the client uses, so tests can hand in a fake. */
export interface WorkerLike {
  postMessage(message: EngineRequest, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'error', listener: (event: { message?: string }) => void): void;
  terminate(): void;
}

export interface ChannelLike {
  port1: PortLike;
  port2: PortLike;
}

export interface EngineClient extends Engine {
  ping(): Promise<PingResult>;
  dispose(): void;
}

export interface EngineClientOptions {
  /** How long a ping may take (a Worker that does not start answers nothing). */
  pingTimeoutMs?: number;
  /** How long a cancelled call may take to stop before its Worker is replaced. */
  cancelGraceMs?: number;
  /** A new MessageChannel (tests hand in node's). */
  createChannel?: () => ChannelLike;
}

interface Pending {
  worker: WorkerLike;
  resolve(r: EngineResponse): void;
  reject(e: Error): void;
  onProgress?: (event: ProgressEvent) => void;
}

export function createEngineClient(spawn: () => WorkerLike, options: EngineClientOptions = {}): EngineClient {
  const pingTimeoutMs = options.pingTimeoutMs ?? 10_000;
  const cancelGraceMs = options.cancelGraceMs ?? 3_000;
  const createChannel = options.createChannel ?? (() => new MessageChannel() as unknown as ChannelLike);
  let worker: WorkerLike | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const failAll = (of: WorkerLike | null, error: (id: number) => Error) => {
    for (const [id, p] of pending) {
      if (of && p.worker !== of) continue;
      pending.delete(id);
      p.reject(error(id));
    }
  };

  /** Stops a Worker for good; its calls fail, the next call starts a new one. */
  const retire = (w: WorkerLike, error: (id: number) => Error) => {
    if (worker === w) worker = null;
    failAll(w, error);
    try {
      w.terminate();
    } catch {
      // already gone
    }
  };

  const current = (): WorkerLike => {
    if (worker) return worker;
    const w = spawn();
    w.addEventListener('message', (event) => {
      const msg = event.data as EngineMessage;
      const p = msg && typeof msg.id === 'number' ? pending.get(msg.id) : undefined;
      if (!p) return;
      if ('type' in msg && msg.type === 'progress') {
        p.onProgress?.(msg.event);
        return;
      }
      pending.delete(msg.id);
      p.resolve(msg as EngineResponse);
    });
    w.addEventListener('error', (event) => {
      const error = new Error(event.message || 'the engine worker failed');
      retire(w, () => error);
    });
    worker = w;
    return w;
  };

  const send = (req: EngineRequest, transfer: Transferable[], onProgress?: Pending['onProgress']): { worker: WorkerLike; answer: Promise<EngineResponse> } => {
    const w = current();
    const answer = new Promise<EngineResponse>((resolve, reject) => {
      pending.set(req.id, { worker: w, resolve, reject, onProgress });
      try {
        w.postMessage(req, transfer);
      } catch (e) {
        pending.delete(req.id);
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
    return { worker: w, answer };
  };

  async function call(method: EngineMethod, fullArgs: unknown[]): Promise<unknown> {
    const args = [...fullArgs];
    const sessionAt = SESSION_ARG[method];
    const session = sessionAt !== undefined ? (args.splice(sessionAt, 1)[0] as PipelineSession | undefined) : undefined;
    const book = method === 'defaultSettings' ? undefined : (args.shift() as Workbook);
    while (args.length > 0 && args[args.length - 1] === undefined) args.pop();
    const signal = session?.progress?.signal;
    if (signal?.aborted) throw new CancelledError();

    const id = nextId++;
    const req: CallRequest = { id, type: 'call', method, args };
    const transfer: Transferable[] = [];
    let stopServing = () => undefined as void;
    let channel: ChannelLike | undefined;
    if (book) {
      channel = createChannel();
      stopServing = serveWorkbook(book, channel.port1);
      req.port = channel.port2 as unknown as MessagePort;
      req.addChart = typeof book.addChart === 'function';
      transfer.push(channel.port2 as unknown as Transferable);
    }

    let grace: ReturnType<typeof setTimeout> | undefined;
    let w: WorkerLike | undefined;
    const onAbort = () => {
      if (!w) return;
      const target = w;
      try {
        target.postMessage({ id, type: 'cancel' });
      } catch {
        // the Worker is gone; the grace timer below cleans up
      }
      grace = setTimeout(() => {
        if (pending.get(id)?.worker === target) {
          retire(target, (other) => (other === id ? new CancelledError() : new Error('计算引擎已重启 (the engine was restarted)')));
        }
      }, cancelGraceMs);
    };
    try {
      const sent = send(req, transfer, session?.progress?.report);
      w = sent.worker;
      signal?.addEventListener('abort', onAbort);
      const response = await sent.answer;
      if (response.ok) return response.type === 'call' ? response.result : undefined;
      if (response.name === 'CancelledError') throw new CancelledError();
      throw new RemoteError({ message: response.error, name: response.name ?? 'Error', code: response.code });
    } finally {
      signal?.removeEventListener('abort', onAbort);
      clearTimeout(grace);
      stopServing();
      channel?.port1.close?.();
    }
  }

  return {
    async ping() {
      const id = nextId++;
      const { answer } = send({ id, type: 'ping' }, []);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`no answer from the engine within ${pingTimeoutMs} ms`));
        }, pingTimeoutMs);
      });
      try {
        const response = await Promise.race([answer, timeout]);
        if (!response.ok) throw new Error(response.error);
        if (response.type !== 'ping') throw new Error('unexpected answer to a ping');
        return response.result;
      } finally {
        clearTimeout(timer);
      }
    },
    detectSources: (...a) => call('detectSources', a) as never,
    defaultSettings: (...a) => call('defaultSettings', a) as never,
    loadSettings: (...a) => call('loadSettings', a) as never,
    saveSettings: (...a) => call('saveSettings', a) as never,
    cleanStep: (...a) => call('cleanStep', a) as never,
    dedupStep: (...a) => call('dedupStep', a) as never,
    analyzeStep: (...a) => call('analyzeStep', a) as never,
    reportStep: (...a) => call('reportStep', a) as never,
    dispose() {
      if (worker) retire(worker, () => new Error('the engine was stopped'));
    },
  };
}
