/**
 * The 数据源 step: every user sheet with its header row, the field each column maps to, and what kind of sheet it
 * is (客户主数据 / 行为 / 订单). Sheets Kehu wrote itself are not sources.
 */
import { detectHeaderRow, detectSheetRole, mapHeaders } from '../../fields';
import type { Locale } from '../../report/quality-sheet';
import type { Workbook } from '../../../host/workbook';
import { checkCancelled } from '../progress';
import type { PipelineSession, SourceDetection } from '../types';
import { isKehuSheet } from './output-sheets';
import { SAMPLE_ROWS, emptinessProblem, headerGrid, tableAt } from './source-table';
import { say } from './say';

export async function detectSources(book: Workbook, session?: PipelineSession, locale: Locale = 'zh-CN'): Promise<SourceDetection[]> {
  const progress = session?.progress;
  const sheets = (await book.listSheets()).filter((s) => !isKehuSheet(s.name));
  const out: SourceDetection[] = [];
  for (const [i, info] of sheets.entries()) {
    checkCancelled(progress);
    progress?.report?.({ stage: 'detect', done: i, total: sheets.length, detail: info.name });
    const base = { sheet: info.name, columnCount: info.columnCount, role: 'ignore' as const, roleConfidence: 0, columns: [] };
    if (info.rowCount === 0) {
      out.push({ ...base, rowCount: 0, headerRow: 1, problem: say(locale, `工作表「${info.name}」是空的`, `Sheet "${info.name}" is empty`) });
      continue;
    }
    const data = await book.readSheet(info.name, { signal: progress?.signal });
    const guess = detectHeaderRow(headerGrid(data));
    const headerRow = guess.headerRow >= 0 ? guess.headerRow + data.firstRow : 0;
    const empty = emptinessProblem(data, headerRow, locale);
    if (empty) {
      out.push({ ...base, rowCount: 0, headerRow: Math.max(headerRow, 1), problem: empty });
      continue;
    }
    const table = tableAt(data, headerRow);
    const mapping = mapHeaders(
      table.columns.map((c) => (headerRow > 0 ? c.name : null)),
      table.columns.map((c) => c.values.slice(0, SAMPLE_ROWS)),
    );
    const role = detectSheetRole(mapping);
    const detection: SourceDetection = {
      ...base,
      rowCount: table.rowCount,
      headerRow,
      role: role.role === 'unknown' ? 'ignore' : role.role,
      roleConfidence: role.confidence,
      columns: mapping.map((m) => ({
        header: table.columns[m.column].name,
        fieldId: m.fieldId,
        confidence: m.confidence,
        reason: m.reason,
      })),
    };
    if (role.role === 'unknown') {
      detection.problem = say(
        locale,
        `工作表「${info.name}」没有识别出客户、订单或互动字段，请手动指定角色和列`,
        `No customer, order or interaction columns found in "${info.name}"; set its role and columns by hand`,
      );
    }
    out.push(detection);
  }
  progress?.report?.({ stage: 'detect', done: sheets.length, total: sheets.length });
  return out;
}
