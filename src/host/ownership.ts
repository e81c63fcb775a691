/**
 * What Kehu wrote into a workbook (its sheets and the columns it added to users' sheets), kept with the settings
 * under OWNERSHIP_KEY, so a re-run replaces its own output and never a user's sheet or column.
 *
 * The Office host names sheets by Excel's sheet id. The file host (the CLI, the preview) cannot know the id Excel
 * will give a sheet when the file is opened, so it names them `file:<sheet name>`; the Office host adopts such an
 * entry for the sheet of that name the first time it reads the marker, and stores the real id from then on.
 */

export interface Ownership {
  sheets: { id: string; name: string }[];
  columns: { sheetId: string; headerRow: number; header: string }[];
}

export const OWNERSHIP_KEY = '_kehu.owned';

const FILE_PREFIX = 'file:';

/** The id the file host gives a sheet it wrote to. */
export function fileSheetId(name: string): string {
  return FILE_PREFIX + name;
}

/** The marker as stored, with malformed entries dropped. */
export function ownershipFrom(value: unknown): Ownership {
  const v = value as Partial<Ownership> | undefined;
  return {
    sheets: Array.isArray(v?.sheets) ? v.sheets.filter((s) => typeof s?.id === 'string' && typeof s?.name === 'string') : [],
    columns: Array.isArray(v?.columns)
      ? v.columns.filter((c) => typeof c?.sheetId === 'string' && typeof c?.header === 'string' && Number.isInteger(c?.headerRow))
      : [],
  };
}

/** File-host entries (`file:<name>`) given the id of the sheet of that name among `sheets`, where there is one. */
export function adoptFileEntries(owned: Ownership, sheets: readonly { id: string; name: string }[]): Ownership {
  const idOf = new Map(sheets.map((s) => [fileSheetId(s.name), s.id]));
  const adopt = (id: string) => (id.startsWith(FILE_PREFIX) ? idOf.get(id) ?? id : id);
  return {
    sheets: owned.sheets.map((s) => ({ ...s, id: adopt(s.id) })),
    columns: owned.columns.map((c) => ({ ...c, sheetId: adopt(c.sheetId) })),
  };
}

/** Drops entries for sheets that no longer exist. */
export function pruneOwnership(owned: Ownership, liveSheetIds: readonly string[]): Ownership {
  const live = new Set(liveSheetIds);
  return {
    sheets: owned.sheets.filter((s) => live.has(s.id)),
    columns: owned.columns.filter((c) => live.has(c.sheetId)),
  };
}
