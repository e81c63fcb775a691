/**
 * For tests: a MessageChannel whose messages stay in this JavaScript realm. Node's MessageChannel clones into
 * node's own realm, so under jest a Date that crosses it fails `instanceof Date` (jest's sandbox has its own
 * Date), which a browser never does. Messages are copied (Dates, arrays, plain objects; ports pass as they are)
 * and delivered asynchronously, in order, as a port does.
 */
import type { PortLike } from '../host/rpc';

type Listener = (event: { data: unknown }) => void;

export class TestPort implements PortLike {
  other!: TestPort;
  private listeners: Listener[] = [];
  closed = false;
  posted = 0;

  postMessage(message: unknown): void {
    if (this.closed) return;
    this.posted++;
    const copy = cloneInRealm(message);
    const target = this.other;
    setTimeout(() => {
      if (target.closed) return;
      for (const l of [...target.listeners]) l({ data: copy });
    }, 0);
  }

  addEventListener(_type: 'message', listener: Listener): void {
    this.listeners.push(listener);
  }

  removeEventListener(_type: 'message', listener: Listener): void {
    this.listeners = this.listeners.filter((l) => l !== listener);
  }

  close(): void {
    this.closed = true;
    this.listeners = [];
  }
}

export function testChannel(): { port1: TestPort; port2: TestPort } {
  const port1 = new TestPort();
  const port2 = new TestPort();
  port1.other = port2;
  port2.other = port1;
  return { port1, port2 };
}

function cloneInRealm(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (v instanceof TestPort) return v;
  if (Object.prototype.toString.call(v) === '[object Date]') return new Date((v as Date).getTime());
  if (Array.isArray(v)) return v.map(cloneInRealm);
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = cloneInRealm(x);
  return out;
}
