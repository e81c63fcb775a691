/**
 * Ribbon commands tell the task pane what happened through a DOM event on the shared page (a shared runtime
 * loads both into one page). An event, not a shared module variable, so it works whichever bundle posts it.
 */
export const COMMAND_NAMES = ['normalize', 'findDuplicates', 'rfmAndTags', 'buildReport'] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

export type CommandNotice =
  | { command: CommandName; kind: 'pending' }
  | { command: CommandName; kind: 'failed'; reason: string };

export const NOTICE_EVENT = 'kehu:command-notice';

export function postNotice(notice: CommandNotice, target: EventTarget = globalThis): void {
  target.dispatchEvent(new CustomEvent<CommandNotice>(NOTICE_EVENT, { detail: notice }));
}

/** Calls `listener` for every notice posted; returns the function that stops listening. */
export function onNotice(listener: (notice: CommandNotice) => void, target: EventTarget = globalThis): () => void {
  const handler = (event: Event) => listener((event as CustomEvent<CommandNotice>).detail);
  target.addEventListener(NOTICE_EVENT, handler);
  return () => target.removeEventListener(NOTICE_EVENT, handler);
}
