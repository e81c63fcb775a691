/**
 * Messages between the task pane and the engine Worker. Every request carries an id; the answers carry the same
 * id, so several requests can be in flight. A `call` runs one Engine method; when the method works on a workbook,
 * the request brings a MessagePort on which the task pane serves that workbook (src/host/rpc), and progress
 * messages may come before the final answer. `cancel` asks the call with the same id to stop.
 */
import type { ProgressEvent } from '../core/pipeline/progress';
import type { EngineMethod } from './engine-api';

export const ENGINE_PROTOCOL_VERSION = 2;

export type PingRequest = { id: number; type: 'ping' };
export type CallRequest = {
  id: number;
  type: 'call';
  method: EngineMethod;
  /** The method's arguments without the workbook and the session. */
  args: unknown[];
  /** The workbook, served over this port (transferred with the message). */
  port?: MessagePort;
  /** Whether the served workbook can add charts. */
  addChart?: boolean;
};
export type CancelRequest = { id: number; type: 'cancel' };
export type EngineRequest = PingRequest | CallRequest | CancelRequest;

/** `inProcess`: no Worker could start, the steps run in the task pane's own thread. */
export type PingResult = { protocol: number; receivedAt: number; inProcess?: boolean };

export type EngineFailure = { id: number; ok: false; error: string; name?: string; code?: string };

export type EngineResponse =
  | { id: number; ok: true; type: 'ping'; result: PingResult }
  | { id: number; ok: true; type: 'call'; result: unknown }
  | EngineFailure;

/** Sent while a call runs; not an answer. */
export type EngineProgress = { id: number; type: 'progress'; event: ProgressEvent };

export type EngineMessage = EngineResponse | EngineProgress;

export function isRequest(value: unknown): value is EngineRequest {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.id === 'number' && typeof v.type === 'string';
}

/** Answers a ping, an unknown or a malformed request. Never throws: anything unexpected becomes an `ok: false` answer. */
export function handleEngineRequest(message: unknown, now: () => number = Date.now): EngineResponse {
  if (!isRequest(message)) return { id: -1, ok: false, error: 'malformed request' };
  try {
    switch (message.type) {
      case 'ping':
        return { id: message.id, ok: true, type: 'ping', result: { protocol: ENGINE_PROTOCOL_VERSION, receivedAt: now() } };
      default:
        return { id: message.id, ok: false, error: `unknown request type "${String((message as { type: unknown }).type)}"` };
    }
  } catch (e) {
    return { id: message.id, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
