import { pairwiseMetrics, parseFebrl } from './eval';

describe('parseFebrl', () => {
  it('reads `, `-separated rows, keeps leading zeros, blanks are null, truth apart', () => {
    const text =
      'rec_id, given_name, surname, street_number, address_1, address_2, suburb, postcode, state, date_of_birth, soc_sec_id\n' +
      'rec-223-org, , waller, 6, tullaroop street, willaroo, st james, 0811, wa, 19081209, 0988048\n' +
      'rec-223-dup-0, kayla, waler, , tullaroop street, , st james, 0811, wa, 19081209, 0988048\n';
    const d = parseFebrl(text);
    expect(d.fields.map((f) => f.name)).toEqual([
      'given_name', 'surname', 'street_number', 'address_1', 'address_2', 'suburb', 'postcode', 'state', 'date_of_birth', 'soc_sec_id',
    ]);
    expect(d.fields.find((f) => f.name === 'date_of_birth')!.kind).toBe('date');
    expect(d.rows[0]).toEqual([null, 'waller', '6', 'tullaroop street', 'willaroo', 'st james', '0811', 'wa', '19081209', '0988048']);
    expect(d.rows[1][2]).toBeNull();
    expect(d.entity).toEqual(['223', '223']);
  });
});

describe('pairwiseMetrics', () => {
  it('compares pairs within clusters against pairs within true groups', () => {
    // truth: {0,1,2} {3,4} {5}; predicted: {0,1} {2,3,4} {5}
    const m = pairwiseMetrics([0, 0, 1, 1, 1, 2], ['a', 'a', 'a', 'b', 'b', 'c']);
    expect(m.truePairs).toBe(4);
    expect(m.predictedPairs).toBe(4);
    expect(m.correctPairs).toBe(2); // 0-1, 3-4
    expect(m.precision).toBe(0.5);
    expect(m.recall).toBe(0.5);
    expect(m.f1).toBe(0.5);
  });
  it('is perfect when nothing is duplicated and nothing is merged', () => {
    expect(pairwiseMetrics([0, 1, 2], [7, 8, 9]).f1).toBe(1);
  });
});
