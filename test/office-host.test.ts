/** The Office host against the strict Excel fake: chunking, safe writes, ownership, rollback, charts, degradation. */
import { OfficeWorkbook } from '../src/host/office';
import { SETTINGS_SHEET } from '../src/host/office/settings';
import { CellValue } from '../src/core/cell';
import { FakeExcel, FakeExcelOptions, SeedValue } from './excel-fake';

function setup(opts: FakeExcelOptions = {}, payloadLimit?: number) {
  const fake = new FakeExcel(opts);
  const wb = new OfficeWorkbook({ run: fake.run, isSetSupported: fake.requirements.isSetSupported, payloadLimit });
  return { fake, wb };
}

const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/** A customer-like row: text ID with leading zeros, name, phone, date, amount, error now and then. */
function bigRows(n: number): SeedValue[][] {
  const rows: SeedValue[][] = [['编号', '姓名', '电话', '注册日期', '金额', '城市', '备注', '状态']];
  for (let i = 0; i < n; i++) {
    rows.push([
      String(i).padStart(8, '0'),
      `客户${i}`,
      `138${String(i).padStart(8, '0')}`,
      day(2020 + (i % 5), 1 + (i % 12), 1 + (i % 28)),
      i % 97 === 0 ? { error: '#N/A' } : Math.round(i * 37.5) / 10,
      ['北京', '上海', '广州'][i % 3],
      i % 11 === 0 ? null : `备注 ${i}`,
      i % 2 === 0,
    ]);
  }
  return rows;
}

