// The engine's Web Worker: the task pane posts EngineRequests, this answers each with an EngineResponse.
// Heavy pipeline steps run here so the task pane never freezes.
import { handleEngineRequest, type EngineResponse } from './protocol';

// Typed structurally: the project's lib set has both DOM and WebWorker, where `self` is typed as a Window.
const scope = self as unknown as {
  onmessage: ((event: { data: unknown }) => void) | null;
  postMessage(message: EngineResponse): void;
};

scope.onmessage = (event) => {
  scope.postMessage(handleEngineRequest(event.data));
};
