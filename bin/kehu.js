#!/usr/bin/env node
'use strict';
// Thin launcher: the CLI is compiled from src/cli by `npm run build:node` (run automatically by `npm install`).
let main;
try {
  main = require('../dist-node/src/cli/main.js').main;
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND') {
    process.stderr.write('kehu: not built yet. Run `npm install` (or `npm run build:node`) in the project folder first.\n');
    process.exit(2);
  }
  throw e;
}
main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`kehu: ${err && err.message ? err.message : err}\n`); process.exitCode = 1; },
);
