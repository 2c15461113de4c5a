import fc from 'fast-check';
import { DateTime } from 'luxon';
import { compileCalendar, calendarPreset, type BusinessCalendar, type TimeRange, type Weekday, type WeeklyCalendarSpec } from '../../../src/core/calendar';
import { analyzeCoverage, dueFor, uncoveredWeek, worstCase } from '../../../src/core/analysis/coverage';
import type { GoalTarget } from '../../../src/core/policy/types';
import { calendars, compile, goal, metric, policySpec } from '../evaluate/builders';

const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe'];
const DAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const HORIZON_DAYS = 4;

const hhmm = (m: number): string => (m === 1440 ? '24:00' : `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);

/** Up to two intervals per day on a 30-minute grid, in order. */
const dayHours = fc.uniqueArray(fc.integer({ min: 0, max: 48 }), { maxLength: 4 }).map((cuts): TimeRange[] => {
  const sorted = [...cuts].sort((a, b) => a - b);
  const out: TimeRange[] = [];
  for (let i = 0; i + 1 < sorted.length; i += 2) out.push({ start: hhmm((sorted[i] as number) * 30), end: hhmm((sorted[i + 1] as number) * 30) });
  return out;
});

/** Starts anywhere in 2025 or just before a DST change of either hemisphere. */
const DST_DAYS = ['2025-03-09', '2025-03-30', '2025-04-06', '2025-10-05', '2025-10-26', '2025-11-02'].map((d) => Date.parse(`${d}T00:00:00Z`));
const horizonStart = fc.oneof(
  fc.integer({ min: 0, max: 360 * 24 }).map((h) => Date.parse('2025-01-01T00:00:00Z') + h * HOUR),
  fc.tuple(fc.constantFrom(...DST_DAYS), fc.integer({ min: -72, max: 12 })).map(([d, h]) => d + h * HOUR),
);

const targetArb: fc.Arbitrary<GoalTarget> = fc.oneof(
  fc.integer({ min: 1, max: 40 }).map((q) => ({ kind: 'minutes' as const, minutes: q * 30 })),
  fc.record({ days: fc.integer({ min: 1, max: 2 }), endOfDay: fc.boolean() }).map((t) => ({ kind: 'businessDays' as const, ...t })),
);

function weekly(zone: string, week: TimeRange[][], holiday: string | null): BusinessCalendar {
  const hours = Object.fromEntries(DAYS.map((d, i) => [d, week[i] ?? []]));
  if (Object.values(hours).every((h) => h.length === 0)) hours.wed = [{ start: '10:00', end: '11:00' }];
  const spec: WeeklyCalendarSpec = { schemaVersion: 1, kind: 'weekly', id: 'p', name: 'P', timeZone: zone, week: hours, holidays: { custom: holiday ? [{ name: 'H', date: holiday }] : [] } };
  const r = compileCalendar(spec);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

/** The longest wait, trying every minute of [from, to]. */
function bruteWorst(cal: BusinessCalendar, target: GoalTarget, from: number, to: number): number | null {
  if (target.kind === 'trackOnly') return null;
  let worst = -Infinity;
  for (let t = from; t <= to; t += MINUTE) {
    const due = dueFor(cal, target, t);
    if (due === null) return null;
    worst = Math.max(worst, due - t);
  }
  return worst;
}

describe('worst-case wait', () => {
  it('agrees with a minute-by-minute check on random calendars, targets and DST weeks', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.tuple(...DAYS.map(() => dayHours)), fc.option(fc.integer({ min: 0, max: 3 })), targetArb, horizonStart,
        (zone, week, holidayOffset, target, from) => {
          const holiday = holidayOffset === null ? null : new Date(from + holidayOffset * DAY).toISOString().slice(0, 10);
          const cal = weekly(zone, week, holiday);
          const to = from + HORIZON_DAYS * DAY;
          const found = worstCase(cal, target, from, to);
          expect(found?.wallMs ?? null).toBe(bruteWorst(cal, target, from, to));
          if (found) expect(dueFor(cal, target as Exclude<GoalTarget, { kind: 'trackOnly' }>, found.arrival)).toBe(found.due);
        }),
      { numRuns: 30, seed: 13 },
    );
  });

  it('finds Easter on Saxony 9–17: a 4 h goal arriving Maundy Thursday at 17:00 is due Tuesday 13:00 (4 days 20 h)', () => {
    const saxony = compileCalendar(calendarPreset('saxony-9-17'));
    if (!saxony.ok) throw new Error('preset');
    const from = Date.parse('2026-01-01T00:00:00Z');
    const worst = worstCase(saxony.value, { kind: 'minutes', minutes: 240 }, from, from + 366 * DAY);
    const show = (t: number | undefined) => DateTime.fromMillis(t ?? 0, { zone: 'Europe/Berlin' }).toFormat("yyyy-MM-dd'T'HH:mm");
    expect([show(worst?.arrival), show(worst?.due), worst?.wallMs]).toEqual(['2026-04-02T17:00', '2026-04-07T13:00', (4 * 24 + 20) * HOUR]);
  });

  it('reports no worst case for a track-only goal', () => {
    const saxony = compileCalendar(calendarPreset('saxony-9-17'));
    expect(saxony.ok && worstCase(saxony.value, { kind: 'trackOnly' }, 0, DAY)).toBeNull();
  });
});

describe('uncovered hours of the week', () => {
  /** Every minute of [from, to) open on no calendar, counted once per minute of the week. */
  function bruteUncovered(cals: BusinessCalendar[], from: number, to: number, zone: string): number {
    const covered = new Set<number>();
    for (let t = from; t < to; t += MINUTE) {
      if (!cals.some((c) => c.isOpen(t))) continue;
      const d = DateTime.fromMillis(t, { zone });
      covered.add((d.weekday - 1) * 1440 + d.hour * 60 + d.minute);
    }
    return 7 * 1440 - covered.size;
  }

  it('agrees with a minute-by-minute check on random pairs of calendars in different zones', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.constantFrom(...ZONES), fc.tuple(...DAYS.map(() => dayHours)), fc.tuple(...DAYS.map(() => dayHours)), horizonStart,
        (z1, z2, w1, w2, from) => {
          const cals = [weekly(z1, w1, null), weekly(z2, w2, null)];
          const to = from + 9 * DAY;
          expect(uncoveredWeek(cals, from, to, z1).minutesPerWeek).toBe(bruteUncovered(cals, from, to, z1));
        }),
      { numRuns: 15, seed: 13 },
    );
  });

  it('lists the nights and the weekend of Saxony 9–17 as gaps, Friday 17:00 to Monday 09:00 as one', () => {
    const policy = compile(policySpec([metric({ goals: [goal({ calendar: { kind: 'fixed', calendarId: 'saxony-9-17' } })] })], calendars(['saxony-9-17'])));
    const report = analyzeCoverage(policy, Date.parse('2026-01-05T00:00:00Z'));
    expect(report.uncovered.minutesPerWeek).toBe(7 * 1440 - 5 * 480);
    expect(report.uncovered.gaps.at(-1)).toEqual({ from: { weekday: 'fri', time: '17:00' }, to: { weekday: 'mon', time: '09:00' }, minutes: 3840 });
  });

  it('finds no gap when a 24x7 calendar is in the policy', () => {
    const policy = compile(policySpec([metric()], calendars(['24x7', 'saxony-9-17'])));
    const report = analyzeCoverage(policy, Date.parse('2026-01-05T00:00:00Z'));
    expect(report.uncovered).toEqual({ timeZone: 'UTC', gaps: [], minutesPerWeek: 0 });
    expect(report.goals.map((g) => [g.goalId, g.worst?.wallMs])).toEqual([['all', 4 * HOUR]]);
  });
});
