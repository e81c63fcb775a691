/** Column widths in points, as Office.js sets them; the widths in characters come from host/column-widths. */
export { columnWidthsOf, displayWidth } from '../column-widths';

/**
 * Excel column width in characters -> points, as Excel converts it for the default font (Calibri 11: a maximum
 * digit width of 7 px plus 5 px of padding, 0.75 pt per px).
 */
export function widthToPoints(chars: number): number {
  return (Math.trunc(chars * 7 + 5)) * 0.75;
}
