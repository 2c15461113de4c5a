/** The name of the holiday closing a calendar at an instant, from its custom holidays or holiday sources. */
import { DATE_HOLIDAYS } from '../calendar/holidays';
import type { CalendarSpec, CustomHoliday, WeeklyCalendarSpec } from '../calendar/types';
import type { Instant } from '../time';
import { formatLocalDate, MS_PER_DAY, parseWallTime, toLocal, yearOfDay, zoneOf } from '../time';

function customMatches(h: CustomHoliday, date: string, timeOfDay: number): boolean {
  const [, month, day] = date.split('-').map(Number);
  const onDate = h.date !== undefined ? h.date === date : h.month === month && h.day === day;
  if (!onDate) return false;
  const from = h.from === undefined ? 0 : parseWallTime(h.from) ?? 0;
  const to = h.to === undefined ? MS_PER_DAY : parseWallTime(h.to) ?? MS_PER_DAY;
  return timeOfDay >= from && timeOfDay < to;
}

function weeklyName(spec: WeeklyCalendarSpec, at: Instant): string | null {
  const zone = zoneOf(spec.timeZone);
  if (!zone) return null;
  const local = toLocal(zone, at);
  const day = Math.floor(local / MS_PER_DAY);
  const date = formatLocalDate(day);
  const custom = (spec.holidays?.custom ?? []).find((h) => customMatches(h, date, local - day * MS_PER_DAY));
  if (custom) return custom.name;
  for (const source of spec.holidays?.sources ?? []) {
    const entry = DATE_HOLIDAYS.holidays(source, yearOfDay(day)).find((e) => local >= e.startLocal && local < e.endLocal);
    if (entry) return entry.name;
  }
  return null;
}

/**
 * The holiday in force at `at`, or null when no rule names one. A composite answers with the first
 * member that names a holiday.
 * @example holidayNameAt(calendarPreset('saxony-9-17')!, Date.parse('2026-12-25T10:00:00Z')) // "1. Weihnachtstag"
 */
export function holidayNameAt(spec: CalendarSpec, at: Instant): string | null {
  if (spec.kind === 'weekly') return weeklyName(spec, at);
  if (spec.kind === 'always') return null;
  for (const member of spec.members) {
    const name = holidayNameAt(member, at);
    if (name !== null) return name;
  }
  return null;
}
