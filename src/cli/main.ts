/** `kehu` entry: dispatches to one module per subcommand. */
import { runNormalize } from './normalize';

const USAGE = `kehu — clean, deduplicate and tag customer data, locally.

usage: kehu <command> [options]

commands:
  normalize --field <kind>   normalize values read from stdin, one per line

Run 'kehu <command> --help' for a command's options.`;

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  switch (cmd) {
    case 'normalize':
      return runNormalize(rest);
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      process.stdout.write(`${USAGE}\n`);
      return cmd === undefined ? 2 : 0;
    default:
      process.stderr.write(`kehu: unknown command '${cmd}'\n\n${USAGE}\n`);
      return 2;
  }
}
