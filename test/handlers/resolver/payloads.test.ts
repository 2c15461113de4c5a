import { MAX_POLICY_BYTES, PAYLOADS, parsePayload } from '../../../src/handlers/resolver/payloads';

describe('resolver payloads', () => {
  it('accepts a payload that fits its schema and answers the parsed copy', () => {
    expect(parsePayload(PAYLOADS['panel.getSla'], { issueId: '10001', extra: 1 })).toEqual({ ok: true, value: { issueId: '10001' } });
    expect(parsePayload(PAYLOADS['settings.getConfig'], undefined)).toEqual({ ok: true, value: {} });
  });

  it('names the first offending field, or the payload itself', () => {
    expect(parsePayload(PAYLOADS['panel.getSla'], { issueId: '' })).toMatchObject({ ok: false, error: expect.stringMatching(/^issueId: /) });
    expect(parsePayload(PAYLOADS['panel.getSla'], 'x')).toMatchObject({ ok: false, error: expect.stringMatching(/^payload: /) });
  });

  it('refuses a policy that is missing or larger than the cap', () => {
    expect(parsePayload(PAYLOADS['settings.validate'], {})).toMatchObject({ ok: false, error: expect.stringContaining('policy must be present') });
    const big = { name: 'x'.repeat(MAX_POLICY_BYTES) };
    expect(parsePayload(PAYLOADS['settings.validate'], { policy: big })).toMatchObject({ ok: false, error: expect.stringContaining(`at most ${MAX_POLICY_BYTES / 1024} KB`) });
    expect(parsePayload(PAYLOADS['settings.validate'], { policy: { name: 'small' } }).ok).toBe(true);
  });

  it('refuses a request over the request cap before parsing it', () => {
    const res = parsePayload(PAYLOADS['settings.preview'], { policy: {}, fields: { f: 'x'.repeat(300 * 1024) } });
    expect(res).toMatchObject({ ok: false, error: expect.stringMatching(/^Request too large \(\d+ bytes\)\.$/) });
  });

  it('refuses a request nested too deeply for JSON to encode', () => {
    let deep: unknown = {};
    for (let i = 0; i < 20_000; i++) deep = { deep };
    expect(parsePayload(PAYLOADS['settings.validate'], { policy: deep })).toEqual({ ok: false, error: 'Request is nested too deeply.' });
  });
});
