import '../jsdomClone';
import type { FieldIssue } from '@contract';
import type { CalendarSpec, PolicySpec } from '@core';
import { explainIssue } from '../../../../static/project-settings/src/model/explain';
import { validateDraft } from '../../../../static/project-settings/src/model/validateDraft';
import { buildPolicy } from '../fakeBackend';

const madrid = buildPolicy().calendars[0] as CalendarSpec & { kind: 'weekly' };
const withCalendar = (patch: Partial<typeof madrid>): PolicySpec => buildPolicy({ calendars: [{ ...madrid, ...patch }] });
const messages = (policy: PolicySpec) => validateDraft(policy).map((i) => i.message);
/** No JSON path, no "[0]", no quoted key left in a message people read. */
const PATHLIKE = /\w\[\d+\]|\.\w+\[|"name"|\b(calendars|metrics)[[.]/;

describe('validation messages in plain words', () => {
  it('names the day, the position and the hours of an overlapping interval', () => {
    const policy = withCalendar({ week: { mon: [{ start: '08:00', end: '12:00' }, { start: '11:00', end: '14:00' }] } });
    expect(messages(policy)).toEqual([`Calendar "Madrid office", Monday's second interval (11:00–14:00) overlaps the first (08:00–12:00).`]);
  });

  it('says that a calendar needs a name, without quoting the field', () => {
    expect(messages(withCalendar({ name: '' }))).toEqual(['Calendar 1 needs a name.']);
  });

  it('catches an impossible date in a special date, as the server would', () => {
    const policy = withCalendar({ overrides: [{ date: '2026-02-30', hours: [] }] });
    expect(messages(policy)).toEqual(['Calendar "Madrid office", special date 2026-02-30: 2026-02-30 is not a date on the calendar.']);
  });

  it('catches an exclusion that ends before it starts', () => {
    const policy = withCalendar({ exclusions: [{ start: '2026-03-02T10:00:00Z', end: '2026-03-02T09:00:00Z', reason: 'Upgrade' }] });
    expect(messages(policy)).toEqual(['Calendar "Madrid office", exclusion "Upgrade" ends before it starts; pick an end after the start.']);
  });

  it('flags an empty metric name', () => {
    const base = buildPolicy();
    const policy = { ...base, metrics: base.metrics.map((m) => ({ ...m, name: '' })) };
    expect(messages(policy)).toEqual(['Metric 1 needs a name.']);
  });

  it('refuses a target the server refuses (more than 10 years)', () => {
    const base = buildPolicy();
    const metric = base.metrics[0];
    if (!metric) throw new Error('fixture: one metric');
    const goals = metric.goals.map((g) => (g.id === 'high' ? { ...g, target: { kind: 'minutes' as const, minutes: 99999 * 1440 } } : g));
    expect(messages({ ...base, metrics: [{ ...metric, goals }] })).toEqual([
      'Metric "First response", goal "High", target: a target in minutes must be more than 0 and at most 10 years.',
    ]);
  });

  it('leaves holiday regions to the server, which has the holiday data', () => {
    expect(validateDraft(withCalendar({ holidays: { sources: [{ country: 'ES', state: 'MD' }] } }))).toEqual([]);
  });

  it('rewrites server messages the same way and never shows a path', () => {
    const policy = withCalendar({ week: { mon: [{ start: '08:00', end: '12:00' }, { start: '11:00', end: '14:00' }] } });
    const server: FieldIssue[] = [
      { path: 'calendars[0].week.mon[1]', code: 'CAL_OVERLAPPING_INTERVALS', message: 'interval overlaps calendars[0].week.mon[0]' },
      { path: 'calendars[0].name', code: 'CAL_MALFORMED', message: '"name" must be a non-empty string' },
      { path: 'metrics[0].goals[0].calendar.calendarId', code: 'POL_UNKNOWN_CALENDAR', message: 'No calendar with id "x" in this policy.' },
      { path: 'metrics', code: 'POL_PROPERTY_TOO_LARGE', message: 'With 9 metrics the sla issue property needs at least 40000 bytes; Jira allows 32768. Use fewer metrics.' },
    ];
    const out = server.map((i) => explainIssue(i, policy).message);
    expect(out[0]).toBe(`Calendar "Madrid office", Monday's second interval (11:00–14:00) overlaps the first (08:00–12:00).`);
    expect(out[1]).toBe('Calendar "Madrid office" needs a name.');
    expect(out[2]).toBe('Metric "First response", goal "High" uses a calendar that is not in this policy; pick another calendar.');
    for (const m of out) expect(m).not.toMatch(PATHLIKE);
  });
});

describe('each issue code in its own words', () => {
  const policy = withCalendar({ week: { mon: [{ start: '08:00', end: '12:00' }], tue: [{ start: '8am', end: '12:00' }] } });
  const say = (path: string, code: string, message = '') => explainIssue({ path, code, message }, policy).message;

  it('names which time is not a time of day, quoting what was typed', () => {
    expect(say('calendars[0].week.tue[0].start', 'CAL_BAD_TIME')).toBe(`Calendar "Madrid office", Tuesday's first interval (8am–12:00): the opening time 8am is not a time of day (use HH:mm, e.g. 09:00).`);
  });

  it('names the other interval on another day when intervals overlap across days', () => {
    const msg = say('calendars[0].week.tue[0]', 'CAL_OVERLAPPING_INTERVALS', 'interval overlaps week.mon[0]');
    expect(msg).toBe(`Calendar "Madrid office", Tuesday's first interval (8am–12:00) overlaps Monday's first interval (08:00–12:00).`);
    expect(say('calendars[0].week.tue[0]', 'CAL_OVERLAPPING_INTERVALS', 'overlap')).toBe(`Calendar "Madrid office", Tuesday's first interval (8am–12:00) overlaps another interval.`);
  });

  it('speaks of the whole calendar when it is never open, and of the zone when it is unknown', () => {
    expect(say('calendars[0].week', 'CAL_NEVER_OPEN')).toBe('Calendar "Madrid office" is never open: give it opening hours on at least one day.');
    expect(say('calendars[0].timeZone', 'CAL_UNKNOWN_ZONE')).toBe('Calendar "Madrid office", time zone: Europe/Madrid is not a time zone; pick one from the list.');
  });

  it('turns structural engine messages into what to do', () => {
    expect(say('metrics[0].name', 'POL_MALFORMED', 'Expected at least 1 character(s).')).toBe('Metric "First response" needs a name.');
    expect(say('metrics[0].key', 'POL_MALFORMED', 'Expected at least 1 character(s).')).toBe('Metric "First response", key cannot be empty.');
    expect(say('metrics[0].mode', 'POL_MALFORMED', 'Expected one of once, cycle.')).toBe('Metric "First response" is not filled in correctly.');
  });

  it('keeps an engine sentence for a code without wording, taking out any path, and speaks of the policy without a subject', () => {
    expect(say('metrics[0]', 'POL_SOMETHING', 'Goal refers to metrics[0].goals[1] twice')).toBe('Metric "First response": goal refers to twice.');
    expect(say('', 'POL_SOMETHING', 'Something is off.')).toBe('The policy: something is off.');
  });
});
