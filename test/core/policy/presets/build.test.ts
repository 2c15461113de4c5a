import { businessDays, calendars, hours, inStatus, responseMetric, withHolidays } from '../../../../src/core/policy/presets/build';
import { calendarPreset, type CalendarSpec } from '../../../../src/core/calendar';

describe('preset builders', () => {
  it('writes targets in hours as minutes and business days as days', () => {
    expect([hours(4), businessDays(2)]).toEqual([{ kind: 'minutes', minutes: 240 }, { kind: 'businessDays', days: 2 }]);
  });

  it('finds calendar presets by id, leaving out ids that name none', () => {
    expect(calendars(['24x7', 'nowhere', 'cet-9-17']).map((c) => c.id)).toEqual(['24x7', 'cet-9-17']);
  });

  it('adds a holiday source to a weekly calendar, keeping the sources it already has', () => {
    const saxony = calendarPreset('saxony-9-17') as CalendarSpec;
    const both = withHolidays(saxony, { country: 'BE' });
    expect(both.kind === 'weekly' && both.holidays?.sources).toEqual([
      ...(saxony.kind === 'weekly' ? saxony.holidays?.sources ?? [] : []), { country: 'BE' },
    ]);
    expect(saxony.kind === 'weekly' && saxony.holidays?.sources?.some((s) => s.country === 'BE')).toBe(false);
  });

  it('returns a calendar that is not weekly unchanged', () => {
    const always = calendarPreset('24x7') as CalendarSpec;
    expect(always.kind).not.toBe('weekly');
    expect(withHolidays(always, { country: 'BE' })).toBe(always);
  });

  it('pauses in the given statuses, and not at all when the site has none of them', () => {
    expect(inStatus(['10005'])).toEqual([{ kind: 'inStatus', statusIds: ['10005'] }]);
    expect(inStatus([])).toEqual([]);
  });

  it('builds time to first response stopped by an agent comment or a resolution, with overrides', () => {
    const m = responseMetric([], { key: 'firstReply' });
    expect([m.key, m.start, m.stop]).toEqual(['firstReply', [{ kind: 'issueCreated' }], [{ kind: 'commentByAgent' }, { kind: 'resolutionSet' }]]);
  });
});
