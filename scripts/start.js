#!/usr/bin/env node
'use strict';
// `npm start`: builds the add-in and the browser preview into dist/ and serves them until Ctrl+C.
//
//   node scripts/start.js               build, serve on port 3000, print where to go
//   node scripts/start.js --port 8080   another port (or PORT=8080)
//   node scripts/start.js --check       build, serve on a free port, fetch the preview page, its scripts and the
//                                       sample workbook once, then stop: exit 0 when all answered (for tests, CI)
//
// The build is webpack's development mode: about 15 s on two cores against about 95 s for production, whose
// minifier is the slow part; a page opened on this machine does not need minified files. `npm run build` makes
// the production files for deployment.
//
// With Excel desktop on this machine (Windows or macOS) the add-in itself can be sideloaded: Office loads it only
// over https it trusts, so the Office dev certificates are used when installed, and the manifest path and the
// sideload command are printed. Without Excel the preview page is the way in: preview.html runs the same task
// pane beside a workbook opened from a file, in any browser. Nothing here installs anything or waits for input.
const fs = require('fs');
const os = require('os');
const path = require('path');
const http = require('http');
const https = require('https');

const ROOT = path.resolve(__dirname, '..');
const DEFAULT_PORT = 3000;
const log = (msg) => console.log(`[start] ${msg}`);

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * Runs webpack with the project's config. `outDir` replaces dist/ (tests build into a temporary folder);
 * `devtool: false` skips source maps where nobody reads them. Resolves with the build's seconds.
 */
function build({ mode = 'development', outDir, devtool } = {}) {
  const webpack = require('webpack');
  const config = require(path.join(ROOT, 'webpack.config.js'))({}, { mode });
  if (outDir) config.output = { ...config.output, path: path.resolve(outDir) };
  if (devtool !== undefined) config.devtool = devtool;
  config.context = ROOT;
  config.infrastructureLogging = { level: 'warn' };
  const started = Date.now();
  return new Promise((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats.hasErrors()) {
        const errors = stats.toJson({ all: false, errors: true }).errors.map((e) => e.message);
        return reject(new Error(`webpack failed:\n${errors.slice(0, 5).join('\n\n')}`));
      }
      resolve((Date.now() - started) / 1000);
    });
  });
}

/** A static file server over `dir` (GET and HEAD only; never outside `dir`). Resolves once listening. */
function serve(dir, { host = 'localhost', port = DEFAULT_PORT, tls } = {}) {
  const root = path.resolve(dir);
  const handler = (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (pathname.endsWith('/')) pathname += 'preview.html';
    const file = path.join(root, pathname);
    if (file !== root && !file.startsWith(root + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    fs.stat(file, (err, stat) => {
      if (err || !stat.isFile()) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`not found: ${pathname}\n`);
        return;
      }
      res.writeHead(200, {
        'Content-Type': MIME[path.extname(file).toLowerCase()] || 'application/octet-stream',
        'Content-Length': stat.size,
        'Cache-Control': 'no-store',
      });
      if (req.method === 'HEAD') res.end();
      else fs.createReadStream(file).pipe(res);
    });
  };
  const server = tls ? https.createServer(tls, handler) : http.createServer(handler);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      const shownHost = host === '127.0.0.1' || host === 'localhost' ? host : address.address;
      const close = () =>
        new Promise((done) => {
          server.close(() => done());
          server.closeAllConnections(); // a browser's keep-alive connections would hold Ctrl+C for seconds
        });
      resolve({ server, url: `${tls ? 'https' : 'http'}://${shownHost}:${address.port}/`, close });
    });
  });
}

/** Excel desktop's program on Windows or macOS, or null. */
function findExcel() {
  if (process.platform === 'darwin') {
    const app = '/Applications/Microsoft Excel.app';
    return fs.existsSync(app) ? app : null;
  }
  if (process.platform === 'win32') {
    const roots = [process.env.ProgramFiles, process.env['ProgramFiles(x86)']].filter(Boolean);
    for (const r of roots) {
      for (const v of ['root\\Office16', 'Office16', 'root\\Office15']) {
        const exe = path.join(r, 'Microsoft Office', v, 'EXCEL.EXE');
        if (fs.existsSync(exe)) return exe;
      }
    }
  }
  return null;
}

/** The Office dev certificates' https options when they are installed (never installs them), else null. */
async function devCertificates() {
  let devCerts;
  let defaults;
  try {
    devCerts = require('office-addin-dev-certs');
    defaults = require('office-addin-dev-certs/lib/defaults');
  } catch {
    return null;
  }
  if (!fs.existsSync(defaults.localhostCertificatePath) || !fs.existsSync(defaults.localhostKeyPath)) return null;
  try {
    if (!devCerts.verifyCertificates()) return null;
    return await devCerts.getHttpsServerOptions();
  } catch {
    return null;
  }
}

