/**
 * `kehu demo`: the main job on the sample the project ships, for a newcomer without Excel: clean
 * assets/sample/customers.csv, write out/kehu-demo.xlsx, and show what changed, before → after.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { cellToText } from '../core/cell';
import { cleanFile, today } from './clean';

const ROOT = path.resolve(__dirname, '../../..');
export const SAMPLE = path.join(ROOT, 'assets/sample/customers.csv');
const EXAMPLES_PER_FIELD = 3;

export async function runDemo(argv: string[]): Promise<number> {
  const out = path.resolve(argv[0] ?? path.join(ROOT, 'out/kehu-demo.xlsx'));
  await fs.mkdir(path.dirname(out), { recursive: true });
  const { result } = await cleanFile(SAMPLE, out, { asOf: today(), locale: 'zh-CN' });
  const lines: string[] = [`样例 ${path.relative(process.cwd(), SAMPLE)}：清洗前 → 清洗后（每个字段举 ${EXAMPLES_PER_FIELD} 例）`, ''];
  for (const f of result.fields) {
    const raw = result.table.columns[f.mapping.column].values;
    const shown: string[] = [];
    for (let i = 0; i < raw.length && shown.length < EXAMPLES_PER_FIELD; i++) {
      const r = f.results[i];
      const before = cellToText(raw[i]).trim();
      if (r.status === 'ok' && String(r.value) !== before) shown.push(`${before} → ${String(r.value)}`);
      else if (r.status === 'invalid') shown.push(`${before} ✗ ${r.note ?? ''}`);
    }
    if (shown.length) lines.push(`${f.mapping.header}:`, ...shown.map((s) => `    ${s}`));
  }
  const r = result.report;
  lines.push(
    '',
    `可用行 ${r.rowsUsable}/${r.rowsBefore}（${(r.availability * 100).toFixed(1)}%），问题 ${r.issues.length} 条`,
    `结果已写入 ${path.relative(process.cwd(), out)}：清洗列在原列右侧，另有工作表「${result.reportSheet.name}」`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
