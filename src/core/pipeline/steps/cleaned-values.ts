/**
 * A mapped column's cells as the analysis shows them: the cleaned value where the normalizer read the cell, the
 * cell as it was where it could not, blank where it is blank. The same reading as the Clean step's `(清洗)` columns,
 * minus the 未填写 filler.
 */
import { CellValue } from '../../cell';
import { isoToDate, normalizerKind } from '../clean';
import { ColumnMapping } from '../../fields';
import { normalizeColumn } from '../../normalize';
import type { NormalizedRegion } from '../../normalize/region';

export interface CleanedColumn {
  values: CellValue[];
  /** For a region column: the province and city of each cell (null where unknown). */
  province?: (string | null)[];
  city?: (string | null)[];
}

export function cleanedColumn(m: Pick<ColumnMapping, 'fieldId' | 'valueKind'>, values: readonly CellValue[]): CleanedColumn {
  const kind = normalizerKind(m);
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
