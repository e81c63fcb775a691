// Ribbon button handlers (the manifest's ExecuteFunction names). They run in the shared runtime, in the task
// pane's page. Each runs its pipeline step with the settings saved in the workbook, through the same engine as the
// task pane (which hands it over with provideCommandHost once it has started); without saved settings it opens
// the task pane to make them. What happened is posted as a notice the task pane shows. Whatever happens, the
// event is completed, or Office keeps the button busy.
import type { Workbook } from '../host/workbook';
import type { Engine } from '../worker/engine-api';
import { COMMAND_NAMES, postNotice, type CommandName } from './notice';

export interface ActionEvent {
  completed(options?: { allowEvent?: boolean }): void;
}

/** The part of Office.js the handlers use, so tests can hand in a fake. */
export interface OfficeForCommands {
  actions: { associate(name: string, handler: (event: ActionEvent) => unknown): void };
  addin?: { showAsTaskpane(): Promise<void> };
}

/** What a command runs with: the engine and the open workbook. */
export interface CommandHost {
  engine: Pick<Engine, 'loadSettings' | 'cleanStep' | 'dedupStep' | 'analyzeStep' | 'reportStep'>;
  workbook: Workbook;
}

/** Each button's step. */
export const COMMAND_STEP = {
  normalize: 'cleanStep',
  findDuplicates: 'dedupStep',
  rfmAndTags: 'analyzeStep',
  buildReport: 'reportStep',
} as const satisfies Record<CommandName, keyof Engine>;

/** How long a button waits for the task pane's page to hand over the engine. */
export const HOST_WAIT_MS = 20_000;

const reasonOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

let provide: (host: CommandHost) => void = () => undefined;
let hostReady = new Promise<CommandHost>((resolve) => {
  provide = resolve;
});

/** Called by the task pane once its engine and workbook exist. */
export function provideCommandHost(host: CommandHost): void {
  provide(host);
}

/** For tests: forget the host handed over. */
export function resetCommandHost(): void {
  hostReady = new Promise<CommandHost>((resolve) => {
    provide = resolve;
  });
}

function waitForHost(timeoutMs: number): Promise<CommandHost> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('加载项仍在启动，请稍后再试 (the add-in is still starting; try again in a moment)')), timeoutMs);
  });
  return Promise.race([hostReady, timeout]).finally(() => clearTimeout(timer));
}

async function showPane(office: OfficeForCommands): Promise<void> {
  if (office.addin) await office.addin.showAsTaskpane();
}

export async function runCommand(
  name: CommandName,
  event: ActionEvent,
  office: OfficeForCommands,
  host: CommandHost | Promise<CommandHost> = waitForHost(HOST_WAIT_MS),
): Promise<void> {
  try {
    postNotice({ command: name, kind: 'running' });
    const { engine, workbook } = await host;
    const settings = await engine.loadSettings(workbook);
    if (!settings) {
      postNotice({ command: name, kind: 'needsSetup' });
      await showPane(office);
      return;
    }
    const result = await engine[COMMAND_STEP[name]](workbook, settings);
    postNotice({ command: name, kind: 'done', message: result.message });
  } catch (e) {
    console.error(`kehu: command ${name} failed`, e);
    try {
      postNotice({ command: name, kind: 'failed', reason: reasonOf(e) });
      await showPane(office);
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
