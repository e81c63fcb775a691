/** Node's zlib as the zip deflater: it compresses on the thread pool while the caller builds the next chunk. */
import * as zlib from 'zlib';
import { Deflater, unwrapGzip } from './zip';

export function zlibDeflater(level = 1): Deflater {
  return () => {
    const gz = zlib.createGzip({ level, chunkSize: 256 << 10 });
    const out: Uint8Array[] = [];
    gz.on('data', (c: Buffer) => out.push(c));
    const done = new Promise<void>((resolve, reject) => {
      gz.on('end', resolve);
      gz.on('error', reject);
    });
    return {
      // Settles once zlib has consumed the chunk, so the caller may refill it.
      write: (chunk) => new Promise<void>((resolve, reject) => gz.write(chunk, (e) => (e ? reject(e) : resolve()))),
      end: async () => {
        gz.end();
        await done;
        return unwrapGzip(out);
      },
    };
  };
}
