import { createEngineClient, type EngineClient } from './engineClient';

/**
 * Starts the engine Worker. `new Worker(new URL(..., import.meta.url))` is the form webpack 5 recognises to emit
 * the worker as its own chunk. Only the webpack build compiles this file (ts-loader with module esnext); the
 * project-wide `tsc` runs with module commonjs, where import.meta is not allowed, hence the directive.
 */
export function startEngine(): EngineClient {
  const worker = new Worker(
    /* webpackChunkName: "engine-worker" */
    // @ts-ignore TS1343: import.meta is valid in the webpack build (module esnext), not under module commonjs.
    new URL('../worker/engine.worker.ts', import.meta.url),
    { name: 'kehu-engine' },
  );
  return createEngineClient(worker);
}
