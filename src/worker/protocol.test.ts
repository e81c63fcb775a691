import { ENGINE_PROTOCOL_VERSION, handleEngineRequest } from './protocol';

describe('handleEngineRequest', () => {
  it('answers a ping with the same id and the protocol version', () => {
    expect(handleEngineRequest({ id: 7, type: 'ping' }, () => 1234)).toEqual({
      id: 7,
      ok: true,
      type: 'ping',
      result: { protocol: ENGINE_PROTOCOL_VERSION, receivedAt: 1234 },
    });
  });

  it('answers an unknown request type with an error for that id', () => {
    expect(handleEngineRequest({ id: 3, type: 'explode' })).toEqual({ id: 3, ok: false, error: 'unknown request type "explode"' });
  });

  it.each([null, undefined, 'ping', 42, { type: 'ping' }, { id: '1', type: 'ping' }])('answers malformed %p without throwing', (message) => {
    expect(handleEngineRequest(message)).toEqual({ id: -1, ok: false, error: 'malformed request' });
  });
});
