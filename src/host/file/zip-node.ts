/** Node's zlib as the zip deflater: it compresses on the thread pool while the caller builds the next chunk. */
import * as zlib from 'zlib';
import { Deflater, unwrapGzip } from './zip';

/** `pending` is how many bytes may wait for the compressor before a write waits for it. */
export function zlibDeflater(level = 1, pending = 8 << 20): Deflater {
  return () => {
    const gz = zlib.createGzip({ level, chunkSize: 256 << 10, writableHighWaterMark: pending } as zlib.ZlibOptions);
    const out: Uint8Array[] = [];
    gz.on('data', (c: Buffer) => out.push(c));
    const done = new Promise<void>((resolve, reject) => {
      gz.on('end', resolve);
      gz.on('error', reject);
    });
    return {
      write: (chunk) => (gz.write(chunk) ? undefined : new Promise<void>((resolve) => gz.once('drain', resolve))),
      end: async () => {
        gz.end();
        await done;
        return unwrapGzip(out);
      },
    };
  };
}
