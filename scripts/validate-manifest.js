#!/usr/bin/env node
'use strict';
// Usage: node scripts/validate-manifest.js [manifest.xml] [--assets <dir>] [--base <url>] [--online]
//   Offline: office-addin-manifest's own reader parses the manifest (it works offline), then our checks run
//   (scripts/manifest-checks.js). --online also sends the manifest to Microsoft's
//   validation service through office-addin-manifest; when the service cannot be reached that is said plainly and
//   the offline verdict stands. Exit code: 0 valid, 1 invalid, 2 bad usage.
const path = require('path');
const { validateManifestFile, formatIssue, DEFAULT_BASE_URL } = require('./manifest-checks');

const ONLINE_TIMEOUT_MS = 20000;

function parseArgs(argv) {
  const args = { manifest: 'manifest.xml', assetsDir: undefined, baseUrl: DEFAULT_BASE_URL, online: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--online') args.online = true;
    else if (a === '--assets') args.assetsDir = argv[++i];
    else if (a === '--base') args.baseUrl = argv[++i];
    else if (a === '-h' || a === '--help') args.help = true;
    else if (a.startsWith('-')) throw new Error(`unknown option ${a}`);
    else args.manifest = a;
  }
  if (args.assetsDir === undefined && argv.includes('--assets')) throw new Error('--assets needs a folder');
  return args;
}

async function validateOnline(manifestPath) {
  const { validateManifest } = require('office-addin-manifest');
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ONLINE_TIMEOUT_MS / 1000} s`)), ONLINE_TIMEOUT_MS);
  });
  try {
    const result = await Promise.race([validateManifest(manifestPath), timeout]);
    return { reached: true, result };
  } catch (e) {
    return { reached: false, reason: String(e && e.message ? e.message : e).split('\n').pop() };
  } finally {
    clearTimeout(timer);
  }
}

async function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`validate-manifest: ${e.message}`);
    return 2;
  }
  if (args.help) {
    console.log('Usage: node scripts/validate-manifest.js [manifest.xml] [--assets <dir>] [--base <url>] [--online]');
    return 0;
  }
  const file = path.relative(process.cwd(), path.resolve(args.manifest)) || args.manifest;
  const { issues } = validateManifestFile(args.manifest, { assetsDir: args.assetsDir, baseUrl: args.baseUrl });
  if (!issues.some((i) => i.message.startsWith('not well-formed') || i.message.startsWith('cannot read'))) {
    try {
      const { OfficeAddinManifest } = require('office-addin-manifest');
      const info = await OfficeAddinManifest.readManifestFile(args.manifest);
      console.log(`${file}: read by office-addin-manifest: ${info.displayName} ${info.version} (${info.id}), hosts ${(info.hosts || []).join(', ')}`);
    } catch (e) {
      issues.push({ severity: 'error', message: `office-addin-manifest cannot read it: ${e.message}`, where: 'document' });
    }
  }
  const errors = issues.filter((i) => i.severity === 'error');
  for (const issue of issues) (issue.severity === 'error' ? console.error : console.warn)(formatIssue(file, issue));

  let onlineFailed = false;
  if (args.online) {
    const online = await validateOnline(args.manifest);
    if (!online.reached) {
      console.warn(`${file}: online validation not done: the Microsoft validation service cannot be reached (offline?): ${online.reason}`);
      console.warn(`${file}: the offline checks above still apply.`);
    } else if (online.result.isValid) {
      console.log(`${file}: the online validation service accepted the manifest.`);
    } else {
      onlineFailed = true;
      const report = online.result.report;
      const found = (report && report.errors) || [];
      if (!found.length) console.error(`${file}: error: the online validation service rejected the manifest (HTTP ${online.result.status ?? '?'} ${online.result.statusText ?? ''})`);
      for (const e of found) console.error(`${file}${e.line ? `:${e.line}` : ''}: error: ${e.title ?? ''} ${e.content ?? ''} (online)`);
    }
  }

  if (errors.length || onlineFailed) {
    console.error(`${file}: manifest is NOT valid (${errors.length} error${errors.length === 1 ? '' : 's'}${onlineFailed ? ', online check failed' : ''})`);
    return 1;
  }
  console.log(`${file}: manifest is valid`);
  return 0;
}

main().then(
  (code) => { process.exitCode = code; },
  (e) => { console.error(`validate-manifest: ${e && e.stack ? e.stack : e}`); process.exitCode = 1; },
);
