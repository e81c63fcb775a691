/**
 * The Worker side of the engine protocol: runs each `call` on an Engine (the pipeline steps), with the workbook
 * reached through a WorkbookProxy over the port the call brought, progress posted back, and `cancel` aborting it.
 */
import { CancelledError, type ProgressEvent } from '../core/pipeline/progress';
import type { PipelineSession } from '../core/pipeline/types';
import { WorkbookProxy, type PortLike } from '../host/rpc';
import { toWireError } from '../host/rpc/port';
import { ENGINE_METHODS, SESSION_ARG, type Engine } from './engine-api';
import { handleEngineRequest, isRequest, type CallRequest, type EngineMessage } from './protocol';

/** At most one progress message per this many ms, besides stage changes and the last event of a stage. */
const PROGRESS_INTERVAL_MS = 50;

export function serveEngine(scope: PortLike, engine: Engine, now: () => number = Date.now): () => void {
  const running = new Map<number, AbortController>();
  const post = (m: EngineMessage) => scope.postMessage(m);

  async function run(req: CallRequest): Promise<void> {
    const controller = new AbortController();
    running.set(req.id, controller);
    const book = req.port ? new WorkbookProxy(req.port as unknown as PortLike, { addChart: req.addChart }) : undefined;
    try {
      if (!ENGINE_METHODS.includes(req.method)) throw new Error(`unknown engine method "${String(req.method)}"`);
      const args: unknown[] = [...req.args];
      const sessionAt = SESSION_ARG[req.method];
      if (sessionAt !== undefined) {
        const session: PipelineSession = { progress: { signal: controller.signal, report: throttled((event) => post({ id: req.id, type: 'progress', event })) } };
        while (args.length < sessionAt - 1) args.push(undefined);
        args.splice(sessionAt - 1, 0, session);
      }
      if (req.method !== 'defaultSettings') {
        if (!book) throw new Error(`${req.method} needs a workbook`);
        args.unshift(book);
      }
      const method = engine[req.method] as (...a: unknown[]) => Promise<unknown>;
      const result = await method.apply(engine, args);
      post({ id: req.id, ok: true, type: 'call', result: result ?? null });
    } catch (e) {
      const err = controller.signal.aborted && !(e instanceof CancelledError) ? toWireError(new CancelledError()) : toWireError(e);
      post({ id: req.id, ok: false, error: err.message, name: err.name, ...(err.code ? { code: err.code } : {}) });
    } finally {
      running.delete(req.id);
      book?.close();
      req.port?.close();
    }
  }

  function throttled(send: (e: ProgressEvent) => void): (e: ProgressEvent) => void {
    let last = -Infinity;
    let stage = '';
    return (e) => {
      const t = now();
      if (e.stage !== stage || e.done >= e.total || t - last >= PROGRESS_INTERVAL_MS) {
        stage = e.stage;
        last = t;
        send(e);
      }
    };
  }

  const onMessage = (event: { data: unknown }) => {
    const msg = event.data;
    if (isRequest(msg) && msg.type === 'call') void run(msg);
    else if (isRequest(msg) && msg.type === 'cancel') running.get(msg.id)?.abort(new CancelledError());
    else post(handleEngineRequest(msg, now));
  };
  scope.addEventListener('message', onMessage);
  scope.start?.();
  return () => {
    scope.removeEventListener('message', onMessage);
    for (const c of running.values()) c.abort(new CancelledError());
  };
}
