import type { PipelineSettings, SourceDetection } from '../../core/pipeline/types';
import { mappedFieldIds, setMapping, setRejected, toggled, withDetections } from './settings-edit';

const detection = (sheet: string, columns: [string, string | null][]): SourceDetection => ({
  sheet,
  rowCount: 3,
  columnCount: columns.length,
  headerRow: 1,
  role: 'master',
  roleConfidence: 0.9,
  columns: columns.map(([header, fieldId]) => ({ header, fieldId, confidence: 1, reason: '' })),
});

const base = {
  version: 1,
  locale: 'zh-CN',
  sources: [
    { sheet: '客户', role: 'master', headerRow: 2, mapping: { 姓名: 'customerName', 电话: null } },
    { sheet: '旧表', role: 'value', headerRow: 1, mapping: { 金额: 'amount' } },
  ],
  dedup: { threshold: 0.9, rejectedGroups: ['a'] },
} as unknown as PipelineSettings;

describe('settings edits', () => {
  it('keeps saved sources, adds new sheets as detected, drops sheets gone, in workbook order', () => {
    const next = withDetections(base, [detection('新表', [['手机', 'phone']]), detection('客户', [['姓名', 'customerName'], ['电话', 'phone']])]);
    expect(next.sources).toEqual([
      { sheet: '新表', role: 'master', headerRow: 1, mapping: { 手机: 'phone' } },
      base.sources[0],
    ]);
  });

  it('maps a column and lets go of another column of the same sheet holding that field', () => {
    const next = setMapping(base, '客户', '电话', 'customerName');
    expect(next.sources[0].mapping).toEqual({ 姓名: null, 电话: 'customerName' });
    expect(setMapping(base, '客户', '姓名', null).sources[0].mapping).toEqual({ 姓名: null, 电话: null });
    expect(base.sources[0].mapping).toEqual({ 姓名: 'customerName', 电话: null }); // not mutated
  });

  it('toggles list items, keeping a given order', () => {
    expect(toggled(['b'], 'a', true, ['a', 'b', 'c'])).toEqual(['a', 'b']);
    expect(toggled(['a', 'b'], 'a', false)).toEqual(['b']);
    expect(setRejected(base, 'x', true).dedup.rejectedGroups).toEqual(['a', 'x']);
    expect(setRejected(base, 'a', false).dedup.rejectedGroups).toEqual([]);
  });

  it('lists the fields mapped in used sources', () => {
    expect(mappedFieldIds(base)).toEqual(['customerName', 'amount']);
    expect(mappedFieldIds({ ...base, sources: [{ ...base.sources[1], role: 'ignore' }] })).toEqual([]);
  });
});
