// Task pane entry. Office.onReady is awaited with a time limit, so the same page also runs in a plain browser.
import { createRoot } from 'react-dom/client';
import { provideCommandHost } from '../commands/commands';
import { OfficeWorkbook } from '../host/office';
import { localeFromLanguage } from '../i18n';
import { App } from './App';
import { waitForOffice } from './office';
import { startEngine } from './startEngine';

async function boot() {
  const office = await waitForOffice();
  const root = document.getElementById('root');
  if (!root) throw new Error('taskpane.html has no #root element');
  const engine = startEngine();
  const workbook = office.inOffice ? new OfficeWorkbook() : undefined;
  // The ribbon buttons run in this same page (shared runtime) and use the same engine and workbook.
  if (workbook) provideCommandHost({ engine, workbook });
  createRoot(root).render(<App initialLocale={localeFromLanguage(office.displayLanguage)} inOffice={office.inOffice} engine={engine} workbook={workbook} />);
}

void boot();
