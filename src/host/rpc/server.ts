/**
 * The main-thread end of the Workbook bridge: runs each call the engine Worker makes on the real workbook (Office.js
 * exists only on the main thread) and answers over the port. A read sheet goes back in chunks, with a pause now
 * and then so the task pane keeps painting while a million rows cross.
 */
import { CancelledError } from '../../core/pipeline/progress';
import type { ChartSpec } from '../../core/report/chart-spec';
import type { ColumnWrite, JsonValue, SheetSpec, Workbook } from '../workbook';
import { chunksOf, toWireError, type PortLike } from './port';
import { WORKBOOK_METHODS, attachParts, isRpcMessage, type RpcReply, type RpcRequest, type WorkbookMethod } from './protocol';

interface Call {
  method: WorkbookMethod;
  args: unknown[];
  parts: unknown[][];
  controller: AbortController;
  started: boolean;
}

/** Longest stretch, in ms, the server sends row chunks without giving the page a turn. */
const SLICE_MS = 12;

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Serves `book` on `port` until the returned function is called. Errors reach the caller with their message,
 * name and Office error code.
 */
export function serveWorkbook(book: Workbook, port: PortLike): () => void {
  const calls = new Map<number, Call>();
  const post = (reply: RpcReply) => port.postMessage(reply);

  async function execute(id: number, call: Call): Promise<void> {
    const { signal } = call.controller;
    call.started = true;
    try {
      const args = attachParts(call.method, call.args, call.parts);
      const value = await invoke(call.method, args, signal, (done, total) => post({ rpc: 'progress', id, done, total }));
      if (call.method === 'readSheet' && value && typeof value === 'object') {
        const { rows, ...head } = value as { rows: unknown[][] };
        let slice = Date.now();
        for (const chunk of chunksOf(rows)) {
          if (signal.aborted) throw new CancelledError();
          post({ rpc: 'rows', id, rows: chunk as never });
          if (Date.now() - slice > SLICE_MS) {
            await pause();
            slice = Date.now();
          }
        }
        post({ rpc: 'done', id, value: head });
      } else {
        post({ rpc: 'done', id, value: value ?? null });
      }
    } catch (e) {
      post({ rpc: 'error', id, error: toWireError(e) });
    } finally {
      calls.delete(id);
    }
  }

  function invoke(
    method: WorkbookMethod,
    args: unknown[],
    signal: AbortSignal,
    onProgress: (done: number, total: number) => void,
  ): Promise<unknown> {
    switch (method) {
      case 'listSheets':
        return book.listSheets();
      case 'readSheet':
        return book.readSheet(args[0] as string, { signal, onProgress });
      case 'writeColumns':
        return book.writeColumns(args[0] as string, args[1] as ColumnWrite[]);
      case 'writeSheet':
        return book.writeSheet(args[0] as SheetSpec);
      case 'deleteSheet':
        return book.deleteSheet(args[0] as string);
      case 'getSetting':
        return book.getSetting(args[0] as string);
      case 'setSetting':
        return book.setSetting(args[0] as string, args[1] as JsonValue);
      case 'addChart':
        if (!book.addChart) return Promise.reject(new Error('此工作簿不支持图表 (this workbook cannot add charts)'));
        return book.addChart(args[0] as ChartSpec);
    }
  }

  const onMessage = (event: { data: unknown }) => {
    const msg = event.data;
    if (!isRpcMessage(msg)) return;
    const req = msg as RpcRequest;
    switch (req.rpc) {
      case 'call': {
        if (!WORKBOOK_METHODS.includes(req.method)) {
          post({ rpc: 'error', id: req.id, error: { name: 'Error', message: `unknown workbook method "${String(req.method)}"` } });
          return;
        }
        const call: Call = { method: req.method, args: req.args, parts: Array.from({ length: req.parts }, () => []), controller: new AbortController(), started: false };
        calls.set(req.id, call);
        if (req.parts === 0) void execute(req.id, call);
        return;
      }
      case 'part': {
        const call = calls.get(req.id);
        const part = call?.parts[req.part];
        if (part) for (const item of req.items) part.push(item);
        return;
      }
      case 'send': {
        const call = calls.get(req.id);
        if (call) void execute(req.id, call);
        return;
      }
      case 'abort': {
        const call = calls.get(req.id);
        if (!call) return;
        call.controller.abort(new CancelledError());
        if (!call.started) {
          calls.delete(req.id);
          post({ rpc: 'error', id: req.id, error: toWireError(new CancelledError()) });
        }
        return;
      }
    }
  };

  port.addEventListener('message', onMessage);
  port.start?.();
  return () => {
    port.removeEventListener('message', onMessage);
    for (const call of calls.values()) call.controller.abort(new CancelledError());
    calls.clear();
  };
}