describe('OfficeWorkbook on the strict fake', () => {
  it('reads and writes back 200,000 rows in chunks under the payload limit', async () => {
    const { fake, wb } = setup();
    const seed = bigRows(200_000).map((r) => [r[0], r[1], r[3], r[4], r[7]]);
    fake.addSheet('客户', seed, { formats: [[], ...Array.from({ length: 200_000 }, () => ['@'])] });
    const progress: number[] = [];
    const data = await wb.readSheet('客户', { onProgress: (done) => progress.push(done) });
    expect(data.rows).toHaveLength(200_001);
    expect(data.firstRow).toBe(1);
    expect(data.rows[1]).toEqual(['00000000', '客户0', day(2020, 1, 1), { error: '#N/A' }, true]);
    expect(data.rows[200_000]).toEqual(seed[200_000]);
    expect(fake.stats.payloadErrors).toBe(0);
    expect(fake.stats.maxPayloadBytes).toBeLessThanOrEqual(5 * 1024 * 1024);
    expect(progress.length).toBeGreaterThan(5);
    expect(progress[progress.length - 1]).toBe(200_001);

    fake.resetStats();
    await wb.writeSheet({ name: '副本', blocks: [{ kind: 'table', at: [1, 1], header: data.rows[0] as string[], rows: data.rows.slice(1) }] });
    expect(fake.stats.payloadErrors).toBe(0);
    expect(fake.stats.maxPayloadBytes).toBeLessThanOrEqual(5 * 1024 * 1024);
    expect(fake.stats.maxSuspendsPerSync).toBe(1); // once per batch, never in a loop
    const copy = fake.sheet('副本');
    expect(copy.usedBox(true)).toEqual({ r0: 0, c0: 0, r1: 200_000, c1: 4 });
    expect(copy.tables.map((t) => t.box)).toEqual([{ r0: 0, c0: 0, r1: 200_000, c1: 4 }]);
    // Excel row r holds data row i = r - 2.
    expect(fake.cell('副本', 'A2')).toMatchObject({ value: '00000000', type: 'String', numberFormat: '@' });
    expect(fake.cell('副本', 'A200001')).toMatchObject({ value: '00199999', type: 'String', numberFormat: '@' });
    expect(fake.cell('副本', 'D99')).toMatchObject({ value: { code: '#N/A' }, type: 'Error' });
    expect(fake.cell('副本', 'C3')).toMatchObject({ value: 44229, numberFormat: 'yyyy-mm-dd' }); // 2021-02-02
  });

  it('halves and retries a chunk Excel refuses as too large', async () => {
    const { fake, wb } = setup({ payloadLimit: 64 * 1024 }); // the host is stricter than the adapter assumes
    const seed = bigRows(3000);
    fake.addSheet('客户', seed);
    const data = await wb.readSheet('客户');
    expect(data.rows).toHaveLength(3001);
    expect(data.rows[2999]).toEqual(seed[2999].map((v) => (v === undefined ? null : v)));
    expect(fake.stats.payloadErrors).toBeGreaterThan(0);
    await wb.writeSheet({ name: '副本', blocks: [{ kind: 'table', at: [1, 1], header: ['a', 'b'], rows: data.rows.slice(1).map((r) => [r[1], r[6]]) }] });
    expect((await wb.readSheet('副本')).rows[3000]).toEqual(['客户2999', '备注 2999']);
  });

  it('round-trips dates, text IDs, errors, booleans and formula-like text', async () => {
    const { fake, wb } = setup();
    fake.addSheet('源', [['x']]);
    const values: CellValue[] = [
      day(2024, 1, 5),
      new Date(Date.UTC(2024, 0, 5, 13, 30, 15)),
      '00123',
      '110101199001011234',
      '+86 138 0013 8000',
      '-5',
      '2024-01-05',
      'TRUE',
      '#N/A',
      { error: '#DIV/0!' },
      true,
      12.75,
      '=HYPERLINK("http://evil","点我")',
      '@SUM(A1)',
      '普通文本',
    ];
    await wb.writeSheet({ name: '结果', blocks: [{ kind: 'table', at: [1, 1], header: ['值'], rows: values.map((v) => [v]) }] });
    const back = await wb.readSheet('结果');
    expect(back.rows.slice(1).map((r) => r[0])).toEqual(values);
    expect(fake.cell('结果', 'A2').numberFormat).toBe('yyyy-mm-dd');
    expect(fake.cell('结果', 'A3').numberFormat).toBe('yyyy-mm-dd hh:mm:ss');
    expect(fake.cell('结果', 'A14')).toMatchObject({ type: 'String', numberFormat: '@', formula: undefined });
  });

  it('reads the used range from where it starts, padding from column A', async () => {
    const { fake, wb } = setup();
    fake.addSheet('偏移', [['h1', 'h2'], [1, null], [null, null], [null, 'z']], { at: 'C3' });
    const data = await wb.readSheet('偏移');
    expect(data.firstRow).toBe(3);
    expect(data.rows).toEqual([[null, null, 'h1', 'h2'], [null, null, 1], [], [null, null, null, 'z']]);
    expect(await wb.listSheets()).toEqual([{ name: '偏移', rowCount: 4, columnCount: 4 }]);
  });

  it('keeps formula-injection text as text in new columns', async () => {
    const { fake, wb } = setup();
    fake.addSheet('客户', [['姓名'], ['张三'], ['李四'], ['王五'], ['赵六']]);
    const attacks = ['=cmd|" /C calc"!A0', '+1+2', '-2+3', '@SUM(A1:A9)'];
    await wb.writeColumns('客户', [{ header: '备注(清洗)', values: attacks, headerRow: 1 }]);
    attacks.forEach((text, i) => {
      expect(fake.cell('客户', `B${i + 2}`)).toMatchObject({ value: text, type: 'String', numberFormat: '@', formula: undefined });
    });
    expect(fake.cell('客户', 'B1')).toMatchObject({ value: '备注(清洗)', bold: true });
  });

  it('never overwrites user cells when adding columns', async () => {
    const { fake, wb } = setup();
    const user = fake.addSheet('客户', [
      ['编号', '电话', '城市'],
      ['001', '13800000000', '北京'],
      ['002', '13900000000', '上海'],
    ]);
    user.set(9, 4, '用户在 E10 的备注');
    const before = JSON.stringify(user.rows);
    await wb.writeColumns('客户', [
      { header: '电话(清洗)', values: ['+8613800000000', '+8613900000000'], headerRow: 1, afterColumn: '电话' }, // C is taken
      { header: '城市(清洗)', values: ['北京市', '上海市'], headerRow: 1 },
    ]);
    const after = fake.sheet('客户');
    // Every original cell is as it was; the new columns went right of the used range (E10 included).
    const orig = JSON.parse(before) as unknown[][];
    orig.forEach((row, r) => row?.forEach((v, c) => v !== null && expect(after.get(r, c)).toEqual(v)));
    expect(fake.cell('客户', 'F1').value).toBe('电话(清洗)');
    expect(fake.cell('客户', 'G1').value).toBe('城市(清洗)');
    expect(fake.cell('客户', 'F2')).toMatchObject({ value: '+8613800000000', numberFormat: '@' });

    // afterColumn puts it right next to the anchor when that column is empty.
    fake.addSheet('空位', [['编号', null, '城市'], ['1', null, 'x']]);
    await wb.writeColumns('空位', [{ header: '编号(清洗)', values: ['0001'], headerRow: 1, afterColumn: '编号' }]);
    expect(fake.cell('空位', 'B1').value).toBe('编号(清洗)');
    expect(fake.cell('空位', 'B2')).toMatchObject({ value: '0001', type: 'String' });
  });

  it('replaces its own column on a re-run but never a user column with the same header', async () => {
    const { fake, wb } = setup();
    fake.addSheet('客户', [['电话', '电话(清洗)'], ['1', '用户自己的'], ['2', '别动']]);
    const col = { header: '电话(清洗)', headerRow: 1, replaceOwn: true };
    await wb.writeColumns('客户', [{ ...col, values: ['a', 'b'] }]);
    expect(fake.cell('客户', 'C1').value).toBe('电话(清洗)'); // B is the user's: not ours, not touched
    await wb.writeColumns('客户', [{ ...col, values: ['c'] }]);
    const rows = (await wb.readSheet('客户')).rows;
    expect(rows).toEqual([
      ['电话', '电话(清洗)', '电话(清洗)'],
      ['1', '用户自己的', 'c'],
      ['2', '别动'],
    ]);
  });

  it('re-running writeSheet replaces its own sheet in place, and refuses a user sheet', async () => {
    const { fake, wb } = setup();
    fake.addSheet('数据', [['x']]);
    const spec = (n: number) => ({
      name: '质量报告',
      replace: true,
      freeze: { rows: 1, cols: 0 },
      blocks: [{ kind: 'table' as const, at: [1, 1] as [number, number], header: ['项目', '数量'], rows: [['行数', n]], name: 'Kehu_quality' }],
    });
    await wb.writeSheet(spec(1));
    fake.addSheet('之后');
    await wb.writeSheet(spec(2));
    const names = fake.sheets.map((s) => s.name).filter((n) => n !== SETTINGS_SHEET);
    expect(names).toEqual(['数据', '质量报告', '之后']); // in its old place
    expect((await wb.readSheet('质量报告')).rows).toEqual([['项目', '数量'], ['行数', 2]]);
    expect(fake.sheet('质量报告').tables.map((t) => [t.name, t.style])).toEqual([['Kehu_quality', 'TableStyleMedium2']]);
    expect(fake.sheet('质量报告').freeze).toEqual({ rows: 1, cols: 0 });
    expect(fake.sheet('质量报告').columnWidths.get(0)).toBeGreaterThan(40);

    await expect(wb.writeSheet({ ...spec(3), replace: false })).rejects.toThrow(/已存在/);
    fake.addSheet('用户表', [['我的数据']]);
    await expect(wb.writeSheet({ ...spec(3), name: '用户表' })).rejects.toThrow(/不是本工具创建的/);
    expect(fake.cell('用户表', 'A1').value).toBe('我的数据');
  });

  it('rolls back a failing write: the partial sheet is deleted and the old output stays', async () => {
    const { fake, wb } = setup({}, 200_000); // small chunks, so the failure lands in the middle
    fake.addSheet('数据', [['x']]);
    const rows = bigRows(20_000).slice(1).map((r) => r.map((v) => (v === undefined ? null : v)) as CellValue[]);
    const spec = { name: '结果', replace: true, blocks: [{ kind: 'table' as const, at: [1, 1] as [number, number], header: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'], rows }] };

    fake.failAtSync(12);
    await expect(wb.writeSheet(spec)).rejects.toThrow(/已删除写了一半的工作表/);
    expect(fake.sheets.map((s) => s.name)).toEqual(['数据']);

    await wb.writeSheet({ ...spec, blocks: [{ ...spec.blocks[0], rows: [['旧']] }] });
    fake.failAtSync(12);
    await expect(wb.writeSheet(spec)).rejects.toThrow(/原有内容未改变/);
    expect(fake.sheets.map((s) => s.name).filter((n) => n !== SETTINGS_SHEET)).toEqual(['数据', '结果']);
    expect((await wb.readSheet('结果')).rows[1]).toEqual(['旧']);
  });

  it('clears partially written columns when a column write fails', async () => {
    const { fake, wb } = setup({}, 40_000);
    fake.addSheet('客户', [['编号'], ...Array.from({ length: 5000 }, (_, i) => [String(i)])]);
    fake.failAtSync(6); // 3 syncs to look, then chunks of about 20 kB
    await expect(
      wb.writeColumns('客户', [{ header: '新列', headerRow: 1, values: Array.from({ length: 5000 }, (_, i) => `值${i}`) }]),
    ).rejects.toThrow(/已清除/);
    expect(fake.sheet('客户').usedBox(true)).toEqual({ r0: 0, c0: 0, r1: 5000, c1: 0 });
  });

  it('keeps settings in a very hidden sheet that is not listed', async () => {
    const { fake, wb } = setup();
    fake.addSheet('数据', [['x']]);
    expect(await wb.getSetting('mapping')).toBeUndefined();
    const value = { phone: '电话', n: -1, ok: true, long: 'x'.repeat(70_000) };
    await wb.setSetting('mapping', value);
    await wb.setSetting('asOf', '2024-01-05');
    expect(await wb.getSetting('mapping')).toEqual(value);
    expect(await wb.getSetting('asOf')).toBe('2024-01-05');
    expect(fake.sheet(SETTINGS_SHEET).visibility).toBe('VeryHidden');
    expect((await wb.listSheets()).map((s) => s.name)).toEqual(['数据']);
    await expect(wb.readSheet(SETTINGS_SHEET)).rejects.toThrow(/找不到工作表/);
  });

  it('colours a heat-map table body with a colour scale', async () => {
    const { fake, wb } = setup();
    const grid = { kind: 'table' as const, at: [3, 2] as [number, number], header: ['星期', '0时', '1时'], rows: [['周一', 1, 5], ['周二', 0, 9]], heatMap: true };
    await wb.writeSheet({ name: '报告', blocks: [grid, { ...grid, at: [8, 2], heatMap: undefined }] });
    const formats = fake.sheet('报告').conditionalFormats;
    expect(formats).toHaveLength(1);
    // The body's numbers only: C4:D5 (not the header row, not the weekday column).
    expect(formats[0]).toMatchObject({ type: 'ColorScale', box: { r0: 3, c0: 2, r1: 4, c1: 3 } });
    expect(formats[0].criteria).toMatchObject({ minimum: { type: 'LowestValue' }, maximum: { type: 'HighestValue' } });
  });

  it('degrades on older Excel: no suspensions, frozen panes or heat maps, funnel becomes a bar chart', async () => {
    const { fake, wb } = setup({ excelApi: '1.5' });
    fake.addSheet('数据', [['阶段', '人数'], ['访问', 100], ['下单', 10]]);
    await wb.writeSheet({
      name: '报告',
      freeze: { rows: 1, cols: 1 },
      blocks: [
        { kind: 'kv', at: [1, 1], pairs: [['行数', 3]] },
        { kind: 'table', at: [3, 1], header: ['星期', '0时'], rows: [['周一', 1]], heatMap: true },
      ],
    });
    expect(fake.stats.calcSuspends + fake.stats.screenSuspends).toBe(0);
    expect(fake.sheet('报告').freeze).toEqual({ rows: 0, cols: 0 });
    expect(fake.sheet('报告').conditionalFormats).toEqual([]);
    await wb.addChart({ sheet: '数据', kind: 'funnel', title: '漏斗', dataRange: 'A1:B3', seriesBy: 'columns', anchor: 'D2' });
    expect(fake.sheet('数据').charts[0]).toMatchObject({ type: 'BarClustered', seriesBy: 'Columns' });

    const old = setup({ excelApi: '1.3' });
    old.fake.addSheet('数据');
    await expect(old.wb.listSheets()).rejects.toThrow(/ExcelApi 1.4/);
  });

  it('adds charts with explicit seriesBy and replaces its own chart on a re-run', async () => {
    const { fake, wb } = setup();
    fake.addSheet('数据', [['月份', '订单', '金额'], ['1月', 10, 1000], ['2月', 12, 1500]]);
    const spec = { sheet: '数据', kind: 'columnLine' as const, title: '月度', dataRange: 'A1:C3', seriesBy: 'columns' as const, anchor: 'E2' };
    await wb.addChart(spec);
    await wb.addChart(spec);
    await wb.addChart({ ...spec, kind: 'funnel', title: '漏斗', seriesBy: 'rows', size: { width: 300, height: 200 } });
    const charts = fake.sheet('数据').charts;
    expect(charts.map((c) => [c.name, c.type, c.seriesBy])).toEqual([
      ['Kehu 月度', 'ColumnClustered', 'Columns'],
      ['Kehu 漏斗', 'Funnel', 'Rows'],
    ]);
    expect(charts[0].series.map((s) => [s.chartType, s.axisGroup])).toEqual([
      ['ColumnClustered', 'Primary'],
      ['Line', 'Secondary'],
    ]);
    expect(charts[0].position).toEqual({ start: 'E2', end: undefined });
    expect([charts[1].width, charts[1].height]).toEqual([300, 200]);
    await expect(wb.addChart({ ...spec, kind: 'radar' as never })).rejects.toThrow(/不支持的图表类型/);
  });

  it('rewrites user columns in place only after a full backup sheet', async () => {
    for (const excelApi of ['1.17', '1.9']) {
      const { fake, wb } = setup({ excelApi });
      fake.addSheet('客户', [['编号', '电话'], ['1', '138 0000 0000'], ['2', '139-0000-0000']], { formats: [[], ['@'], ['@']] });
      const { backupSheet } = await wb.rewriteColumnsInPlace('客户', [{ column: '电话', headerRow: 1, values: ['13800000000', '13900000000'] }]);
      expect(backupSheet).toBe('客户_备份');
      expect((await wb.readSheet('客户_备份')).rows).toEqual([['编号', '电话'], ['1', '138 0000 0000'], ['2', '139-0000-0000']]);
      expect((await wb.readSheet('客户')).rows).toEqual([['编号', '电话'], ['1', '13800000000'], ['2', '13900000000']]);
      const again = await wb.rewriteColumnsInPlace('客户', [{ column: 2, headerRow: 1, values: ['x'] }]);
      expect(again.backupSheet).toBe('客户_备份2');
    }
  });

  it('lists tables, reports merges and formula counts, honours an aborted signal', async () => {
    const { fake, wb } = setup();
    await wb.writeSheet({ name: '表', blocks: [{ kind: 'table', at: [2, 2], header: ['a', 'a'], rows: [[1, 2], [3, 4]], name: 'T_one' }] });
    expect(await wb.listTables()).toEqual([{ name: 'T_one', sheet: '表', address: 'B2:C4', headers: ['a', 'a_2'], rowCount: 2, columnCount: 2 }]);
    const s = fake.addSheet('合并', [['标题', null], ['x', 1]]);
    s.merges.push({ r0: 0, c0: 0, r1: 0, c1: 1 });
    s.formulas.set('1,1', '=1');
    const data = await wb.readSheet('合并');
    expect(data.merges).toEqual(['A1:B1']);
    expect(data.formulas).toBe(1);
    const ctl = new AbortController();
    ctl.abort();
    await expect(wb.readSheet('合并', { signal: ctl.signal })).rejects.toThrow();
  });

  it('deletes sheets (missing names are a no-op) but never the last visible one', async () => {
    const { fake, wb } = setup();
    fake.addSheet('一', [['x']]);
    fake.addSheet('二', [['y']]);
    await wb.deleteSheet('不存在');
    await wb.deleteSheet('二');
    expect(fake.sheets.map((s) => s.name)).toEqual(['一']);
    await expect(wb.deleteSheet('一')).rejects.toThrow(/最后一个可见/);
  });
});
