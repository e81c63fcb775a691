import { parseA1Range } from './chart-a1';
import { readCellFormats, readRange, readSharedStrings, readSheetGeometry } from './chart-sheet-read';

const SST = `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3">
<si><t>地区</t></si><si><r><t>华</t></r><r><rPr><b/></rPr><t xml:space="preserve">东 &amp; 沪</t></r><rPh sb="0" eb="1"><t>ホア</t></rPh></si><si/></sst>`;

const STYLES = `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.0&quot;元&quot;"/></numFmts>
<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="10"/><xf numFmtId="14"/></cellXfs>
</styleSheet>`;

// Prefixed namespace, a row and a cell without `r`, inline and formula strings, booleans, errors, ISO dates.
const SHEET = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<x:sheetFormatPr defaultRowHeight="18"/><x:cols><x:col min="2" max="3" width="20" customWidth="1"/><x:col min="4" max="4" width="5" hidden="1"/></x:cols>
<x:sheetData>
<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>销售额</x:t></x:is></x:c><x:c r="C1" t="str"><x:f>"占"&amp;"比"</x:f><x:v>占比</x:v></x:c></x:row>
<x:row ht="30" customHeight="1"><x:c t="s"><x:v>1</x:v></x:c><x:c s="1"><x:v>1234.5</x:v></x:c><x:c s="2"><x:v>0.25</x:v></x:c></x:row>
<x:row r="4" hidden="1"><x:c r="A4" t="b"><x:v>1</x:v></x:c><x:c r="B4" t="e"><x:v>#N/A</x:v></x:c><x:c r="C4" s="3" t="d"><x:v>2024-03-01T00:00:00Z</x:v></x:c></x:row>
<x:row r="9"><x:c r="B9"><x:v>7</x:v></x:c></x:row>
</x:sheetData></x:worksheet>`;

describe('reading chart data from sheet XML', () => {
  const sst = readSharedStrings(SST);

  it('reads shared strings, joining rich runs and dropping phonetic runs', () => {
    expect(sst).toEqual(['地区', '华东 & 沪', '']);
  });

  it('reads every cell type of a range, placing cells without r after their neighbour', () => {
    const formats = readCellFormats(STYLES);
    const { values, formats: f } = readRange(SHEET, parseA1Range('A1:C4')!, sst, formats);
    expect(values[0]).toEqual(['地区', '销售额', '占比']);
    expect(values[1]).toEqual(['华东 & 沪', 1234.5, 0.25]);
    expect(values[2]).toEqual([null, null, null]); // row 3 is absent
    // 2024-03-01 is serial 45352 in the 1900 date system.
    expect(values[3]).toEqual([true, '#N/A', 45352]);
    expect(f[1]).toEqual(['General', '#,##0.0"元"', '0.00%']);
    expect(f[3][2]).toBe('yyyy/m/d');
  });

  it('stops at the range and ignores cells outside its columns', () => {
    const { values } = readRange(SHEET, parseA1Range('B2:B2')!, sst, () => 'General');
    expect(values).toEqual([[1234.5]]);
  });

  it('measures columns and rows the way Excel does (px from stored width; points for rows)', () => {
    const g = readSheetGeometry(SHEET, 10);
    // Default width without defaultColWidth: 8 digits × 7 px + 5 px, rounded up to 64 px.
    expect(g.colWidth(0)).toBe(64 * 9525);
    // width 20 → trunc((256·20 + 18) / 256 · 7) = 140 px.
    expect(g.colWidth(1)).toBe(140 * 9525);
    expect(g.colWidth(2)).toBe(140 * 9525);
    expect(g.colWidth(3)).toBe(0); // hidden
    expect(g.rowHeight(0)).toBe(18 * 12700); // sheet default
    expect(g.rowHeight(1)).toBe(30 * 12700); // row 2 has no r, follows row 1
    expect(g.rowHeight(3)).toBe(0); // hidden
  });
});
