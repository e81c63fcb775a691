import { explainLink, formatProbability, levelLabel } from './explain';
import { Link } from './types';

describe('levelLabel', () => {
  it('says each level in plain words, zh-CN and en-US', () => {
    expect(levelLabel('exact')).toBe('相同');
    expect(levelLabel('else', 'en-US')).toBe('different');
    expect(levelLabel('missing', 'en-US')).toBe('missing');
    expect(levelLabel('jaroWinkler>=0.88', 'zh-CN', 0.9234)).toBe('相似 0.92');
    expect(levelLabel('jaroWinkler>=0.88', 'en-US', 0.9)).toBe('similar 0.90');
    expect(levelLabel('levenshtein<=2')).toBe('相似（差 2 字）');
    expect(levelLabel('digitsSuffix8')).toBe('后 8 位相同');
    expect(levelLabel('dateSwap')).toBe('日月颠倒');
  });
});

describe('explainLink', () => {
  const link: Link = {
    a: 0,
    b: 1,
    probability: 0.992,
    matchWeight: 7,
    contributions: [
      { field: 'region', level: 'else', label: '不同', weight: -1.27 },
      { field: 'email', level: 'missing', label: '缺失', weight: 0 },
      { field: 'name', level: 'jaroWinkler>=0.88', label: '相似 0.92', weight: 4.2, similarity: 0.92 },
      { field: 'phone', level: 'exact', label: '相同', weight: 9.1 },
    ],
  };
  const fields = [
    { name: 'phone', kind: 'phone' as const, label: '联系电话' },
    { name: 'name', kind: 'company' as const, label: '客户名称' },
    { name: 'region', kind: 'region' as const, label: '地区' },
    { name: 'email', kind: 'email' as const },
  ];

  it('lists the strongest evidence first, missing fields last, then the probability', () => {
    expect(explainLink(link, fields)).toBe('联系电话 相同 (+9.1) · 客户名称 相似 0.92 (+4.2) · 地区 不同 (−1.3) · email 缺失 (0) → 99.2%');
  });

  it('speaks English on request', () => {
    expect(explainLink(link, fields, 'en-US')).toBe(
      '联系电话 same (+9.1) · 客户名称 similar 0.92 (+4.2) · 地区 different (−1.3) · email missing (0) → 99.2%',
    );
  });

  it('does not round a near-certain link up to 100%', () => {
    expect(formatProbability(0.99996)).toBe('>99.9%');
    expect(formatProbability(0.5)).toBe('50.0%');
  });
});
