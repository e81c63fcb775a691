/**
 * `kehu dedup` end to end, in-process through main(): FEBRL dataset1 (rec_id in the file, never used) and a small
 * Chinese CSV and workbook. Checks the output file: BOM, RFC 4180, every row in input order with its original
 * columns, then cluster_id, match_probability in [0, 1], match_reason.
 */
import * as ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import { pairwiseMetrics, parseFebrl } from '../src/core/dedup/eval';
import { decodeCsvBytes, parseCsv } from '../src/host/file/csv';
import { runCli, SHARED_DATA, tempDir } from './helpers/cli';

const FEBRL = path.join(SHARED_DATA, 'febrl', 'dataset1.csv');
const febrlPresent = fs.existsSync(FEBRL);
if (!febrlPresent && process.env.CI) throw new Error(`FEBRL 数据缺失：${FEBRL}（CI 中必须存在）`);
if (!febrlPresent) console.warn(`跳过 FEBRL 命令行测试：找不到 ${FEBRL}`);

let tmp: { dir: string; cleanup: () => void };
beforeAll(() => {
  tmp = tempDir('kehu-dedup-');
});
afterAll(() => tmp.cleanup());
const at = (name: string) => path.join(tmp.dir, name);

interface Output {
  header: string[];
  rows: string[][];
  bom: boolean;
}

async function readOutput(file: string): Promise<Output> {
  const bytes = fs.readFileSync(file);
  const { text } = decodeCsvBytes(bytes);
  const grid = (await parseCsv(text, ',')).map((r) => r.map((c) => c ?? ''));
  return { header: grid[0], rows: grid.slice(1), bom: bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf };
}

function column(out: Output, name: string): string[] {
  const i = out.header.indexOf(name);
  expect(i).toBeGreaterThanOrEqual(0);
  return out.rows.map((r) => r[i]);
}

/** Cluster ids as a partition: the same rows together, whatever the numbers. */
function partition(ids: string[]): number[] {
  const first = new Map<string, number>();
  return ids.map((id, r) => {
    if (!first.has(id)) first.set(id, r);
    return first.get(id)!;
  });
}

function checkShape(out: Output, input: string[][]): void {
  expect(out.bom).toBe(true);
  // Headers as the table names them: trimmed (FEBRL writes `, given_name`).
  expect(out.header).toEqual([...input[0].map((h) => h.trim()), 'cluster_id', 'match_probability', 'match_reason']);
  expect(out.rows).toHaveLength(input.length - 1);
  const width = input[0].length;
  out.rows.forEach((row, r) => expect(row.slice(0, width)).toEqual(input[r + 1].map((c) => c ?? '')));
  for (const p of column(out, 'match_probability').map(Number)) {
    expect(p).toBeGreaterThanOrEqual(0);
    expect(p).toBeLessThanOrEqual(1);
  }
  const ids = column(out, 'cluster_id');
  expect(ids.every((id) => /^\d+$/.test(id))).toBe(true);
  expect(column(out, 'match_reason').every((s) => s.length > 0)).toBe(true);
}

(febrlPresent ? describe : describe.skip)('kehu dedup on FEBRL dataset1', () => {
  const text = febrlPresent ? fs.readFileSync(FEBRL, 'utf8') : '';
  const lines = text.split(/\r?\n/).filter(Boolean);

  it('writes every row in order with cluster ids matching the truth, and a summary', async () => {
    const run = await runCli(['dedup', FEBRL, '-o', at('febrl.csv')]);
    expect(run.thrown).toBeUndefined();
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/rows 1000, clusters \d+ .*pairs compared \d+, time [\d.]+ s/);
    const out = await readOutput(at('febrl.csv'));
    const input = (await parseCsv(text, ',')).map((r) => r.map((c) => c ?? ''));
    checkShape(out, input);
    const m = pairwiseMetrics(partition(column(out, 'cluster_id')), parseFebrl(text).entity);
    console.log(`kehu dedup FEBRL dataset1: precision ${m.precision.toFixed(4)} recall ${m.recall.toFixed(4)} F1 ${m.f1.toFixed(4)}`);
    expect(m.f1).toBeGreaterThanOrEqual(0.99);
    const reasons = column(out, 'match_reason');
    expect(reasons.some((s) => /^与第 \d+ 行：.*date_of_birth 相同/.test(s))).toBe(true);
    expect(reasons.join('\n')).not.toContain('rec_id');
  });

  it('gives the same clusters when rec_id is shuffled or blank: it is never used', async () => {
    const base = (await readOutput(at('febrl.csv'))).rows.map((r) => r[11]);
    const ids = lines.slice(1).map((l) => l.split(', ')[0]);
    const shuffledIds = ids.map((_, i) => ids[(i * 7919) % ids.length]);
    const variants: [string, (l: string, i: number) => string][] = [
      ['shuffled.csv', (l, i) => l.replace(/^[^,]*/, shuffledIds[i])],
      ['blank.csv', (l) => l.replace(/^[^,]*/, '')],
    ];
    for (const [name, edit] of variants) {
      fs.writeFileSync(at(name), [lines[0], ...lines.slice(1).map(edit)].join('\n'));
      const run = await runCli(['dedup', at(name), '-o', at(`out-${name}`)]);
      expect(run.code).toBe(0);
      const out = await readOutput(at(`out-${name}`));
      expect(column(out, 'cluster_id')).toEqual(base);
    }
  });
});

