/** Office host through the strict Excel fake: syncs, largest payload per sync and time for 100,000 × 10. */
import { CellValue } from '../src/core/cell';
import { OfficeWorkbook } from '../src/host/office';
import { FakeExcel } from '../test/excel-fake';
import { BenchCase, BenchResult, pick, prng } from './harness';

const ROWS = 100_000;
const HEADER = ['客户编号', '姓名', '手机', '城市', '注册日期', '最近下单', '订单数', '金额', '会员', '备注'];

/** Customer-like rows: text IDs with leading zeros, Chinese names, phones, dates, numbers, booleans, blanks. */
function customerRows(n: number): CellValue[][] {
  const rand = prng(20240105);
  const surnames = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
  const cities = ['北京市', '上海市', '广州市', '深圳市', '杭州市', '成都市'];
  const rows: CellValue[][] = [];
  for (let i = 0; i < n; i++) {
    const day = Date.UTC(2018, 0, 1) + Math.floor(rand() * 2500) * 86_400_000;
    rows.push([
      String(i + 1).padStart(8, '0'),
      pick(rand, surnames) + pick(rand, ['伟', '芳', '娜', '敏', '静', '强']) + (rand() < 0.5 ? pick(rand, ['华', '明', '丽']) : ''),
      `1${pick(rand, ['38', '39', '50', '86'])}${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`,
      pick(rand, cities),
      new Date(day),
      rand() < 0.1 ? null : new Date(day + Math.floor(rand() * 400) * 86_400_000),
      Math.floor(rand() * 50),
      Math.round(rand() * 1e6) / 100,
      rand() < 0.3,
      rand() < 0.7 ? null : `备注${i}`,
    ]);
  }
  return rows;
}

function officeOn(fake: FakeExcel): OfficeWorkbook {
  return new OfficeWorkbook({ run: fake.run, isSetSupported: fake.requirements.isSetSupported });
}

function figures(fake: FakeExcel): Record<string, string | number> {
  return {
    syncs: fake.stats.syncs,
    maxPayloadMB: Math.round((fake.stats.maxPayloadBytes / 2 ** 20) * 100) / 100,
    payloadErrors: fake.stats.payloadErrors,
  };
}

export const cases: BenchCase[] = [
  {
    name: 'office read 100,000 x 10 (fake)',
    unit: 'rows',
    async run(): Promise<BenchResult> {
      const fake = new FakeExcel();
      const rows = customerRows(ROWS);
      fake.addSheet('客户', [HEADER, ...rows], { formats: [[], ...rows.map(() => ['@', undefined, '@'])] });
      fake.resetStats();
      const t0 = process.hrtime.bigint();
      const data = await officeOn(fake).readSheet('客户');
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      return { count: data.rows.length - 1, seconds, extra: figures(fake) };
    },
  },
  {
    name: 'office write 100,000 x 10 (fake)',
    unit: 'rows',
    async run(): Promise<BenchResult> {
      const fake = new FakeExcel();
      fake.addSheet('客户', [['x']]);
      const rows = customerRows(ROWS);
      const wb = officeOn(fake);
      fake.resetStats();
      const t0 = process.hrtime.bigint();
      await wb.writeSheet({ name: '结果', blocks: [{ kind: 'table', at: [1, 1], header: HEADER, rows }], freeze: { rows: 1, cols: 0 } });
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      return { count: ROWS, seconds, extra: figures(fake) };
    },
  },
];
