import { waitForOffice, type OfficeForStart } from './office';

describe('waitForOffice', () => {
  it('reads the display language inside an Office host', async () => {
    const office: OfficeForStart = { onReady: async () => ({ host: 'Excel', platform: 'PC' }), context: { displayLanguage: 'en-GB' } };
    await expect(waitForOffice(office)).resolves.toEqual({ inOffice: true, displayLanguage: 'en-GB' });
  });

  it('is a preview without office.js', async () => {
    await expect(waitForOffice(undefined)).resolves.toEqual({ inOffice: false });
  });

  it('is a preview when office.js runs in a plain browser (host null)', async () => {
    await expect(waitForOffice({ onReady: async () => ({ host: null, platform: null }) })).resolves.toEqual({ inOffice: false });
  });

  it('does not wait forever for an onReady that never answers', async () => {
    const never: OfficeForStart = { onReady: () => new Promise(() => undefined) };
    await expect(waitForOffice(never, 20)).resolves.toEqual({ inOffice: false });
  });

  it('is a preview when onReady throws or rejects', async () => {
    await expect(waitForOffice({ onReady: () => { throw new Error('boom'); } })).resolves.toEqual({ inOffice: false });
    await expect(waitForOffice({ onReady: () => Promise.reject(new Error('boom')) })).resolves.toEqual({ inOffice: false });
  });
});
