import fc from 'fast-check';
import { compileCalendar, type ExclusionWindow, type TimeRange, type Weekday, type WeeklyCalendarSpec } from '../../../src/core/calendar';
import { naiveAddMinutes, naiveMinutesBetween, naiveOpenIntervals } from './reference';

const ZONES = ['Europe/Madrid', 'Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'Australia/Lord_Howe'];
const DAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const MINUTE = 60_000;
const DAY = 86_400_000;
const RUNS = 12;

const hhmm = (minutes: number): string =>
  minutes === 1440 ? '24:00' : `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** Up to two intervals per day on a 15-minute grid, in order, so they never overlap. */
const dayHours = fc.uniqueArray(fc.integer({ min: 0, max: 96 }), { maxLength: 4 }).map((cuts): TimeRange[] => {
  const sorted = [...cuts].sort((a, b) => a - b);
  const out: TimeRange[] = [];
  for (let i = 0; i + 1 < sorted.length; i += 2) out.push({ start: hhmm((sorted[i] as number) * 15), end: hhmm((sorted[i + 1] as number) * 15) });
  return out;
});

/** Days around the 2025 DST changes of the northern and southern hemispheres, or anywhere in 2025. */
const SPECIAL_DAYS = ['2025-03-09', '2025-03-30', '2025-04-06', '2025-10-05', '2025-10-26', '2025-11-02'].map((d) => Date.parse(`${d}T00:00:00Z`));
const spanStart = fc.oneof(
  fc.integer({ min: 0, max: 364 * 24 * 60 }).map((m) => Date.parse('2025-01-01T00:00:00Z') + m * MINUTE),
  fc.tuple(fc.constantFrom(...SPECIAL_DAYS), fc.integer({ min: -3 * 24 * 60, max: 24 * 60 })).map(([d, m]) => d + m * MINUTE),
);

const calendarArb = fc.record({
  zone: fc.constantFrom(...ZONES),
  week: fc.tuple(...DAYS.map(() => dayHours)),
  holidayOffset: fc.option(fc.integer({ min: 0, max: 5 })),
});

function buildSpec(c: { zone: string; week: TimeRange[][]; holidayOffset: number | null }, start: number): WeeklyCalendarSpec {
  const week = Object.fromEntries(DAYS.map((d, i) => [d, c.week[i] ?? []]));
  if (Object.values(week).every((h) => h.length === 0)) week.wed = [{ start: '10:00', end: '11:00' }];
  const holiday = c.holidayOffset === null ? [] : [{ name: 'H', date: new Date(start + c.holidayOffset * DAY).toISOString().slice(0, 10) }];
  return { schemaVersion: 1, kind: 'weekly', id: 'p', name: 'P', timeZone: c.zone, week, holidays: { custom: holiday } };
}

function compiled(spec: WeeklyCalendarSpec) {
  const result = compileCalendar(spec);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

describe('business time agrees with a naive minute-stepping reference', () => {
  it('counts the same business minutes between two whole-minute instants', () => {
    fc.assert(fc.property(calendarArb, spanStart, fc.integer({ min: 0, max: 6 * 24 * 60 }), (c, start, length) => {
      const spec = buildSpec(c, start);
      const open = naiveOpenIntervals(spec, start, start + length * MINUTE);
      expect(compiled(spec).businessMillisBetween(start, start + length * MINUTE) / MINUTE).toBe(naiveMinutesBetween(open, start, start + length * MINUTE));
    }), { numRuns: RUNS * 3 });
  });

  it('finds the same instant when adding whole business minutes', () => {
    fc.assert(fc.property(calendarArb, spanStart, fc.integer({ min: 1, max: 2000 }), (c, start, minutes) => {
      const spec = buildSpec(c, start);
      const limit = start + 8 * DAY;
      const expected = naiveAddMinutes(naiveOpenIntervals(spec, start, limit), start, minutes, limit);
      fc.pre(expected !== null);
      expect(compiled(spec).addBusinessMillis(start, minutes * MINUTE)).toBe(expected);
    }), { numRuns: RUNS * 3 });
  });
});

describe('algebraic properties of business time', () => {
  const instant = fc.integer({ min: Date.parse('2024-11-01T00:00:00Z'), max: Date.parse('2026-02-01T00:00:00Z') });
  const duration = fc.integer({ min: 1, max: 200 * 3_600_000 });

  it('adds up over consecutive ranges: between(a, c) = between(a, b) + between(b, c)', () => {
    fc.assert(fc.property(calendarArb, instant, instant, instant, (c, a, b, x) => {
      const cal = compiled(buildSpec(c, a));
      expect(cal.businessMillisBetween(a, x)).toBe(cal.businessMillisBetween(a, b) + cal.businessMillisBetween(b, x));
    }), { numRuns: RUNS });
  });

  it('measures back what it added: between(t, add(t, d)) = d', () => {
    fc.assert(fc.property(calendarArb, instant, duration, (c, t, d) => {
      const cal = compiled(buildSpec(c, t));
      const end = cal.addBusinessMillis(t, d);
      if (end !== null) expect(cal.businessMillisBetween(t, end)).toBe(d);
    }), { numRuns: RUNS });
  });

  it('is monotonic: more time lands later, and later ends hold more time', () => {
    fc.assert(fc.property(calendarArb, instant, duration, duration, (c, t, d1, d2) => {
      const cal = compiled(buildSpec(c, t));
      const [lo, hi] = d1 <= d2 ? [d1, d2] : [d2, d1];
      const a = cal.addBusinessMillis(t, lo);
      const b = cal.addBusinessMillis(t, hi);
      if (a !== null && b !== null) expect(a).toBeLessThanOrEqual(b);
      expect(cal.businessMillisBetween(t, t + lo)).toBeLessThanOrEqual(cal.businessMillisBetween(t, t + hi));
    }), { numRuns: RUNS });
  });

  it('subtracts as the inverse of adding', () => {
    fc.assert(fc.property(calendarArb, instant, duration, (c, t, d) => {
      const cal = compiled(buildSpec(c, t));
      const back = cal.addBusinessMillis(t, -d);
      if (back === null) return;
      expect(cal.businessMillisBetween(back, t)).toBe(d);
      const again = cal.addBusinessMillis(back, d);
      expect(again).not.toBeNull();
      expect(again as number).toBeLessThanOrEqual(t);
      expect(cal.businessMillisBetween(again as number, t)).toBe(0);
    }), { numRuns: RUNS });
  });
});

describe('exclusion windows as the reason a calendar is closed', () => {
  // Windows on a 15-minute grid over Monday 6 and Tuesday 7 January 2025; hours change on the hour.
  const MONDAY = Date.parse('2025-01-06T00:00:00Z');
  const QUARTER = 15 * MINUTE;
  const iso = (quarter: number): string => new Date(MONDAY + quarter * QUARTER).toISOString();
  const windowArb = fc.tuple(fc.integer({ min: 0, max: 190 }), fc.integer({ min: 1, max: 48 }), fc.constantFrom('deploy', 'database', 'network'))
    .map(([from, length, reason]) => ({ start: iso(from), end: iso(from + length), reason }));
  const setup = fc.record({ own: fc.array(windowArb, { maxLength: 4 }), late: fc.array(windowArb, { maxLength: 3 }), union: fc.boolean() });
  type Setup = { own: ExclusionWindow[]; late: ExclusionWindow[]; union: boolean };
  const nineToFive: TimeRange[] = [{ start: '09:00', end: '17:00' }];

  /** Mon–Tue 09–17 UTC, alone or in a union with a 13–21 desk that has maintenance of its own. */
  function calendarOf(s: Setup, order: <T>(xs: T[]) => T[]) {
    const early: WeeklyCalendarSpec = { schemaVersion: 1, kind: 'weekly', id: 'early', name: 'Early', timeZone: 'UTC', week: { mon: nineToFive, tue: nineToFive }, exclusions: order(s.own) };
    if (!s.union) return compileOrFail(early);
    const late: WeeklyCalendarSpec = { ...early, id: 'late', name: 'Late', week: { mon: [{ start: '13:00', end: '21:00' }], tue: [{ start: '13:00', end: '21:00' }] }, exclusions: order(s.late) };
    return compileOrFail({ schemaVersion: 1, kind: 'union', id: 'both', name: 'Both', members: order([{ ...early, exclusions: order(s.own) }, late]) });
  }

  it('names the same window and end whatever the order the windows and members are listed in', () => {
    fc.assert(fc.property(setup, fc.integer({ min: 0, max: 2 * 24 * 60 }), (s, minute) => {
      const t = MONDAY + minute * MINUTE;
      const listed = calendarOf(s, (xs) => xs);
      const reversed = calendarOf(s, (xs) => [...xs].reverse());
      expect([reversed.exclusionAt(t), reversed.exclusionUntil(t)]).toEqual([listed.exclusionAt(t), listed.exclusionUntil(t)]);
    }), { numRuns: 200 });
  });

  it('gives as the end the first instant at which the calendar is no longer closed by a window', () => {
    fc.assert(fc.property(setup, fc.integer({ min: 0, max: 2 * 24 * 60 }), (s, minute) => {
      const cal = calendarOf(s, (xs) => xs);
      const t = MONDAY + minute * MINUTE;
      const until = cal.exclusionUntil(t);
      expect(until === null).toBe(cal.exclusionAt(t) === null);
      if (until === null) return;
      expect(until).toBeGreaterThan(t);
      for (let q = Math.ceil((t - MONDAY) / QUARTER) * QUARTER + MONDAY; q < until; q += QUARTER) expect([q, cal.exclusionAt(q)]).not.toEqual([q, null]);
      expect(cal.exclusionAt(until)).toBeNull();
    }), { numRuns: 200 });
  });
});

function compileOrFail(spec: unknown) {
  const result = compileCalendar(spec);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}
