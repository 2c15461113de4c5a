/** Hand calculations with luxon alone (never the engine), for checking the calendar engine at its edges. */
import { DateTime } from 'luxon';
import type { CalendarSpec } from '../../../src/core/calendar';

/** Instant of a local wall reading, by luxon alone. */
export const wall = (iso: string, zone: string): number => DateTime.fromISO(iso, { zone }).toMillis();

/** Reference: business ms in [a, b) of a Mon–Fri calendar with one daytime interval, stepping local days with luxon. */
export function referenceBetween(zone: string, start: string, end: string, a: number, b: number): number {
  let total = 0;
  let day = DateTime.fromMillis(a, { zone }).startOf('day').minus({ days: 1 });
  const last = DateTime.fromMillis(b, { zone }).plus({ days: 1 });
  for (; day < last; day = day.plus({ days: 1 })) {
    if (day.weekday > 5) continue;
    const open = wall(`${day.toISODate()}T${start}`, zone);
    const close = wall(`${day.toISODate()}T${end}`, zone);
    total += Math.max(0, Math.min(close, b) - Math.max(open, a));
  }
  return total;
}

export const composite = (kind: 'union' | 'intersection', members: CalendarSpec[], over: Partial<CalendarSpec> = {}): CalendarSpec =>
  ({ schemaVersion: 1, kind, id: kind, name: kind, members, ...over } as CalendarSpec);
