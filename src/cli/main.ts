/**
 * `kehu` entry: dispatches to one module per subcommand. Each is loaded only when called, so a command does not
 * pay for another's dependencies (exceljs alone takes ~0.4 s to load).
 */
import { UsageError } from './args';

const USAGE = `kehu — clean, deduplicate and tag customer data, locally.

usage: kehu <command> [options]

commands:
  normalize --field <kind>   normalize values read from stdin, one per line
  clean <file> -o <out.xlsx> cleaned columns + 数据质量报告 sheet
  dedup <file> -o <out.csv>  rows with cluster_id, match_probability, match_reason
  rfm <orders> -o <out.csv>  per-customer RFM scores, segments, 8 classes and ABC
  analyze <file> -o <out.xlsx> unified customer view + 客户分层, 同期群留存, 销售漏斗 sheets
  run <file>... -o <out.xlsx> the whole pipeline: clean, dedup, analyse, tag and report, as the add-in does
  demo [out.xlsx]            clean the shipped sample and show before → after

Run 'kehu <command> --help' for a command's options.`;

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    return await dispatch(cmd, rest);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`kehu ${cmd}: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

async function dispatch(cmd: string | undefined, rest: string[]): Promise<number> {
  switch (cmd) {
    case 'normalize':
      return (await import('./normalize')).runNormalize(rest);
    case 'clean':
      return (await import('./clean')).runClean(rest);
    case 'dedup':
      return (await import('./dedup')).runDedup(rest);
    case 'rfm':
      return (await import('./rfm')).runRfm(rest);
    case 'analyze':
      return (await import('./analyze')).runAnalyze(rest);
    case 'run':
      return (await import('./run')).runRun(rest);
    case 'demo':
      return (await import('./demo')).runDemo(rest);
    case 'sample': // not in USAGE: a maintainer's tool (npm run sample), not a user's
      return (await import('./sample')).runSample(rest);
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
