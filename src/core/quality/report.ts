/** Builds the data-quality report of one sheet from its mapped, normalized columns. */
import { cellToText } from '../cell';
import { findContradictions } from './contradictions';
import { findOutliers, typicalValue } from './outliers';
import { FieldQuality, IssueKind, QualityField, QualityInput, QualityIssue, QualityReport } from './types';

const DEFAULT_TARGET = 0.95;
const DEFAULT_EXAMPLES = 5;

function share(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

function valueKey(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

export function buildQualityReport(input: QualityInput): QualityReport {
  const { sheet, rowCount, rowNumbers, fields } = input;
  const target = input.availabilityTarget ?? DEFAULT_TARGET;
  const examplesPerField = input.examplesPerField ?? DEFAULT_EXAMPLES;
  const byId = new Map<string, QualityField>(fields.map((f) => [f.fieldId, f]));
  const issues: QualityIssue[] = [];
  const counts: Record<IssueKind, number> = {
    missingKey: 0,
    missing: 0,
    invalid: 0,
    duplicate: 0,
    outlier: 0,
    contradiction: 0,
  };
  const add = (i: number, f: QualityField | undefined, kind: IssueKind, problem: string, suggestion: string, value?: string) => {
    counts[kind]++;
    issues.push({
      sheet,
      row: rowNumbers[i],
      fieldId: f?.fieldId ?? '',
      field: f?.label ?? '',
      value: value ?? (f ? cellToText(f.raw[i]) : ''),
      kind,
      problem,
      suggestion,
    });
  };

  const keyFields = input.keyFieldIds.map((id) => byId.get(id)).filter((f): f is QualityField => f !== undefined);
  const excludedRows: number[] = [];
  if (keyFields.length > 0) {
    const problem = `关键字段（${keyFields.map((f) => f.label).join('、')}）全部为空`;
    const keyResults = keyFields.map((f) => f.results);
    for (let i = 0; i < rowCount; i++) {
      let allMissing = true;
      for (let k = 0; k < keyResults.length && allMissing; k++) allMissing = keyResults[k][i].status === 'missing';
      if (allMissing) {
        excludedRows.push(rowNumbers[i]);
        add(i, undefined, 'missingKey', problem, '补全任一关键字段；本行暂不参与分析（保留未删除）', '');
      }
    }
  }

  const fieldReports: FieldQuality[] = fields.map((f) => {
    let filled = 0;
    let valid = 0;
    const examples: FieldQuality['invalidExamples'] = [];
    const fix = `按「${f.label}」的标准格式更正`;
    for (let i = 0; i < rowCount; i++) {
      const r = f.results[i];
      if (r.status === 'missing') continue;
      filled++;
      if (r.status === 'ok') {
        valid++;
        continue;
      }
      const value = cellToText(f.raw[i]);
      const note = r.note ?? '格式无法识别';
      if (examples.length < examplesPerField) examples.push({ row: rowNumbers[i], value, note });
      add(i, f, 'invalid', note, fix, value);
    }
    counts.missing += rowCount - filled;

    let distinct: number | null = null;
    let duplicates: number | null = null;
    if (f.checkUnique) {
      const firstRow = new Map<string, number>();
      duplicates = 0;
      for (let i = 0; i < rowCount; i++) {
        const r = f.results[i];
        if (r.status !== 'ok') continue;
        const k = valueKey(r.value);
        const first = firstRow.get(k);
        if (first === undefined) firstRow.set(k, rowNumbers[i]);
        else {
          duplicates++;
          add(i, f, 'duplicate', `与第 ${first} 行的${f.label}相同`, '在「去重」步骤中核对是否同一客户');
        }
      }
      distinct = firstRow.size;
    }

    let outliers = 0;
    if (f.numeric) {
      const nums = new Float64Array(f.results.length).fill(NaN); // NaN: no number, which findOutliers leaves out
      for (let i = 0; i < nums.length; i++) {
        const r = f.results[i];
        if (r.status === 'ok' && typeof r.value === 'number') nums[i] = r.value;
      }
      const found = findOutliers(nums);
      outliers = found.outliers.length;
      const rule = found.rule;
      for (const o of found.outliers) {
        const why =
          o.reason === 'tenTimesMean'
            ? `超过均值 ${rule!.mean.toFixed(2)} 的 10 倍`
            : `远离中位数 ${+typicalValue(rule!).toPrecision(6)}（稳健 Z 分数 > ${rule!.limit}）`;
        add(o.index, f, 'outlier', `异常值 ${o.value}：${why}`, '核对是否录入错误；已标记，未删除');
      }
    }

    return {
      fieldId: f.fieldId,
      field: f.label,
      sourceColumn: f.sourceColumn,
      rows: rowCount,
      filled,
      valid,
      invalid: filled - valid,
      distinct,
      duplicates,
      outliers,
      filledShare: share(filled, rowCount),
      validShare: share(valid, filled),
      uniqueShare: distinct === null ? null : share(distinct, valid),
      invalidExamples: examples,
    };
  });

  const idField = byId.get('customerId');
  const customerIdOf = (i: number): string | null => {
    const r = idField?.results[i];
    return r && r.status === 'ok' ? String(r.value) : null;
  };
  const columnOf = (fieldId: string) => byId.get(fieldId)?.results;
  for (const c of findContradictions(rowCount, columnOf, input.asOf, customerIdOf, input.orders)) {
    add(c.index, byId.get(c.fieldId), 'contradiction', c.problem, c.suggestion);
  }

  issues.sort((a, b) => a.row - b.row);
  const rowsUsable = rowCount - excludedRows.length;
  const availability = share(rowsUsable, rowCount);
  return {
    sheet,
    asOf: input.asOf,
    rowsBefore: rowCount,
    rowsUsable,
    availability,
    availabilityTarget: target,
    meetsTarget: availability >= target,
    keyFieldIds: keyFields.map((f) => f.fieldId),
    excludedRows,
    issueCounts: counts,
    fields: fieldReports,
    issues,
  };
}
