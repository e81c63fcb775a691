import { spawnSync } from 'child_process';
import * as path from 'path';
import { normalizeLines, splitLines } from './normalize';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin/kehu.js');

describe('splitLines', () => {
  it('splits on LF and CRLF, drops a BOM, and a final newline does not add a line', () => {
    expect(splitLines('\ufeffa\r\nb\n\nc\n')).toEqual(['a', 'b', '', 'c']);
    expect(splitLines('a')).toEqual(['a']);
    expect(splitLines('')).toEqual([]);
    expect(splitLines('\n')).toEqual(['']);
  });
});

describe('normalizeLines', () => {
  it('keeps the contract: one line per input, <value>\\t<status>, invalid echoes the trimmed input', () => {
    const input = ['+86 138-1234-5678', '  138****5678  ', '', '#N/A', '0755 2345 6789', 'a\tb'];
    const out = normalizeLines('phone', input);
    expect(out).toEqual([
      '13812345678\tok',
      '138****5678\tinvalid',
      '\tmissing',
      '#N/A\tinvalid',
      '0755-23456789\tok',
      'a b\tinvalid',
    ]);
    for (const line of out) expect(line.split('\t')).toHaveLength(2);
  });

  it('reads dates as a column: one day-first value decides the ambiguous ones', () => {
    expect(normalizeLines('date', ['05/06/2023', '25/12/2023'])).toEqual(['2023-06-05\tok', '2023-12-25\tok']);
    expect(normalizeLines('date', ['05/06/2023', '12/25/2023'])).toEqual(['2023-05-06\tok', '2023-12-25\tok']);
  });

  it('normalizes every kind the CLI offers', () => {
    expect(normalizeLines('region', ['广东省广州市天河区'])).toEqual(['广东省-广州市\tok']);
    expect(normalizeLines('amount', ['1.5万'])).toEqual(['15000\tok']);
    expect(normalizeLines('gender', ['女士'])).toEqual(['女\tok']);
    expect(normalizeLines('email', [' ZHANG@Example.COM '])).toEqual(['zhang@example.com\tok']);
    expect(normalizeLines('industry', ['汽车制造'])).toEqual(['制造业\tok']);
    expect(normalizeLines('name', ['张 伟先生'])).toEqual(['张伟\tok']);
    expect(normalizeLines('company', ['腾达科技（深圳）有限公司'])[0]).toMatch(/^腾达科技（深圳）有限公司\tok$/);
    expect(normalizeLines('text', ['  a  b '])).toEqual(['a b\tok']);
  });

  it('rejects an unknown kind', () => {
    expect(() => normalizeLines('shoe-size', ['42'])).toThrow(/unknown field kind/);
  });
});

// `npm test` compiles the command line (dist-node) before jest runs, so this exercises what users run.
describe('kehu normalize (the installed command)', () => {
  function run(args: string[], input: string) {
    return spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8' });
  }

  it('writes exactly one line per input line and never stops on a bad value', () => {
    const values = ['13812345678', '', 'not a phone', '#N/A', '１３８１２３４５６７８', 'tel:+86-138-1234-5678', '1.3812345678E+10'];
    const r = run(['normalize', '--field', 'phone'], `${values.join('\r\n')}\r\n`);
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(values.length);
    expect(lines.map((l) => l.split('\t')[1])).toEqual(['ok', 'missing', 'invalid', 'invalid', 'ok', 'ok', 'ok']);
    expect(lines[4]).toBe('13812345678\tok');
  });

  it('explains a missing or unknown --field on stderr with exit code 2', () => {
    const r = run(['normalize'], 'x\n');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--field is required/);
    expect(run(['normalize', '--field', 'nope'], '').stderr).toMatch(/unknown field 'nope'/);
  });
});
