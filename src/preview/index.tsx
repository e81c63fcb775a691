// The browser preview's entry (preview.html): the real task pane beside a workbook opened from a file, for people
// without Excel. Office.js is not loaded: this page never runs inside Office.
import { createRoot } from 'react-dom/client';
import { localeFromLanguage, type Locale } from '../i18n';
import { startEngine } from '../taskpane/startEngine';
import { Preview } from './Preview';

/** `?lang=en-US` wins; otherwise the browser's language stands in for Office's display language. */
function pageLocale(): Locale {
  const asked = new URLSearchParams(location.search).get('lang');
  return localeFromLanguage(asked ?? navigator.languages?.[0] ?? navigator.language);
}

const root = document.getElementById('root');
if (!root) throw new Error('preview.html has no #root element');
const noSample = new URLSearchParams(location.search).get('sample') === '0';
createRoot(root).render(
  <Preview
    initialLocale={pageLocale()}
    engine={startEngine()}
    sample={noSample ? undefined : { url: 'sample-crm.xlsx', name: 'sample-crm.xlsx' }}
  />,
);
