/** Shared generators for the coverage analysis tests: random weekly calendars, targets and horizons. */
import fc from 'fast-check';
import { compileCalendar, type BusinessCalendar, type TimeRange, type Weekday, type WeeklyCalendarSpec } from '../../../src/core/calendar';
import type { GoalTarget } from '../../../src/core/policy/types';

export const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe'];
export const DAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;
export const HORIZON_DAYS = 4;

const hhmm = (m: number): string => (m === 1440 ? '24:00' : `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);

/** Up to two intervals per day on a 30-minute grid, in order. */
export const dayHours = fc.uniqueArray(fc.integer({ min: 0, max: 48 }), { maxLength: 4 }).map((cuts): TimeRange[] => {
  const sorted = [...cuts].sort((a, b) => a - b);
  const out: TimeRange[] = [];
  for (let i = 0; i + 1 < sorted.length; i += 2) out.push({ start: hhmm((sorted[i] as number) * 30), end: hhmm((sorted[i + 1] as number) * 30) });
  return out;
});

/** Starts anywhere in 2025 or just before a DST change of either hemisphere. */
const DST_DAYS = ['2025-03-09', '2025-03-30', '2025-04-06', '2025-10-05', '2025-10-26', '2025-11-02'].map((d) => Date.parse(`${d}T00:00:00Z`));
export const horizonStart = fc.oneof(
  fc.integer({ min: 0, max: 360 * 24 }).map((h) => Date.parse('2025-01-01T00:00:00Z') + h * HOUR),
  fc.tuple(fc.constantFrom(...DST_DAYS), fc.integer({ min: -72, max: 12 })).map(([d, h]) => d + h * HOUR),
);

export const targetArb: fc.Arbitrary<GoalTarget> = fc.oneof(
  fc.integer({ min: 1, max: 40 }).map((q) => ({ kind: 'minutes' as const, minutes: q * 30 })),
  fc.record({ days: fc.integer({ min: 1, max: 2 }), endOfDay: fc.boolean() }).map((t) => ({ kind: 'businessDays' as const, ...t })),
);

export function weekly(zone: string, week: TimeRange[][], holiday: string | null): BusinessCalendar {
  const hours = Object.fromEntries(DAYS.map((d, i) => [d, week[i] ?? []]));
  if (Object.values(hours).every((h) => h.length === 0)) hours.wed = [{ start: '10:00', end: '11:00' }];
  const spec: WeeklyCalendarSpec = { schemaVersion: 1, kind: 'weekly', id: 'p', name: 'P', timeZone: zone, week: hours, holidays: { custom: holiday ? [{ name: 'H', date: holiday }] : [] } };
  const r = compileCalendar(spec);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}
