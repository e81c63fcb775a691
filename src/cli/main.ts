/** `kehu` entry: dispatches to one module per subcommand. */
export async function main(argv: string[]): Promise<number> {
  const [cmd] = argv;
  switch (cmd) {
    default:
      process.stderr.write('usage: kehu <normalize> ...\n');
      return 2;
  }
}
