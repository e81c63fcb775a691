import { SourceDetection, settingsToJson } from '../types';
import { REPORT_CHART_IDS, REPORT_SHEET_IDS, defaultSettings, parseSettings } from './settings';

const detections: SourceDetection[] = [
  {
    sheet: '客户', rowCount: 3, columnCount: 2, headerRow: 2, role: 'master', roleConfidence: 1,
    columns: [
      { header: '电话', fieldId: 'phone', confidence: 1, reason: '' },
      { header: '备注', fieldId: null, confidence: 0, reason: '' },
    ],
  },
  { sheet: '空', rowCount: 0, columnCount: 0, headerRow: 1, role: 'ignore', roleConfidence: 0, columns: [], problem: '空' },
];

describe('defaultSettings', () => {
  it('takes each sheet as detected, every column listed, and default rules in the locale', () => {
    const s = defaultSettings(detections, 'en-US');
    expect(s.sources).toEqual([
      { sheet: '客户', role: 'master', headerRow: 2, mapping: { 电话: 'phone', 备注: null } },
      { sheet: '空', role: 'ignore', headerRow: 1, mapping: {} },
    ]);
    expect(s.report).toEqual({ sheets: [...REPORT_SHEET_IDS], charts: [...REPORT_CHART_IDS] });
    expect(s.tags.find((t) => t.id === 'high-value')?.name).toBe('High value');
    expect(defaultSettings(detections, 'zh-CN').tags.find((t) => t.id === 'high-value')?.name).toBe('高价值客户');
  });
});

describe('parseSettings', () => {
  const good = settingsToJson({ ...defaultSettings(detections, 'zh-CN'), asOf: '2024-12-31' });

  it('reads back what was saved', () => {
    expect(parseSettings(good)).toEqual({ ...defaultSettings(detections, 'zh-CN'), asOf: '2024-12-31' });
  });

  it('drops report ids it does not know rather than failing', () => {
    const v = JSON.parse(JSON.stringify(good));
    v.report.charts.push('sankey');
    expect(parseSettings(v)?.report.charts).toEqual([...REPORT_CHART_IDS]);
  });

  it.each([
    ['no value', undefined],
    ['another version', { ...(good as object), version: 2 }],
    ['a bad date', { ...(good as object), asOf: '31/12/2024' }],
    ['a bad role', { ...(good as object), sources: [{ sheet: 'x', role: 'boss', headerRow: 1, mapping: {} }] }],
    ['a threshold of 1', { ...(good as object), dedup: { threshold: 1, rejectedGroups: [] } }],
    ['a tag rule without text', { ...(good as object), tags: [{ id: 'a', name: 'b', enabled: true }] }],
  ])('is null for %s', (_, v) => {
    expect(parseSettings(v as never)).toBeNull();
  });
});
