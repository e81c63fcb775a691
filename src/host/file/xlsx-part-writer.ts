/**
 * The bytes of one zip part, written into a few reused buffers that take turns going to the deflater.
 * `ascii` and `uint` copy straight into the buffer without making a string: the sheet body (tags, A1
 * references, numbers, shared-string indexes) is all ASCII, and making and encoding a string per cell of a
 * 500,000-row sheet costs more in allocation and garbage collection than everything else in the writer.
 */
import { DeflateSink, ZipEntry } from './zip';

const CHUNK_BYTES = 1 << 20;
/** Buffers with the deflater before the writer waits for one to come back. */
const IN_FLIGHT = 3;

export class PartWriter {
  private buf: Uint8Array = new Uint8Array(CHUNK_BYTES);
  /** Where the next byte goes in `buffer`. */
  pos = 0;
  private size = 0;
  private readonly free: Uint8Array[] = [];
  private readonly inFlight: Promise<Uint8Array>[] = [];
  private readonly encoder = new TextEncoder();

  constructor(
    readonly name: string,
    private readonly sink: DeflateSink,
  ) {}

  /** Any text, as UTF-8. */
  text(s: string): void {
    const slice = CHUNK_BYTES / 4;
    for (let i = 0; i < s.length; ) {
      let end = Math.min(i + slice, s.length);
      if (end < s.length && (s.charCodeAt(end - 1) & 0xfc00) === 0xd800) end--; // keep a surrogate pair together
      this.room((end - i) * 3);
      const piece = end - i === s.length ? s : s.slice(i, end);
      this.pos += this.encoder.encodeInto(piece, this.buf.subarray(this.pos)).written;
      i = end;
    }
  }

  /** Text the caller knows is ASCII, copied byte by byte. */
  ascii(s: string): void {
    if (this.pos + s.length > this.buf.length) this.room(s.length);
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < s.length; i++) buf[p++] = s.charCodeAt(i);
    this.pos = p;
  }

  /**
   * For a caller that copies bytes in itself (the sheet writer's row loop): room for `n` more bytes, which it
   * then writes into `buffer` from `pos`, moving `pos` past them.
   */
  reserve(n: number): void {
    if (this.pos + n > this.buf.length) this.room(n);
  }

  get buffer(): Uint8Array {
    return this.buf;
  }

  /** A non-negative integer below 2^53, in decimal. */
  uint(n: number): void {
    if (this.pos + 16 > this.buf.length) this.room(16);
    const buf = this.buf;
    let digits = 1;
    for (let x = 10; x <= n; x *= 10) digits++;
    let p = this.pos + digits;
    this.pos = p;
    do {
      const q = Math.floor(n / 10);
      buf[--p] = 48 + n - q * 10;
      n = q;
    } while (n > 0);
  }

  /** True when too many buffers are with the deflater: the caller should `await drain()` before writing more. */
  get full(): boolean {
    return this.inFlight.length >= IN_FLIGHT;
  }

  /** Waits for buffers to come back from the deflater, so memory stays bounded. */
  async drain(): Promise<void> {
    while (this.inFlight.length >= IN_FLIGHT) this.free.push(await this.inFlight.shift()!);
  }

  async end(): Promise<ZipEntry> {
    this.send();
    await Promise.all(this.inFlight);
    const { chunks, crc } = await this.sink.end();
    return { name: this.name, chunks, crc, size: this.size };
  }

  /** Makes room for `n` more bytes: hands the full buffer to the deflater and takes a free (or new) one. */
  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    this.send();
    this.buf = this.free.pop() ?? new Uint8Array(Math.max(CHUNK_BYTES, n));
    if (this.buf.length < n) this.buf = new Uint8Array(n);
  }

  private send(): void {
    if (this.pos === 0) return;
    const full = this.buf;
    this.size += this.pos;
    this.inFlight.push(Promise.resolve(this.sink.write(full.subarray(0, this.pos))).then(() => full));
    this.pos = 0;
  }
}
