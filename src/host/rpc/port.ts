/**
 * The part of a MessagePort the bridges use. A browser MessagePort, a Worker's global scope, a Worker object and
 * node's worker_threads MessagePort all fit, so the same code runs in Excel and in jest.
 */
export interface PortLike {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  removeEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  /** A MessagePort listened to with addEventListener delivers nothing until started. */
  start?(): void;
  close?(): void;
}

/** An error as it crosses a port: structured clone keeps neither the class nor Office's `code`, so both are spelt out. */
export interface WireError {
  message: string;
  name: string;
  code?: string;
}

export function toWireError(e: unknown): WireError {
  if (e instanceof Error || (typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string')) {
    const err = e as { message: string; name?: unknown; code?: unknown };
    const wire: WireError = { message: err.message, name: typeof err.name === 'string' ? err.name : 'Error' };
    if (typeof err.code === 'string') wire.code = err.code;
    return wire;
  }
  return { message: String(e), name: 'Error' };
}

/** An error that came across a port, keeping the message, name and code it had on the other side. */
export class RemoteError extends Error {
  readonly code?: string;
  constructor(wire: WireError) {
    super(wire.message);
    this.name = wire.name;
    if (wire.code !== undefined) this.code = wire.code;
  }
}

/** Cells per message: big enough that messaging costs little, small enough that no single clone blocks for long. */
export const CHUNK_CELLS = 20_000;

/** Splits `items` into chunks of about CHUNK_CELLS cells (an item that is an array counts as its length). */
export function chunksOf<T>(items: readonly T[], cells = CHUNK_CELLS): T[][] {
  if (items.length === 0) return [];
  const first = items[0];
  const width = Array.isArray(first) ? Math.max(1, first.length) : 1;
  const size = Math.max(1, Math.floor(cells / width));
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Appends without spreading, which would overflow the call stack for very long arrays. */
export function appendAll<T>(target: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) target.push(items[i]);
}
