/** The Workbook bridge over a real MessageChannel (node's), serving the Office host on the strict Excel fake. */
import { MessageChannel, type MessagePort } from 'worker_threads';
import { FakeExcel, type SeedValue } from '../../../test/excel-fake';
import { CancelledError } from '../../core/pipeline/progress';
import { OfficeWorkbook } from '../office';
import type { Workbook } from '../workbook';
import { CHUNK_CELLS, RemoteError, WorkbookProxy, serveWorkbook, type PortLike } from './index';
import type { RpcReply, RpcRequest } from './protocol';

const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

function customerRows(n: number): SeedValue[][] {
  const rows: SeedValue[][] = [['编号', '姓名', '电话', '注册日期', '金额']];
  for (let i = 0; i < n; i++) {
    rows.push([String(i).padStart(6, '0'), `客户${i}`, `138${String(i).padStart(8, '0')}`, day(2021, 1 + (i % 12), 1 + (i % 28)), i % 50 === 0 ? { error: '#N/A' } : i * 1.5]);
  }
  return rows;
}

/** Records every message each side posts. */
function recorded(port: MessagePort) {
  const sent: unknown[] = [];
  const post = port.postMessage.bind(port);
  (port as unknown as { postMessage(m: unknown): void }).postMessage = (m: unknown) => {
    sent.push(m);
    post(m);
  };
  return { port: port as unknown as PortLike, sent };
}

let cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.forEach((c) => c());
  cleanups = [];
});

function bridge(book: Workbook, addChart = typeof book.addChart === 'function') {
  const channel = new MessageChannel();
  const main = recorded(channel.port1);
  const worker = recorded(channel.port2);
  const stop = serveWorkbook(book, main.port);
  const proxy = new WorkbookProxy(worker.port, { addChart });
  cleanups.push(() => {
    stop();
    proxy.close();
    channel.port1.close();
    channel.port2.close();
  });
  return { proxy, fromMain: main.sent as RpcReply[], fromWorker: worker.sent as RpcRequest[] };
}

function officeBook() {
  const fake = new FakeExcel();
  const book = new OfficeWorkbook({ run: fake.run, isSetSupported: fake.requirements.isSetSupported });
  return { fake, book };
}

