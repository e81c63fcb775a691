// Task pane entry. Office.onReady is awaited with a time limit, so the same page also runs in a plain browser.
import { createRoot } from 'react-dom/client';
import { localeFromLanguage } from '../i18n';
import { App } from './App';
import type { EngineClient } from './engineClient';
import { waitForOffice } from './office';
import { startEngine } from './startEngine';

function engineOrFailure(): EngineClient {
  try {
    return startEngine();
  } catch (e) {
    const error = e instanceof Error ? e : new Error(String(e));
    return { ping: () => Promise.reject(error), dispose: () => undefined };
  }
}

async function boot() {
  const office = await waitForOffice();
  const root = document.getElementById('root');
  if (!root) throw new Error('taskpane.html has no #root element');
  createRoot(root).render(
    <App initialLocale={localeFromLanguage(office.displayLanguage)} inOffice={office.inOffice} engine={engineOrFailure()} />,
  );
}

void boot();
