import type { CalendarSpec, HolidaySource, TimeRange, Weekday, WeeklyCalendarSpec } from './types';

const MON_FRI: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const ALL_DAYS: readonly Weekday[] = [...MON_FRI, 'sat', 'sun'];

function hours(days: readonly Weekday[], start: string, end: string): Partial<Record<Weekday, TimeRange[]>> {
  return Object.fromEntries(days.map((d) => [d, [{ start, end }]]));
}

function weekly(id: string, name: string, timeZone: string, week: WeeklyCalendarSpec['week'], source?: HolidaySource): WeeklyCalendarSpec {
  return { schemaVersion: 1, kind: 'weekly', id, name, timeZone, week, ...(source ? { holidays: { sources: [source] } } : {}) };
}

/**
 * Mon–Fri 09:00–17:00 in any zone, optionally with a region's public holidays.
 * @example regional9to5('ny-9-5', 'New York 9–5', 'America/New_York', { country: 'US', state: 'NY' })
 */
export function regional9to5(id: string, name: string, timeZone: string, holidaySource?: HolidaySource): WeeklyCalendarSpec {
  return weekly(id, name, timeZone, hours(MON_FRI, '09:00', '17:00'), holidaySource);
}

/**
 * "Monday 10:00 Australia/Sydney until Friday 17:00 America/Los_Angeles", every week: the Sydney
 * member opens the week and runs to Thursday midnight Sydney (Thursday morning in Los Angeles),
 * the Los Angeles member covers Monday 00:00 to Friday 17:00 there; their union is one window.
 */
function followTheSun(): CalendarSpec {
  return {
    schemaVersion: 1, kind: 'union', id: 'follow-the-sun-24x5', name: 'Follow the sun 24x5 (Sydney Mon 10:00 – Los Angeles Fri 17:00)',
    members: [
      weekly('follow-the-sun-sydney', 'Sydney leg', 'Australia/Sydney',
        { mon: [{ start: '10:00', end: '24:00' }], ...hours(['tue', 'wed', 'thu'], '00:00', '24:00') }),
      weekly('follow-the-sun-los-angeles', 'Los Angeles leg', 'America/Los_Angeles',
        { ...hours(['mon', 'tue', 'wed', 'thu'], '00:00', '24:00'), fri: [{ start: '00:00', end: '17:00' }] }),
    ],
  };
}

/** Calendars the seed policies need; ids are stable and referenced by policy presets. */
export const CALENDAR_PRESETS: readonly CalendarSpec[] = [
  weekly('madrid-deiser', 'Madrid Mon–Thu 8–19, Fri 8–15', 'Europe/Madrid',
    { ...hours(['mon', 'tue', 'wed', 'thu'], '08:00', '19:00'), fri: [{ start: '08:00', end: '15:00' }] },
    { country: 'ES', state: 'MD' }),
  weekly('saxony-9-17', 'Saxony Mon–Fri 9–17', 'Europe/Berlin', hours(MON_FRI, '09:00', '17:00'), { country: 'DE', state: 'SN' }),
  weekly('cet-9-17', 'CET Mon–Fri 9–17', 'Europe/Paris', hours(MON_FRI, '09:00', '17:00')),
  weekly('cet-extended-7-19', 'CET every day 7–19', 'Europe/Paris', hours(ALL_DAYS, '07:00', '19:00')),
  // England's list: the UK-wide list lacks the Summer bank holiday, which London observes.
  weekly('london-8-22', 'London Mon–Fri 8–22', 'Europe/London', hours(MON_FRI, '08:00', '22:00'), { country: 'GB', state: 'ENG' }),
  { schemaVersion: 1, kind: 'always', id: '24x7', name: '24x7', timeZone: 'UTC' },
  followTheSun(),
];

/** A fresh copy of a preset, or null for an unknown id. @example calendarPreset('24x7')?.kind // 'always' */
export function calendarPreset(id: string): CalendarSpec | null {
  const preset = CALENDAR_PRESETS.find((p) => p.id === id);
  return preset ? structuredClone(preset) : null;
}
