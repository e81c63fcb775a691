/** Small XML pieces for the plain SpreadsheetML writer: escaping, A1 references, date serials. */

const ESCAPES = /[&<>"\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|_(?=x[0-9a-fA-F]{4}_)/g;

function escapeOne(ch: string): string {
  switch (ch) {
    case '&':
      return '&amp;';
    case '<':
      return '&lt;';
    case '>':
      return '&gt;';
    case '"':
      return '&quot;';
    case '_':
      return '_x005F_'; // a literal `_x0041_` would otherwise be read back as the character it encodes
    default:
      // Control characters are not allowed in XML 1.0; OOXML writes them as `_xHHHH_`, which Excel reads back.
      return `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`;
  }
}

/** Whether `s` holds a character escapeXml changes; a plain loop, as this runs once per text cell. */
function needsEscape(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 ? c !== 9 && c !== 10 && c !== 13 : c === 38 || c === 60 || c === 62 || c === 34 || c === 95 || c >= 0xfffe) {
      if (c !== 95 || /^_x[0-9a-fA-F]{4}_/.test(s.slice(i, i + 7))) return true;
    }
  }
  return false;
}

/** Text for an element or a double-quoted attribute. */
export function escapeXml(s: string): string {
  return needsEscape(s) ? s.replace(ESCAPES, escapeOne) : s;
}

/** Attribute text that must keep line breaks and tabs (XML normalises them to spaces in attributes). */
export function escapeAttr(s: string): string {
  return escapeXml(s).replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

/** 1 -> A, 27 -> AA. */
export function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function cellRef(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

export function rangeRef(r0: number, c0: number, r1: number, c1: number): string {
  return `${cellRef(r0, c0)}:${cellRef(r1, c1)}`;
}

/**
 * Excel's serial day number of a wall-clock date carried in UTC fields (see workbook.ts), counted the way
 * exceljs reads it back (no 1900 leap-year shift, so dates before March 1900 read back as written).
 */
export function dateSerial(d: Date): number {
  return d.getTime() / 86_400_000 + 25_569;
}

export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
export const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
