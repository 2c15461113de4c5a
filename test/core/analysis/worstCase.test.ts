import fc from 'fast-check';
import { DateTime } from 'luxon';
import { compileCalendar, calendarPreset, type BusinessCalendar } from '../../../src/core/calendar';
import { dueFor, worstCase } from '../../../src/core/analysis/worstCase';
import type { GoalTarget } from '../../../src/core/policy/types';
import { DAY, DAYS, HORIZON_DAYS, HOUR, MINUTE, ZONES, dayHours, horizonStart, targetArb, weekly } from './arbitraries';

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
