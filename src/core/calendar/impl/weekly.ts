import type { IANAZone } from 'luxon';
import { MS_PER_DAY, dayNumber, fromLocal, parseLocalDate, parseWallTime, weekdayIndex, yearStart, zoneOf } from '../../time';
import { WEEKDAYS, type CustomHoliday, type TimeRange, type WeeklyCalendarSpec } from '../types';
import type { HolidayProvider } from './provider';
import { normalize, subtract, clip, type Segment } from './segments';

/** A local interval as milliseconds from its own day's midnight (end may pass midnight). */
type Interval = readonly [number, number];

function toIntervals(ranges: readonly TimeRange[] | undefined): Interval[] {
  return (ranges ?? []).map((r) => {
    const start = parseWallTime(r.start) ?? 0;
    const end = parseWallTime(r.end) ?? 0;
    return [start, end > start ? end : end + MS_PER_DAY] as const;
  });
}

/** Wall-clock ranges [startLocal, endLocal) removed by holidays in one local year. */
function customHolidayRanges(custom: readonly CustomHoliday[], year: number): Segment[] {
  const out: Segment[] = [];
  for (const h of custom) {
    const day = h.date !== undefined ? parseLocalDate(h.date) : dayNumber(year, h.month ?? 0, h.day ?? 0);
    if (day === null || (h.date !== undefined && new Date(day * MS_PER_DAY).getUTCFullYear() !== year)) continue;
    const from = h.from !== undefined ? (parseWallTime(h.from) ?? 0) : 0;
    const to = h.to !== undefined ? (parseWallTime(h.to) ?? MS_PER_DAY) : MS_PER_DAY;
    out.push([day * MS_PER_DAY + from, day * MS_PER_DAY + to]);
  }
  return out;
}

/** Weekly hours (or a date's override) of every local day that can reach [from, to). */
function openHours(zone: IANAZone, week: Interval[][], overrides: Map<number, Interval[]>, from: number, to: number): Segment[] {
  // Local days whose hours (up to two days long with overnight tails) can reach this UTC range
  // under any zone offset (at most ±14 h).
  const firstDay = Math.floor(from / MS_PER_DAY) - 3;
  const lastDay = Math.floor(to / MS_PER_DAY) + 1;
  const open: Segment[] = [];
  for (let day = firstDay; day <= lastDay; day++) {
    const hours = overrides.get(day) ?? week[weekdayIndex(day)] ?? [];
    const midnight = day * MS_PER_DAY;
    for (const [s, e] of hours) open.push([fromLocal(zone, midnight + s), fromLocal(zone, midnight + e)]);
  }
  return normalize(open);
}

/**
 * Projects a weekly calendar onto one UTC year. Order: date overrides replace the weekday's
 * hours, then holidays remove time, then exclusion windows remove time. Holidays are read in the
 * calendar's own zone, whatever region they come from.
 */
export function weeklyProjector(spec: WeeklyCalendarSpec, provider: HolidayProvider, exclusions: readonly Segment[]): (year: number) => Segment[] {
  const zone = zoneOf(spec.timeZone) as IANAZone;
  const week = WEEKDAYS.map((d) => toIntervals(spec.week[d]));
  const overrides = new Map<number, Interval[]>();
  for (const o of spec.overrides ?? []) overrides.set(parseLocalDate(o.date) ?? 0, toIntervals(o.hours));
  const sources = spec.holidays?.sources ?? [];
  const custom = spec.holidays?.custom ?? [];

  const holidayRanges = (year: number): Segment[] => {
    const local: Segment[] = customHolidayRanges(custom, year);
    for (const source of sources) {
      for (const h of provider.holidays(source, year)) local.push([h.startLocal, h.endLocal]);
    }
    return local.map(([s, e]) => [fromLocal(zone, s), fromLocal(zone, e)] as const);
  };

  return (year) => {
    const from = yearStart(year);
    const to = yearStart(year + 1);
    const holidays = normalize([year - 1, year, year + 1].flatMap(holidayRanges));
    return clip(subtract(subtract(openHours(zone, week, overrides, from, to), holidays), exclusions), from, to);
  };
}
