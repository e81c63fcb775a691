/** Shared by the task pane's component tests (jsdom): a workbook on the strict Excel fake, and rendering the App. */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FakeExcel, type SeedValue } from '../../test/excel-fake';
import { OfficeWorkbook } from '../host/office';
import type { Workbook } from '../host/workbook';
import { t, type Locale } from '../i18n';
import type { Engine } from '../worker/engine-api';
import { inProcessEngine } from '../worker/in-process';
import { App } from './App';
import type { EngineClient } from './engineClient';
import type { StepId } from './steps';

const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/** A small CRM export: 王芳 appears twice (phone written two ways), 李强 twice (email case and spaces). */
export const CUSTOMERS: SeedValue[][] = [
  ['客户编号', '客户姓名', '手机号码', '电子邮箱', '所在城市', '注册日期'],
  ['C001', '王芳', '138 0013 8000', 'wangfang@example.com', '北京市', day(2023, 1, 5)],
  ['C002', '李强', '13900139000', 'Liqiang@Example.com', '上海', day(2023, 2, 11)],
  ['C003', '张伟', '+86 137-0013-7000', 'zhangwei@example.com', '广州市', day(2023, 3, 2)],
  ['C004', '王 芳', '13800138000', 'wangfang@example.com', '北京', day(2023, 4, 20)],
  ['C005', '刘洋', '13600136000', 'liuyang@example.com', '深圳', day(2023, 5, 8)],
  ['C006', '李强', '139-0013-9000', ' liqiang@example.com ', '上海市', day(2023, 6, 1)],
  ['C007', '陈静', 'abc', 'chenjing@', '杭州', day(2023, 7, 14)],
];

export const ORDERS: SeedValue[][] = [
  ['订单编号', '客户编号', '下单日期', '订单金额'],
  ['O01', 'C001', day(2024, 1, 3), 1200],
  ['O02', 'C001', day(2024, 3, 9), 3800],
  ['O03', 'C001', day(2024, 5, 20), 2500],
  ['O04', 'C002', day(2024, 2, 14), 300],
  ['O05', 'C003', day(2023, 8, 1), 99],
  ['O06', 'C005', day(2024, 5, 28), 680],
  ['O07', 'C005', day(2024, 6, 2), 720],
  ['O08', 'C007', day(2024, 4, 18), 150],
];

export function excelBook(sheets: Record<string, SeedValue[][]> = { 客户: CUSTOMERS, 订单: ORDERS }) {
  const fake = new FakeExcel();
  for (const [name, rows] of Object.entries(sheets)) fake.addSheet(name, rows);
  const book: Workbook = new OfficeWorkbook({ run: fake.run, isSetSupported: fake.requirements.isSetSupported });
  return { fake, book };
}

/** An EngineClient over an Engine in this thread. */
export function clientOf(engine: Engine = inProcessEngine): EngineClient {
  return { ...engine, ping: async () => ({ protocol: 2, receivedAt: 0 }), dispose: () => undefined };
}

/**
 * jsdom has no layout: offsetParent is always null and <body> measures 0x0, which Fluent's focus manager (tabster)
 * reads as "hidden", so arrow keys would find no tab to move to. Give elements what a 320 px pane would.
 */
export function narrowPaneLayout(): void {
  const offsetParent = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetParent');
  beforeAll(() => {
    jest.spyOn(document.body, 'getBoundingClientRect').mockReturnValue({ x: 0, y: 0, top: 0, left: 0, right: 320, bottom: 600, width: 320, height: 600, toJSON: () => ({}) });
    Object.defineProperty(HTMLElement.prototype, 'offsetParent', {
      configurable: true,
      get(this: HTMLElement) {
        return this.parentElement;
      },
    });
  });
  afterAll(() => {
    if (offsetParent) Object.defineProperty(HTMLElement.prototype, 'offsetParent', offsetParent);
  });
}

export function renderApp(opts: { locale?: Locale; engine?: EngineClient; workbook?: Workbook; inOffice?: boolean } = {}) {
  const user = userEvent.setup();
  const view = render(<App initialLocale={opts.locale ?? 'zh-CN'} inOffice={opts.inOffice ?? true} engine={opts.engine} workbook={opts.workbook} />);
  return { user, ...view };
}

export async function openStep(user: ReturnType<typeof userEvent.setup>, locale: Locale, step: StepId): Promise<HTMLElement> {
  await user.click(screen.getByRole('tab', { name: t(locale, `step.${step}.title`) }));
  const panel = screen.getByRole('tabpanel');
  // Later steps load on first use.
  await within(panel).findByRole('heading', { name: t(locale, `step.${step}.title`) });
  return panel;
}
