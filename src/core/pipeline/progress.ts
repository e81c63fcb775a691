/** Progress and cancellation shared by every pipeline step. */
export interface ProgressEvent {
  stage: string;
  done: number;
  total: number;
  detail?: string;
}

export interface Progress {
  report?: (e: ProgressEvent) => void;
  signal?: AbortSignal;
}

export class CancelledError extends Error {
  constructor() {
    super('已取消 (cancelled)');
    this.name = 'CancelledError';
  }
}

export function checkCancelled(p: Progress | undefined): void {
  if (p?.signal?.aborted) throw new CancelledError();
}
