#!/usr/bin/env node
// Run after `npm install` changes package-lock.json: `node scripts/lock-platform-optionals.js package-lock.json`.
// Adds lock entries for platform-specific optional dependencies that npm leaves out of the lock when the
// registry it sees carries only this platform's builds. The entries name the version and the platform only:
// npm ci then knows them, and skips them on this platform as it skips any optional dependency for another one.
const fs = require('fs');
const file = process.argv[2]; const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
const pk = lock.packages; let added = 0;
const OS = ['darwin', 'linux', 'win32', 'freebsd', 'android', 'openharmony', 'sunos', 'aix', 'netbsd', 'openbsd'];
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'ppc64', 's390x', 'riscv64', 'loong64', 'wasm32', 'mips64el'];
for (const [where, p] of Object.entries({ ...pk })) {
  for (const [name, range] of Object.entries(p.optionalDependencies || {})) {
    const nested = (where ? where + '/' : '') + 'node_modules/' + name;
    if (pk[nested] || pk['node_modules/' + name]) continue;
    if (!/^\d+\.\d+\.\d+/.test(range)) { console.error('not pinned', name, range); continue; }
    const parts = name.split('/').pop().split('-');
    const os = OS.find((o) => parts.includes(o)) || (parts.includes('wasi') ? null : null);
    const cpu = CPU.find((c) => parts.includes(c) || parts.includes(c + 'hf'));
    const entry = { version: range, optional: true };
    if (p.dev) entry.dev = true;
    if (cpu) entry.cpu = [cpu];
    entry.os = [os || 'none'];
    pk['node_modules/' + name] = entry; added++;
  }
}
fs.writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
console.log('added', added);
