/** Generic text fields (notes, titles, free text): tidy the spacing and width, change nothing else. */
import { CellValue } from '../cell';
import { foldWidth } from './text';
import { MISSING, Normalized, invalid, ok, precheck } from './types';

const ZERO_WIDTH = /[\u200b-\u200d\u2060]/g;
const WHITESPACE_RUN = /\s+/g;

/**
 * Full-width ASCII folded to half-width, zero-width characters dropped, every run of whitespace
 * (including the ideographic space, NBSP and line breaks) made one space, ends trimmed.
 * The shared first step of the text-like normalizers (name, company, industry).
 */
export function tidyText(s: string): string {
  return foldWidth(s).replace(ZERO_WIDTH, '').replace(WHITESPACE_RUN, ' ').trim();
}

/** A date as text: the day alone when it has no time of day (how spreadsheets hand over plain dates). */
function dateAsText(d: Date): string {
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

export function normalizeText(v: CellValue): Normalized<string> {
  const pre = precheck<string>(v);
  if (pre) return pre;
  if (typeof v === 'string') {
    const s = tidyText(v);
    return s === '' ? MISSING : ok(s);
  }
  if (typeof v === 'number') return Number.isFinite(v) ? ok(String(v), '数字按文本写出') : invalid('不是有效的数字');
  if (typeof v === 'boolean') return ok(v ? 'TRUE' : 'FALSE', '逻辑值按文本写出');
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? invalid('无效日期') : ok(dateAsText(v), '日期按文本写出');
  return invalid('无法识别的单元格值');
}
