/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import { t, type Locale } from '../../i18n';
import { inProcessEngine } from '../../worker/in-process';
import { clientOf, excelBook, narrowPaneLayout, openStep, renderApp } from '../test-utils';

narrowPaneLayout();

describe.each<Locale>(['zh-CN', 'en-US'])('报告 in %s', (locale) => {
  async function open() {
    const { book, fake } = excelBook();
    const view = renderApp({ locale, engine: clientOf(), workbook: book });
    await screen.findByRole('button', { name: /^客户 · / });
    const panel = await openStep(view.user, locale, 'report');
    return { book, fake, panel, user: view.user };
  }

  it('lists the report sheets and charts, all chosen, and saves a change', async () => {
    const { book, panel, user } = await open();
    const sheets = within(within(panel).getByRole('group', { name: t(locale, 'report.sheets') })).getAllByRole('checkbox') as HTMLInputElement[];
    const charts = within(within(panel).getByRole('group', { name: t(locale, 'report.charts') })).getAllByRole('checkbox') as HTMLInputElement[];
    expect(sheets).toHaveLength(7);
    expect(charts).toHaveLength(6);
    expect([...sheets, ...charts].every((c) => c.checked)).toBe(true);
    await user.click(within(panel).getByRole('checkbox', { name: t(locale, 'report.sheet.cohorts') }));
    await waitFor(async () => expect((await inProcessEngine.loadSettings(book))?.report.sheets).toEqual(['quality', 'duplicates', 'segments', 'tags', 'funnel', 'crossTab']));
  });

  it('builds the report with the charts chosen', async () => {
    const { book, fake, panel, user } = await open();
    await user.click(within(panel).getByRole('checkbox', { name: t(locale, 'report.chart.abcPareto') }));
    await user.click(within(panel).getByRole('button', { name: t(locale, 'report.run') }));
    const pattern = new RegExp(t(locale, 'report.charts.count', { count: '(\\d+)' }));
    const line = await within(panel).findByText(pattern);
    const count = Number(line.textContent!.match(pattern)![1]);
    expect(count).toBeGreaterThan(0);

    // The one sheet the step says it wrote holds the charts.
    const written = (await book.listSheets()).map((s) => s.name).filter((name) => panel.textContent!.includes(t(locale, 'run.written', { items: name })));
    expect(written).toHaveLength(1);
    const sheet = written[0];
    const charts = fake.sheet(sheet).charts;
    expect(charts).toHaveLength(count);
    expect(charts.some((c) => /ABC|Pareto|帕累托/.test(c.title))).toBe(false);
  });
});
