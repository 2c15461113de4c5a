import fc from 'fast-check';
import { DateTime } from 'luxon';
import type { BusinessCalendar } from '../../../src/core/calendar';
import { uncoveredWeek } from '../../../src/core/analysis/weekGaps';
import { DAY, DAYS, MINUTE, ZONES, dayHours, horizonStart, weekly } from './arbitraries';

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
});
