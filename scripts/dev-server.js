#!/usr/bin/env node
'use strict';
// Serves the add-in on https://localhost:3000 (the address in manifest.xml) with webpack-dev-server.
//
//   node scripts/dev-server.js           serve until Ctrl+C
//   node scripts/dev-server.js --once    build, serve, fetch the task pane, manifest, an icon and office.js once,
//                                        then stop: exit 0 when all answered, 1 otherwise (for CI and checks)
//   node scripts/dev-server.js --http    serve plain http (Office will not load it; for a browser look only)
//
// Certificates: Office only loads an add-in over https it trusts. The Office dev certificates
// (office-addin-dev-certs) are used when already installed. Installing them adds a CA to the system's trust
// store, which needs a person at the keyboard (a Windows or macOS dialog, or sudo on Linux), so this script only
// installs them on Windows or macOS in an interactive terminal. Anywhere else (Linux, CI, no terminal) it says so
// and serves with a self-signed certificate of its own, which browsers and Office do not trust until you trust
// its CA. Nothing here waits for input, so it cannot hang in CI.
const fs = require('fs');
const os = require('os');
const path = require('path');
const https = require('https');
const http = require('http');
const crypto = require('crypto');

const PORT = 3000;
const HOST = 'localhost';
const ONCE_TIMEOUT_MS = 10 * 60 * 1000;
const FALLBACK_CERT_DIR = path.join(os.tmpdir(), 'kehu-dev-certs');

const log = (msg) => console.log(`[dev-server] ${msg}`);
const warn = (msg) => console.warn(`[dev-server] WARNING: ${msg}`);

function parseArgs(argv) {
  const args = { once: false, http: false };
  for (const a of argv) {
    if (a === '--once') args.once = true;
    else if (a === '--http') args.http = true;
    else throw new Error(`unknown option ${a} (use --once or --http)`);
  }
  return args;
}

const canPrompt = () =>
  Boolean(process.stdin.isTTY && process.stdout.isTTY) && !process.env.CI && (process.platform === 'win32' || process.platform === 'darwin');

function howToTrust(caPath) {
  return [
    'To trust https://localhost for Office:',
    '  Windows or macOS:  npx office-addin-dev-certs install   (then run the dev server again)',
    `  Linux (Chrome/Edge for Excel on the web): import ${caPath || '<CA certificate>'} as a trusted authority`,
    '    (chrome://settings/certificates > Authorities), or run `sudo npx office-addin-dev-certs install` where',
    '    /usr/sbin/update-ca-certificates exists.',
    '  Excel on the web: open https://localhost:3000/taskpane.html once in the same browser and accept the certificate,',
    '    then upload manifest.xml via Home > Add-ins > More add-ins > Upload my add-in.',
  ].join('\n');
}

function certValid(certFile) {
  try {
    const cert = new crypto.X509Certificate(fs.readFileSync(certFile));
    return new Date(cert.validTo).getTime() - Date.now() > 24 * 3600 * 1000;
  } catch {
    return false;
  }
}

