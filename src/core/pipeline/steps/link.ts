/**
 * Which customer a row of any sheet is about. Order and interaction exports rarely carry the CRM's customer id
 * (a shop's 会员号, a ticket's caller), so a row is linked by the first of these that names exactly one customer:
 *   1. its customer id, when it is a master customer id;
 *   2. its phone, normalized (+86 138-1234-5678 = 13812345678);
 *   3. its e-mail, normalized;
 *   4. its person name, normalized (張 偉先生 = 张伟);
 *   5. its company, by match key (腾达科技（深圳）有限公司 = 深圳市腾达科技有限公司).
 * A value two customers share (a family phone, the namesake 张伟) is ambiguous and does not link; the next key is
 * tried. Only valid values link: a masked phone matches nothing. A row whose phone or e-mail is valid but belongs
 * to no customer is someone else (a buyer the customer sheets do not list): it is not linked by name alone, which
 * on the sample workbook linked two such guests wrongly for every three right.
 */
import { CellValue, cellToText, isBlank } from '../../cell';
import type { ColumnMapping } from '../../fields';
import { NORMALIZERS } from '../../normalize';
import type { NormalizedCompany } from '../../normalize/company';
import type { Table } from '../../table';

export type LinkKey = 'id' | 'phone' | 'email' | 'name' | 'company';
export const LINK_KEYS: readonly LinkKey[] = ['id', 'phone', 'email', 'name', 'company'];

/** Per table row, the normalized value of each key (null when absent or invalid). */
export type RowKeys = Record<LinkKey, (string | null)[]>;

const AMBIGUOUS = -2;

/** Cell text of an id, trimmed. */
function idText(v: CellValue): string | null {
  if (isBlank(v) || (typeof v === 'object' && !(v instanceof Date))) return null;
  const s = cellToText(v).trim();
  return s === '' ? null : s;
}

/** The normalizer's value of each cell when valid; repeated cells are normalized once. */
function validValues(values: readonly CellValue[], read: (v: CellValue) => string | null): (string | null)[] {
  const memo = new Map<CellValue, string | null>();
  return values.map((v) => {
    if (typeof v !== 'string' && typeof v !== 'number') return read(v);
    let out = memo.get(v);
    if (out === undefined) {
      out = read(v);
      memo.set(v, out);
    }
    return out;
  });
}

const okText = (kind: 'phone' | 'email' | 'name') => (v: CellValue): string | null => {
  const r = NORMALIZERS[kind](v);
  return r.status === 'ok' && typeof r.value === 'string' && r.value !== '' ? r.value : null;
};

const companyKeyOf = (v: CellValue): string | null => {
  const r = NORMALIZERS.company(v) as NormalizedCompany;
  return r.status === 'ok' ? r.key ?? (r.value as string) : null;
};

/** The key columns of a table: customerId; phone (else phone2); email; the person name; the company. */
export function rowKeys(table: Table, mapping: readonly ColumnMapping[]): RowKeys {
  const col = (pred: (m: ColumnMapping) => boolean) => {
    const m = mapping.find(pred);
    return m ? table.columns[m.column].values : null;
  };
  const none = () => new Array<string | null>(table.rowCount).fill(null);
  const companyLike = (m: ColumnMapping) => m.fieldId === 'customerName' && m.valueKind === 'company';
  const idCol = col((m) => m.fieldId === 'customerId');
  const phoneCol = col((m) => m.fieldId === 'phone') ?? col((m) => m.fieldId === 'phone2');
  const emailCol = col((m) => m.fieldId === 'email');
  const nameCol = col((m) => m.fieldId === 'customerName' && !companyLike(m)) ?? col((m) => m.fieldId === 'contact');
  const companyCol = col((m) => m.fieldId === 'company') ?? col(companyLike);
  return {
    id: idCol ? idCol.map(idText) : none(),
    phone: phoneCol ? validValues(phoneCol, okText('phone')) : none(),
    email: emailCol ? validValues(emailCol, okText('email')) : none(),
    name: nameCol ? validValues(nameCol, okText('name')) : none(),
    company: companyCol ? validValues(companyCol, companyKeyOf) : none(),
  };
}

/** Key value -> customer, for the master rows; a value of two customers is ambiguous. */
export class CustomerIndex {
  private readonly maps: Record<LinkKey, Map<string, number>> = {
    id: new Map(), phone: new Map(), email: new Map(), name: new Map(), company: new Map(),
  };

  /** Adds the rows of one master table; `customerOf[r]` is the customer of row r (-1: skip the row). */
  add(keys: RowKeys, customerOf: ArrayLike<number>): void {
    for (const k of LINK_KEYS) {
      const map = this.maps[k];
      const values = keys[k];
      for (let r = 0; r < values.length; r++) {
        const v = values[r];
        const c = customerOf[r];
        if (v === null || c < 0) continue;
        const prev = map.get(v);
        if (prev === undefined) map.set(v, c);
        else if (prev !== c) map.set(v, AMBIGUOUS);
      }
    }
  }

  /** The customer of row r of another table, and by which key; -1 when none. */
  link(keys: RowKeys, r: number): { customer: number; by: LinkKey | null } {
    let unknownContact = false;
    for (const k of LINK_KEYS) {
      const v = keys[k][r];
      if (v === null) continue;
      if (unknownContact && (k === 'name' || k === 'company')) break;
      const c = this.maps[k].get(v);
      if (c !== undefined && c !== AMBIGUOUS) return { customer: c, by: k };
      if (c === undefined && (k === 'phone' || k === 'email')) unknownContact = true;
    }
    return { customer: -1, by: null };
  }

  get size(): number {
    return this.maps.id.size + this.maps.phone.size + this.maps.email.size + this.maps.name.size + this.maps.company.size;
  }
}

/**
 * The key a row not linked to any master customer is counted under: its own id, else its phone, e-mail, name or
 * company; null when it has none (the row names nobody).
 */
export function ownKey(keys: RowKeys, r: number): string | null {
  for (const k of LINK_KEYS) if (keys[k][r] !== null) return keys[k][r];
  return null;
}
