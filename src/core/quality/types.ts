import { CellValue } from '../cell';
import { Normalized } from '../normalize/types';

/** One mapped column as the quality step sees it: raw cells and what the normalizer made of them. */
export interface QualityField {
  fieldId: string;
  /** Label shown to the user, e.g. 联系电话. */
  label: string;
  /** The sheet's own header of the column. */
  sourceColumn: string;
  raw: readonly CellValue[];
  results: readonly Normalized<unknown>[];
  /** Checked for repeated values (customer id, phone, email on a master sheet). */
  checkUnique?: boolean;
  /** Checked for outliers (amounts, quantities). */
  numeric?: boolean;
}

/** Orders of the same customers, for "an order before the customer's first contact" and "流失 but bought lately". */
export interface OrderDates {
  sheet: string;
  customerIds: readonly (string | null)[];
  /** `YYYY-MM-DD` or null. */
  dates: readonly (string | null)[];
  rowNumbers: ArrayLike<number>;
}

export interface QualityInput {
  sheet: string;
  rowCount: number;
  /** Excel row number of each data row. */
  rowNumbers: ArrayLike<number>;
  fields: QualityField[];
  /** A row missing every one of these is excluded from analysis (kept and listed). */
  keyFieldIds: readonly string[];
  /** `YYYY-MM-DD`: "today" for future-date and recency rules. */
  asOf: string;
  orders?: OrderDates;
  /** Rows listed per field as invalid examples. */
  examplesPerField?: number;
  /** Availability target, default 0.95. */
  availabilityTarget?: number;
}

export type IssueKind = 'missingKey' | 'missing' | 'invalid' | 'duplicate' | 'outlier' | 'contradiction';

export interface QualityIssue {
  sheet: string;
  row: number;
  fieldId: string;
  field: string;
  value: string;
  kind: IssueKind;
  problem: string;
  suggestion: string;
}

export interface FieldQuality {
  fieldId: string;
  field: string;
  sourceColumn: string;
  rows: number;
  filled: number;
  valid: number;
  invalid: number;
  /** Distinct valid values; null when uniqueness is not checked for this field. */
  distinct: number | null;
  duplicates: number | null;
  outliers: number;
  filledShare: number;
  validShare: number;
  uniqueShare: number | null;
  invalidExamples: { row: number; value: string; note: string }[];
}

export interface QualityReport {
  sheet: string;
  asOf: string;
  rowsBefore: number;
  /** Rows kept for analysis: not missing every key field. */
  rowsUsable: number;
  availability: number;
  availabilityTarget: number;
  meetsTarget: boolean;
  keyFieldIds: readonly string[];
  /** Row numbers excluded from analysis for missing every key field. */
  excludedRows: number[];
  issueCounts: Record<IssueKind, number>;
  fields: FieldQuality[];
  issues: QualityIssue[];
}