describe('WorkbookProxy over serveWorkbook', () => {
  it('reads a large sheet in chunks, with the same cells, types and progress as a direct read', async () => {
    const { fake, book } = officeBook();
    fake.addSheet('客户', customerRows(30_000), { formats: [[], ...Array.from({ length: 30_000 }, () => ['@'])] });
    const { proxy, fromMain } = bridge(book);

    const progress: [number, number][] = [];
    const viaBridge = await proxy.readSheet('客户', { onProgress: (done, total) => progress.push([done, total]) });
    const direct = await book.readSheet('客户');

    expect(viaBridge).toEqual(direct);
    expect(viaBridge.rows[1]).toEqual(['000000', '客户0', '13800000000', day(2021, 1, 1), { error: '#N/A' }]);
    // A Date, though from node's realm: jest's sandbox has its own Date, so instanceof cannot tell.
    expect(Object.prototype.toString.call(viaBridge.rows[1][3])).toBe('[object Date]');
    const rowMessages = fromMain.filter((m) => m.rpc === 'rows');
    expect(rowMessages.length).toBeGreaterThanOrEqual(Math.floor((30_001 * 5) / CHUNK_CELLS));
    for (const m of rowMessages) expect(m.rpc === 'rows' && m.rows.length * 5).toBeLessThanOrEqual(CHUNK_CELLS);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress[progress.length - 1]).toEqual([30_001, 30_001]);
  });

  it('sends written columns and table rows in chunks and they land as a direct write would put them', async () => {
    const { fake, book } = officeBook();
    fake.addSheet('客户', customerRows(25_000));
    const { proxy, fromWorker } = bridge(book);

    const cleaned = Array.from({ length: 25_000 }, (_, i) => (i % 3 === 0 ? null : `+86 138${String(i).padStart(8, '0')}`));
    await proxy.writeColumns('客户', [{ header: '电话(清洗)', values: cleaned, headerRow: 1, format: 'text' }]);
    const table = Array.from({ length: 12_000 }, (_, i) => [`00${i}`, i, day(2024, 1, 1 + (i % 28))]);
    await proxy.writeSheet({ name: '报告', blocks: [{ kind: 'title', at: [1, 1], text: '标题' }, { kind: 'table', at: [3, 1], header: ['编号', '数', '日期'], rows: table }] });

    const parts = fromWorker.filter((m) => m.rpc === 'part');
    expect(parts.length).toBeGreaterThan(2);
    expect(fromWorker.filter((m) => m.rpc === 'call').every((m) => JSON.stringify(m).length < 10_000)).toBe(true);
    expect(fake.cell('客户', 'F1').value).toBe('电话(清洗)');
    expect(fake.cell('客户', 'F3')).toMatchObject({ value: '+86 13800000001', numberFormat: '@' });
    expect(fake.cell('客户', 'F2').value).toBeNull();
    expect(fake.cell('客户', 'F25000').value).toBe('+86 13800024998');
    expect(fake.cell('客户', 'F25001').value).toBeNull(); // i = 24,999 is a multiple of 3
    expect(fake.cell('报告', 'A1').value).toBe('标题');
    expect(fake.cell('报告', 'A4')).toMatchObject({ value: '000', numberFormat: '@' });
    expect(fake.cell('报告', 'B12003').value).toBe(11_999);
    expect((await book.readSheet('报告')).rows).toHaveLength(12_003);
  });

  it('keeps settings, lists sheets and deletes sheets', async () => {
    const { fake, book } = officeBook();
    fake.addSheet('A', [['x'], [1]]);
    fake.addSheet('B', [['y'], [2]]);
    const { proxy } = bridge(book);
    expect(await proxy.getSetting('kehu.settings')).toBeUndefined();
    await proxy.setSetting('kehu.settings', { version: 1, list: ['甲', 2, null] });
    expect(await proxy.getSetting('kehu.settings')).toEqual({ version: 1, list: ['甲', 2, null] });
    expect(await book.getSetting('kehu.settings')).toEqual({ version: 1, list: ['甲', 2, null] });
    expect((await proxy.listSheets()).map((s) => s.name)).toEqual(['A', 'B']);
    await proxy.deleteSheet('B');
    expect((await book.listSheets()).map((s) => s.name)).toEqual(['A']);
  });

  it('hands errors back with their message, name and Office code', async () => {
    const { fake, book } = officeBook();
    fake.addSheet('A', [['x']]);
    const { proxy } = bridge(book);
    const direct = await book.readSheet('没有').catch((e: Error) => e);
    const remote = await proxy.readSheet('没有').catch((e: Error) => e);
    expect(remote).toBeInstanceOf(RemoteError);
    expect((remote as Error).message).toBe((direct as Error).message);
    expect((remote as Error).message).toContain('没有');

    const coded: Workbook = { ...bind(book), listSheets: () => Promise.reject(Object.assign(new Error('busy editing'), { name: 'RichApi.Error', code: 'InvalidOperationInCellEditMode' })) } as Workbook;
    const second = bridge(coded);
    const err = (await second.proxy.listSheets().catch((e: unknown) => e)) as RemoteError;
    expect([err.message, err.name, err.code]).toEqual(['busy editing', 'RichApi.Error', 'InvalidOperationInCellEditMode']);
  });

  it('cancels a read in flight when the signal aborts', async () => {
    const { fake, book } = officeBook();
    fake.addSheet('大', customerRows(60_000));
    const { proxy, fromWorker } = bridge(book);
    const controller = new AbortController();
    const read = proxy.readSheet('大', { signal: controller.signal, onProgress: () => controller.abort() });
    await expect(read).rejects.toBeInstanceOf(CancelledError);
    expect(fromWorker.some((m) => m.rpc === 'abort')).toBe(true);
    await expect(proxy.readSheet('大', { signal: controller.signal })).rejects.toBeInstanceOf(CancelledError);
  });

  it('has addChart only when the served workbook has it, and forwards it', async () => {
    const calls: unknown[] = [];
    const base = officeBook().book;
    const withChart = { ...bind(base), addChart: async (spec: unknown) => void calls.push(spec) } as Workbook;
    const without = bind(base);
    expect(bridge(without).proxy.addChart).toBeUndefined();
    const { proxy } = bridge(withChart);
    const spec = { sheet: 'S', kind: 'pie' as const, title: 't', dataRange: 'A1:B3', seriesBy: 'columns' as const, anchor: 'D2' };
    await proxy.addChart!(spec);
    expect(calls).toEqual([spec]);
  });

  it('fails calls still waiting when closed', async () => {
    const never: Workbook = { ...bind(officeBook().book), listSheets: () => new Promise(() => undefined) };
    const { proxy } = bridge(never);
    const waiting = proxy.listSheets();
    proxy.close();
    await expect(waiting).rejects.toThrow('closed');
  });
});

/** The port's methods as own properties bound to the workbook, so a spread copy still works. */
function bind(book: Workbook): Workbook {
  return {
    listSheets: () => book.listSheets(),
    readSheet: (n, o) => book.readSheet(n, o),
    writeColumns: (s, c) => book.writeColumns(s, c),
    writeSheet: (s) => book.writeSheet(s),
    deleteSheet: (n) => book.deleteSheet(n),
    getSetting: (k) => book.getSetting(k),
    setSetting: (k, v) => book.setSetting(k, v),
  };
}
