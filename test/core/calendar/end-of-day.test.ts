import { calendarPreset } from '../../../src/core/calendar';
import { addBusinessDays } from './verbs';
import { evaluate } from '../../../src/core/evaluate';
import { parseTarget, formatTarget, validatePolicy } from '../../../src/core/policy';
import { at, cal, compile, hoursOn, local } from './builders';
import { goal, history, metric, policySpec, calendars } from '../evaluate/builders';

// Mon–Thu 08:00–19:00, Fri 08:00–15:00, Madrid time, no holidays (the same calendar as days.test.ts).
const madrid = cal({
  timeZone: 'Europe/Madrid',
  week: { ...hoursOn(['mon', 'tue', 'wed', 'thu'], '08:00', '19:00'), fri: [{ start: '08:00', end: '15:00' }] },
});
const m = (iso: string) => at(iso, 'Europe/Madrid');
const show = (t: number | null) => local(t, 'Europe/Madrid');
const eod = (start: number, n: number) => show(addBusinessDays(madrid, start, n, 'endOfDay'));

describe('end-of-day business days', () => {
  it('is due at the close of the Nth following business day: Tuesday 10:00 + 1 = Wednesday 19:00', () => {
    expect(eod(m('2025-01-07T10:00'), 1)).toBe('2025-01-08T19:00:00');
    expect(eod(m('2025-01-07T10:00'), 2)).toBe('2025-01-09T19:00:00');
  });

  it('lands on the same day as the same-time rounding, at its close: Thursday 17:00 + 1 = Friday 15:00', () => {
    expect(eod(m('2025-01-09T17:00'), 1)).toBe('2025-01-10T15:00:00');
    expect(show(addBusinessDays(madrid, m('2025-01-09T17:00'), 1))).toBe('2025-01-10T15:00:00');
  });

  it('counts an arrival before opening as the whole arrival day: Tuesday 07:00 + 1 = Tuesday 19:00', () => {
    expect(eod(m('2025-01-07T07:00'), 1)).toBe('2025-01-07T19:00:00');
  });

  it('starts from the next business day after the close: Tuesday 20:00 + 1 = Wednesday 19:00', () => {
    expect(eod(m('2025-01-07T20:00'), 1)).toBe('2025-01-08T19:00:00');
  });

  it('counts an arrival on a closed day from the next business day: Saturday + 1 = Monday 19:00, + 2 = Tuesday 19:00', () => {
    expect(eod(m('2025-01-11T12:00'), 1)).toBe('2025-01-13T19:00:00');
    expect(eod(m('2025-01-11T12:00'), 2)).toBe('2025-01-14T19:00:00');
  });

  it('skips holidays: Saxony, Thursday before Easter 10:00 + 1 = Tuesday after Easter 17:00', () => {
    const saxony = compile(calendarPreset('saxony-9-17'));
    const start = at('2025-04-17T10:00', 'Europe/Berlin');
    expect(local(addBusinessDays(saxony, start, 1, 'endOfDay'), 'Europe/Berlin')).toBe('2025-04-22T17:00:00');
  });

  it('reads the close on the wall clock across a DST change: Friday 10:00 + 1 = Monday 17:00 CEST', () => {
    const berlin = cal({ timeZone: 'Europe/Berlin' });
    const due = addBusinessDays(berlin, at('2025-03-28T10:00', 'Europe/Berlin'), 1, 'endOfDay');
    expect(local(due, 'Europe/Berlin')).toBe('2025-03-31T17:00:00');
    expect(due).toBe(Date.UTC(2025, 2, 31, 15));
  });

  it('ends a 24x7 day at local midnight, also on the 23-hour spring-forward Sunday', () => {
    const always = compile({ schemaVersion: 1, kind: 'always', id: 'a', name: 'A', timeZone: 'Europe/Paris' });
    const due = addBusinessDays(always, at('2025-03-29T10:00', 'Europe/Paris'), 1, 'endOfDay');
    expect(local(due, 'Europe/Paris')).toBe('2025-03-31T00:00:00');
  });

  it('returns the start for zero days, as the same-time rounding does', () => {
    const start = m('2025-01-07T10:00');
    expect(addBusinessDays(madrid, start, 0, 'endOfDay')).toBe(start);
  });
});

describe('end-of-day goals in a policy', () => {
  const eodGoal = goal({ target: { kind: 'businessDays', days: 1, endOfDay: true }, calendar: { kind: 'fixed', calendarId: 'cet-9-17' } });

  it('reads "2bd eod" and "2 business days (end of day)" and writes them back', () => {
    const value = { kind: 'businessDays', days: 2, endOfDay: true };
    expect(parseTarget('2bd eod')).toEqual({ ok: true, value });
    expect(parseTarget('2 business days (end of day)')).toEqual({ ok: true, value });
    expect(formatTarget(value as never)).toBe('2 business days (end of day)');
  });

  it('keeps a policy without endOfDay unchanged (same-time rounding)', () => {
    const r = validatePolicy(policySpec([metric({ goals: [goal({ target: { kind: 'businessDays', days: 1 } })] })]));
    expect(r.ok && r.value.spec.metrics[0]?.goals[0]?.target).toEqual({ kind: 'businessDays', days: 1 });
  });

  it('refuses a non-boolean endOfDay with POL_BAD_TARGET at its path', () => {
    const bad = goal({ target: { kind: 'businessDays', days: 1, endOfDay: 'yes' as unknown as boolean } });
    const r = validatePolicy(policySpec([metric({ goals: [bad] })]));
    expect(r.ok ? [] : r.error.map((e) => [e.code, e.path])).toEqual([['POL_BAD_TARGET', 'metrics[0].goals[0].target.endOfDay']]);
  });

  it('makes an issue created Tuesday 10:00 CET due at Wednesday 17:00 CET', () => {
    const policy = validatePolicy(policySpec([metric({ pause: [], goals: [eodGoal] })], calendars(['cet-9-17'])));
    if (!policy.ok) throw new Error(JSON.stringify(policy.error));
    const s = evaluate(history({ created: '2026-03-03T09:00:00Z' }), policy.value, Date.parse('2026-03-03T12:00:00Z'));
    expect(s.metrics[0]?.current?.dueAt).toBe(Date.parse('2026-03-04T16:00:00Z'));
  });
});
