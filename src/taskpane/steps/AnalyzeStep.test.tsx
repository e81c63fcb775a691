/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import { defaultTagRules } from '../../core/tags/default-rules';
import { caretLine, formatRuleError } from '../../core/tags/errors';
import { parseRule } from '../../core/tags/parser';
import { t, type Locale } from '../../i18n';
import { inProcessEngine } from '../../worker/in-process';
import { clientOf, excelBook, narrowPaneLayout, openStep, renderApp } from '../test-utils';

narrowPaneLayout();

const rule = (panel: HTMLElement, locale: Locale, n: number) => within(panel).getByRole('group', { name: t(locale, 'analyze.rule', { n }) });
const textBox = (group: HTMLElement, locale: Locale) => within(group).getByRole('textbox', { name: t(locale, 'analyze.ruleText') }) as HTMLInputElement;
const nameBox = (group: HTMLElement, locale: Locale) => within(group).getByRole('textbox', { name: t(locale, 'analyze.ruleName') }) as HTMLInputElement;

describe.each<[Locale, { broken: string; fixed: string; bigSpender: string }]>([
  ['zh-CN', { broken: '累计消费金额 >=', fixed: '累计消费金额 >= 1000', bigSpender: '千元客户' }],
  ['en-US', { broken: 'total_spend >=', fixed: 'total_spend >= 1000', bigSpender: 'Big spender' }],
])('分析 in %s', (locale, words) => {
  async function open() {
    const { book } = excelBook();
    const view = renderApp({ locale, engine: clientOf(), workbook: book });
    await screen.findByRole('button', { name: /^客户 · / });
    const panel = await openStep(view.user, locale, 'analyze');
    return { book, panel, user: view.user };
  }

  it('starts from the default rules in that language', async () => {
    const { panel } = await open();
    const defaults = defaultTagRules(locale);
    defaults.forEach((d, i) => {
      const group = rule(panel, locale, i + 1);
      expect(nameBox(group, locale).value).toBe(d.name);
      expect(textBox(group, locale).value).toBe(d.text);
      expect((within(group).getByRole('switch', { name: t(locale, 'analyze.ruleEnabled') }) as HTMLInputElement).checked).toBe(true);
    });
    expect(panel.textContent).not.toContain(t(locale, 'analyze.ruleErrors', { count: 1 }));
  });

  it('shows the error under a rule as it is typed, and clears it once the rule is right', async () => {
    const { panel, user } = await open();
    await user.click(within(panel).getByRole('button', { name: t(locale, 'analyze.addRule') }));
    const group = rule(panel, locale, 6);
    expect(nameBox(group, locale).value).toBe(t(locale, 'analyze.newRule'));
    await user.type(textBox(group, locale), words.broken);

    const parsed = parseRule(words.broken);
    if (parsed.ok) throw new Error('the broken rule parsed');
    expect(group.textContent).toContain(formatRuleError(parsed.error, locale));
    expect(within(group).getByTestId('rule-caret').textContent).toBe(`${words.broken}\n${caretLine(words.broken, parsed.error)}`);
    expect(textBox(group, locale).getAttribute('aria-invalid')).toBe('true');
    expect(panel.textContent).toContain(t(locale, 'analyze.ruleErrors', { count: 1 }));

    await user.type(textBox(group, locale), ' 1000');
    expect(textBox(group, locale).value).toBe(words.fixed);
    expect(within(group).queryByTestId('rule-caret')).toBeNull();
    expect(textBox(group, locale).getAttribute('aria-invalid')).not.toBe('true');
  });

  it('runs with edited, switched-off and removed rules and shows the customers per tag', async () => {
    const { book, panel, user } = await open();
    await user.click(within(panel).getByRole('radio', { name: t(locale, 'analyze.median') }));
    await user.click(within(panel).getByRole('button', { name: t(locale, 'analyze.addRule') }));
    const added = rule(panel, locale, 6);
    await user.clear(nameBox(added, locale));
    await user.type(nameBox(added, locale), words.bigSpender);
    await user.type(textBox(added, locale), words.fixed);
    const dormant = defaultTagRules(locale)[4].name;
    await user.click(within(rule(panel, locale, 5)).getByRole('switch', { name: t(locale, 'analyze.ruleEnabled') }));
    const newcomer = defaultTagRules(locale)[3].name;
    await user.click(within(panel).getByRole('button', { name: t(locale, 'analyze.removeRule', { n: 4 }) }));
    expect(within(panel).getAllByRole('group', { name: /./ }).filter((g) => g.tagName === 'FIELDSET')).toHaveLength(5);

    await user.click(within(panel).getByRole('button', { name: t(locale, 'analyze.run') }));
    const counts = await within(panel).findByRole('region', { name: t(locale, 'analyze.tagCounts') });
    const lines = within(counts).getAllByRole('listitem').map((li) => li.textContent);
    // C001 spent 7,500 and C005 1,400; nobody else reaches 1,000.
    expect(lines).toContain(t(locale, 'analyze.count', { name: words.bigSpender, count: 2 }));
    expect(lines.some((l) => l?.startsWith(dormant))).toBe(false);
    expect(lines.some((l) => l?.startsWith(newcomer))).toBe(false);
    expect(panel.textContent).toContain(t(locale, 'analyze.summary', { customers: 5, asOf: '2024-06-03' }));
    expect(panel.textContent).toContain(t(locale, 'analyze.thresholds', { basis: t(locale, 'analyze.median'), recency: 'X', frequency: 'X', monetary: 'X' }).split('X')[0]);
    expect(within(panel).getByRole('region', { name: t(locale, 'analyze.segments') })).toBeTruthy();

    const saved = await inProcessEngine.loadSettings(book);
    expect(saved?.analysis.thresholds).toBe('median');
    expect(saved?.tags.map((r) => [r.name, r.enabled])).toEqual([
      ...defaultTagRules(locale).filter((_, i) => i !== 3).map((r, i) => [r.name, i !== 3]),
      [words.bigSpender, true],
    ]);
  });

  it('restores the default rules', async () => {
    const { panel, user } = await open();
    await user.click(within(panel).getByRole('button', { name: t(locale, 'analyze.removeRule', { n: 1 }) }));
    await user.click(within(panel).getByRole('button', { name: t(locale, 'analyze.removeRule', { n: 1 }) }));
    expect(nameBox(rule(panel, locale, 1), locale).value).toBe(defaultTagRules(locale)[2].name);
    await user.click(within(panel).getByRole('button', { name: t(locale, 'analyze.resetRules') }));
    await waitFor(() => expect(nameBox(rule(panel, locale, 1), locale).value).toBe(defaultTagRules(locale)[0].name));
    expect(within(panel).getAllByRole('textbox', { name: t(locale, 'analyze.ruleText') })).toHaveLength(5);
  });
});
