import { creditStatement, DEFAULT_CREDIT_RULES, monthBounds, validateCreditRules, type OutageRecord } from '../../../src/core/compliance';
import { at, HOUR } from '../evaluate/builders';

const outage = (over: Partial<OutageRecord> = {}): OutageRecord => ({
  id: 'o1', service: 'API', customer: null, start: at('2026-05-10T10:00:00Z'), end: at('2026-05-10T11:00:00Z'), description: 'Database failover', ...over,
});
const may = { service: 'API', customer: null, month: '2026-05', timeZone: 'UTC' };

describe('creditStatement', () => {
  it('gives 7 days of credit below 99.9% and 14 below 99% with the default rules', () => {
    expect(creditStatement([], may, DEFAULT_CREDIT_RULES)).toMatchObject({ uptimePercent: 100, creditDays: 0, meetsTarget: true, appliedRule: null });
    expect(creditStatement([outage()], may, DEFAULT_CREDIT_RULES)).toMatchObject({ uptimePercent: 99.866, creditDays: 7, meetsTarget: false, appliedRule: { below: 99.9, creditDays: 7 } });
    expect(creditStatement([outage({ end: at('2026-05-10T18:00:00Z') })], may, DEFAULT_CREDIT_RULES)).toMatchObject({ creditDays: 14, appliedRule: { below: 99, creditDays: 14 } });
  });

  it('lists overlapping outages as evidence but counts the overlap once, so the added time sums to the downtime', () => {
    const s = creditStatement([
      outage({ id: 'a' }),
      outage({ id: 'b', start: at('2026-05-10T10:30:00Z'), end: at('2026-05-10T12:00:00Z') }),
    ], may, DEFAULT_CREDIT_RULES);
    expect(s?.downtimeMs).toBe(2 * HOUR);
    expect(s?.evidence.map((e) => [e.outage.id, e.addedMs])).toEqual([['a', HOUR], ['b', HOUR]]);
  });

  it('cuts outages at the month edges of the statement zone', () => {
    const s = creditStatement([outage({ start: at('2026-04-30T21:00:00Z'), end: at('2026-04-30T23:00:00Z') })], { ...may, timeZone: 'Europe/Berlin' }, DEFAULT_CREDIT_RULES);
    // May begins at 22:00Z in Berlin (CEST): one of the two hours falls inside.
    expect(s).toMatchObject({ periodStart: at('2026-04-30T22:00:00Z'), downtimeMs: HOUR });
    expect(s?.evidence[0]).toMatchObject({ countedFrom: at('2026-04-30T22:00:00Z'), countedTo: at('2026-04-30T23:00:00Z') });
  });

  it('counts a customer outage only in that customer statement, and service-wide outages in every one', () => {
    const outages = [outage({ id: 'all' }), outage({ id: 'acme', customer: 'Acme', start: at('2026-05-11T10:00:00Z'), end: at('2026-05-11T11:00:00Z') })];
    expect(creditStatement(outages, may, DEFAULT_CREDIT_RULES)?.evidence.map((e) => e.outage.id)).toEqual(['all']);
    expect(creditStatement(outages, { ...may, customer: 'Acme' }, DEFAULT_CREDIT_RULES)?.evidence.map((e) => e.outage.id)).toEqual(['all', 'acme']);
    expect(creditStatement(outages, { ...may, service: 'Web' }, DEFAULT_CREDIT_RULES)?.evidence).toEqual([]);
  });

  it('applies edited rules and refuses a malformed month', () => {
    const rules = { targetPercent: 99.95, thresholds: [{ below: 99.95, creditDays: 3 }] };
    expect(creditStatement([outage()], may, rules)).toMatchObject({ creditDays: 3, targetPercent: 99.95 });
    expect(creditStatement([], { ...may, month: '2026-13' }, rules)).toBeNull();
  });
});

describe('validateCreditRules', () => {
  it('accepts the defaults and sorts thresholds from the highest', () => {
    const r = validateCreditRules({ targetPercent: 99.9, thresholds: [{ below: 99, creditDays: 14 }, { below: 99.9, creditDays: 7 }] });
    expect(r).toEqual({ ok: true, value: DEFAULT_CREDIT_RULES });
  });

  it('reports each bad field with a stable code and path', () => {
    const r = validateCreditRules({ targetPercent: 120, thresholds: [{ below: 0, creditDays: 7 }, { below: 99, creditDays: 1.5 }, { below: 99, creditDays: 3 }] });
    expect(r.ok ? [] : r.error.map((e) => [e.code, e.path])).toEqual([
      ['CRD_BAD_TARGET', 'targetPercent'], ['CRD_BAD_THRESHOLD', 'thresholds[0].below'], ['CRD_BAD_DAYS', 'thresholds[1].creditDays'], ['CRD_DUPLICATE_THRESHOLD', 'thresholds[2].below'],
    ]);
    expect(validateCreditRules(null)).toMatchObject({ ok: false, error: [{ code: 'CRD_MALFORMED' }] });
    expect(validateCreditRules({ targetPercent: 99, thresholds: Array.from({ length: 11 }, (_, i) => ({ below: 90 + i / 2, creditDays: 1 })) })).toMatchObject({ ok: false, error: [{ code: 'CRD_TOO_MANY' }] });
  });

  it('reports every problem in order, each at its path, and sorts valid thresholds from the highest', () => {
    const thresholds = Array.from({ length: 11 }, (_, i) => ({ below: 90 + i, creditDays: 1 }));
    thresholds[1] = { below: 90, creditDays: 1.5 };
    expect(validateCreditRules({ targetPercent: 0, thresholds })).toEqual({
      ok: false,
      error: [
        { code: 'CRD_BAD_TARGET', path: 'targetPercent', message: 'The target is a percentage above 0 and at most 100.' },
        { code: 'CRD_TOO_MANY', path: 'thresholds', message: 'At most 10 rules.' },
        { code: 'CRD_DUPLICATE_THRESHOLD', path: 'thresholds[1].below', message: 'Another rule already starts below 90%.' },
        { code: 'CRD_BAD_DAYS', path: 'thresholds[1].creditDays', message: 'Credit is a whole number of days from 0 to 366.' },
      ],
    });
    const ok = validateCreditRules({ targetPercent: 99.9, thresholds: [{ below: 95, creditDays: 30 }, { below: 99.9, creditDays: 7 }] });
    expect(ok.ok && ok.value.thresholds.map((t) => t.below)).toEqual([99.9, 95]);
  });
});

describe('monthBounds', () => {
  it('gives the local month as a half-open range, and null for nonsense', () => {
    expect(monthBounds('2026-03', 'UTC')).toEqual({ start: at('2026-03-01T00:00:00Z'), end: at('2026-04-01T00:00:00Z') });
    expect(monthBounds('2026-3', 'UTC')).toBeNull();
    expect(monthBounds('2026-03', 'Mars/Olympus')).toBeNull();
  });
});
