/// <reference types="office-js" />
/**
 * Settings and the ownership marker live in a very hidden sheet, `_kehu_settings`, in the same layout the file
 * host uses (column A the key, then the JSON text in chunks of 32,000 characters). Chosen over
 * Office.context.document.settings because the sheet travels with the file to the `kehu` CLI and the preview
 * (document settings are keyed to the add-in and invisible to them), needs no saveAsync round trip, and is
 * written in the same batch as the output it describes.
 */
import type { JsonValue } from '../workbook';
import { OWNERSHIP_KEY, Ownership, adoptFileEntries, ownershipFrom } from '../ownership';
import { a1 } from './a1';

export const SETTINGS_SHEET = '_kehu_settings';
const CELL_TEXT_MAX = 32_000;

export interface StoredSettings {
  values: Map<string, JsonValue>;
  exists: boolean;
}

export async function readSettings(context: Excel.RequestContext): Promise<StoredSettings> {
  const values = new Map<string, JsonValue>();
  const sheet = context.workbook.worksheets.getItemOrNullObject(SETTINGS_SHEET);
  await context.sync();
  if (sheet.isNullObject) return { values, exists: false };
  const used = sheet.getUsedRangeOrNullObject(true).load('values');
  await context.sync();
  if (used.isNullObject) return { values, exists: true };
  for (const row of used.values) {
    const [key, ...chunks] = row.map((v) => (typeof v === 'string' ? v : ''));
    if (!key) continue;
    try {
      values.set(key, JSON.parse(chunks.join('')) as JsonValue);
    } catch {
      // A hand-edited, broken setting is ignored rather than failing the whole workbook.
    }
  }
  return { values, exists: true };
}

/** Queues the rewrite of the settings sheet (added very hidden when missing); the caller syncs. */
export function queueSettingsWrite(context: Excel.RequestContext, stored: StoredSettings): void {
  const worksheets = context.workbook.worksheets;
  let sheet: Excel.Worksheet;
  if (stored.exists) {
    sheet = worksheets.getItem(SETTINGS_SHEET);
    sheet.getRange().clear('Contents');
  } else {
    sheet = worksheets.add(SETTINGS_SHEET);
    sheet.visibility = 'VeryHidden';
    stored.exists = true;
  }
  const rows: string[][] = [];
  for (const [key, value] of stored.values) {
    const text = JSON.stringify(value);
    const row = [key];
    for (let i = 0; i < text.length; i += CELL_TEXT_MAX) row.push(text.slice(i, i + CELL_TEXT_MAX));
    rows.push(row);
  }
  if (rows.length === 0) return;
  const width = rows.reduce((m, r) => Math.max(m, r.length), 0);
  const values = rows.map((r) => Array.from({ length: width }, (_, j) => r[j] ?? ''));
  const range = sheet.getRange(a1(0, 0, rows.length, width));
  range.numberFormat = values.map((r) => r.map(() => '@')); // JSON like `123`, `true`, `-1` must stay text
  range.values = values;
}

/**
 * The ownership marker (see ownership.ts). With `sheets` (the live sheets), entries the file host wrote are given
 * the id of the sheet of their name.
 */
export function ownershipOf(stored: StoredSettings, sheets: readonly { id: string; name: string }[] = []): Ownership {
  return adoptFileEntries(ownershipFrom(stored.values.get(OWNERSHIP_KEY)), sheets);
}

export function setOwnership(stored: StoredSettings, owned: Ownership): void {
  stored.values.set(OWNERSHIP_KEY, owned as unknown as JsonValue);
}