/** Picks how to serve: { protocol: 'https' | 'http', options?, trusted, caPath? }. Never prompts unless it may. */
async function chooseServer(args) {
  if (args.http) {
    warn('serving plain http because --http was given. Office refuses add-ins over http; use this only to look at the page in a browser.');
    return { protocol: 'http', trusted: false };
  }
  let devCerts;
  try {
    devCerts = require('office-addin-dev-certs');
  } catch (e) {
    warn(`office-addin-dev-certs cannot be loaded (${e.message}).`);
  }
  const defaults = devCerts && require('office-addin-dev-certs/lib/defaults');

  if (devCerts) {
    let installed = false;
    try {
      installed = devCerts.verifyCertificates();
    } catch (e) {
      warn(`cannot check the Office dev certificates: ${e.message.split('\n')[0]}`);
    }
    if (installed) {
      log('using the installed Office dev certificates.');
      return { protocol: 'https', trusted: true, options: await devCerts.getHttpsServerOptions(), caPath: defaults.caCertificatePath };
    }
    if (canPrompt()) {
      log('the Office dev certificates are not installed; installing them now (your system may ask you to confirm)...');
      try {
        return { protocol: 'https', trusted: true, options: await devCerts.getHttpsServerOptions(), caPath: defaults.caCertificatePath };
      } catch (e) {
        warn(`installing the Office dev certificates failed: ${e.message.split('\n')[0]}`);
      }
    } else {
      const why = process.env.CI ? 'CI is set' : !process.stdin.isTTY ? 'no interactive terminal' : `platform ${process.platform} needs sudo`;
      warn(`the Office dev certificates are not installed, and they are not installed automatically here (${why}).`);
    }
  }

  // Our own self-signed certificate (a CA plus a localhost certificate), kept outside the project.
  const ca = path.join(FALLBACK_CERT_DIR, 'ca.crt');
  const cert = path.join(FALLBACK_CERT_DIR, 'localhost.crt');
  const key = path.join(FALLBACK_CERT_DIR, 'localhost.key');
  try {
    if (!certValid(cert) || !fs.existsSync(key) || !fs.existsSync(ca)) {
      if (!devCerts) throw new Error('office-addin-dev-certs is needed to generate one');
      fs.mkdirSync(FALLBACK_CERT_DIR, { recursive: true });
      await devCerts.generateCertificates(ca, cert, key, 30, ['localhost', '127.0.0.1']);
      log(`generated a self-signed certificate in ${FALLBACK_CERT_DIR}`);
    }
    warn(`serving https with a self-signed certificate that is NOT trusted. Office will not load the add-in until its CA (${ca}) is trusted.\n${howToTrust(ca)}`);
    return {
      protocol: 'https',
      trusted: false,
      caPath: ca,
      options: { ca: fs.readFileSync(ca), cert: fs.readFileSync(cert), key: fs.readFileSync(key) },
    };
  } catch (e) {
    warn(`no certificate could be made (${e.message.split('\n')[0]}); serving plain http. Office will not load the add-in over http.\n${howToTrust()}`);
    return { protocol: 'http', trusted: false };
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

async function selfCheck(base, ca) {
  const checks = [
    ['taskpane.html', (b) => b.includes('office-js/office.js') && b.includes('commands')],
    ['manifest.xml', (b) => b.includes('<OfficeApp')],
    ['assets/app-32.png', (b) => b.subarray(1, 4).toString() === 'PNG'],
    ['office-js/office.js', (b) => b.length > 1000],
  ];
  let ok = true;
  for (const [file, looksRight] of checks) {
    const res = await fetchOnce(`${base}${file}`, ca);
    const good = res.status === 200 && looksRight(res.body);
    ok = ok && good;
    log(`${good ? 'ok  ' : 'FAIL'} GET /${file} -> ${res.status || res.error}`);
  }
  return ok;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const webpack = require('webpack');
  const WebpackDevServer = require('webpack-dev-server');
  const config = require('../webpack.config.js')({}, { mode: 'development' });

  const choice = await chooseServer(args);
  const server = new WebpackDevServer(
    {
      host: HOST,
      port: PORT,
      server: choice.protocol === 'https' ? { type: 'https', options: choice.options } : { type: 'http' },
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: false, // everything served comes from the build (assets and office.js are copied into it)
      hot: false,
      liveReload: !args.once,
      client: args.once ? false : { overlay: { errors: true, warnings: false } },
      open: false,
    },
    webpack(config),
  );

  const stop = async (code) => {
    await server.stop().catch(() => undefined);
    process.exit(code);
  };
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));

  try {
    await server.start();
  } catch (e) {
    const busy = e && e.code === 'EADDRINUSE';
    console.error(`[dev-server] cannot listen on ${HOST}:${PORT}: ${busy ? 'the port is in use (another dev server?)' : e.message}`);
    process.exit(1);
  }
  const base = `${choice.protocol}://${HOST}:${PORT}/`;
  log(`serving ${base}taskpane.html (${choice.protocol === 'https' ? (choice.trusted ? 'trusted certificate' : 'UNTRUSTED certificate') : 'http, not usable by Office'})`);

  if (args.once) {
    const timer = setTimeout(() => {
      console.error('[dev-server] --once: gave up after 10 minutes');
      stop(1);
    }, ONCE_TIMEOUT_MS);
    await new Promise((resolve) => server.middleware.waitUntilValid(resolve));
    const ok = await selfCheck(base, choice.options && choice.options.ca);
    clearTimeout(timer);
    log(ok ? '--once: every file answered; stopping.' : '--once: some files did not answer; stopping.');
    await stop(ok ? 0 : 1);
  } else {
    log('sideload manifest.xml in Excel to use it; Ctrl+C stops.');
  }
}

main().catch((e) => {
  console.error(`[dev-server] ${e && e.stack ? e.stack : e}`);
  process.exit(1);
});