function fetchOnce(url, ca) {
  const client = url.startsWith('https:') ? https : http;
  return new Promise((resolve) => {
    const req = client.get(url, ca ? { ca } : {}, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks) }));
    });
    req.setTimeout(30000, () => req.destroy(new Error('timed out')));
    req.on('error', (e) => resolve({ status: 0, error: e.message }));
  });
}

/** Fetches the preview page, every script it loads and the sample; true when all answered as expected. */
async function checkPreview(base, ca) {
  const page = await fetchOnce(`${base}preview.html`, ca);
  const html = page.status === 200 ? page.body.toString('utf8') : '';
  const scripts = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]);
  const checks = [['preview.html', page, html.includes('id="root"') && scripts.some((s) => /preview/.test(s))]];
  for (const src of scripts) {
    const res = await fetchOnce(new URL(src, base).href, ca);
    checks.push([src, res, res.status === 200 && res.body.length > 0]);
  }
  const sample = await fetchOnce(`${base}sample-crm.xlsx`, ca);
  checks.push(['sample-crm.xlsx', sample, sample.status === 200 && sample.body.subarray(0, 2).toString() === 'PK']);
  for (const [name, res, good] of checks) log(`${good ? 'ok  ' : 'FAIL'} GET /${name} -> ${res.status || res.error}`);
  return checks.every(([, , good]) => good);
}

function parseArgs(argv) {
  const args = { check: false, port: process.env.PORT ? Number(process.env.PORT) : undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--check' || a === '--once') args.check = true;
    else if (a === '--port') args.port = Number(argv[++i]);
    else throw new Error(`unknown option ${a} (use --check or --port <n>)`);
  }
  if (args.port !== undefined && !(Number.isInteger(args.port) && args.port >= 0 && args.port < 65536)) {
    throw new Error('--port needs a number from 0 to 65535');
  }
  return args;
}

function sideloadHelp(excel, manifest) {
  const lines = [`Excel desktop found: ${excel}`, `  manifest: ${manifest}`];
  if (process.platform === 'darwin') {
    lines.push(
      '  sideload: mkdir -p ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef &&',
      `            cp "${manifest}" ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/`,
      '            then restart Excel: Home > Add-ins > Developer add-ins shows Kehu.',
    );
  }
  lines.push(
    `  or, as the Office templates do: npx office-addin-debugging start "${manifest}" desktop`,
    '  (office-addin-debugging is not a dependency of this project; npx fetches it.)',
  );
  return lines.join('\n');
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const outDir = path.join(ROOT, 'dist');
  log('building (webpack, development mode)...');
  const seconds = await build({ mode: 'development', outDir });
  log(`built ${path.relative(ROOT, outDir)}/ in ${seconds.toFixed(1)} s`);

  const excel = args.check ? null : findExcel();
  const tls = await devCertificates();
  const port = args.port ?? (args.check ? 0 : DEFAULT_PORT);
  let served;
  try {
    served = await serve(outDir, { host: 'localhost', port, tls: tls || undefined });
  } catch (e) {
    const busy = e && e.code === 'EADDRINUSE';
    console.error(`[start] cannot listen on localhost:${port}: ${busy ? 'the port is in use; try --port 3001' : e.message}`);
    process.exit(1);
  }
  const stop = async (code) => {
    await served.close();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  if (args.check) {
    const ok = await checkPreview(served.url, tls && tls.ca);
    log(ok ? '--check: the preview answered; stopping.' : '--check: the preview did not answer as expected; stopping.');
    await stop(ok ? 0 : 1);
    return;
  }

  log(`preview (no Excel needed): ${served.url}preview.html`);
  if (excel) {
    if (tls && port === DEFAULT_PORT) log(sideloadHelp(excel, path.join(outDir, 'manifest.xml')));
    else {
      log(
        `Excel desktop found (${excel}), but Office loads add-ins only from https://localhost:${DEFAULT_PORT}/ with trusted ` +
          'certificates: run `npx office-addin-dev-certs install` once, then `npm start` again.',
      );
    }
  } else {
    log(`no Excel desktop on this machine (${os.platform()}); use the preview page above, or Excel on the web with \`npm run dev-server\`.`);
  }
  log('Ctrl+C stops.');
}

if (require.main === module) {
  main().catch((e) => {
    console.error(`[start] ${e && e.message ? e.message : e}`);
    process.exit(1);
  });
}

module.exports = { build, serve, checkPreview, findExcel };
