import { CALENDAR_PRESETS, calendarPreset, regional9to5, validateCalendarSpec } from '../../../src/core/calendar';
import { at, compile } from './builders';
import { businessMinutesBetween } from './verbs';

describe('calendar presets', () => {
  it('offers every preset the seed policies need, each valid', () => {
    expect(CALENDAR_PRESETS.map((p) => p.id)).toEqual([
      'madrid-deiser', 'saxony-9-17', 'cet-9-17', 'cet-extended-7-19', 'london-8-22', '24x7', 'follow-the-sun-24x5',
    ]);
    for (const preset of CALENDAR_PRESETS) expect(validateCalendarSpec(preset)).toEqual([]);
  });

  it('hands out copies, so editing one does not change the preset', () => {
    const copy = calendarPreset('cet-9-17');
    if (copy?.kind !== 'weekly') throw new Error('expected a weekly preset');
    copy.week.mon = [];
    expect(calendarPreset('cet-9-17')).not.toEqual(copy);
    expect(calendarPreset('no-such-preset')).toBeNull();
  });

  it('closes London on England’s bank holidays, such as the Summer bank holiday, and keeps its long weekday hours', () => {
    const london = compile(calendarPreset('london-8-22'));
    const day = (d: string) => [at(`${d}T00:00`, 'Europe/London'), at(`${d}T00:00`, 'Europe/London') + 86_400_000] as const;
    expect(businessMinutesBetween(london, ...day('2025-08-25'))).toBe(0);
    expect(businessMinutesBetween(london, ...day('2025-08-26'))).toBe(14 * 60);
  });

  it('builds a 9-to-5 calendar for any region', () => {
    const ny = compile(regional9to5('ny', 'New York', 'America/New_York', { country: 'US', state: 'NY' }));
    expect(businessMinutesBetween(ny, at('2025-07-03T00:00', 'America/New_York'), at('2025-07-05T00:00', 'America/New_York'))).toBe(8 * 60);
  });
});
