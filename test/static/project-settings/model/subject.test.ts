import type { CalendarSpec, PolicySpec } from '@core/browser';
import { ordinal, rangeText, subjectParts } from '../../../../static/project-settings/src/model/subject';
import { buildPolicy } from '../fakeBackend';

const late: CalendarSpec = {
  schemaVersion: 1, kind: 'weekly', id: 'late', name: 'Late shift', timeZone: 'Europe/Madrid',
  week: { mon: [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '19:00' }] },
  overrides: [{ date: '2026-12-24', hours: [{ start: '09:00', end: '13:00' }] }],
  exclusions: [{ start: '2026-12-01T00:00:00Z', end: '2026-12-02T00:00:00Z', reason: 'Migration' }],
  holidays: { sources: [{ country: 'ES' }], custom: [{ name: 'Founders day', date: '2026-06-01' }] },
};
const sun: CalendarSpec = { schemaVersion: 1, kind: 'union', id: 'sun', name: 'Sun', members: [late, { ...late, id: 'x', name: '  ' }] };
const policy: PolicySpec = buildPolicy({ calendars: [late, sun, { ...late, id: 'blank', name: '' }] });

describe('the words for a validation path', () => {
  it.each([
    ['calendars[0].week.mon[1]', ['Calendar "Late shift"', "Monday's second interval (13:00–19:00)"]],
    ['calendars[0].week.tue', ['Calendar "Late shift"', "Tuesday's hours"]],
    ['calendars[0].week.tue[0]', ['Calendar "Late shift"', "Tuesday's first interval"]],
    ['calendars[0].overrides[0]', ['Calendar "Late shift"', 'special date 2026-12-24']],
    ['calendars[0].overrides[0].hours[0].end', ['Calendar "Late shift"', 'special date 2026-12-24, first interval (09:00–13:00)']],
    ['calendars[0].overrides[4]', ['Calendar "Late shift"', 'special date 5']],
    ['calendars[0].exclusions[0].end', ['Calendar "Late shift"', 'exclusion "Migration"']],
    ['calendars[0].holidays.custom[0].date', ['Calendar "Late shift"', 'company holiday "Founders day"']],
    ['calendars[0].holidays.sources[0]', ['Calendar "Late shift"', 'public holiday region 1']],
    ['calendars[0].holidays', ['Calendar "Late shift"', 'holidays']],
    ['calendars[0].timeZone', ['Calendar "Late shift"', 'time zone']],
    ['calendars[1].members[0].week.mon[0]', ['Calendar "Sun"', 'member "Late shift"', "Monday's first interval (08:00–12:00)"]],
    ['calendars[1].members[1].name', ['Calendar "Sun"', 'member 2', 'name']],
  ])('names %s in the words of the settings page', (path, words) => {
    expect(subjectParts(policy, path)).toEqual(words);
  });

  it('falls back to the position, counted from 1, when a calendar has no name or does not exist', () => {
    expect(subjectParts(policy, 'calendars[2].name')).toEqual(['Calendar 3', 'name']);
    expect(subjectParts(policy, 'calendars[7].week.mon[0]')).toEqual(['Calendar 8', "Monday's first interval"]);
  });

  it.each([
    ['metrics[0].goals[0].target', ['Metric "First response"', 'goal "High"', 'target']],
    ['metrics[0].goals[1].calendar.calendarId', ['Metric "First response"', 'goal "Everything else"', 'calendar']],
    ['metrics[0].goals[0].match', ['Metric "First response"', 'goal "High"', 'criteria']],
    ['metrics[0].goals[5]', ['Metric "First response"', 'goal 6']],
    ['metrics[0].goals', ['Metric "First response"', 'goals']],
    ['metrics[0].pause[0]', ['Metric "First response"', 'pause condition 1']],
    ['metrics[0].stop', ['Metric "First response"', 'stop conditions']],
    ['metrics[0].breachActions[1].body', ['Metric "First response"', 'breach action 2']],
    ['metrics[0].warningActions[0]', ['Metric "First response"', 'warning action 1']],
    ['metrics[0].warnings[2]', ['Metric "First response"', 'warning 3']],
    ['metrics[0].key', ['Metric "First response"', 'key']],
    ['metrics[3].name', ['Metric 4', 'name']],
    ['name', ['Policy name']],
  ])('names %s by metric and goal', (path, words) => {
    expect(subjectParts(policy, path)).toEqual(words);
  });

  it('names nothing for a path outside the policy or without an index', () => {
    expect(subjectParts(policy, 'schemaVersion')).toEqual([]);
    expect(subjectParts(policy, 'calendars')).toEqual([]);
    expect(subjectParts(policy, 'metrics[0].mode')).toEqual(['Metric "First response"']);
  });
});

describe('ordinals and intervals in words', () => {
  it('says first to tenth, then "number 11"', () => {
    expect([0, 1, 9, 10].map(ordinal)).toEqual(['first', 'second', 'tenth', 'number 11']);
  });

  it('writes an interval with an en dash and nothing for a value that is not one', () => {
    expect(rangeText({ start: '08:00', end: '12:00' })).toBe('08:00–12:00');
    expect(rangeText({ start: '08:00' })).toBe('');
    expect(rangeText(null)).toBe('');
    expect(rangeText('08:00–12:00')).toBe('');
  });
});
