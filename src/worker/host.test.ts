import type { EngineMessage } from './protocol';
import { serveEngine } from './host';
import type { Engine } from './engine-api';
import { testChannel } from './test-channel';

function hostWith(engine: Partial<Engine>) {
  const ch = testChannel();
  const stop = serveEngine(ch.port2, engine as Engine, () => 42);
  const answers: EngineMessage[] = [];
  ch.port1.addEventListener('message', (e) => answers.push(e.data as EngineMessage));
  const next = () => new Promise<EngineMessage>((resolve) => {
    const seen = answers.length;
    const poll = () => (answers.length > seen ? resolve(answers[answers.length - 1]) : setTimeout(poll, 1));
    poll();
  });
  return { post: (m: unknown) => ch.port1.postMessage(m), next, done: () => (stop(), ch.port1.close(), ch.port2.close()) };
}

describe('serveEngine', () => {
  it('answers pings, malformed and unknown requests without running anything', async () => {
    const h = hostWith({});
    h.post({ id: 1, type: 'ping' });
    expect(await h.next()).toEqual({ id: 1, ok: true, type: 'ping', result: { protocol: 2, receivedAt: 42 } });
    h.post('hello');
    expect(await h.next()).toEqual({ id: -1, ok: false, error: 'malformed request' });
    h.post({ id: 2, type: 'call', method: 'formatDisk', args: [] });
    expect(await h.next()).toMatchObject({ id: 2, ok: false, error: 'unknown engine method "formatDisk"' });
    h.done();
  });

  it('runs defaultSettings without a workbook, and refuses a workbook method without one', async () => {
    const h = hostWith({ defaultSettings: async (d, locale) => ({ locale, n: d.length }) as never, cleanStep: async () => ({}) as never });
    h.post({ id: 3, type: 'call', method: 'defaultSettings', args: [[{}, {}], 'en-US'] });
    expect(await h.next()).toEqual({ id: 3, ok: true, type: 'call', result: { locale: 'en-US', n: 2 } });
    h.post({ id: 4, type: 'call', method: 'cleanStep', args: [{}] });
    expect(await h.next()).toMatchObject({ id: 4, ok: false, error: 'cleanStep needs a workbook' });
    h.done();
  });
});