describe('kehu dedup on Chinese customers', () => {
  const input = [
    ['客户编号', '客户名称', '联系人', '联系电话', '所在地区', '备注'],
    ['K001', '深圳市腾达科技有限公司', '张 伟', '+86 138-1234-5678', '广东深圳', ''],
    ['K002', '北京华兴贸易有限公司', '张伟', '13900001111', '北京市', '老客户, 年付'],
    ['K003', '腾达科技（深圳）有限公司', '张伟先生', '13812345678', '深圳市南山区', ''],
    ['K004', '騰達科技有限公司', '張偉', '138 1234 5678', '', '他说："再联系"'],
    ['K005', '上海宏远电子有限公司', '李娜', '13700002222', '上海', ''],
  ];
  const csv = input.map((r) => r.map((c) => (/[",]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n');

  it('merges the spellings of one company, keeps the rest apart, quotes per RFC 4180', async () => {
    fs.writeFileSync(at('cn.csv'), csv);
    const run = await runCli(['dedup', at('cn.csv'), '-o', at('cn-out.csv')]);
    expect(run.code).toBe(0);
    const out = await readOutput(at('cn-out.csv'));
    expect(out.header).toEqual([...input[0], 'cluster_id', 'match_probability', 'match_reason']);
    // Original cells come back as written, except that a formula-like `+86 …` gets Excel's text apostrophe.
    expect(out.rows[0][3]).toBe("'+86 138-1234-5678");
    out.rows[0][3] = input[1][3];
    checkShape(out, input);
    const ids = column(out, 'cluster_id');
    expect(ids[2]).toBe(ids[0]);
    expect(ids[3]).toBe(ids[0]);
    expect(new Set(ids).size).toBe(3);
    const p = column(out, 'match_probability').map(Number);
    expect(p[0]).toBeGreaterThanOrEqual(0.9);
    expect(p[1]).toBeLessThan(0.5);
    expect(column(out, 'match_reason')[2]).toMatch(/^与第 \d 行：.*联系电话 相同/);
    const raw = fs.readFileSync(at('cn-out.csv'), 'utf8');
    expect(raw).toContain('"老客户, 年付"');
    expect(raw).toContain('"他说：""再联系"""');
    expect(raw.split('\r\n')).toHaveLength(input.length + 1);
  });

  it('--fields restricts the columns, by header or field id; --threshold is checked', async () => {
    fs.writeFileSync(at('cn.csv'), csv);
    const run = await runCli(['dedup', at('cn.csv'), '-o', at('cn-fields.csv'), '--fields', '客户名称,phone', '--lang', 'en-US']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('查重字段: 客户名称→company, 联系电话→phone\n');
    const out = await readOutput(at('cn-fields.csv'));
    expect(column(out, 'match_reason')[0]).toMatch(/^with row \d: 联系电话 same/);
    expect(column(out, 'match_reason').join()).not.toContain('联系人');

    const unknown = await runCli(['dedup', at('cn.csv'), '-o', at('x.csv'), '--fields', '微信']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('找不到指定的列：微信');
    const bad = await runCli(['dedup', at('cn.csv'), '-o', at('x.csv'), '--threshold', '1.5']);
    expect(bad.code).toBe(2);
    expect((await runCli(['dedup', at('cn.csv')])).code).toBe(2);
  });

  it('reads a workbook sheet chosen with --sheet', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('说明').getCell('A1').value = '本表为客户名单';
    const ws = book.addWorksheet('客户');
    for (const row of input) ws.addRow(row);
    await book.xlsx.writeFile(at('cn.xlsx'));
    const run = await runCli(['dedup', at('cn.xlsx'), '-o', at('cn-xlsx.csv'), '--sheet', '客户', '--threshold', '0.95']);
    expect(run.code).toBe(0);
    const ids = column(await readOutput(at('cn-xlsx.csv')), 'cluster_id');
    expect(ids[2]).toBe(ids[0]);
    const missing = await runCli(['dedup', at('cn.xlsx'), '-o', at('x.csv'), '--sheet', '订单']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('找不到工作表「订单」');
  });
});
