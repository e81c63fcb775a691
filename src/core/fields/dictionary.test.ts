import { STANDARD_FIELDS, fieldById, fieldsOfKind } from './dictionary';
import { parseHeader } from './header-text';

describe('STANDARD_FIELDS', () => {
  test('ids are unique and every field is labelled in both languages', () => {
    const ids = STANDARD_FIELDS.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of STANDARD_FIELDS) {
      expect(f.zh).toMatch(/[\u4e00-\u9fff]|QQ/);
      expect(f.en).toMatch(/^[A-Za-z]/);
      expect(f.role.length).toBeGreaterThan(0);
    }
  });

  test('holds the fields the pipeline relies on', () => {
    for (const id of ['customerId', 'customerName', 'contact', 'phone', 'email', 'region', 'industry', 'source', 'gender',
      'birthDate', 'createdAt', 'updatedAt', 'status', 'level', 'owner', 'orderId', 'orderDate', 'amount', 'quantity',
      'unitPrice', 'product', 'country', 'interactionType', 'interactionTime', 'channel', 'result', 'ticketId']) {
      expect(fieldById(id)).toBeDefined();
    }
    expect(fieldById('nope')).toBeUndefined();
  });

  test('a secondary names an existing primary of the same kind', () => {
    const secondaries = STANDARD_FIELDS.filter((f) => f.secondaryOf);
    expect(secondaries.length).toBeGreaterThan(0);
    for (const f of secondaries) expect(fieldById(f.secondaryOf!)?.kind).toBe(f.kind);
  });

  test('keys are the identifiers of their role', () => {
    expect(STANDARD_FIELDS.filter((f) => f.key).map((f) => f.id).sort()).toEqual(['customerId', 'orderId', 'ticketId']);
  });

  test('no header text names two fields, except the intended overlaps', () => {
    // region is the catch-all place column (the brief's 地址/城市/省份 synonyms); the specific place fields take the same
    // words when a sheet has several place columns; customerName takes company names on B2B sheets.
    const intended = new Set(['region|address', 'region|city', 'region|province', 'customerName|company']);
    const owners = new Map<string, Set<string>>();
    for (const f of STANDARD_FIELDS) {
      for (const t of [f.zh, f.en, f.id, ...f.synonyms, ...(f.exactOnly ?? [])]) {
        const { key, ordinal } = parseHeader(t);
        if (ordinal > 0) continue; // `phone2` is not matched as a name (see buildSynonyms)
        if (!owners.has(key)) owners.set(key, new Set());
        owners.get(key)!.add(f.id);
      }
    }
    const clashes: string[] = [];
    for (const [key, ids] of owners) {
      if (ids.size < 2) continue;
      const pair = [...ids].join('|');
      if (!intended.has(pair)) clashes.push(`${key}: ${pair}`);
    }
    expect(clashes).toEqual([]);
  });

  test('fieldsOfKind lists every place field for region', () => {
    expect(fieldsOfKind('region').map((f) => f.id)).toEqual(['region', 'province', 'city', 'district', 'address']);
    expect(fieldsOfKind('phone').map((f) => f.id)).toEqual(['phone', 'phone2']);
  });
});
