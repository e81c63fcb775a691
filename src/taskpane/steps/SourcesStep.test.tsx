/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import type { PipelineSettings } from '../../core/pipeline/types';
import { t, type Locale } from '../../i18n';
import { inProcessEngine } from '../../worker/in-process';
import { App } from '../App';
import { clientOf, excelBook, narrowPaneLayout, renderApp } from '../test-utils';

narrowPaneLayout();

const fieldSelect = (scope: HTMLElement, locale: Locale, header: string) =>
  within(scope).getByRole('combobox', { name: t(locale, 'sources.fieldFor', { header }) }) as HTMLSelectElement;
const selectedText = (select: HTMLSelectElement) => select.options[select.selectedIndex].text;

describe.each<[Locale, { customers: string; orders: string; phone: string; city: string; region: string }]>([
  ['zh-CN', { customers: '客户 · 客户主数据', orders: '订单 · 交易/订单记录', phone: '联系电话', city: '城市', region: '地区' }],
  ['en-US', { customers: '客户 · Customers', orders: '订单 · Orders', phone: 'Phone', city: 'City', region: 'Region' }],
])('数据源 in %s', (locale, words) => {
  it('lists every sheet with its detected role and each column with its field and confidence', async () => {
    const { book } = excelBook();
    renderApp({ locale, engine: clientOf(), workbook: book });
    const customers = await screen.findByRole('button', { name: words.customers });
    expect(screen.getByRole('button', { name: words.orders })).toBeTruthy();
    expect(customers.getAttribute('aria-expanded')).toBe('true');

    const panel = screen.getByRole('tabpanel');
    expect(panel.textContent).toContain(t(locale, 'sources.summary', { rows: 7, row: 1 }));
    const phone = fieldSelect(panel, locale, '手机号码');
    expect(phone.value).toBe('phone');
    expect(selectedText(phone)).toBe(words.phone);
    expect(panel.textContent).toContain(`${t(locale, 'sources.confidence', { pct: '100%' })} · 表头与「手机号码」一致`);
    expect(fieldSelect(panel, locale, '所在城市').value).toBe('city');
    const role = within(panel).getByRole('combobox', { name: `${t(locale, 'sources.role')} · 客户` }) as HTMLSelectElement;
    expect(role.value).toBe('master');
    expect(panel.textContent).toContain(t(locale, 'sources.unsaved'));
  });

  it('saves a corrected mapping and role in the workbook, and shows them as the user’s', async () => {
    const { book } = excelBook();
    const { user } = renderApp({ locale, engine: clientOf(), workbook: book });
    await screen.findByRole('button', { name: words.customers });
    const panel = screen.getByRole('tabpanel');

    await user.selectOptions(fieldSelect(panel, locale, '所在城市'), 'region');
    expect(selectedText(fieldSelect(panel, locale, '所在城市'))).toBe(words.region);
    expect(panel.textContent).toContain(t(locale, 'sources.byUser'));
    await user.selectOptions(fieldSelect(panel, locale, '电子邮箱'), '');

    await user.click(screen.getByRole('button', { name: words.orders }));
    await user.selectOptions(within(panel).getByRole('combobox', { name: `${t(locale, 'sources.role')} · 订单` }), 'ignore');
    expect(screen.getByRole('button', { name: `订单 · ${t(locale, 'role.ignore')}` })).toBeTruthy();

    let saved: PipelineSettings | null = null;
    await waitFor(async () => {
      saved = await inProcessEngine.loadSettings(book);
      expect(saved?.sources.find((s) => s.sheet === '订单')!.role).toBe('ignore');
    });
    if (!saved) throw new Error('not saved');
    expect((saved as PipelineSettings).sources.find((s) => s.sheet === '客户')!.mapping).toMatchObject({ 所在城市: 'region', 电子邮箱: null, 手机号码: 'phone' });
    expect(await screen.findByText(t(locale, 'sources.saved'))).toBeTruthy();
  });

  it('opens with the choices saved in the workbook', async () => {
    const { book } = excelBook();
    const detected = await inProcessEngine.detectSources(book);
    const settings = await inProcessEngine.defaultSettings(detected, locale);
    settings.sources[0].mapping['手机号码'] = null;
    settings.sources[1].role = 'behaviour';
    await inProcessEngine.saveSettings(book, settings);

    renderApp({ locale, engine: clientOf(), workbook: book });
    expect(await screen.findByRole('button', { name: `订单 · ${t(locale, 'role.behaviour')}` })).toBeTruthy();
    const panel = screen.getByRole('tabpanel');
    expect(fieldSelect(panel, locale, '手机号码').value).toBe('');
    expect(selectedText(fieldSelect(panel, locale, '手机号码'))).toBe(t(locale, 'sources.unmapped'));
    expect(panel.textContent).toContain(t(locale, 'sources.saved'));
  });
});

it('gives a mapped field to one column of a sheet only', async () => {
  const { book } = excelBook();
  const { user } = renderApp({ locale: 'zh-CN', engine: clientOf(), workbook: book });
  await screen.findByRole('button', { name: '客户 · 客户主数据' });
  const panel = screen.getByRole('tabpanel');
  await user.selectOptions(fieldSelect(panel, 'zh-CN', '客户姓名'), 'phone');
  expect(fieldSelect(panel, 'zh-CN', '客户姓名').value).toBe('phone');
  expect(fieldSelect(panel, 'zh-CN', '手机号码').value).toBe('');
});

it('starts over when the workbook changes (the preview opens another file)', async () => {
  const first = excelBook();
  const engine = clientOf();
  const { rerender } = renderApp({ locale: 'en-US', engine, workbook: first.book });
  await screen.findByRole('button', { name: '客户 · Customers' });
  const second = excelBook({ 会员: [['会员号', '手机'], ['M1', '13800138000'], ['M2', '13900139000']] });
  rerender(<App initialLocale="en-US" inOffice engine={engine} workbook={second.book} />);
  expect(await screen.findByRole('button', { name: /^会员 · / })).toBeTruthy();
  expect(screen.queryByRole('button', { name: '客户 · Customers' })).toBeNull();
});
