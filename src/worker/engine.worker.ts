// The engine's Web Worker: runs the pipeline steps for the task pane (src/worker/host.ts), reaching the workbook
// through the RPC bridge, so Excel and the task pane stay responsive while a step runs.
import type { PortLike } from '../host/rpc';
import { serveEngine } from './host';
import { inProcessEngine } from './in-process';

// Typed structurally: the project's lib set has both DOM and WebWorker, where `self` is typed as a Window.
serveEngine(self as unknown as PortLike, inProcessEngine);
