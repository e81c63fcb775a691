/**
 * An .xlsx package opened for a few edits: parts are inflated only when read, and on output every part that was
 * not written is copied as its original compressed bytes. fflate's unzipSync/zipSync would inflate and deflate
 * every part, which costs ~10 s for a workbook whose data sheet holds 300,000 rows, only to add a chart to a
 * small report sheet; fflate cannot copy a compressed entry, so the ZIP records are read and written here
 * (APPNOTE.TXT §4.3). Packages this reader does not handle (ZIP64, encryption, unusual methods) fall back to
 * fflate for the whole package.
 */
import { inflateSync, unzipSync, zipSync } from 'fflate';
import { Deflater, ZipEntry, zipArchive } from './zip';

const SIG_LOCAL = 0x04034b50;
const CACHE_MAX_BYTES = 1 << 20;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;

interface Entry {
  name: string;
  /** The central-directory record, copied to the output with only its local-header offset changed. */
  central: Uint8Array;
  /** Local header + data (+ data descriptor), copied verbatim. */
  local: Uint8Array;
  method: number;
  compressedSize: number;
}

function u16(b: Uint8Array, o: number): number {
  return b[o] | (b[o + 1] << 8);
}
function u32(b: Uint8Array, o: number): number {
  return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;
}
function put16(b: Uint8Array, o: number, v: number): void {
  b[o] = v & 0xff;
  b[o + 1] = (v >>> 8) & 0xff;
}
function put32(b: Uint8Array, o: number, v: number): void {
  put16(b, o, v & 0xffff);
  put16(b, o + 2, Math.floor(v / 0x10000) & 0xffff);
}

const utf8 = new TextDecoder();

/** The entries of a plain (non-ZIP64, unencrypted, stored/deflated) archive in directory order, or null. */
function readEntries(zip: Uint8Array): Entry[] | null {
  let end = -1;
  for (let o = zip.length - 22; o >= Math.max(0, zip.length - 22 - 0xffff); o--) {
    if (u32(zip, o) === SIG_END) {
      end = o;
      break;
    }
  }
  if (end < 0) return null;
  const count = u16(zip, end + 10);
  const cdSize = u32(zip, end + 12);
  const cdOffset = u32(zip, end + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff || u16(zip, end + 4) !== 0) return null;

  const raw: { name: string; central: Uint8Array; offset: number; method: number; size: number }[] = [];
  let o = cdOffset;
  for (let i = 0; i < count; i++) {
    if (o + 46 > zip.length || u32(zip, o) !== SIG_CENTRAL) return null;
    const flags = u16(zip, o + 8);
    const method = u16(zip, o + 10);
    const size = u32(zip, o + 20);
    const usize = u32(zip, o + 24);
    const offset = u32(zip, o + 42);
    const len = 46 + u16(zip, o + 28) + u16(zip, o + 30) + u16(zip, o + 32);
    if (flags & 1 || (method !== 0 && method !== 8) || size === 0xffffffff || usize === 0xffffffff || offset === 0xffffffff) {
      return null;
    }
    raw.push({ name: utf8.decode(zip.subarray(o + 46, o + 46 + u16(zip, o + 28))), central: zip.subarray(o, o + len), offset, method, size });
    o += len;
  }
  // A local record runs to the next one (data descriptors included), the last one to the central directory.
  const starts = [...raw.map((r) => r.offset), cdOffset].sort((a, b) => a - b);
  return raw.map((r) => {
    const next = starts.find((s) => s > r.offset) ?? cdOffset;
    if (u32(zip, r.offset) !== SIG_LOCAL) throw new Error('不是有效的 .xlsx 文件：ZIP 结构损坏 (corrupt ZIP local header)');
    return { name: r.name, central: r.central, local: zip.subarray(r.offset, next), method: r.method, compressedSize: r.size };
  });
}

function entryData(e: Entry): Uint8Array {
  const start = 30 + u16(e.local, 26) + u16(e.local, 28);
  const data = e.local.subarray(start, start + e.compressedSize);
  return e.method === 0 ? data.slice() : inflateSync(data);
}

/** An original entry as the archive writer takes it: its data still compressed. */
function rawEntry(e: Entry): ZipEntry {
  const start = 30 + u16(e.local, 26) + u16(e.local, 28);
  return {
    name: e.name,
    chunks: [e.local.subarray(start, start + e.compressedSize)],
    crc: u32(e.central, 16),
    size: u32(e.central, 24),
    method: e.method === 0 ? 0 : 8,
  };
}

