import { Zip, ZipDeflate, strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { ZipPackage } from './chart-zip';

function indexOfBytes(hay: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** A streamed archive: fflate's Zip writes sizes in data descriptors after each entry (flag bit 3). */
function streamedZip(files: Record<string, string>): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    chunks.push(chunk);
  });
  for (const [name, text] of Object.entries(files)) {
    const f = new ZipDeflate(name, { level: 6 });
    zip.add(f);
    f.push(strToU8(text), true);
  }
  zip.end();
  const out = new Uint8Array(chunks.reduce((s, c) => s + c.length, 0));
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

describe('ZipPackage', () => {
  const big = 'x'.repeat(5000) + '客户数据'.repeat(2000);

  it('reads parts lazily, keeps untouched entries byte for byte and adds or replaces written ones', () => {
    const original = zipSync({ 'a.xml': [strToU8(big), { level: 9 }], 'b.txt': [strToU8('stored'), { level: 0 }], 'dir/': new Uint8Array(0) });
    const pkg = new ZipPackage(original);
    expect(pkg.names()).toEqual(['a.xml', 'b.txt', 'dir/']);
    expect(strFromU8(pkg.read('a.xml')!)).toBe(big);
    expect(strFromU8(pkg.read('b.txt')!)).toBe('stored');
    expect(pkg.read('missing')).toBeUndefined();
    pkg.write('b.txt', strToU8('changed'));
    pkg.write('new/c.xml', strToU8('<c/>'));
    const out = pkg.toBytes();
    expect(Object.fromEntries(Object.entries(unzipSync(out)).map(([k, v]) => [k, strFromU8(v)]))).toEqual({
      'a.xml': big,
      'b.txt': 'changed',
      'dir/': '',
      'new/c.xml': '<c/>',
    });
    // a.xml's compressed record (level 9, which toBytes never uses) appears unchanged in the output.
    const aRecord = original.subarray(0, indexOfBytes(original, strToU8('b.txt')) - 30);
    expect(indexOfBytes(out, aRecord)).toBe(0);
  });

  it('copies entries that carry data descriptors', () => {
    const pkg = new ZipPackage(streamedZip({ 'one.xml': big, 'two.xml': '<two/>' }));
    pkg.write('three.xml', strToU8('<three/>'));
    const files = unzipSync(pkg.toBytes());
    expect(strFromU8(files['one.xml'])).toBe(big);
    expect(strFromU8(files['two.xml'])).toBe('<two/>');
    expect(strFromU8(files['three.xml'])).toBe('<three/>');
  });

  it('throws a clear error for bytes that are not a ZIP archive', () => {
    expect(() => new ZipPackage(strToU8('not a zip at all, just text'))).toThrow(/不是有效的 \.xlsx 文件/);
  });
});
