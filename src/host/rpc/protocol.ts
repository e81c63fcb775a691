/**
 * Messages of the Workbook bridge: the engine Worker calls the Workbook port, the main thread (where Office.js
 * lives) runs the call and answers. Large row arrays travel in chunks both ways, so no single message is huge and
 * the main thread gets to breathe between them.
 *
 *   proxy -> server: call (arguments with the big arrays taken out), part* (chunks of those arrays), send, abort
 *   server -> proxy: progress*, rows* (chunks of a read sheet), done | error
 */
import type { CellValue } from '../../core/cell';
import type { ColumnWrite, SheetData, SheetSpec } from '../workbook';
import type { WireError } from './port';

export type WorkbookMethod =
  | 'listSheets'
  | 'readSheet'
  | 'writeColumns'
  | 'writeSheet'
  | 'deleteSheet'
  | 'getSetting'
  | 'setSetting'
  | 'addChart';

export const WORKBOOK_METHODS: readonly WorkbookMethod[] = [
  'listSheets',
  'readSheet',
  'writeColumns',
  'writeSheet',
  'deleteSheet',
  'getSetting',
  'setSetting',
  'addChart',
];

export type RpcRequest =
  /** `parts` arrays follow as `part` messages, then `send`; with no parts the call runs at once. */
  | { rpc: 'call'; id: number; method: WorkbookMethod; args: unknown[]; parts: number }
  | { rpc: 'part'; id: number; part: number; items: unknown[] }
  | { rpc: 'send'; id: number }
  | { rpc: 'abort'; id: number };

export type RpcReply =
  | { rpc: 'progress'; id: number; done: number; total: number }
  | { rpc: 'rows'; id: number; rows: CellValue[][] }
  | { rpc: 'done'; id: number; value: unknown }
  | { rpc: 'error'; id: number; error: WireError };

/**
 * Takes the big arrays out of a call's arguments: the values of each written column and the rows of each table
 * block. Returns the arguments with those arrays emptied, and the arrays in order.
 */
export function detachParts(method: WorkbookMethod, args: unknown[]): { args: unknown[]; parts: unknown[][] } {
  if (method === 'writeColumns') {
    const [sheet, columns] = args as [string, ColumnWrite[]];
    return { args: [sheet, columns.map((c) => ({ ...c, values: [] }))], parts: columns.map((c) => c.values) };
  }
  if (method === 'writeSheet') {
    const [spec] = args as [SheetSpec];
    const parts: unknown[][] = [];
    const blocks = spec.blocks.map((b) => {
      if (b.kind !== 'table') return b;
      parts.push(b.rows);
      return { ...b, rows: [] };
    });
    return { args: [{ ...spec, blocks }], parts };
  }
  return { args, parts: [] };
}

/** Puts the arrays detachParts took out back in their places. */
export function attachParts(method: WorkbookMethod, args: unknown[], parts: unknown[][]): unknown[] {
  if (method === 'writeColumns') {
    const [sheet, columns] = args as [string, ColumnWrite[]];
    return [sheet, columns.map((c, i) => ({ ...c, values: (parts[i] ?? []) as CellValue[] }))];
  }
  if (method === 'writeSheet') {
    const [spec] = args as [SheetSpec];
    let next = 0;
    const blocks = spec.blocks.map((b) => (b.kind === 'table' ? { ...b, rows: (parts[next++] ?? []) as CellValue[][] } : b));
    return [{ ...spec, blocks }];
  }
  return args;
}

/** A read sheet without its rows, which follow separately. */
export type SheetHead = Omit<SheetData, 'rows'>;

/** Whether a message belongs to the bridge (the port may carry nothing else, but a stray message must not crash it). */
export function isRpcMessage(v: unknown): v is { rpc: string; id: number } {
  return typeof v === 'object' && v !== null && typeof (v as { rpc?: unknown }).rpc === 'string' && typeof (v as { id?: unknown }).id === 'number';
}
