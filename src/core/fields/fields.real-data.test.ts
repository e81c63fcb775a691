/**
 * The field module against the real datasets in ../shared/data (see its README). Skipped with a message when the
 * folder is absent; in CI the folder must be there, so its absence fails.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CellValue } from '../cell';
import { classifyValue, guessColumnKind } from './guess-kind';
import { detectHeaderRow } from './header-row';
import { mapHeaders } from './map-headers';
import { detectSheetRole } from './sheet-role';

const DATA = path.join(__dirname, '../../../../shared/data');
const present = fs.existsSync(DATA);
if (!present) {
  if (process.env.CI) {
    test('shared data folder is present', () => {
      throw new Error(`CI needs the shared datasets at ${DATA}`);
    });
  } else {
    console.warn(`[fields.real-data] skipped: ${DATA} not found (see the shared data README)`);
  }
}
const withData = present ? describe : describe.skip;

/** The first `bytes` of a file: enough rows for a header and samples without reading 47 MB. */
function head(file: string, bytes = 64 * 1024): string[] {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const n = fs.readSync(fd, buf, 0, bytes, 0);
    const lines = buf.subarray(0, n).toString('utf8').split(/\r?\n/);
    return lines.slice(0, -1); // the last line may be cut
  } finally {
    fs.closeSync(fd);
  }
}

/** RFC-4180 line split (quoted fields, doubled quotes); enough for one-line records. */
function csvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') (cur += '"'), i++;
      else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') out.push(cur), (cur = '');
    else cur += ch;
  }
  out.push(cur);
  return out;
}

const columns = (rows: CellValue[][], width: number): CellValue[][] =>
  Array.from({ length: width }, (_, c) => rows.map((r) => r[c]));

withData('UCI Online Retail', () => {
  const rows = head(path.join(DATA, 'online_retail/online_retail.csv')).map(csvLine);

  test('header row, mapping with values, and a value sheet', () => {
    expect(detectHeaderRow(rows).headerRow).toBe(0);
    const [header, ...body] = rows;
    const m = mapHeaders(header, columns(body.slice(0, 300), header.length));
    expect(m.map((x) => x.fieldId)).toEqual(['orderId', 'productCode', 'product', 'quantity', 'orderDate', 'unitPrice',
      'customerId', 'country']);
    expect(m.map((x) => x.valueKind)).toEqual(['id', 'id', 'text', 'number', 'date', 'amount', 'id', 'category']);
    expect(detectSheetRole(m).role).toBe('value');
  });

  test('without its header row the sheet is seen as header-less', () => {
    expect(detectHeaderRow(rows.slice(1)).headerRow).toBe(-1);
  });
});

withData('FEBRL dataset1', () => {
  const text = fs.readFileSync(path.join(DATA, 'febrl/dataset1.csv'), 'utf8');
  const rows = text.split(/\r?\n/).filter((l) => l !== '').map((l) => l.split(', '));

  test('header row, mapping with values, and a master sheet', () => {
    expect(rows.length).toBe(1001);
    expect(detectHeaderRow(rows).headerRow).toBe(0);
    const [header, ...body] = rows;
    const m = mapHeaders(header, columns(body.slice(0, 300), header.length));
    expect(m.map((x) => x.fieldId)).toEqual([null, 'givenName', 'surname', null, 'region', 'address', 'city', 'postcode',
      'province', 'birthDate', 'idNumber']);
    expect(m[9].valueKind).toBe('date'); // 19081209
    expect(m[0].valueKind).toBe('id'); // rec-223-org
    expect(detectSheetRole(m).role).toBe('master');
  });
});

withData('Chinese addresses', () => {
  const addresses = fs
    .readFileSync(path.join(DATA, 'chinese_address/train.tsv'), 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .map((l) => l.split('\t'))
    .filter((f) => f[0])
    .map((f) => ({ address: f[0], prov: f[1], city: f[2], district: f[3] }));

  test('addresses that name a province, city or district look like places', () => {
    const named = addresses.filter((a) => a.prov || a.city || a.district);
    const hits = named.filter((a) => classifyValue(a.address) === 'region').length;
    expect(named.length).toBeGreaterThan(5000);
    expect(hits / named.length).toBeGreaterThan(0.9);
  });

  test('an address column is guessed as region', () => {
    const g = guessColumnKind(addresses.slice(0, 500).map((a) => a.address));
    expect(g.kind).toBe('region');
    expect(g.confidence).toBeGreaterThan(0.6);
  });
});

withData('Chinese surnames', () => {
  test('the built-in surname list covers most people', () => {
    const rows = fs
      .readFileSync(path.join(DATA, 'chinese_names/Chinese_Family_Name_1k.csv'), 'utf8')
      .split(/\r?\n/)
      .slice(1)
      .map((l) => l.split(','))
      .filter((f) => f[0] && Number(f[1]) > 0);
    let total = 0;
    let covered = 0;
    for (const [surname, tf] of rows) {
      total += Number(tf);
      // Two-character given names are the common case; a surname counts as known when such a name reads as a name.
      if (classifyValue(`${surname}明华`) === 'name') covered += Number(tf);
    }
    expect(covered / total).toBeGreaterThan(0.85);
  });
});
