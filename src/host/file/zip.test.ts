import { gzipSync } from 'fflate';
import JSZip from 'jszip';
import { fflateDeflater, unwrapGzip, zipArchive } from './zip';
import { zlibDeflater } from './zip-node';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('unwrapGzip', () => {
  it('finds the deflate data and CRC-32 wherever the chunks split the header and trailer', () => {
    const gz = gzipSync(bytes('hello hello hello'), { level: 6 });
    const whole = unwrapGzip([gz]);
    expect(whole.crc).toBe(new DataView(gz.buffer, gz.byteOffset).getUint32(gz.length - 8, true));
    for (const cuts of [[1], [5, 11], [gz.length - 3], [9, 10, gz.length - 8, gz.length - 1]]) {
      const chunks: Uint8Array[] = [];
      let from = 0;
      for (const to of [...cuts, gz.length]) {
        chunks.push(gz.subarray(from, to));
        from = to;
      }
      const split = unwrapGzip(chunks);
      expect(split.crc).toBe(whole.crc);
      expect(Buffer.concat(split.chunks)).toEqual(Buffer.concat(whole.chunks));
    }
    expect(() => unwrapGzip([bytes('not gzip at all, really')])).toThrow('gzip');
  });
});

describe.each([
  ['fflate', fflateDeflater(1)],
  ['zlib', zlibDeflater(1)],
])('zipArchive with %s', (_name, deflater) => {
  it('writes an archive other readers open, CRCs checked', async () => {
    const parts = { 'a.txt': 'x'.repeat(100_000) + '中文', 'dir/b.xml': '<b/>', 'empty.txt': '' };
    const entries = [];
    for (const [name, text] of Object.entries(parts)) {
      const sink = deflater();
      const data = bytes(text);
      for (let i = 0; i < data.length; i += 7_000) await sink.write(data.slice(i, i + 7_000));
      entries.push({ name, ...(await sink.end()), size: data.length });
    }
    const zip = await JSZip.loadAsync(zipArchive(entries), { checkCRC32: true });
    for (const [name, text] of Object.entries(parts)) expect(await zip.file(name)!.async('string')).toBe(text);
  });
});
