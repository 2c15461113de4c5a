import { newPolicy } from '../../../../static/project-settings/src/model/defaults';
import { issuesStillOpen, pathSegments, valueAt } from '../../../../static/project-settings/src/model/paths';

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
