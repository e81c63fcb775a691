#!/usr/bin/env node
/**
 * One-off converter: the surname list of wainshine/Chinese-Names-Corpus (Apache-2.0)
 * -> src/core/normalize/data/surnames.json, a plain array of surnames, most frequent first.
 *
 *   node scripts/build-surnames.js [path/to/Chinese_Family_Name_1k.csv]
 *
 * Default input: ../shared/data/chinese_names/Chinese_Family_Name_1k.csv (columns NameB = surname, TF = frequency).
 * Ties in frequency keep the file's order, so the output is the same on every run.
 */
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const input = process.argv[2] || path.join(root, '..', 'shared', 'data', 'chinese_names', 'Chinese_Family_Name_1k.csv');
const output = path.join(root, 'src', 'core', 'normalize', 'data', 'surnames.json');

const lines = fs.readFileSync(input, 'utf8').replace(/^\ufeff/, '').split(/\r?\n/);
const header = lines[0].split(',').map((s) => s.trim());
const nameCol = header.indexOf('NameB');
const freqCol = header.indexOf('TF');
if (nameCol < 0 || freqCol < 0) throw new Error(`expected columns NameB and TF, got: ${lines[0]}`);

const HAN = /^\p{Script=Han}{1,2}$/u;
const seen = new Set();
const rows = [];
lines.slice(1).forEach((line, i) => {
  if (!line.trim()) return;
  const cells = line.split(',');
  const name = cells[nameCol].trim();
  const freq = Number(cells[freqCol]);
  if (!HAN.test(name)) throw new Error(`line ${i + 2}: not a 1-2 character Chinese surname: ${name}`);
  if (!Number.isFinite(freq)) throw new Error(`line ${i + 2}: bad frequency: ${cells[freqCol]}`);
  if (seen.has(name)) return;
  seen.add(name);
  rows.push({ name, freq, i });
});
rows.sort((a, b) => b.freq - a.freq || a.i - b.i);

fs.writeFileSync(output, '[\n' + rows.map((r) => JSON.stringify(r.name)).join(',\n') + '\n]\n');
console.log(`wrote ${rows.length} surnames (${rows.filter((r) => r.name.length > 1).length} compound) to ${path.relative(root, output)}`);
