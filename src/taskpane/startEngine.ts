import type { Engine } from '../worker/engine-api';
import type { PingResult } from '../worker/protocol';
import { createEngineClient, type EngineClient, type WorkerLike } from './engineClient';

/**
 * The engine for the task pane: the Worker when it starts (it answers a ping), else the same steps in this thread,
 * loaded only then as a chunk of their own. `new Worker(new URL(..., import.meta.url))` is the form webpack 5
 * recognises to emit the worker as its own chunk. Only the webpack build compiles this file (ts-loader with module
 * esnext); the project-wide `tsc` runs with module commonjs, where import.meta is not allowed, hence the directive.
 */
export function startEngine(): EngineClient {
  return chooseEngine(spawnWorker, async () => (await import(/* webpackChunkName: "engine-inline" */ '../worker/in-process')).inProcessEngine);
}

function spawnWorker(): WorkerLike {
  if (typeof Worker === 'undefined') throw new Error('此环境不支持 Web Worker (no Web Worker here)');
  return new Worker(
    /* webpackChunkName: "engine-worker" */
    // @ts-ignore TS1343: import.meta is valid in the webpack build (module esnext), not under module commonjs.
    new URL('../worker/engine.worker.ts', import.meta.url),
    { name: 'kehu-engine' },
  );
}

/**
 * An EngineClient that starts with `spawn`'s Worker and falls back to `loadInline` when the Worker cannot be made
 * or does not answer its first ping. Every call waits for that choice.
 */
export function chooseEngine(spawn: () => WorkerLike, loadInline: () => Promise<Engine>, pingTimeoutMs?: number): EngineClient {
  let inline = false;
  const chosen: Promise<EngineClient> = (async () => {
    let client: EngineClient | undefined;
    try {
      client = createEngineClient(spawn, { pingTimeoutMs });
      await client.ping();
      return client;
    } catch (e) {
      console.warn('kehu: the engine Worker did not start; running the engine in the page', e);
      client?.dispose();
      inline = true;
      const engine = await loadInline();
      const ping = async (): Promise<PingResult> => ({ protocol: 0, receivedAt: Date.now(), inProcess: true });
      return { ...engine, ping, dispose: () => undefined };
    }
  })();
  const via =
    <K extends keyof Engine>(k: K) =>
    (...a: Parameters<Engine[K]>) =>
      chosen.then((c) => (c[k] as (...x: unknown[]) => unknown)(...a)) as ReturnType<Engine[K]>;
  return {
    ping: () => chosen.then((c) => c.ping()),
    detectSources: via('detectSources'),
    defaultSettings: via('defaultSettings'),
    loadSettings: via('loadSettings'),
    saveSettings: via('saveSettings'),
    cleanStep: via('cleanStep'),
    dedupStep: via('dedupStep'),
    analyzeStep: via('analyzeStep'),
    reportStep: via('reportStep'),
    dispose: () => void chosen.then((c) => !inline && c.dispose()),
  };
}