export class ZipPackage {
  private readonly original = new Map<string, Entry>();
  private readonly written = new Map<string, Uint8Array>();
  private readonly cache = new Map<string, Uint8Array>();
  private readonly order: string[] = [];
  private readonly removed = new Set<string>();

  constructor(zip: Uint8Array) {
    const entries = readEntries(zip);
    if (entries) {
      for (const e of entries) {
        this.original.set(e.name, e);
        this.order.push(e.name);
      }
    } else {
      let all: Record<string, Uint8Array>;
      try {
        all = unzipSync(zip);
      } catch (e) {
        throw new Error(`不是有效的 .xlsx 文件：无法解压 (not a ZIP archive: ${(e as Error).message})`);
      }
      for (const [name, data] of Object.entries(all)) this.write(name, data);
    }
  }

  names(): string[] {
    return [...this.order];
  }

  read(name: string): Uint8Array | undefined {
    if (this.removed.has(name)) return undefined;
    const w = this.written.get(name) ?? this.cache.get(name);
    if (w) return w;
    const e = this.original.get(name);
    if (!e) return undefined;
    const data = entryData(e);
    // Small parts (workbook, relationships, styles) are read again and again; a sheet's data would only hold memory.
    if (data.length <= CACHE_MAX_BYTES) this.cache.set(name, data);
    return data;
  }

  /** A package over the same original bytes with none of this one's writes. */
  clone(): ZipPackage {
    const copy = Object.create(ZipPackage.prototype) as ZipPackage;
    Object.assign(copy, {
      original: this.original,
      written: new Map(this.written),
      cache: this.cache,
      order: [...this.order],
      removed: new Set(this.removed),
    });
    return copy;
  }

  /** Drops a part from the package (a no-op for a name it does not hold). */
  remove(name: string): void {
    this.written.delete(name);
    if (this.original.has(name)) this.removed.add(name);
    const at = this.order.indexOf(name);
    if (at >= 0) this.order.splice(at, 1);
  }

  /**
   * The archive with `fresh` parts (already deflated, e.g. a sheet streamed through zlib) in place of parts of
   * the same name or added at the end; other written parts deflated with `deflater`, the rest copied compressed.
   */
  async archive(fresh: ZipEntry[], deflater: Deflater): Promise<Uint8Array> {
    const byName = new Map(fresh.map((e) => [e.name, e]));
    const names = [...this.order, ...fresh.map((e) => e.name).filter((n) => !this.order.includes(n))];
    const entries: ZipEntry[] = [];
    for (const name of names) {
      const e = byName.get(name);
      const data = this.written.get(name);
      if (e) entries.push(e);
      else if (data) {
        const sink = deflater();
        await sink.write(data);
        entries.push({ name, ...(await sink.end()), size: data.length });
      } else entries.push(rawEntry(this.original.get(name)!));
    }
    return zipArchive(entries);
  }

  write(name: string, data: Uint8Array): void {
    if (this.removed.delete(name) || (!this.original.has(name) && !this.written.has(name))) this.order.push(name);
    this.written.set(name, data);
    this.cache.delete(name);
  }

  /**
   * The archive: written parts deflated afresh, every other part copied as it was. Level 1, as the fast writer
   * uses: a rewritten 50 MB sheet deflates in about a third of level 6's time for ~10 % more bytes.
   */
  toBytes(): Uint8Array {
    const fresh = new Map(
      (this.written.size > 0 ? readEntries(zipSync(Object.fromEntries(this.written), { level: 1 })) ?? [] : []).map((e) => [
        e.name,
        e,
      ]),
    );
    const entries = this.order.map((name) => fresh.get(name) ?? this.original.get(name)!);
    let size = 22;
    for (const e of entries) size += e.local.length + e.central.length;
    if (entries.length > 0xffff || size > 0xffffffff) throw new Error('工作簿过大，无法写入图表 (package needs ZIP64)');
    const out = new Uint8Array(size);
    let o = 0;
    const offsets: number[] = [];
    for (const e of entries) {
      offsets.push(o);
      out.set(e.local, o);
      o += e.local.length;
    }
    const cdOffset = o;
    entries.forEach((e, i) => {
      out.set(e.central, o);
      put32(out, o + 42, offsets[i]);
      o += e.central.length;
    });
    put32(out, o, SIG_END);
    put16(out, o + 8, entries.length);
    put16(out, o + 10, entries.length);
    put32(out, o + 12, o - cdOffset);
    put32(out, o + 16, cdOffset);
    return out;
  }
}
