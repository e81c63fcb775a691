import * as iconv from 'iconv-lite';
import { CsvRow, decodeCsvBytes, detectDelimiter, parseCsv, parseCsvRows, parseCsvTable } from './csv';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeCsvBytes', () => {
  const text = '姓名,电话\n张三,13800000000\n';

  it('reads plain UTF-8', () => {
    expect(decodeCsvBytes(utf8(text))).toEqual({ text, encoding: 'utf-8' });
  });

  it('strips a UTF-8 BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);
    expect(decodeCsvBytes(bytes)).toEqual({ text, encoding: 'utf-8-bom' });
  });

  it('reads GBK (Chinese Excel "CSV") as GB18030 when the bytes are not valid UTF-8', () => {
    const gbk = iconv.encode('客户名称,地址\n深圳市腾讯计算机系统有限公司,广东省深圳市南山区\n', 'gbk');
    expect(decodeCsvBytes(gbk)).toEqual({
      text: '客户名称,地址\n深圳市腾讯计算机系统有限公司,广东省深圳市南山区\n',
      encoding: 'gb18030',
    });
  });

  it('reads GB18030 four-byte characters', () => {
    const bytes = iconv.encode('名字\n𠀀𠀁,龘\n', 'gb18030');
    expect(decodeCsvBytes(bytes).text).toBe('名字\n𠀀𠀁,龘\n');
  });

  it('reads UTF-16LE with BOM (Excel "Unicode text")', () => {
    const body = iconv.encode('a\tb\n客户\t1\n', 'utf-16le');
    expect(decodeCsvBytes(new Uint8Array([0xff, 0xfe, ...body]))).toEqual({ text: 'a\tb\n客户\t1\n', encoding: 'utf-16le' });
  });
});

describe('detectDelimiter', () => {
  it('finds comma, tab and semicolon', () => {
    expect(detectDelimiter('a,b,c\n1,2,3\n')).toBe(',');
    expect(detectDelimiter('a\tb\tc\n1\t2\t3\n')).toBe('\t');
    expect(detectDelimiter('a;b;c\n1;2;3\n')).toBe(';');
  });

  it('ignores delimiters inside quotes', () => {
    // commas only inside quotes, semicolons consistent
    expect(detectDelimiter('name;amount\n"Smith, J";"1,5"\n"Li, K";"2,5"\n')).toBe(';');
  });

  it('prefers the consistent delimiter over a more frequent but ragged one', () => {
    expect(detectDelimiter('a\tb\nx,y,z,w\t1\nq\t2\nr,s\t3\n')).toBe('\t');
  });

  it('decides a header-only file by its count and falls back to comma', () => {
    expect(detectDelimiter('a;b;c')).toBe(';');
    expect(detectDelimiter('just one column\n')).toBe(',');
    expect(detectDelimiter('')).toBe(',');
  });
});

