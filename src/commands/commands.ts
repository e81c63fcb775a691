// Ribbon button handlers (the manifest's ExecuteFunction names). They run in the shared runtime, in the task
// pane's page. For now each one opens the task pane and leaves a notice there; later issues run the pipeline
// step with the settings saved in the workbook. Whatever happens, the event is completed, or Office keeps the
// button busy.
import { COMMAND_NAMES, postNotice, type CommandName } from './notice';

export interface ActionEvent {
  completed(options?: { allowEvent?: boolean }): void;
}

/** The part of Office.js the handlers use, so tests can hand in a fake. */
export interface OfficeForCommands {
  actions: { associate(name: string, handler: (event: ActionEvent) => unknown): void };
  addin?: { showAsTaskpane(): Promise<void> };
}

const reasonOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

export async function runCommand(name: CommandName, event: ActionEvent, office: OfficeForCommands): Promise<void> {
  try {
    postNotice({ command: name, kind: 'pending' });
    if (office.addin) await office.addin.showAsTaskpane();
  } catch (e) {
    console.error(`kehu: command ${name} failed`, e);
    try {
      postNotice({ command: name, kind: 'failed', reason: reasonOf(e) });
    } catch {
      // Nothing more to tell anyone; the event is still completed below.
    }
  } finally {
    try {
      event.completed();
    } catch (e) {
      console.error(`kehu: could not complete the ${name} event`, e);
    }
  }
}

/** Associates every ribbon function name with its handler. Returns the names associated. */
export function registerCommands(office: OfficeForCommands): CommandName[] {
  for (const name of COMMAND_NAMES) {
    office.actions.associate(name, (event) => runCommand(name, event, office));
  }
  return [...COMMAND_NAMES];
}

// Outside Office (tests, the browser preview) there is no Office.actions: nothing to register.
if (typeof Office !== 'undefined' && Office.actions) {
  try {
    registerCommands(Office as unknown as OfficeForCommands);
  } catch (e) {
    console.error('kehu: could not register the ribbon commands', e);
  }
}
