import { dedupe, explainLink } from '.';
import { DedupInput } from './types';

const fields: DedupInput['fields'] = [
  { name: 'name', kind: 'personName', label: '姓名' },
  { name: 'region', kind: 'region', label: '地区' },
  { name: 'idNumber', kind: 'id', label: '证件号码' },
];
const rows = [
  ['张伟', '北京市', '110101198503120011'], // 0
  ['张伟', '北京市', '110101198503120011'], // 1: same id -> evidence for
  ['张伟', '北京市', '440301199001010022'], // 2: another id -> evidence against
  ['张伟', '北京市', '110101198503120012'], // 3: one digit off -> a typo, no evidence
  ['张伟', '北京市', null], // 4: missing -> no evidence
];
const comparisons = [
  { field: 'name', levels: [{ type: 'exact' as const }] },
  { field: 'region', levels: [{ type: 'exact' as const }] },
];

describe('evidence rules', () => {
  const plain = dedupe({ fields, rows }, { comparisons });
  const ruled = dedupe({ fields, rows }, { comparisons, evidence: [{ field: 'idNumber', same: 12, different: -12 }] });
  const link = (r: typeof plain, a: number, b: number) => r.links.find((l) => l.a === a && l.b === b);
  const weight = (r: typeof plain, a: number, b: number) => {
    const l = link(r, a, b);
    return l ? l.matchWeight : -Infinity;
  };

  it('adds weight for the same id, takes it off for a different one, nothing for a typo or a gap', () => {
    const base = weight(plain, 0, 4);
    expect(weight(plain, 0, 1)).toBeCloseTo(base, 6); // without rules, the id says nothing
    expect(weight(ruled, 0, 1)).toBeCloseTo(base + 12, 6);
    expect(weight(ruled, 0, 3)).toBeCloseTo(base, 6);
    expect(weight(ruled, 0, 4)).toBeCloseTo(base, 6);
    expect(weight(ruled, 0, 2)).toBeCloseTo(base - 12, 6);
  });

  it('shows the rule in the explanation, and the weights still add up', () => {
    const l = link(ruled, 0, 1)!;
    expect(l.contributions.find((c) => c.field === 'idNumber')).toMatchObject({ level: 'ruleSame', weight: 12 });
    expect(explainLink(l, fields)).toContain('证件号码 相同（规则加分） (+12.0)');
    const sum = l.contributions.reduce((s, c) => s + c.weight, 0);
    expect(l.matchWeight).toBeCloseTo(sum + Math.log2(ruled.model.lambda / (1 - ruled.model.lambda)), 6);
    expect(link(ruled, 0, 4)!.contributions.some((c) => c.field === 'idNumber')).toBe(false);
  });
});
