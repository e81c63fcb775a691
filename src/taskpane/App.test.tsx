/** @jest-environment jsdom */
import { act, screen, within } from '@testing-library/react';
import { postNotice } from '../commands/notice';
import { messages, t, type Locale } from '../i18n';
import { App } from './App';
import type { EngineClient } from './engineClient';
import { STEPS } from './steps';
import { clientOf, narrowPaneLayout, renderApp as render } from './test-utils';
import type { Engine } from '../worker/engine-api';

/** An engine that is never asked anything in these tests: the shell runs without a workbook. */
function stubEngine(): Engine {
  const never = () => Promise.reject(new Error('not used'));
  return { detectSources: never, defaultSettings: never, loadSettings: never, saveSettings: never, cleanStep: never, dedupStep: never, analyzeStep: never, reportStep: never };
}

narrowPaneLayout();

const readyEngine = (): EngineClient => clientOf(stubEngine());

function renderApp(locale: Locale = 'zh-CN', engine?: EngineClient, inOffice = true) {
  return render({ locale, engine, inOffice }).user;
}

const tabNames = (locale: Locale) => STEPS.map((s) => t(locale, s.title));
const panel = () => screen.getByRole('tabpanel');
/** The tabs, in order, have these accessible names (Fluent keeps a hidden bold copy of each label, so not textContent). */
const expectTabs = (names: string[]) => expect(screen.getAllByRole('tab')).toEqual(names.map((name) => screen.getByRole('tab', { name })));

describe.each<[Locale, string[]]>([
  ['zh-CN', ['数据源', '清洗', '去重', '分析', '报告']],
  ['en-US', ['Sources', 'Clean', 'Dedup', 'Analyze', 'Report']],
])('in %s', (locale, expectedTabs) => {
  it('shows the five steps as tabs, the first selected', async () => {
    renderApp(locale, readyEngine());
    const tabs = within(screen.getByRole('tablist', { name: t(locale, 'app.steps') })).getAllByRole('tab');
    expect(tabs).toEqual(expectedTabs.map((name) => screen.getByRole('tab', { name })));
    expect(tabs[0].getAttribute('aria-selected')).toBe('true');
    expect(await screen.findByText(t(locale, 'engine.ready'))).toBeTruthy();
  });

  it("renders every step's description in that language, and says politely that there is no workbook", async () => {
    const user = renderApp(locale, readyEngine());
    for (const step of STEPS) {
      await user.click(screen.getByRole('tab', { name: t(locale, step.title) }));
      expect(await within(panel()).findByRole('heading', { name: t(locale, step.title) })).toBeTruthy();
      expect(panel().textContent).toContain(t(locale, `step.${step.id}.intro`));
      expect(panel().textContent).toContain(t(locale, 'app.noWorkbook'));
      expect(within(panel()).queryByRole('button')).toBeNull();
      expect(panel().getAttribute('aria-labelledby')).toBe(screen.getByRole('tab', { name: t(locale, step.title) }).id);
    }
  });
});

describe('switching steps', () => {
  it('by click', async () => {
    const user = renderApp('en-US');
    await user.click(screen.getByRole('tab', { name: 'Dedup' }));
    expect(screen.getByRole('tab', { name: 'Dedup' }).getAttribute('aria-selected')).toBe('true');
    await within(panel()).findByRole('heading', { name: 'Dedup' });
    expect(screen.getByRole('tab', { name: 'Sources' }).getAttribute('aria-selected')).toBe('false');
    expect(panel().textContent).toContain(messages['step.dedup.intro'].en);
  });

  it('by keyboard: arrow keys move along the tab list and select', async () => {
    const user = renderApp('zh-CN');
    // Tabster decides Tab-key order from layout, which jsdom does not have, so focus lands on the tab directly.
    const first = screen.getByRole('tab', { name: '数据源' });
    expect(first.tagName).toBe('BUTTON'); // natively focusable
    act(() => first.focus());

    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: '清洗' }));
    expect(screen.getByRole('tab', { name: '清洗' }).getAttribute('aria-selected')).toBe('true');
    expect(await within(panel()).findByText(messages['step.clean.intro'].zh)).toBeTruthy();

    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(screen.getByRole('tab', { name: '分析' }).getAttribute('aria-selected')).toBe('true');

    await user.keyboard('{ArrowLeft}');
    expect(screen.getByRole('tab', { name: '去重' }).getAttribute('aria-selected')).toBe('true');
    expect(await within(panel()).findByText(messages['step.dedup.intro'].zh)).toBeTruthy();
  });
});

describe('language switch', () => {
  it('changes every label and keeps the current step', async () => {
    const user = renderApp('zh-CN');
    await user.click(screen.getByRole('tab', { name: '报告' }));
    await within(panel()).findByRole('heading', { name: '报告' });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('客户数据');

    await user.selectOptions(screen.getByRole('combobox', { name: '语言' }), 'en-US');

    expectTabs(tabNames('en-US'));
    expect(screen.getByRole('tab', { name: 'Report' }).getAttribute('aria-selected')).toBe('true');
    expect(panel().textContent).toContain(messages['step.report.intro'].en);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('Customer data');
    expect((screen.getByRole('combobox', { name: 'Language' }) as HTMLSelectElement).value).toBe('en-US');
    expect(document.documentElement.lang).toBe('en-US');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'zh-CN');
    expectTabs(tabNames('zh-CN'));
  });
});

describe('around the steps', () => {
  it('says when it runs outside Excel', () => {
    renderApp('en-US', undefined, false);
    expect(screen.getByText(messages['app.preview'].en)).toBeTruthy();
  });

  it('says when the engine cannot start', async () => {
    renderApp('zh-CN', { ...readyEngine(), ping: () => Promise.reject(new Error('Worker blocked')) });
    expect((await screen.findByText('计算引擎无法启动：Worker blocked')).getAttribute('role')).toBe('status');
  });

  it('says when the engine runs in the page because no Worker started', async () => {
    renderApp('en-US', { ...readyEngine(), ping: async () => ({ protocol: 0, receivedAt: 0, inProcess: true }) });
    expect(await screen.findByText(messages['engine.inProcess'].en)).toBeTruthy();
  });

  it('shows each kind of ribbon command notice in the current language, and dismisses it', async () => {
    const user = renderApp('en-US');
    act(() => postNotice({ command: 'findDuplicates', kind: 'running' }));
    const text = 'Running “Find duplicates”…';
    expect(screen.getByText(text)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText(text)).toBeNull();

    act(() => postNotice({ command: 'buildReport', kind: 'failed', reason: 'no sheet' }));
    expect(screen.getByText('“Build report” did not finish: no sheet')).toBeTruthy();
    act(() => postNotice({ command: 'rfmAndTags', kind: 'done', message: '5 customers' }));
    expect(screen.getByText('“RFM & tags” finished: 5 customers')).toBeTruthy();
    act(() => postNotice({ command: 'normalize', kind: 'needsSetup' }));
    expect(screen.getByText(t('en-US', 'command.needsSetup', { command: 'Normalize' }))).toBeTruthy();
  });

  it('shows a notice a ribbon button posted while the pane was still starting', () => {
    postNotice({ command: 'normalize', kind: 'needsSetup' });
    renderApp('zh-CN');
    expect(screen.getByText(t('zh-CN', 'command.needsSetup', { command: '规范化' }))).toBeTruthy();
  });
});
