import { moveItem, uniqueId, toggleValue } from '../../../static/project-settings/src/model/edit';
import { indexIssues } from '../../../static/project-settings/src/model/issues';
import { describeTarget, isUnusualTarget, partsToTarget, targetToParts } from '../../../static/project-settings/src/model/target';
import { parseHolidayDate } from '../../../static/project-settings/src/calendars/CustomHolidays';
import { tabOfPath } from '../../../static/project-settings/src/model/tabs';
import { issuesStillOpen, pathSegments, valueAt } from '../../../static/project-settings/src/model/paths';
import { conditionOfKind } from '../../../static/project-settings/src/model/conditions';
import { newPolicy } from '../../../static/project-settings/src/model/defaults';

describe('goal targets as a number and a unit', () => {
  it.each([
    [{ amount: '4', unit: 'hours' }, { kind: 'minutes', minutes: 240 }],
    [{ amount: '90', unit: 'minutes' }, { kind: 'minutes', minutes: 90 }],
    [{ amount: ' 2 ', unit: 'businessDays' }, { kind: 'businessDays', days: 2 }],
    [{ amount: '', unit: 'trackOnly' }, { kind: 'trackOnly' }],
  ] as const)('reads %j as a target', (parts, target) => {
    expect(partsToTarget(parts)).toEqual({ ok: true, value: target });
  });

  it.each(['', '0', '2.5', '-1', 'four'])('rejects the amount "%s" with a sentence naming the unit', (amount) => {
    expect(partsToTarget({ amount, unit: 'hours' })).toEqual({ ok: false, error: 'Enter a whole number of hours, 1 or more.' });
  });

  it('refuses what the server refuses: more than 10 years, or more than 3660 business days', () => {
    expect(partsToTarget({ amount: '99999', unit: 'businessDays' }).ok).toBe(false);
    expect(partsToTarget({ amount: String(24 * 99999), unit: 'hours' })).toEqual({ ok: false, error: 'At most 87,840 hours (10 years).' });
    expect(partsToTarget({ amount: '3660', unit: 'businessDays' }).ok).toBe(true);
  });

  it('shows whole hours as hours and anything else in minutes, so a stored target reads back the same', () => {
    for (const target of [{ kind: 'minutes', minutes: 1561 }, { kind: 'minutes', minutes: 1560 }, { kind: 'businessDays', days: 3 }, { kind: 'trackOnly' }] as const) {
      expect(partsToTarget(targetToParts(target))).toEqual({ ok: true, value: target });
    }
    expect(targetToParts({ kind: 'minutes', minutes: 1560 })).toEqual({ amount: '26', unit: 'hours' });
  });

  it('asks to confirm targets past 30 days around the clock or 60 business days', () => {
    expect(isUnusualTarget({ kind: 'minutes', minutes: 30 * 24 * 60 })).toBe(false);
    expect(isUnusualTarget({ kind: 'minutes', minutes: 30 * 24 * 60 + 1 })).toBe(true);
    expect(isUnusualTarget({ kind: 'businessDays', days: 61 })).toBe(true);
    expect(isUnusualTarget({ kind: 'trackOnly' })).toBe(false);
  });

  it('describes targets in words, long ones also as days of business time', () => {
    expect(describeTarget({ kind: 'minutes', minutes: 270 })).toBe('4 h 30 min');
    expect(describeTarget({ kind: 'businessDays', days: 1 })).toBe('1 business day');
    expect(describeTarget({ kind: 'minutes', minutes: 1440 })).toBe('24 h of business time (1 × 24 h)');
  });
});

describe('list editing helpers', () => {
  it('moves an item up or down and ignores moves past either end', () => {
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
  });

  it('derives readable ids that never collide', () => {
    expect(uniqueId('Madrid Office', [])).toBe('madrid-office');
    expect(uniqueId('Madrid Office', ['madrid-office', 'madrid-office-2'])).toBe('madrid-office-3');
  });

  it('toggles values in an any-of list', () => {
    expect(toggleValue(['a'], 'b', true)).toEqual(['a', 'b']);
    expect(toggleValue(['a', 'b'], 'a', false)).toEqual(['b']);
  });

  it('keeps chosen statuses when a condition switches between status kinds', () => {
    expect(conditionOfKind('inStatus', { kind: 'statusEntered', statusIds: ['11'] })).toEqual({ kind: 'inStatus', statusIds: ['11'] });
  });
});

describe('validation issues from the backend', () => {
  const index = indexIssues([
    { path: 'metrics[0].goals[2].target', code: 'POL_BAD_TARGET', message: 'bad' },
    { path: '$.calendars[1].week.mon[0].end', code: 'CAL_BAD_TIME', message: 'bad time' },
  ]);

  it('finds issues at a path and beneath a prefix, but not under a sibling with a longer index', () => {
    expect(index.at('metrics[0].goals[2].target')).toHaveLength(1);
    expect(index.under('metrics[0]')).toHaveLength(1);
    expect(index.under('metrics[0].goals[2')).toHaveLength(0);
    expect(index.under('calendars[1]')).toHaveLength(1);
    expect(index.under('calendars[10]')).toHaveLength(0);
  });

  it('sends each issue to the tab that shows its field', () => {
    expect(tabOfPath('calendars[1].week.mon[0].end')).toBe('calendars');
    expect(tabOfPath('metrics[0].goals[2].target')).toBe('goals');
    expect(tabOfPath('metrics[0].breachActions[0].body')).toBe('warnings');
    expect(tabOfPath('metrics[0].stop')).toBe('metrics');
  });
});

describe('company holiday dates', () => {
  it('reads one-off and yearly dates and rejects anything else', () => {
    expect(parseHolidayDate('2026-12-24')).toEqual({ date: '2026-12-24' });
    expect(parseHolidayDate('12-24')).toEqual({ month: 12, day: 24 });
    expect(parseHolidayDate('24/12')).toBeNull();
    expect(parseHolidayDate('2026-13-01')).toBeNull();
  });
});

describe('a policy started from scratch', () => {
  it('has a calendar that its goal refers to', () => {
    const policy = newPolicy();
    const goal = policy.metrics[0]?.goals[0];
    expect(goal?.calendar).toEqual({ kind: 'fixed', calendarId: policy.calendars[0]?.id });
  });
});

describe('backend paths into the draft', () => {
  const policy = newPolicy();

  it('splits a path into keys and indexes', () => {
    expect(pathSegments('calendars[1].week.mon[0].end')).toEqual(['calendars', 1, 'week', 'mon', 0, 'end']);
  });

  it('reads the value a path points at, or undefined when it does not exist', () => {
    expect(valueAt(policy, 'calendars[0].week.mon[0].start')).toBe('09:00');
    expect(valueAt(policy, 'calendars[3].week')).toBeUndefined();
  });

  it('retires only the issues whose value the admin changed', () => {
    const edited = { ...policy, name: 'Renamed' };
    const issues = [
      { path: 'name', code: 'X', message: 'name' },
      { path: 'calendars[0].week.mon[0].start', code: 'Y', message: 'time' },
    ];
    expect(issuesStillOpen(issues, policy, edited).map((i) => i.message)).toEqual(['time']);
  });
});
