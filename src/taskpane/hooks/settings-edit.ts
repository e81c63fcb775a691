/** Pure edits of PipelineSettings, as the steps' controls make them. */
import type { PipelineSettings, SourceDetection, SourceRole, SourceSetting } from '../../core/pipeline/types';

/** A source as detection found it. */
export function detectedSource(d: SourceDetection): SourceSetting {
  return { sheet: d.sheet, role: d.role, headerRow: d.headerRow, mapping: Object.fromEntries(d.columns.map((c) => [c.header, c.fieldId])) };
}

/**
 * The settings with one source per detected sheet, in workbook order: the saved choice where there is one, what
 * detection found for a sheet added since. Sources of sheets no longer in the workbook are dropped.
 */
export function withDetections(settings: PipelineSettings, detections: readonly SourceDetection[]): PipelineSettings {
  const saved = new Map(settings.sources.map((s) => [s.sheet, s]));
  return { ...settings, sources: detections.map((d) => saved.get(d.sheet) ?? detectedSource(d)) };
}

function editSource(settings: PipelineSettings, sheet: string, edit: (s: SourceSetting) => SourceSetting): PipelineSettings {
  return { ...settings, sources: settings.sources.map((s) => (s.sheet === sheet ? edit(s) : s)) };
}

export function setRole(settings: PipelineSettings, sheet: string, role: SourceRole): PipelineSettings {
  return editSource(settings, sheet, (s) => ({ ...s, role }));
}

/** Maps `header` to `fieldId` (null: not used). A field is used by one column of a sheet: another column holding it is let go. */
export function setMapping(settings: PipelineSettings, sheet: string, header: string, fieldId: string | null): PipelineSettings {
  return editSource(settings, sheet, (s) => {
    const mapping: Record<string, string | null> = {};
    for (const [h, f] of Object.entries(s.mapping)) mapping[h] = fieldId !== null && f === fieldId && h !== header ? null : f;
    mapping[header] = fieldId;
    return { ...s, mapping };
  });
}

/** `list` with `item` in it or not, keeping the order of `order` when given. */
export function toggled<T>(list: readonly T[], item: T, on: boolean, order?: readonly T[]): T[] {
  const set = new Set(list);
  if (on) set.add(item);
  else set.delete(item);
  return order ? order.filter((x) => set.has(x)) : [...set];
}

export function setRejected(settings: PipelineSettings, groupKey: string, rejected: boolean): PipelineSettings {
  return { ...settings, dedup: { ...settings.dedup, rejectedGroups: toggled(settings.dedup.rejectedGroups, groupKey, rejected) } };
}

/** The standard fields mapped in any used source, each once, in the order they first appear. */
export function mappedFieldIds(settings: PipelineSettings): string[] {
  const out = new Set<string>();
  for (const s of settings.sources) {
    if (s.role === 'ignore') continue;
    for (const f of Object.values(s.mapping)) if (f) out.add(f);
  }
  return [...out];
}