describe('parseCsvRows', () => {
  const parseAll = (text: string, d: ',' | '\t' | ';' = ',') => {
    const out: CsvRow[] = [];
    expect(parseCsvRows(text, d, 0, Infinity, out)).toBe(text.length);
    return out;
  };

  it('splits plain lines, LF and CRLF, empty fields as null', () => {
    expect(parseAll('a,b,c\r\n1,,3\n,x,\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', null, '3'],
      [null, 'x', null],
    ]);
  });

  it('handles quoted delimiters, doubled quotes and line breaks inside quotes', () => {
    expect(parseAll('id,note\n1,"a, b"\n2,"say ""hi"""\n3,"line1\nline2\r\nline3"\n4,"" \n')).toEqual([
      ['id', 'note'],
      ['1', 'a, b'],
      ['2', 'say "hi"'],
      ['3', 'line1\nline2\r\nline3'],
      ['4', ' '],
    ]);
  });

  it('treats a quoted empty field as empty and keeps text after a closing quote', () => {
    expect(parseAll('"",x\n"ab"c,d')).toEqual([
      [null, 'x'],
      ['abc', 'd'],
    ]);
  });

  it('reads lone CR line ends (old Mac exports)', () => {
    expect(parseAll('a,b\r1,2\r')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('keeps inner empty lines as empty rows and a last line without line break', () => {
    expect(parseAll('a\n\nb')).toEqual([['a'], [], ['b']]);
  });

  it('runs an unterminated quote to the end of the text', () => {
    expect(parseAll('a,"open\nmore')).toEqual([['a', 'open\nmore']]);
  });

  it('stops after maxRows and resumes from the returned position', () => {
    const text = 'a,b\n"x\ny",2\n3,4\n';
    const out: CsvRow[] = [];
    const p1 = parseCsvRows(text, ',', 0, 2, out);
    expect(out).toEqual([['a', 'b'], ['x\ny', '2']]);
    parseCsvRows(text, ',', p1, 10, out);
    expect(out[2]).toEqual(['3', '4']);
  });

  it('uses the given delimiter only', () => {
    expect(parseAll('a;b,c\n"1;2";3', ';')).toEqual([
      ['a', 'b,c'],
      ['1;2', '3'],
    ]);
  });
});

describe('parseCsv', () => {
  it('returns [] for an empty text and drops trailing empty rows', async () => {
    expect(await parseCsv('', ',')).toEqual([]);
    expect(await parseCsv('a,b\n\n,\n\n', ',')).toEqual([['a', 'b']]);
  });

  it('reports progress and can be cancelled between chunks', async () => {
    const text = 'n\n' + Array.from({ length: 120_000 }, (_, i) => String(i)).join('\n');
    const seen: number[] = [];
    const rows = await parseCsv(text, ',', { onProgress: (n) => seen.push(n) });
    expect(rows).toHaveLength(120_001);
    expect(rows[120_000]).toEqual(['119999']);
    expect(seen.length).toBeGreaterThan(1);
    expect(seen[seen.length - 1]).toBe(120_001);

    const ctrl = new AbortController();
    const p = parseCsv(text, ',', { signal: ctrl.signal, onProgress: () => ctrl.abort() });
    await expect(p).rejects.toThrow(/abort/i);
  });
});

describe('parseCsvRows with a column projection', () => {
  it('cuts text only for the kept columns and leaves quoted lines whole', () => {
    const text = 'a,b,c,d\n1,two,3,four\n"5,5",six,,eight\n';
    const rows: CsvRow[] = [];
    parseCsvRows(text, ',', 0, 10, rows, [true, false, true]);
    expect(rows).toEqual([
      ['a', null, 'c', null],
      ['1', null, '3', null],
      ['5,5', 'six', null, 'eight'],
    ]);
  });
});

describe('parseCsvTable', () => {
  /** A CSV made of the pieces that trip parsers up, repeated values among them, from a fixed seed. */
  function trickyCsv(seed: number, delimiter: string): string {
    const pieces = ['a', 'bb', 'a', '', ' ', '长文本长文本', '"q,uo""ted"', '"line\nbreak"', '""', 'x"y', '0123', 'a'];
    const ends = ['\n', '\r\n', '\r', '\n\n', delimiter + '\n'];
    let x = seed;
    const next = (n: number) => {
      x = (x * 1103515245 + 12345) % 2 ** 31;
      return x % n;
    };
    let text = '';
    for (let row = 0; row < 40; row++) {
      const width = 1 + next(5);
      text += Array.from({ length: width }, () => pieces[next(pieces.length)]).join(delimiter) + ends[next(ends.length)];
    }
    return next(2) ? text : text.slice(0, -1); // with and without a last line break
  }

  it('reads every row and field as parseCsvRows does, each distinct text of a column one code', async () => {
    for (let seed = 1; seed <= 200; seed++) {
      for (const d of [',', ';'] as const) {
        const text = trickyCsv(seed, d);
        const rows: CsvRow[] = [];
        parseCsvRows(text, d, 0, Infinity, rows);
        while (rows.length > 0 && rows[rows.length - 1].every((v) => v === null)) rows.pop();
        const table = await parseCsvTable(text, d);
        expect(table.rowCount).toBe(rows.length);
        expect(Array.from(table.widths)).toEqual(rows.map((r) => r.length));
        expect(await parseCsv(text, d)).toEqual(rows);
        for (const column of table.columns) expect(new Set(column.texts).size).toBe(column.texts.length);
      }
    }
  });

  it('gives repeated texts one code and empty fields -1', async () => {
    const table = await parseCsvTable('id,国家\n1,中国\n2,\n3,中国\n"1",中国\n', ',');
    expect(table.columns.map((c) => c.texts)).toEqual([['id', '1', '2', '3'], ['国家', '中国']]);
    expect(Array.from(table.columns[0].codes)).toEqual([0, 1, 2, 3, 1]);
    expect(Array.from(table.columns[1].codes)).toEqual([0, 1, -1, 1, 1]);
  });
});
