/**
 * Messages between the task pane and the engine Worker. Every request carries an id; the answer carries the same
 * id, so several requests can be in flight. Later issues add request types for the pipeline steps.
 */
export const ENGINE_PROTOCOL_VERSION = 1;

export type EngineRequest = { id: number; type: 'ping' };

export type PingResult = { protocol: number; receivedAt: number };

export type EngineResponse =
  | { id: number; ok: true; type: 'ping'; result: PingResult }
  | { id: number; ok: false; error: string };

function isRequest(value: unknown): value is EngineRequest {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.id === 'number' && typeof v.type === 'string';
}

/** Answers one request. Never throws: anything unexpected becomes an `ok: false` answer. */
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
