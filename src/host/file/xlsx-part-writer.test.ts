import { PartWriter } from './xlsx-part-writer';
import { DeflateSink } from './zip';

/** A sink that keeps copies of what it is given, as the deflater would consume it. */
function collecting(): { sink: DeflateSink; text: () => string } {
  const got: Uint8Array[] = [];
  return {
    sink: { write: async (c) => void got.push(c.slice()), end: async () => ({ chunks: [], crc: 0 }) },
    text: () => new TextDecoder().decode(Buffer.concat(got)),
  };
}

describe('PartWriter', () => {
  it('writes ASCII, integers and UTF-8 text in order across many buffers', async () => {
    const { sink, text } = collecting();
    const out = new PartWriter('p.xml', sink);
    const expected: string[] = [];
    for (let i = 0; i < 200_000; i++) {
      out.ascii('<v>');
      out.uint(i * 7919);
      out.text(i % 1000 === 0 ? '客户😀' : '');
      out.ascii('</v>');
      expected.push(`<v>${i * 7919}${i % 1000 === 0 ? '客户😀' : ''}</v>`);
      if (out.full) await out.drain();
    }
    const long = '长'.repeat(700_000) + '😀'.repeat(100_000); // longer than one buffer holds
    out.text(long);
    const entry = await out.end();
    expect(text()).toBe(expected.join('') + long);
    expect(entry.size).toBe(Buffer.byteLength(expected.join('') + long));
  });
});
