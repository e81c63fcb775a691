/** The fake must be as strict as Excel where the adapter could go wrong; these pin that strictness down. */
import { FakeExcel } from './index';

type Ctx = Excel.RequestContext;

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as { code: string }).code;
  }
  return 'no error';
}

describe('excel-fake', () => {
  it('throws PropertyNotLoaded before load() + sync(), and answers after', async () => {
    const fake = new FakeExcel();
    fake.addSheet('S', [[1, 'a']]);
    await fake.run(async (ctx: Ctx) => {
      const range = ctx.workbook.worksheets.getItem('S').getRange('A1:B1');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      range.load('values');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(range.values).toEqual([[1, 'a']]);
      expect(() => range.numberFormat).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      const missing = ctx.workbook.worksheets.getItemOrNullObject('nope');
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
    });
  });

  it('rejects a values or numberFormat array that does not match the range shape', async () => {
    const fake = new FakeExcel();
    fake.addSheet('S');
    const set = (v: unknown) =>
      fake.run(async (ctx: Ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('A1:B2').values = v as unknown[][];
        await ctx.sync();
      });
    expect(await codeOf(set([[1, 2]]))).toBe('InvalidArgument');
    expect(await codeOf(set([[1], [2]]))).toBe('InvalidArgument');
    expect(await codeOf(set(5))).toBe('InvalidArgument');
    expect(await codeOf(set([[1, 2], [3, 4]]))).toBe('no error');
  });

  it('refuses a sync over 5 MB and applies none of it', async () => {
    const fake = new FakeExcel();
    fake.addSheet('S');
    const big = Array.from({ length: 60_000 }, (_, i) => [`row ${i} ${'x'.repeat(80)}`]);
    const code = await codeOf(
      fake.run(async (ctx: Ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('A1:A60000').values = big;
        await ctx.sync();
      }),
    );
    expect(code).toBe('RequestPayloadSizeLimitExceeded');
    expect(fake.sheet('S').usedBox(true)).toBeNull();
    expect(fake.stats.payloadErrors).toBe(1);
    // Reads count too: loading 5 MB of values in one sync fails the same way.
    fake.sheet('S').rows = big.map((r) => [...r]);
    const read = await codeOf(
      fake.run(async (ctx: Ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('A1:A60000').load('values');
        await ctx.sync();
      }),
    );
    expect(read).toBe('RequestPayloadSizeLimitExceeded');
  });

  it('checks sheet names like Excel', async () => {
    const fake = new FakeExcel();
    fake.addSheet('客户');
    const add = (name: string) =>
      fake.run(async (ctx: Ctx) => {
        ctx.workbook.worksheets.add(name);
        await ctx.sync();
      });
    expect(await codeOf(add('a/b'))).toBe('InvalidArgument');
    expect(await codeOf(add('x'.repeat(32)))).toBe('InvalidArgument');
    expect(await codeOf(add('[1]'))).toBe('InvalidArgument');
    expect(await codeOf(add('history'))).toBe('InvalidArgument');
    expect(await codeOf(add('客户'))).toBe('ItemAlreadyExists');
    expect(await codeOf(add('Abc'))).toBe('no error');
    expect(await codeOf(add('ABC'))).toBe('ItemAlreadyExists');
    expect(await codeOf(add('x'.repeat(31)))).toBe('no error');
  });

  it('accepts only real Excel.ChartType values and seriesBy values', async () => {
    const fake = new FakeExcel({ excelApi: '1.8' });
    fake.addSheet('S', [['a', 1], ['b', 2]]);
    const add = (type: string, by = 'Columns') =>
      fake.run(async (ctx: Ctx) => {
        const s = ctx.workbook.worksheets.getItem('S');
        s.charts.add(type as Excel.ChartType, s.getRange('A1:B2'), by as Excel.ChartSeriesBy);
        await ctx.sync();
      });
    expect(await codeOf(add('Pie'))).toBe('no error');
    expect(await codeOf(add('ColumnClustered', 'Rows'))).toBe('no error');
    expect(await codeOf(add('Column'))).toBe('InvalidArgument');
    expect(await codeOf(add('pie'))).toBe('InvalidArgument');
    expect(await codeOf(add('Funnel'))).toBe('InvalidArgument'); // needs ExcelApi 1.9
    expect(await codeOf(add('Pie', 'ByColumn'))).toBe('InvalidArgument');
    expect(fake.sheet('S').charts.map((c) => c.seriesBy)).toEqual(['Columns', 'Rows']);
  });

  it('converts typed-looking text the way Excel does unless the cell is formatted as text', async () => {
    const fake = new FakeExcel();
    fake.addSheet('S');
    await fake.run(async (ctx: Ctx) => {
      const s = ctx.workbook.worksheets.getItem('S');
      s.getRange('A1:E1').values = [['00123', '=1+1', '2024-01-05', 'TRUE', '#N/A']];
      const safe = s.getRange('A2:E2');
      safe.numberFormat = [['@', '@', '@', '@', '@']];
      safe.values = [['00123', '=1+1', '2024-01-05', 'TRUE', '#N/A']];
      await ctx.sync();
    });
    expect(['A1', 'B1', 'C1', 'D1', 'E1'].map((a) => fake.cell('S', a).type)).toEqual(['Double', 'Error', 'Double', 'Boolean', 'Error']);
    expect(fake.cell('S', 'B1').formula).toBe('=1+1');
    expect(['A2', 'B2', 'C2', 'D2', 'E2'].map((a) => fake.cell('S', a).value)).toEqual(['00123', '=1+1', '2024-01-05', 'TRUE', '#N/A']);
  });

  it('keeps table names unique, rejects APIs the host lacks, and counts suspensions', async () => {
    const fake = new FakeExcel({ excelApi: '1.8' });
    fake.addSheet('S', [['h', 'h'], [1, 2]]);
    fake.addSheet('T', [['k'], [1]]);
    const code = await codeOf(
      fake.run(async (ctx: Ctx) => {
        const t = ctx.workbook.worksheets.getItem('S').tables.add('A1:B2', true);
        t.name = 'Clients';
        await ctx.sync();
        ctx.workbook.worksheets.getItem('T').tables.add('T!A1:A2', true).name = 'clients';
        await ctx.sync();
      }),
    );
    expect(code).toBe('ItemAlreadyExists');
    expect(fake.cell('S', 'B1').value).toBe('h2'); // Excel makes headers unique
    const api = await codeOf(
      fake.run(async (ctx: Ctx) => {
        ctx.application.suspendApiCalculationUntilNextSync();
        ctx.application.suspendScreenUpdatingUntilNextSync();
        await ctx.sync();
      }),
    );
    expect(api).toBe('ApiNotFound');
  });
});
