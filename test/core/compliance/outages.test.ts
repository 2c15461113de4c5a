import { outagesFor, validateOutage } from '../../../src/core/compliance';
import { at } from '../evaluate/builders';

describe('validateOutage', () => {
  it('accepts ISO instants with an offset and trims names; a missing customer means the whole service', () => {
    const r = validateOutage({ service: ' API ', start: '2026-05-01T12:00:00+02:00', end: '2026-05-01T11:00:00Z', description: 'failover' }, 'o1');
    expect(r).toEqual({ ok: true, value: { id: 'o1', service: 'API', customer: null, start: at('2026-05-01T10:00:00Z'), end: at('2026-05-01T11:00:00Z'), description: 'failover' } });
  });

  it('refuses instants without an offset, since their zone would be the server guess', () => {
    const r = validateOutage({ service: 'API', start: '2026-05-01T10:00:00', end: '2026-05-01T11:00:00Z' }, 'o1');
    expect(r.ok ? [] : r.error.map((e) => [e.code, e.path])).toEqual([['OUT_BAD_INSTANT', 'start']]);
  });

  it('reports every problem with a stable code', () => {
    const r = validateOutage({ service: '', customer: '  ', start: at('2026-05-02T00:00:00Z'), end: at('2026-05-01T00:00:00Z'), description: 7 }, 'o1');
    expect(r.ok ? [] : r.error.map((e) => e.code)).toEqual(['OUT_BAD_SERVICE', 'OUT_BAD_SERVICE', 'OUT_END_NOT_AFTER_START', 'OUT_MALFORMED']);
    expect(validateOutage([], 'o1')).toMatchObject({ ok: false, error: [{ code: 'OUT_MALFORMED' }] });
    expect(validateOutage({ service: 'API', start: 0, end: 400 * 86_400_000 }, 'o1')).toMatchObject({ ok: false, error: [{ code: 'OUT_TOO_LONG' }] });
  });

  it('reports every problem in field order, with its code, path and message', () => {
    const res = validateOutage({ service: ' ', customer: '', start: '2026-05-01T10:00:00Z', end: '2026-05-01T09:00:00Z', description: 7 }, 'o1');
    expect(res).toEqual({
      ok: false,
      error: [
        { code: 'OUT_BAD_SERVICE', path: 'service', message: 'A service name of 1–120 characters is required.' },
        { code: 'OUT_BAD_SERVICE', path: 'customer', message: 'A customer is empty (the whole service) or 1–120 characters.' },
        { code: 'OUT_END_NOT_AFTER_START', path: 'end', message: 'End must be after start.' },
        { code: 'OUT_MALFORMED', path: 'description', message: 'Description must be text of at most 2000 characters.' },
      ],
    });
  });
});

describe('outagesFor', () => {
  it('keeps service-wide outages for everyone and customer outages for that customer only', () => {
    const base = { start: 0, end: 1, description: '' };
    const all = [{ ...base, id: 'a', service: 'API', customer: null }, { ...base, id: 'b', service: 'API', customer: 'Acme' }, { ...base, id: 'c', service: 'Web', customer: null }];
    expect(outagesFor(all, 'API', 'Acme').map((o) => o.id)).toEqual(['a', 'b']);
    expect(outagesFor(all, 'API', null).map((o) => o.id)).toEqual(['a']);
  });
});
