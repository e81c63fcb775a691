/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { t, type Locale } from '../../i18n';
import { inProcessEngine } from '../../worker/in-process';
import { clientOf, excelBook, narrowPaneLayout, openStep, renderApp } from '../test-utils';

narrowPaneLayout();

describe.each<[Locale, { phoneSame: string; sheet: string }]>([
  ['zh-CN', { phoneSame: '联系电话 相同', sheet: '重复客户' }],
  ['en-US', { phoneSame: 'Phone', sheet: '重复客户' }],
])('去重 in %s', (locale, words) => {
  async function open() {
    const { book, fake } = excelBook();
    const view = renderApp({ locale, engine: clientOf(), workbook: book });
    await screen.findByRole('button', { name: /^客户 · / });
    const panel = await openStep(view.user, locale, 'dedup');
    return { book, fake, panel, user: view.user };
  }

  it('saves the threshold the slider sets', async () => {
    const { book, panel } = await open();
    const slider = within(panel).getByRole('slider', { name: t(locale, 'dedup.threshold') }) as HTMLInputElement;
    expect(slider.value).toBe('90');
    fireEvent.change(slider, { target: { value: '75' } });
    expect(panel.textContent).toContain(t(locale, 'dedup.thresholdValue', { pct: '75%' }));
    await waitFor(async () => expect((await inProcessEngine.loadSettings(book))?.dedup.threshold).toBe(0.75));
  });

  it('shows the groups with the reason for each link, and merges again without a rejected group', async () => {
    const { book, panel, user } = await open();
    await user.click(within(panel).getByRole('button', { name: t(locale, 'dedup.run') }));
    expect(await within(panel).findByRole('heading', { name: t(locale, 'dedup.groups', { count: 2 }) })).toBeTruthy();
    const summary = t(locale, 'dedup.summary', { rows: 7, customers: 5, pairs: '#' }).split('#')[0];
    expect(panel.textContent).toContain(summary);

    const first = within(panel).getByRole('listitem', { name: t(locale, 'dedup.group', { n: 1, count: 2 }) });
    expect(first.textContent).toContain(`${t(locale, 'dedup.row', { sheet: '客户', row: 2 })} · 王芳`);
    expect(first.textContent).toContain(words.phoneSame);
    expect(first.textContent).toContain(t(locale, 'dedup.golden'));
    const second = within(panel).getByRole('listitem', { name: t(locale, 'dedup.group', { n: 2, count: 2 }) });
    expect(second.textContent).toContain('李强');
    expect((await book.listSheets()).map((s) => s.name)).toContain(words.sheet);

    await user.click(within(second).getByRole('radio', { name: t(locale, 'dedup.notSame') }));
    expect(second.textContent).toContain(t(locale, 'dedup.rejected'));
    expect(panel.textContent).toContain(t(locale, 'dedup.changed'));
    await waitFor(async () => expect((await inProcessEngine.loadSettings(book))?.dedup.rejectedGroups).toEqual(['客户!3|客户!7']));

    await user.click(within(panel).getByRole('button', { name: t(locale, 'dedup.apply') }));
    const after = t(locale, 'dedup.summary', { rows: 7, customers: 6, pairs: '#' }).split('#')[0];
    await waitFor(() => expect(panel.textContent).toContain(after));
    expect(panel.textContent).not.toContain(t(locale, 'dedup.changed'));
    expect(within(panel).getByRole('button', { name: t(locale, 'dedup.run') })).toBeTruthy();
    const again = within(panel).getByRole('listitem', { name: t(locale, 'dedup.group', { n: 2, count: 2 }) });
    expect((within(again).getByRole('radio', { name: t(locale, 'dedup.notSame') }) as HTMLInputElement).checked).toBe(true);
  });
});
