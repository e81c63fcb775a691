/**
 * A mapped column's cells as the analysis shows them: the cleaned value where the normalizer read the cell, the
 * cell as it was where it could not, blank where it is blank. The same reading as the Clean step's `(清洗)` columns,
 * minus the 未填写 filler.
 */
import { CellValue } from '../../cell';
import { ColumnMapping, fieldById } from '../../fields';
import { FieldKind, normalizeColumn } from '../../normalize';
import type { NormalizedRegion } from '../../normalize/region';

/** The normalizer a mapped column goes through (as pipeline/clean.ts reads it). */
export function normalizerKindOf(m: Pick<ColumnMapping, 'fieldId' | 'valueKind'>): FieldKind {
  if (m.fieldId === 'customerName' && m.valueKind === 'company') return 'company';
  const kind = m.fieldId ? fieldById(m.fieldId)?.kind : undefined;
  if (kind === 'number') return 'amount';
  if (kind === undefined || kind === 'id' || kind === 'category') return 'text';
  return kind;
}

function isoToDate(iso: string): Date {
  return new Date(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)));
}

export interface CleanedColumn {
  values: CellValue[];
  /** For a region column: the province and city of each cell (null where unknown). */
  province?: (string | null)[];
  city?: (string | null)[];
}

export function cleanedColumn(m: Pick<ColumnMapping, 'fieldId' | 'valueKind'>, values: readonly CellValue[]): CleanedColumn {
  const kind = normalizerKindOf(m);
  const results = normalizeColumn(kind, values);
  const out: CleanedColumn = {
    values: results.map((r, i) => {
      if (r.status === 'missing') return null;
      if (r.status === 'invalid') return values[i];
      return kind === 'date' ? isoToDate(r.value as string) : (r.value as CellValue);
    }),
  };
  if (kind === 'region') {
    const parts = results.map((r) => (r.status === 'ok' ? (r as NormalizedRegion).region : undefined));
    out.province = parts.map((p) => p?.province || null);
    out.city = parts.map((p) => p?.city || null);
  }
  return out;
}
