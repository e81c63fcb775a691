/**
 * Ribbon commands tell the task pane what happened through a DOM event on the shared page (a shared runtime
 * loads both into one page). A notice posted before the task pane listens (a button pressed while the page is
 * still starting) is kept and handed to the first listener.
 */
export const COMMAND_NAMES = ['normalize', 'findDuplicates', 'rfmAndTags', 'buildReport'] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

export type CommandNotice =
  | { command: CommandName; kind: 'running' }
  /** `message` is the step's own summary, in the language of the saved settings. */
  | { command: CommandName; kind: 'done'; message: string }
  /** No settings saved in the workbook yet: the task pane opens so the user can make them. */
  | { command: CommandName; kind: 'needsSetup' }
  | { command: CommandName; kind: 'failed'; reason: string };

export const NOTICE_EVENT = 'kehu:command-notice';

let listening = 0;
let undelivered: CommandNotice | undefined;

export function postNotice(notice: CommandNotice, target: EventTarget = globalThis): void {
  if (listening === 0) undelivered = notice;
  target.dispatchEvent(new CustomEvent<CommandNotice>(NOTICE_EVENT, { detail: notice }));
}

/**
 * Calls `listener` for every notice posted, first with the latest one nobody has heard yet, if any.
 * Returns the function that stops listening.
 */
export function onNotice(listener: (notice: CommandNotice) => void, target: EventTarget = globalThis): () => void {
  const handler = (event: Event) => listener((event as CustomEvent<CommandNotice>).detail);
  target.addEventListener(NOTICE_EVENT, handler);
  listening++;
  if (undelivered) {
    const notice = undelivered;
    undelivered = undefined;
    listener(notice);
  }
  let stopped = false;
  return () => {
    if (stopped) return;
    stopped = true;
    listening--;
    target.removeEventListener(NOTICE_EVENT, handler);
  };
}
