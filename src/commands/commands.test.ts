/** @jest-environment jsdom */
import * as fs from 'fs';
import * as path from 'path';
import { registerCommands, runCommand, type ActionEvent, type OfficeForCommands } from './commands';
import { onNotice, type CommandNotice } from './notice';

function fakeOffice(showAsTaskpane: () => Promise<void> = () => Promise.resolve()) {
  const handlers = new Map<string, (event: ActionEvent) => unknown>();
  const office: OfficeForCommands = {
    actions: { associate: (name, handler) => void handlers.set(name, handler) },
    addin: { showAsTaskpane: jest.fn(showAsTaskpane) },
  };
  return { office, handlers };
}

function fakeEvent() {
  return { completed: jest.fn() };
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
});

describe('registerCommands', () => {
  it('associates exactly the FunctionNames the manifest uses', () => {
    const manifest = fs.readFileSync(path.join(__dirname, '..', '..', 'manifest.xml'), 'utf8');
    const inManifest = [...manifest.matchAll(/<FunctionName>([^<]+)<\/FunctionName>/g)].map((m) => m[1]).sort();
    const { office, handlers } = fakeOffice();
    registerCommands(office);
    expect([...handlers.keys()].sort()).toEqual(inManifest);
  });
});

describe('runCommand', () => {
  it('posts a notice, opens the task pane and completes the event once', async () => {
    const { office, handlers } = fakeOffice();
    registerCommands(office);
    const event = fakeEvent();
    await handlers.get('findDuplicates')!(event);
    expect(notices).toEqual([{ command: 'findDuplicates', kind: 'pending' }]);
    expect(office.addin!.showAsTaskpane).toHaveBeenCalledTimes(1);
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it('still completes the event when the task pane cannot open, and says why', async () => {
    const { office } = fakeOffice(() => Promise.reject(new Error('not supported')));
    const event = fakeEvent();
    await runCommand('normalize', event, office);
    expect(notices).toEqual([
      { command: 'normalize', kind: 'pending' },
      { command: 'normalize', kind: 'failed', reason: 'not supported' },
    ]);
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it('still completes the event when posting the notice throws', async () => {
    const dispatch = jest.spyOn(globalThis, 'dispatchEvent').mockImplementation(() => {
      throw new Error('no DOM');
    });
    const { office } = fakeOffice();
    const event = fakeEvent();
    await expect(runCommand('buildReport', event, office)).resolves.toBeUndefined();
    expect(dispatch).toHaveBeenCalled();
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it('works where Office has no addin API (no shared runtime): notice only, event completed', async () => {
    const event = fakeEvent();
    await runCommand('rfmAndTags', event, { actions: { associate: () => undefined } });
    expect(notices).toEqual([{ command: 'rfmAndTags', kind: 'pending' }]);
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it('does not let a throwing completed() escape', async () => {
    const event = { completed: jest.fn(() => { throw new Error('gone'); }) };
    await expect(runCommand('normalize', event, fakeOffice().office)).resolves.toBeUndefined();
  });
});
