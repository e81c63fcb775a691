/**
 * Runs `kehu` for the acceptance tests: in-process through `main()` (fast: no compile, no node start-up) with
 * stdout/stderr captured, or as a child process of the compiled launcher `bin/kehu.js` for the one smoke test.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const SHARED_DATA = path.resolve(REPO_ROOT, '..', 'shared', 'data');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** What `main()` threw instead of returning an exit code (a crash in-process); also in `stderr`. */
  thrown?: unknown;
}

function text(chunk: unknown): string {
  return typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8');
}

/** `main(argv)` with process.stdout/stderr captured. A throw is reported in `thrown`, never re-raised. */
export async function runCli(argv: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const out = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => {
    stdout += text(chunk);
    return true;
  });
  const err = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => {
    stderr += text(chunk);
    return true;
  });
  try {
    const code = await main(argv);
    return { code, stdout, stderr };
  } catch (e) {
    // Said in stderr too, so a failed expectation on the run shows what was thrown.
    return { code: -1, stdout, stderr: `${stderr}[thrown] ${e instanceof Error ? e.stack : String(e)}`, thrown: e };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

export const LAUNCHER = path.join(REPO_ROOT, 'bin', 'kehu.js');
export const COMPILED_MAIN = path.join(REPO_ROOT, 'dist-node', 'src', 'cli', 'main.js');

/** `node bin/kehu.js argv` as a child process (needs the compiled CLI in dist-node). */
export function runCliProcess(argv: string[], timeoutMs = 120_000): CliRun {
  const r = spawnSync(process.execPath, [LAUNCHER, ...argv], { cwd: REPO_ROOT, encoding: 'utf8', timeout: timeoutMs });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temporary folder, removed by the returned cleanup. */
export function tempDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `kehu-${prefix}-`));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/**
 * `it` when `ready` is true; otherwise a test that says why it is skipped, or, under CI, fails with that reason:
 * CI installs everything the acceptance tests need (see .ci/run), so a missing prerequisite there is a real failure.
 */
export function itWhen(ready: boolean, why: string): jest.It {
  if (ready) return it;
  if (process.env.CI) {
    return ((name: string) =>
      it(name, () => {
        throw new Error(`CI: ${why}`);
      })) as unknown as jest.It;
  }
  return ((name: string, ...rest: unknown[]) => {
    // eslint-disable-next-line no-console
    console.warn(`skipped "${name}": ${why}`);
    return it.skip(name, ...(rest as [jest.ProvidesCallback?, number?]));
  }) as unknown as jest.It;
}
