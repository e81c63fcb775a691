/** @jest-environment jsdom */
import * as fs from 'fs';
import * as path from 'path';
import type { PipelineSettings } from '../core/pipeline/types';
import type { Workbook } from '../host/workbook';
import {
  COMMAND_STEP,
  provideCommandHost,
  registerCommands,
  resetCommandHost,
  runCommand,
  type ActionEvent,
  type CommandHost,
  type OfficeForCommands,
} from './commands';
import { onNotice, type CommandNotice } from './notice';

function fakeOffice(showAsTaskpane: () => Promise<void> = () => Promise.resolve()) {
  const handlers = new Map<string, (event: ActionEvent) => unknown>();
  const office: OfficeForCommands = {
    actions: { associate: (name, handler) => void handlers.set(name, handler) },
    addin: { showAsTaskpane: jest.fn(showAsTaskpane) },
  };
  return { office, handlers };
}

const fakeEvent = () => ({ completed: jest.fn() });
const book = { name: 'the workbook' } as unknown as Workbook;
const saved = { version: 1, locale: 'zh-CN' } as PipelineSettings;

/** An engine that records which step ran with which workbook and settings. */
function fakeHost(settings: PipelineSettings | null = saved, fail?: Error) {
  const ran: [string, unknown, unknown][] = [];
  const step = (name: string) =>
    jest.fn(async (b: Workbook, s: PipelineSettings) => {
      ran.push([name, b, s]);
      if (fail) throw fail;
      return { message: `${name} 完成`, sheets: [], columns: [], charts: 0, durationMs: 1 } as never;
    });
  const host: CommandHost = {
    workbook: book,
    engine: {
      loadSettings: jest.fn(async () => settings),
      cleanStep: step('cleanStep'),
      dedupStep: step('dedupStep'),
      analyzeStep: step('analyzeStep'),
      reportStep: step('reportStep'),
    },
  };
  return { host, ran };
}

let notices: CommandNotice[];
let stop: () => void;
beforeEach(() => {
  notices = [];
  stop = onNotice((n) => notices.push(n));
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  stop();
  jest.restoreAllMocks();
  resetCommandHost();
});

describe('registerCommands', () => {
  it('associates exactly the FunctionNames the manifest uses', () => {
    const manifest = fs.readFileSync(path.join(__dirname, '..', '..', 'manifest.xml'), 'utf8');
    const inManifest = [...manifest.matchAll(/<FunctionName>([^<]+)<\/FunctionName>/g)].map((m) => m[1]).sort();
    const { office, handlers } = fakeOffice();
    registerCommands(office);
    expect([...handlers.keys()].sort()).toEqual(inManifest);
  });

  it('runs the step with the engine the task pane hands over later', async () => {
    const { office, handlers } = fakeOffice();
    registerCommands(office);
    const event = fakeEvent();
    const running = handlers.get('buildReport')!(event);
    const { host, ran } = fakeHost();
    provideCommandHost(host);
    await running;
    expect(ran).toEqual([['reportStep', book, saved]]);
    expect(notices).toEqual([
      { command: 'buildReport', kind: 'running' },
      { command: 'buildReport', kind: 'done', message: 'reportStep 完成' },
    ]);
    expect(event.completed).toHaveBeenCalledTimes(1);
  });
});

describe('runCommand', () => {
  it.each(Object.entries(COMMAND_STEP))('%s runs %s with the saved settings, and says it is done', async (command, step) => {
    const { office } = fakeOffice();
    const { host, ran } = fakeHost();
    const event = fakeEvent();
    await runCommand(command as keyof typeof COMMAND_STEP, event, office, host);
    expect(ran).toEqual([[step, book, saved]]);
    expect(notices.at(-1)).toEqual({ command, kind: 'done', message: `${step} 完成` });
    expect(office.addin!.showAsTaskpane).not.toHaveBeenCalled();
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it('opens the task pane with a notice when the workbook has no saved settings, and runs nothing', async () => {
    const { office } = fakeOffice();
    const { host, ran } = fakeHost(null);
    const event = fakeEvent();
    await runCommand('findDuplicates', event, office, host);
    expect(ran).toEqual([]);
    expect(notices).toEqual([
      { command: 'findDuplicates', kind: 'running' },
      { command: 'findDuplicates', kind: 'needsSetup' },
    ]);
    expect(office.addin!.showAsTaskpane).toHaveBeenCalledTimes(1);
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it('says why a step failed, opens the pane, and still completes the event', async () => {
    const { office } = fakeOffice();
    const { host } = fakeHost(saved, new Error('没有订单工作表'));
    const event = fakeEvent();
    await runCommand('rfmAndTags', event, office, host);
    expect(notices.at(-1)).toEqual({ command: 'rfmAndTags', kind: 'failed', reason: '没有订单工作表' });
    expect(office.addin!.showAsTaskpane).toHaveBeenCalledTimes(1);
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it('still completes the event when the task pane cannot open, and says why', async () => {
    const { office } = fakeOffice(() => Promise.reject(new Error('not supported')));
    const event = fakeEvent();
    await runCommand('normalize', event, office, fakeHost(null).host);
    expect(notices).toEqual([
      { command: 'normalize', kind: 'running' },
      { command: 'normalize', kind: 'needsSetup' },
      { command: 'normalize', kind: 'failed', reason: 'not supported' },
    ]);
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it('fails in plain words when the engine never arrives', async () => {
    const event = fakeEvent();
    await runCommand('normalize', event, fakeOffice().office, Promise.reject(new Error('加载项仍在启动')));
    expect(notices.at(-1)).toEqual({ command: 'normalize', kind: 'failed', reason: '加载项仍在启动' });
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it('still completes the event when posting the notice throws', async () => {
    const dispatch = jest.spyOn(globalThis, 'dispatchEvent').mockImplementation(() => {
      throw new Error('no DOM');
    });
    const event = fakeEvent();
    await expect(runCommand('buildReport', event, fakeOffice().office, fakeHost().host)).resolves.toBeUndefined();
    expect(dispatch).toHaveBeenCalled();
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it('works where Office has no addin API (no shared runtime): notice only, event completed', async () => {
    const event = fakeEvent();
    await runCommand('rfmAndTags', event, { actions: { associate: () => undefined } }, fakeHost(null).host);
    expect(notices.at(-1)).toEqual({ command: 'rfmAndTags', kind: 'needsSetup' });
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it('does not let a throwing completed() escape', async () => {
    const event = { completed: jest.fn(() => { throw new Error('gone'); }) };
    await expect(runCommand('normalize', event, fakeOffice().office, fakeHost().host)).resolves.toBeUndefined();
  });
});
