import { CellValue } from '../cell';

export type SheetKey = 'crm' | 'orders' | 'tickets' | 'signups';

/** A real formula with the result Excel would have cached for it. */
export interface SampleFormula {
  formula: string;
  result: number;
}

export type SampleCell = CellValue | SampleFormula;

export function isSampleFormula(v: SampleCell): v is SampleFormula {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && 'formula' in v;
}

export interface SampleSheet {
  key: SheetKey;
  name: string;
  /** Text of row 1 when the sheet has a title above its header; `merged` spans it across the table's columns. */
  title: { text: string; merged: boolean } | null;
  /** Excel row number (1-based) of the header; data starts on the next row. */
  headerRow: number;
  header: string[];
  /** Data rows in sheet order; an empty array is a blank row. */
  rows: SampleCell[][];
}

export type InjectionKind =
  | 'crmDuplicate' // a customer entered twice in the CRM, under two ids
  | 'signupDuplicate' // the same person on the sign-up sheet twice for the same event
  | 'companyVariant' // a company written another way than its registered name
  | 'nameVariant' // a person's name with a space, an honorific or in traditional characters
  | 'phoneFormat' // a mobile number written another well-formed way
  | 'phoneInvalid' // a mobile number masked, a digit short or long
  | 'dateFormat' // a day written another readable way
  | 'dateInvalid' // a day that cannot be read
  | 'regionFormat' // a place written another way than 省-市
  | 'emailFormat' // an address in capitals, with ＠, mailto: or spaces
  | 'emailInvalid' // an address without @ or without a dot in the domain
  | 'amountFormat' // an amount as text: ¥1,234.50, RMB, 1.2万, (100.00)
  | 'missingKey' // a CRM row with no id, no phone and no e-mail
  | 'outlier' // an order amount 100x what it should be
  | 'contradiction' // facts that cannot all be true; `detail` says which
  | 'namesake' // different people with the same common name (张伟, 王芳 ...)
  | 'sharedContact' // one contact name at several unrelated companies, different people
  | 'errorCell' // a #N/A left by a failed lookup
  | 'formula' // a real formula cell with a cached result
  | 'blankRow' // an empty row in the middle of the data
  | 'mergedTitle'; // a title merged across the columns above the header

export type ContradictionKind = 'createdAfterUpdated' | 'birthInFuture' | 'churnedButRecentPurchase' | 'orderBeforeFirstContact';

export interface Injection {
  kind: InjectionKind;
  sheet: SheetKey;
  /** Excel row number. */
  row: number;
  /** Header of the cell's column; null for a whole row. */
  column: string | null;
  /** The cell as written, as text (a formula as `=H5*I5`, a date as YYYY-MM-DD, an error as #N/A). */
  value: string;
  /** The true customer behind the row (see SampleManifest.truth). */
  customer: string | null;
  /** Which style or which contradiction, e.g. `masked`, `birthInFuture`. */
  detail: string;
}

export interface SheetSummary {
  key: SheetKey;
  name: string;
  headerRow: number;
  header: string[];
  /** Data rows, blank rows included. */
  rows: number;
}

export interface SampleManifest {
  seed: number;
  asOf: string;
  customers: number;
  sheets: SheetSummary[];
  /**
   * The true customer behind each data row, per sheet (index 0 = the row under the header). CRM customers are
   * keyed by their first CRM id (a duplicate CRM row points to the first); buyers the CRM never saw are `GUEST-n`,
   * sign-ups who are not customers yet `LEAD-n`; blank rows are null.
   */
  truth: Record<SheetKey, (string | null)[]>;
  injections: Injection[];
  counts: Record<InjectionKind, number>;
  /** CRM customers by 客户状态 (the funnel). */
  statusCounts: Record<string, number>;
  /** CRM customers found in at least one other sheet. */
  customersInOtherSheets: number;
}

export interface SampleWorkbook {
  sheets: SampleSheet[];
  manifest: SampleManifest;
}

export interface SampleOptions {
  /** CRM customers (default 3,000). Orders, tickets and sign-ups scale with it. */
  customers?: number;
  seed?: number;
  /** `YYYY-MM-DD`: the day the exports were taken (default 2024-12-31). */
  asOf?: string;
}
