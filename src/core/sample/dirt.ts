/**
 * How much of each oddity the sample holds: shares of the rows (or customers) named, turned into exact counts so
 * the manifest and the tests know precisely what to look for. Every kind gets at least one case, whatever the size.
 */
export const DIRT = {
  crm: {
    /** Customers entered a second time under a new id, written differently. */
    duplicate: 0.03,
    /** Rows with no id, phone or e-mail. */
    missingKey: 0.01,
    phoneFormat: 0.15,
    phoneInvalid: 0.015,
    /** Phones left empty (the row still has an id). */
    phoneBlank: 0.03,
    dateFormat: 0.1,
    regionFormat: 0.4,
    emailFormat: 0.06,
    emailInvalid: 0.01,
    /** #N/A in 所属行业, from a lookup that failed. */
    errorCell: 0.004,
    createdAfterUpdated: 0.005,
    birthInFuture: 0.003,
    /** Customers per famous name (张伟, 王芳, 李娜, 刘洋) who are different people. */
    namesakesPerName: 0.001,
    /** Companies whose contact is the same common name (陈静), different people. */
    sharedContact: 0.001,
  },
  orders: {
    outlier: 0.003,
    amountFormat: 0.08,
    phoneMasked: 0.04,
    phoneFormat: 0.08,
    nameVariant: 0.03,
    dateText: 0.1,
    errorCell: 0.002,
    /** Rows whose 实付金额 is the formula 数量*单价. */
    formulas: 6,
    /** Share of 流失 customers with an order in the last 30 days. */
    churnedButRecentPurchase: 0.1,
    /** Share of buyers with an order dated before their first contact. */
    orderBeforeFirstContact: 0.01,
  },
  tickets: {
    companyVariant: 0.4,
    nameVariant: 0.2,
    phoneFormat: 0.3,
    phoneInvalid: 0.02,
    phoneBlank: 0.03,
  },
  signups: {
    nameVariant: 0.35,
    companyVariant: 0.6,
    phoneFormat: 0.55,
    phoneInvalid: 0.04,
    phoneBlank: 0.02,
    dateFormat: 0.67,
    dateInvalid: 0.03,
    regionFormat: 0.45,
    duplicate: 0.03,
    blankRows: 0.005,
  },
} as const;

/** An exact count for a share of n, at least one. */
export function countOf(share: number, n: number): number {
  return Math.max(1, Math.round(share * n));
}
