import { CellValue } from '../cell';
import { normalizeGender } from './gender';

describe('normalizeGender', () => {
  it.each<CellValue>(['男', '男性', '男士', '先生', 'M', 'm', 'male', 'Male', 'MALE', ' 男 ', 'Ｍ', 'Mr.', '♂'])('%p -> 男', (v) => {
    expect(normalizeGender(v)).toEqual({ value: '男', status: 'ok' });
  });

  it.each<CellValue>(['女', '女性', '女士', '小姐', 'F', 'f', 'female', 'Female', 'Ms', 'Mrs.', 'Miss', '♀'])('%p -> 女', (v) => {
    expect(normalizeGender(v)).toEqual({ value: '女', status: 'ok' });
  });

  it.each<CellValue>(['未知', '保密', '不详', 'Unknown', 'U'])('%p -> 未知', (v) => {
    expect(normalizeGender(v)).toEqual({ value: '未知', status: 'ok' });
  });

  it.each<CellValue>([null, undefined, '', '   ', '\u3000'])('blank %p is missing', (v) => {
    expect(normalizeGender(v)).toEqual({ value: null, status: 'missing' });
  });

  it.each<CellValue>([1, 0, 2, '1', '0', '2'])('numeric code %p is invalid: 1/0 and 1/2 codings both exist', (v) => {
    const r = normalizeGender(v);
    expect(r.status).toBe('invalid');
    expect(r.note).toContain('含义不确定');
  });

  it.each<CellValue>(['男女', 'abc', '其他', 'man woman', 12, 1.5])('%p is invalid', (v) => {
    const r = normalizeGender(v);
    expect(r.status).toBe('invalid');
    expect(r.value).toBeNull();
    expect(r.note).toBeTruthy();
  });

  it.each<CellValue>(['#N/A', { error: '#N/A' }, true, false, new Date(2024, 0, 1), NaN, 'x'.repeat(100_000)])(
    '%p is invalid, never thrown',
    (v) => {
      const r = normalizeGender(v);
      expect(r.status).toBe('invalid');
      expect(r.note).toBeTruthy();
    },
  );

  it('names the Excel error', () => {
    expect(normalizeGender({ error: '#N/A' }).note).toContain('#N/A');
  });
});
