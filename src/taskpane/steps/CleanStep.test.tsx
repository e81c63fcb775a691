/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import type { PipelineSettings } from '../../core/pipeline/types';
import { t, type Locale } from '../../i18n';
import { inProcessEngine } from '../../worker/in-process';
import { clientOf, excelBook, narrowPaneLayout, openStep, renderApp } from '../test-utils';

narrowPaneLayout();

describe.each<[Locale, { phone: string; email: string; customerId: string; suffix: string; done: string }]>([
  ['zh-CN', { phone: '联系电话', email: '邮箱', customerId: '客户编号', suffix: '(清洗)', done: '已清洗 2 个工作表' }],
  ['en-US', { phone: 'Phone', email: 'Email', customerId: 'Customer ID', suffix: '(cleaned)', done: 'Cleaned 2 sheet' }],
])('清洗 in %s', (locale, words) => {
  it('offers the mapped fields as key fields and saves the choice', async () => {
    const { book } = excelBook();
    const { user } = renderApp({ locale, engine: clientOf(), workbook: book });
    await screen.findByRole('button', { name: new RegExp(`^客户 · `) });
    const panel = await openStep(user, locale, 'clean');
    const group = within(panel).getByRole('group', { name: t(locale, 'clean.keyFields') });
    const boxes = within(group).getAllByRole('checkbox') as HTMLInputElement[];
    expect(boxes.length).toBeGreaterThanOrEqual(6);
    const phone = within(group).getByRole('checkbox', { name: words.phone }) as HTMLInputElement;
    expect(phone.checked).toBe(true);
    await user.click(phone);
    expect(phone.checked).toBe(false);
    await waitFor(async () => expect((await inProcessEngine.loadSettings(book))?.clean.keyFieldIds).toEqual(['customerId', 'email']));
  });

  it('cleans into new columns and shows the counts and before -> after examples', async () => {
    const { book } = excelBook();
    const { user } = renderApp({ locale, engine: clientOf(), workbook: book });
    await screen.findByRole('button', { name: new RegExp(`^客户 · `) });
    const panel = await openStep(user, locale, 'clean');
    await user.click(within(panel).getByRole('button', { name: t(locale, 'clean.run') }));

    expect(await within(panel).findByText(new RegExp(words.done))).toBeTruthy();
    const customers = t(locale, 'clean.sheet', { sheet: '客户', rows: 7, usable: 7, availability: '100%', issues: 'N' }).split('N')[0];
    expect(panel.textContent).toContain(customers);
    const examples = within(panel).getByRole('region', { name: `${t(locale, 'clean.examples')} · 客户` });
    const lines = within(examples).getAllByRole('listitem').map((li) => li.textContent);
    expect(lines).toContain('手机号码 138 0013 8000 → 13800138000');
    expect(lines).toContain('客户姓名 王 芳 → 王芳');
    expect(lines.find((l) => l?.startsWith('手机号码 abc → '))).toContain(t(locale, 'clean.invalid', { note: '' }));

    const header = (await book.readSheet('客户')).rows[0];
    expect(header).toContain(`手机号码${words.suffix}`);
    // The user's own columns are untouched.
    expect(header.slice(0, 6)).toEqual(['客户编号', '客户姓名', '手机号码', '电子邮箱', '所在城市', '注册日期']);
    const saved = (await inProcessEngine.loadSettings(book)) as PipelineSettings;
    expect(saved.locale).toBe(locale);
  });

  it('says so when no column is mapped', async () => {
    const { book } = excelBook({ 备注: [['随便写写'], ['今天天气不错'], ['明天再说']] });
    const { user } = renderApp({ locale, engine: clientOf(), workbook: book });
    await screen.findByRole('button', { name: new RegExp(`^备注 · `) });
    const panel = await openStep(user, locale, 'clean');
    expect(panel.textContent).toContain(t(locale, 'clean.noFields'));
  });
});
