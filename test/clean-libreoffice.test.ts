/**
 * Acceptance: the .xlsx `kehu clean` writes opens in LibreOffice without complaint (headless conversion to PDF
 * and to CSV, one file per sheet). Skips with a message when LibreOffice is absent; under CI it must be there.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as iconv from 'iconv-lite';
import { REPO_ROOT, itWhen, runCli, tempDir } from './helpers/cli';
import { LIBREOFFICE, libreOfficeConvert } from './helpers/xlsx';

const SAMPLE = path.join(REPO_ROOT, 'assets', 'sample', 'customers.csv');
const needLo = () => itWhen(LIBREOFFICE !== undefined, 'LibreOffice is not installed (apt-get install libreoffice-calc)');

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => (tmp = tempDir('clean-lo')));
afterAll(() => tmp.cleanup());

async function cleaned(input: string, name: string): Promise<string> {
  const out = path.join(tmp.dir, name);
  const run = await runCli(['clean', input, '-o', out, '--asof', '2025-06-01']);
  expect(run).toMatchObject({ code: 0, stderr: '' });
  return out;
}

function expectPdf(xlsx: string): void {
  const dir = fs.mkdtempSync(path.join(tmp.dir, 'pdf-'));
  const r = libreOfficeConvert(xlsx, 'pdf', dir);
  expect(r).toMatchObject({ code: 0 });
  expect(r.output).not.toMatch(/error/i);
  const pdf = path.join(dir, `${path.basename(xlsx, '.xlsx')}.pdf`);
  const bytes = fs.readFileSync(pdf);
  expect(bytes.length).toBeGreaterThan(1000);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
}

describe('LibreOffice opens the cleaned workbook', () => {
  needLo()(
    'the sample: converts to PDF, and to CSV where the report sheet reads as Excel would show it',
    async () => {
      const out = await cleaned(SAMPLE, 'customers.xlsx');
      expectPdf(out);

      // Filter options: comma, ", UTF-8, from line 1, …, save cell contents as shown (9th), every sheet (12th: -1).
      const dir = fs.mkdtempSync(path.join(tmp.dir, 'csv-'));
      const r = libreOfficeConvert(out, 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1', dir);
      expect(r.code).toBe(0);
      const report = fs.readFileSync(path.join(dir, 'customers-数据质量报告.csv'), 'utf8');
      expect(report).toContain('数据质量校验报告 — customers');
      expect(report).toMatch(/^清洗前行数,15,/m);
      expect(report).toMatch(/^可用行数（清洗后）,14,/m); // 14 of 15 rows have a key field (see clean-cli.test.ts)
      expect(report).toMatch(/^可用率,93\.3%,/m);
      expect(report).toContain('工作表,行号,字段,值,问题类型,问题,建议');
      const data = fs.readFileSync(path.join(dir, 'customers-customers.csv'), 'utf8');
      expect(data.split('\n')[0]).toContain('客户编号,客户名称');
      expect(data.split('\n')[0]).toContain('客户编号(清洗)');
    },
    240_000,
  );

  needLo()(
    'a GBK CSV cleaned to .xlsx converts to PDF',
    async () => {
      const input = path.join(tmp.dir, 'gbk.csv');
      fs.writeFileSync(input, iconv.encode('客户编号,客户名称,联系电话\r\nC1,张三,13812345678\r\nC2,李四,12345\r\n', 'gbk'));
      expectPdf(await cleaned(input, 'gbk.xlsx'));
    },
    240_000,
  );
});
