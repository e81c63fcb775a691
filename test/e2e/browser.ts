/**
 * The end-to-end harness: builds the browser preview once, serves it on 127.0.0.1, and drives Debian's Chromium
 * through playwright-core (no browser download: playwright-core only speaks the protocol).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { BrowserContext, Page } from 'playwright-core';
import { REPO_ROOT } from '../helpers/cli';

export const CHROMIUM = process.env.KEHU_CHROMIUM || '/usr/bin/chromium';
export const chromiumPresent = fs.existsSync(CHROMIUM);
export const NO_CHROMIUM = `Chromium is not at ${CHROMIUM} (apt-get install -y --no-install-recommends chromium, or set KEHU_CHROMIUM)`;

/** Screenshots of each step land here (gitignored), for a person to look at after a run. */
export const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts', 'e2e');

const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

interface StartModule {
  build(opts: { mode?: 'development' | 'production'; outDir?: string; devtool?: false | string }): Promise<number>;
  serve(dir: string, opts: { host?: string; port?: number }): Promise<{ url: string; close(): Promise<void> }>;
}
// scripts/start.js is plain Node (it runs before any build); typed here by what the tests use.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const start = require('../../scripts/start.js') as StartModule;

export interface Served {
  url: string;
  buildSeconds: number;
  close(): Promise<void>;
}

/** A development build (no source maps: nobody reads them here) into a temporary folder, served on a free port. */
export async function buildAndServe(): Promise<Served> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehu-e2e-dist-'));
  const buildSeconds = await start.build({ mode: 'development', outDir: dir, devtool: false });
  const server = await start.serve(dir, { host: '127.0.0.1', port: 0 });
  return {
    url: server.url,
    buildSeconds,
    close: async () => {
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  downloads: string;
  /** What the page logged as errors (uncaught exceptions and console.error). */
  errors: string[];
  close(): Promise<void>;
}

/** Chromium with a fresh profile; the page's errors are collected so a test can show them. */
export async function launch(locale = 'zh-CN'): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'kehu-e2e-profile-'));
  const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'kehu-e2e-downloads-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    locale,
    viewport: { width: 1366, height: 800 },
    acceptDownloads: true,
    downloadsPath: downloads,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
  });
  return {
    context,
    page,
    downloads,
    errors,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
      fs.rmSync(downloads, { recursive: true, force: true });
    },
  };
}

/** Empties the screenshot folder, so what it holds is from the last run only. */
export function clearArtifacts(): void {
  fs.rmSync(ARTIFACTS, { recursive: true, force: true });
}

/** Saves a screenshot as test-artifacts/e2e/<name>.png; returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
