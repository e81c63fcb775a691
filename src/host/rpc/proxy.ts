/**
 * The Worker end of the Workbook bridge: a Workbook whose every call is forwarded over a port to serveWorkbook on
 * the main thread. Big row arrays go in chunks; a read sheet comes back in chunks; progress and cancellation of a
 * read cross too.
 */
import { CancelledError } from '../../core/pipeline/progress';
import type { ChartSpec } from '../../core/report/chart-spec';
import type { ColumnWrite, JsonValue, ReadOptions, SheetData, SheetInfo, SheetSpec, Workbook } from '../workbook';
import { RemoteError, appendAll, chunksOf, type PortLike } from './port';
import { detachParts, isRpcMessage, type RpcReply, type RpcRequest, type SheetHead, type WorkbookMethod } from './protocol';

interface Pending {
  method: WorkbookMethod;
  resolve(value: unknown): void;
  reject(error: Error): void;
  rows: unknown[][];
  onProgress?: (done: number, total: number) => void;
}

export interface WorkbookProxyOptions {
  /** Whether the served workbook can add charts; without it the proxy has no addChart, like the workbook. */
  addChart?: boolean;
}

export class WorkbookProxy implements Workbook {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private closed = false;
  readonly addChart?: (spec: ChartSpec) => Promise<void>;

  constructor(
    private readonly port: PortLike,
    options: WorkbookProxyOptions = {},
  ) {
    port.addEventListener('message', this.onMessage);
    port.start?.();
    if (options.addChart) this.addChart = (spec) => this.call('addChart', [spec]) as Promise<void>;
  }

  listSheets(): Promise<SheetInfo[]> {
    return this.call('listSheets', []) as Promise<SheetInfo[]>;
  }

  async readSheet(name: string, opts: ReadOptions = {}): Promise<SheetData> {
    const { head, rows } = (await this.call('readSheet', [name], opts)) as { head: SheetHead; rows: SheetData['rows'] };
    return { ...head, rows };
  }

  writeColumns(sheet: string, columns: ColumnWrite[]): Promise<void> {
    return this.call('writeColumns', [sheet, columns]) as Promise<void>;
  }

  writeSheet(spec: SheetSpec): Promise<void> {
    return this.call('writeSheet', [spec]) as Promise<void>;
  }

  deleteSheet(name: string): Promise<void> {
    return this.call('deleteSheet', [name]) as Promise<void>;
  }

  async getSetting(key: string): Promise<JsonValue | undefined> {
    const value = (await this.call('getSetting', [key])) as JsonValue | undefined;
    return value ?? undefined;
  }

  setSetting(key: string, value: JsonValue): Promise<void> {
    return this.call('setSetting', [key, value]) as Promise<void>;
  }

  /** Stops listening; calls still waiting fail. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.port.removeEventListener('message', this.onMessage);
    for (const p of this.pending.values()) p.reject(new Error('工作簿连接已关闭 (the workbook connection was closed)'));
    this.pending.clear();
  }

  private call(method: WorkbookMethod, rawArgs: unknown[], opts: ReadOptions = {}): Promise<unknown> {
    if (this.closed) return Promise.reject(new Error('工作簿连接已关闭 (the workbook connection was closed)'));
    if (opts.signal?.aborted) return Promise.reject(new CancelledError());
    const id = this.nextId++;
    const post = (req: RpcRequest) => this.port.postMessage(req);
    return new Promise((resolve, reject) => {
      const onAbort = () => post({ rpc: 'abort', id });
      const settle = <T>(fn: (v: T) => void) => (v: T) => {
        opts.signal?.removeEventListener('abort', onAbort);
        fn(v);
      };
      this.pending.set(id, { method, resolve: settle(resolve), reject: settle(reject), rows: [], onProgress: opts.onProgress });
      opts.signal?.addEventListener('abort', onAbort);
      try {
        const { args, parts } = detachParts(method, rawArgs);
        post({ rpc: 'call', id, method, args, parts: parts.length });
        if (parts.length === 0) return;
        parts.forEach((items, part) => {
          for (const chunk of chunksOf(items)) post({ rpc: 'part', id, part, items: chunk });
        });
        post({ rpc: 'send', id });
      } catch (e) {
        this.pending.delete(id);
        opts.signal?.removeEventListener('abort', onAbort);
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
  }

  private readonly onMessage = (event: { data: unknown }) => {
    if (!isRpcMessage(event.data)) return;
    const reply = event.data as RpcReply;
    const p = this.pending.get(reply.id);
    if (!p) return;
    switch (reply.rpc) {
      case 'progress':
        p.onProgress?.(reply.done, reply.total);
        return;
      case 'rows':
        appendAll(p.rows, reply.rows);
        return;
      case 'done':
        this.pending.delete(reply.id);
        // A read sheet's rows came in `rows` messages; `value` is the rest of it.
        p.resolve(p.method === 'readSheet' ? { head: reply.value, rows: p.rows } : reply.value);
        return;
      case 'error':
        this.pending.delete(reply.id);
        p.reject(reply.error.name === 'CancelledError' ? new CancelledError() : new RemoteError(reply.error));
        return;
    }
  };
}
