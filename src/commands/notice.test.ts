/** @jest-environment jsdom */
import { onNotice, postNotice, type CommandNotice } from './notice';

describe('notices between ribbon commands and the task pane', () => {
  it('delivers each notice to every listener, and none after it stops listening', () => {
    const a: CommandNotice[] = [];
    const b: CommandNotice[] = [];
    const stopA = onNotice((n) => a.push(n));
    const stopB = onNotice((n) => b.push(n));
    postNotice({ command: 'normalize', kind: 'running' });
    stopA();
    postNotice({ command: 'buildReport', kind: 'failed', reason: 'x' });
    stopB();
    expect(a).toEqual([{ command: 'normalize', kind: 'running' }]);
    expect(b).toEqual([
      { command: 'normalize', kind: 'running' },
      { command: 'buildReport', kind: 'failed', reason: 'x' },
    ]);
  });

  it('keeps the latest notice posted while nobody listens for the first listener only', () => {
    postNotice({ command: 'normalize', kind: 'running' });
    postNotice({ command: 'findDuplicates', kind: 'running' }); // the task pane is still starting
    const first: CommandNotice[] = [];
    const stop = onNotice((n) => first.push(n));
    expect(first).toEqual([{ command: 'findDuplicates', kind: 'running' }]);

    const second: CommandNotice[] = [];
    const stop2 = onNotice((n) => second.push(n));
    expect(second).toEqual([]);
    stop();
    stop();
    stop2();
  });
});
