import { newAlwaysCalendar, newGoal, newIntersectionCalendar, newMetric, newPolicy, newUnionCalendar, newWeeklyCalendar } from '../../../../static/project-settings/src/model/defaults';
import { validateDraft } from '../../../../static/project-settings/src/model/validateDraft';

describe('a policy started from scratch', () => {
  it('has a calendar that its goal refers to', () => {
    const policy = newPolicy();
    const goal = policy.metrics[0]?.goals[0];
    expect(goal?.calendar).toEqual({ kind: 'fixed', calendarId: policy.calendars[0]?.id });
  });
});

describe('new calendars', () => {
  it('creates an intersection calendar from existing calendars', () => {
    const cal = newIntersectionCalendar(['overlap'], []);
    expect(cal).toMatchObject({ kind: 'intersection', id: 'overlap-2', name: 'Open when all are open' });
  });
});

describe('starting points for the editor', () => {
  it('starts a policy that the browser validator accepts as it is', () => {
    expect(validateDraft(newPolicy())).toEqual([]);
  });

  it('opens a new weekly calendar Monday to Friday 09:00–17:00, each day with its own interval list', () => {
    const cal = newWeeklyCalendar(['business-hours'], 'Europe/Madrid');
    expect(cal).toMatchObject({ id: 'business-hours-2', timeZone: 'Europe/Madrid' });
    expect(Object.keys(cal.week)).toEqual(['mon', 'tue', 'wed', 'thu', 'fri']);
    expect(cal.week.mon).toEqual([{ start: '09:00', end: '17:00' }]);
    expect(cal.week.mon).not.toBe(cal.week.tue);
  });

  it('gives new calendars, goals and metrics ids that do not collide, metric keys without dashes', () => {
    expect(newAlwaysCalendar(['24x7']).id).toBe('24x7-2');
    expect(newUnionCalendar([], []).id).toBe('follow-the-sun');
    expect(newGoal(['goal'], 'cal')).toMatchObject({ id: 'goal-2', match: {}, calendar: { kind: 'fixed', calendarId: 'cal' } });
    expect(newMetric(['response'], 'cal').key).toBe('response2');
  });
});
