/**
 * `kehu normalize --field <kind>`: one value per stdin line in, exactly one `<normalized>\t<status>` line out.
 * Other tools script Kehu through this contract, so it never stops on a bad value and never changes the line count:
 * for `invalid` the first column is the input, trimmed; for `missing` it is empty.
 */
import { FIELD_KINDS, isFieldKind, normalizeColumn } from '../core/normalize';
import { Normalized } from '../core/normalize/types';
import { trimAll } from '../core/normalize/text';

/** Splits stdin text into lines: LF or CRLF, a final newline ends the last line rather than starting an empty one. */
export function splitLines(text: string): string[] {
  if (text.length === 0) return [];
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.length > 0 && l.charCodeAt(l.length - 1) === 13) lines[i] = l.slice(0, -1);
  }
  return lines;
}

/** A tab or line break inside an output column would break the one-line-two-columns contract. */
function oneColumn(s: string): string {
  return s.replace(/[\t\r\n]/g, ' ');
}

export function formatResult(input: string, r: Normalized<unknown>): string {
  switch (r.status) {
    case 'ok':
      return `${oneColumn(String(r.value))}\tok`;
    case 'missing':
      return '\tmissing';
    default:
      return `${oneColumn(trimAll(input))}\tinvalid`;
  }
}

export function normalizeLines(kind: string, lines: string[]): string[] {
  if (!isFieldKind(kind)) throw new Error(`unknown field kind '${kind}'`);
  const results = normalizeColumn(kind, lines);
  return results.map((r, i) => formatResult(lines[i], r));
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export const NORMALIZE_USAGE = `usage: kehu normalize --field <${FIELD_KINDS.join('|')}>
  reads one value per line from stdin (UTF-8) and writes one line per input line:
  <normalized>\\t<status>   status: ok | missing | invalid (invalid echoes the trimmed input)`;

export async function runNormalize(args: string[]): Promise<number> {
  let field: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--field' || a === '-f') field = args[++i];
    else if (a.startsWith('--field=')) field = a.slice('--field='.length);
    else if (a === '--help' || a === '-h') {
      process.stdout.write(`${NORMALIZE_USAGE}\n`);
      return 0;
    } else {
      process.stderr.write(`kehu normalize: unknown argument '${a}'\n${NORMALIZE_USAGE}\n`);
      return 2;
    }
  }
  if (!field || !isFieldKind(field)) {
    process.stderr.write(
      `kehu normalize: ${field ? `unknown field '${field}'` : '--field is required'}\n${NORMALIZE_USAGE}\n`,
    );
    return 2;
  }
  const lines = splitLines(await readStdin());
  const out = normalizeLines(field, lines);
  await writeAll(out.length ? `${out.join('\n')}\n` : '');
  return 0;
}

function writeAll(s: string): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(s, (err) => (err ? reject(err) : resolve()));
  });
}
