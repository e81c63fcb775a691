#!/usr/bin/env node
'use strict';
// Draws the add-in's PNG icons into assets/. Run once after changing a glyph: `node scripts/make-icons.js`;
// the PNGs are committed. Written with zlib alone because the icons are a handful of flat shapes and an image
// package would be a heavy dependency for that. Each glyph is a list of shapes in a 0..1 square, rendered with
// 4x4 supersampling so small sizes stay smooth.
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const BRAND = [15, 108, 189]; // Fluent UI webLightTheme brand blue (#0F6CBD)
const DARK = [36, 36, 36];
const WHITE = [255, 255, 255];
const GREEN = [16, 124, 65]; // Excel green

// --- shapes: each returns true when the point (x, y) in 0..1 is inside ---
const rect = (x0, y0, x1, y1, r = 0) => (x, y) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const ring = (cx, cy, r, w) => (x, y) => {
  const d = Math.hypot(x - cx, y - cy);
  return d <= r && d >= r - w;
};
const frame = (x0, y0, x1, y1, w, r = 0) => {
  const outer = rect(x0, y0, x1, y1, r);
  const inner = rect(x0 + w, y0 + w, x1 - w, y1 - w, Math.max(0, r - w));
  return (x, y) => outer(x, y) && !inner(x, y);
};
// A person: head and shoulders, the mark for "customer".
const person = (cx, cy, s) => {
  const head = circle(cx, cy - 0.16 * s, 0.14 * s);
  const body = rect(cx - 0.27 * s, cy + 0.06 * s, cx + 0.27 * s, cy + 0.36 * s, 0.14 * s);
  return (x, y) => head(x, y) || body(x, y);
};

/** A glyph is a list of [shape, rgb] layers, later layers painted over earlier ones. */
const GLYPHS = {
  // App icon: white person on a brand-blue rounded square.
  app: [
    [rect(0.02, 0.02, 0.98, 0.98, 0.18), BRAND],
    [person(0.5, 0.5, 1.25), WHITE],
  ],
  // Open the task pane: a window with a pane on its right.
  taskpane: [
    [frame(0.06, 0.14, 0.94, 0.86, 0.08, 0.06), DARK],
    [rect(0.6, 0.14, 0.94, 0.86, 0.0), BRAND],
  ],
  // Normalize: ragged lines become straight, aligned ones.
  normalize: [
    [rect(0.08, 0.16, 0.92, 0.28, 0.05), DARK],
    [rect(0.08, 0.44, 0.92, 0.56, 0.05), BRAND],
    [rect(0.08, 0.72, 0.92, 0.84, 0.05), DARK],
    [circle(0.2, 0.22, 0.03), WHITE],
  ],
  // Find duplicates: two overlapping people.
  dedup: [
    [person(0.36, 0.5, 0.95), DARK],
    [person(0.64, 0.5, 0.95), BRAND],
  ],
  // RFM and tags: three bars and a tag dot.
  rfm: [
    [rect(0.08, 0.56, 0.3, 0.92, 0.03), DARK],
    [rect(0.39, 0.34, 0.61, 0.92, 0.03), BRAND],
    [rect(0.7, 0.1, 0.92, 0.92, 0.03), GREEN],
  ],
  // Build report: a page with lines and a green check circle.
  report: [
    [frame(0.14, 0.04, 0.8, 0.96, 0.08, 0.06), DARK],
    [rect(0.28, 0.24, 0.66, 0.32), BRAND],
    [rect(0.28, 0.44, 0.66, 0.52), BRAND],
    [circle(0.74, 0.76, 0.22), GREEN],
    [ring(0.74, 0.76, 0.22, 0.05), WHITE],
  ],
};

/** The files to write: glyph name -> sizes in px. 64 is the HighResolutionIconUrl size; ribbon buttons use 16/32/80. */
const ICONS = {
  app: [16, 32, 64, 80],
  taskpane: [16, 32, 80],
  normalize: [16, 32, 80],
  dedup: [16, 32, 80],
  rfm: [16, 32, 80],
  report: [16, 32, 80],
};

const SUB = 4;

function render(layers, size) {
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < SUB; sy++) {
        for (let sx = 0; sx < SUB; sx++) {
          const x = (px + (sx + 0.5) / SUB) / size;
          const y = (py + (sy + 0.5) / SUB) / size;
          let hit = null;
          for (const [shape, rgb] of layers) if (shape(x, y)) hit = rgb;
          if (hit) { r += hit[0]; g += hit[1]; b += hit[2]; a += 1; }
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        rgba[o] = Math.round(r / a);
        rgba[o + 1] = Math.round(g / a);
        rgba[o + 2] = Math.round(b / a);
        rgba[o + 3] = Math.round((255 * a) / (SUB * SUB));
      }
    }
  }
  return rgba;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Encodes 8-bit RGBA pixels as a PNG (colour type 6, no interlace, filter 0 on every row). */
function encodePng(rgba, size) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function main() {
  const outDir = path.join(__dirname, '..', 'assets');
  fs.mkdirSync(outDir, { recursive: true });
  for (const [name, sizes] of Object.entries(ICONS)) {
    for (const size of sizes) {
      const file = path.join(outDir, `${name}-${size}.png`);
      fs.writeFileSync(file, encodePng(render(GLYPHS[name], size), size));
      console.log(`wrote ${path.relative(process.cwd(), file)}`);
    }
  }
}

if (require.main === module) main();

module.exports = { encodePng, crc32 };
