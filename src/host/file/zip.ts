/**
 * A .zip archive from entries whose deflated bytes and CRC-32 are already known, and the deflaters that produce
 * them. Written by hand because the compressor must be swappable: fflate (browser and Node) compresses on the
 * calling thread, while Node's zlib runs on its thread pool beside the code that makes the next XML chunk.
 *
 * Both deflaters produce a gzip member and take it apart (RFC 1952: a 10-byte header, the raw deflate data, then
 * CRC-32 and size): gzip is the one stream both libraries offer that carries the CRC-32 a zip entry needs.
 */
import { Gzip } from 'fflate';

/**
 * Takes bytes in order; `end` returns the raw deflate data and the CRC-32 of everything written. The caller
 * reuses a chunk's memory once `write` returns, or once the promise it returns settles.
 */
export interface DeflateSink {
  write(chunk: Uint8Array): void | Promise<void>;
  end(): Promise<{ chunks: Uint8Array[]; crc: number }>;
}

export type Deflater = () => DeflateSink;

export interface ZipEntry {
  name: string;
  /** Raw deflate data. */
  chunks: Uint8Array[];
  crc: number;
  /** Uncompressed size in bytes. */
  size: number;
  /** 8 (deflate, the default) or 0 (stored: `chunks` are the bytes themselves). */
  method?: 0 | 8;
}

/** Splits a whole gzip member (as chunks) into its raw deflate data and CRC-32. */
export function unwrapGzip(gz: Uint8Array[]): { chunks: Uint8Array[]; crc: number } {
  const total = gz.reduce((n, c) => n + c.length, 0);
  const byteAt = (i: number): number => {
    for (const c of gz) {
      if (i < c.length) return c[i];
      i -= c.length;
    }
    throw new Error('gzip stream too short');
  };
  if (total < 18 || byteAt(0) !== 0x1f || byteAt(1) !== 0x8b || byteAt(2) !== 8 || byteAt(3) !== 0) {
    throw new Error('unexpected gzip header');
  }
  const crc = (byteAt(total - 8) | (byteAt(total - 7) << 8) | (byteAt(total - 6) << 16) | (byteAt(total - 5) << 24)) >>> 0;
  const chunks: Uint8Array[] = [];
  let pos = 0;
  for (const c of gz) {
    const from = Math.max(10 - pos, 0);
    const to = Math.min(total - 8 - pos, c.length);
    if (to > from) chunks.push(from === 0 && to === c.length ? c : c.subarray(from, to));
    pos += c.length;
  }
  return { chunks, crc };
}

/** fflate's streaming gzip: works everywhere, compresses on the calling thread. */
export function fflateDeflater(level: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 = 1): Deflater {
  return () => {
    const out: Uint8Array[] = [];
    const gz = new Gzip({ level, mem: 8 }, (chunk) => out.push(chunk));
    return {
      write: (chunk) => gz.push(chunk),
      end: async () => {
        gz.push(new Uint8Array(0), true);
        return unwrapGzip(out);
      },
    };
  };
}

const encoder = new TextEncoder();

/** The archive: local headers and data, then the central directory. No zip64, so every part stays under 4 GiB. */
export function zipArchive(entries: ZipEntry[]): Uint8Array {
  const names = entries.map((e) => encoder.encode(e.name));
  const sizes = entries.map((e) => e.chunks.reduce((n, c) => n + c.length, 0));
  let total = 22;
  entries.forEach((e, i) => {
    if (e.size >= 2 ** 32 || sizes[i] >= 2 ** 32) throw new Error(`${e.name} 超过 4 GB，无法写入 (part too large for a zip without zip64)`);
    total += 30 + 46 + 2 * names[i].length + sizes[i];
  });
  if (total >= 2 ** 32) throw new Error('工作簿超过 4 GB，无法写入 (workbook too large)');
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  // DOS date/time of 1980-01-01 00:00: a fixed stamp keeps the output reproducible.
  const header = (at: number, signature: number, i: number, central: boolean): number => {
    const e = entries[i];
    let p = at;
    view.setUint32(p, signature, true);
    p += 4;
    if (central) {
      view.setUint16(p, 20, true); // made by: version 2.0
      p += 2;
    }
    view.setUint16(p, 20, true); // version needed
    view.setUint16(p + 2, 0x0800, true); // UTF-8 names
    view.setUint16(p + 4, e.method ?? 8, true);
    view.setUint16(p + 6, 0, true);
    view.setUint16(p + 8, 0x21, true);
    view.setUint32(p + 10, e.crc, true);
    view.setUint32(p + 14, sizes[i], true);
    view.setUint32(p + 18, e.size, true);
    view.setUint16(p + 22, names[i].length, true);
    view.setUint16(p + 24, 0, true); // extra
    return p + 26;
  };
  const offsets: number[] = [];
  let p = 0;
  entries.forEach((e, i) => {
    offsets.push(p);
    p = header(p, 0x04034b50, i, false);
    out.set(names[i], p);
    p += names[i].length;
    for (const c of e.chunks) {
      out.set(c, p);
      p += c.length;
    }
  });
  const centralStart = p;
  entries.forEach((_e, i) => {
    p = header(p, 0x02014b50, i, true);
    view.setUint16(p, 0, true); // comment
    view.setUint16(p + 2, 0, true); // disk
    view.setUint16(p + 4, 0, true); // internal attributes
    view.setUint32(p + 6, 0, true); // external attributes
    view.setUint32(p + 10, offsets[i], true);
    p += 14;
    out.set(names[i], p);
    p += names[i].length;
  });
  view.setUint32(p, 0x06054b50, true);
  view.setUint16(p + 4, 0, true);
  view.setUint16(p + 6, 0, true);
  view.setUint16(p + 8, entries.length, true);
  view.setUint16(p + 10, entries.length, true);
  view.setUint32(p + 12, p - centralStart, true);
  view.setUint32(p + 16, centralStart, true);
  view.setUint16(p + 20, 0, true);
  return out;
}
