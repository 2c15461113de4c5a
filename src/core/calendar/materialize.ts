import { MS_PER_DAY, formatLocalDate } from '../time';
import { DATE_HOLIDAYS } from './holidays';
import type { HolidayEntry } from './impl/provider';
import type { CalendarSpec, CustomHoliday, WeeklyCalendarSpec } from './types';

function wallText(ms: number): string {
  if (ms === MS_PER_DAY) return '24:00';
  return new Date(ms).toISOString().slice(11, 19);
}

/** Splits a holiday's local range into one custom holiday per local date it touches. */
function perDay(entry: HolidayEntry): CustomHoliday[] {
  const out: CustomHoliday[] = [];
  for (let day = Math.floor(entry.startLocal / MS_PER_DAY); day * MS_PER_DAY < entry.endLocal; day++) {
    const from = Math.max(entry.startLocal - day * MS_PER_DAY, 0);
    const to = Math.min(entry.endLocal - day * MS_PER_DAY, MS_PER_DAY);
    const holiday: CustomHoliday = { name: entry.name, date: formatLocalDate(day) };
    if (from > 0) holiday.from = wallText(from);
    if (to < MS_PER_DAY) holiday.to = wallText(to);
    out.push(holiday);
  }
  return out;
}

function materializeWeekly(spec: WeeklyCalendarSpec, fromYear: number, toYear: number): WeeklyCalendarSpec {
  const sources = spec.holidays?.sources ?? [];
  const expanded: CustomHoliday[] = [];
  for (const source of sources) {
    for (let year = fromYear; year <= toYear; year++) {
      for (const entry of DATE_HOLIDAYS.holidays(source, year)) expanded.push(...perDay(entry));
    }
  }
  const custom = [...(spec.holidays?.custom ?? []), ...expanded];
  const { holidays: _dropped, ...rest } = spec;
  return custom.length > 0 ? { ...rest, holidays: { custom } } : rest;
}

/**
 * The same calendar with holiday sources expanded into one-off custom holidays for the given
 * years, so a client without the holiday rule data (browser.ts) computes identical results
 * inside that range. Composite members are expanded recursively.
 * @example materializeHolidays(calendarPreset('saxony-9-17')!, 2025, 2026).kind // 'weekly'
 */
export function materializeHolidays(spec: CalendarSpec, fromYear: number, toYear: number): CalendarSpec {
  if (spec.kind === 'weekly') return materializeWeekly(structuredClone(spec), fromYear, toYear);
  if (spec.kind === 'always') return structuredClone(spec);
  return { ...structuredClone(spec), members: spec.members.map((m) => materializeHolidays(m, fromYear, toYear)) };
}
