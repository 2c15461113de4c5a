import { SEARCH_HORIZON_YEARS, Timeline, type YearProjector } from '../../../../src/core/calendar/impl/timeline';
import type { Segment } from '../../../../src/core/calendar/impl/segments';

const H = 3_600_000;
const utc = (iso: string) => Date.parse(`${iso}Z`);

/** Open 09:00–17:00 UTC on the given dates of each year, clipped to the year. */
function dailyOn(days: Record<number, readonly string[]>): YearProjector {
  return (year) => (days[year] ?? []).map((d): Segment => [utc(`${year}-${d}T09:00`), utc(`${year}-${d}T17:00`)]);
}

/** Open all day on 31 December and 1 January: one window split by the UTC year boundary. */
const newYear: YearProjector = (year) => [
  [utc(`${year}-01-01T00:00`), utc(`${year}-01-02T00:00`)],
  [utc(`${year}-12-31T00:00`), Date.UTC(year + 1, 0, 1)],
];

describe('the business timeline', () => {
  const jan = new Timeline(dailyOn({ 2025: ['01-06', '01-07'] }));

  it('is open from the first instant of a segment up to, not including, its end', () => {
    expect(jan.isOpen(utc('2025-01-06T09:00'))).toBe(true);
    expect(jan.isOpen(utc('2025-01-06T16:59'))).toBe(true);
    expect(jan.isOpen(utc('2025-01-06T17:00'))).toBe(false);
    expect(jan.isOpen(utc('2025-01-06T08:59'))).toBe(false);
  });

  it('finds the next opening from a closed instant and stays put inside an open one', () => {
    expect(jan.nextOpen(utc('2025-01-06T17:00'))).toBe(utc('2025-01-07T09:00'));
    expect(jan.nextOpen(utc('2025-01-06T12:00'))).toBe(utc('2025-01-06T12:00'));
  });

  it('finds the closing of the window containing an instant', () => {
    expect(jan.nextClose(utc('2025-01-06T12:00'))).toBe(utc('2025-01-06T17:00'));
    expect(jan.nextClose(utc('2025-01-06T20:00'))).toBe(utc('2025-01-07T17:00'));
  });

  it('counts business time between two instants, negative when reversed and 0 not -0 when empty', () => {
    expect(jan.between(utc('2025-01-06T12:00'), utc('2025-01-07T10:00'))).toBe(6 * H);
    expect(jan.between(utc('2025-01-07T10:00'), utc('2025-01-06T12:00'))).toBe(-6 * H);
    expect(Object.is(jan.between(utc('2025-01-06T20:00'), utc('2025-01-06T18:00')), 0)).toBe(true);
  });

  it('lands on a closing instant, not the next opening, when time runs out exactly there', () => {
    expect(jan.addForward(utc('2025-01-06T09:00'), 8 * H)).toBe(utc('2025-01-06T17:00'));
    expect(jan.addForward(utc('2025-01-06T09:00'), 8 * H + 1)).toBe(utc('2025-01-07T09:00') + 1);
  });

  it('lands on an opening instant when subtracting time runs out exactly there', () => {
    expect(jan.addBackward(utc('2025-01-07T17:00'), 8 * H)).toBe(utc('2025-01-07T09:00'));
    expect(jan.addBackward(utc('2025-01-07T17:00'), 8 * H + 1)).toBe(utc('2025-01-06T17:00') - 1);
  });

  it('lists the open pieces of a range clipped to the range', () => {
    expect([...jan.pieces(utc('2025-01-06T12:00'), utc('2025-01-07T10:00'))]).toEqual([
      [utc('2025-01-06T12:00'), utc('2025-01-06T17:00')],
      [utc('2025-01-07T09:00'), utc('2025-01-07T10:00')],
    ]);
    expect([...jan.pieces(utc('2025-01-06T17:00'), utc('2025-01-07T09:00'))]).toEqual([]);
  });
});

describe('the business timeline across UTC years', () => {
  const tl = new Timeline(newYear);

  it('merges a window spanning the year boundary into one closing and one window', () => {
    expect(tl.nextClose(utc('2025-12-31T12:00'))).toBe(utc('2026-01-02T00:00'));
    expect([...tl.windows(utc('2025-12-31T12:00'), utc('2026-01-01T06:00'))]).toEqual([
      { start: utc('2025-12-31T12:00'), end: utc('2026-01-01T06:00') },
    ]);
  });

  it('keeps pieces split at the year boundary, unlike windows', () => {
    expect([...tl.pieces(utc('2025-12-31T12:00'), utc('2026-01-01T06:00'))]).toEqual([
      [utc('2025-12-31T12:00'), utc('2026-01-01T00:00')],
      [utc('2026-01-01T00:00'), utc('2026-01-01T06:00')],
    ]);
  });

  it('adds and counts time through the years in between', () => {
    const start = utc('2025-12-31T12:00');
    const end = utc('2027-01-01T12:00');
    // 12 h of 2025, 48 h of 2026 (two open days), 12 h of 2027.
    expect(tl.between(start, end)).toBe(72 * H);
    expect(tl.addForward(start, 72 * H)).toBe(end);
    expect(tl.addBackward(end, 72 * H)).toBe(start);
  });

  it('projects each year once and reuses it', () => {
    const calls: number[] = [];
    const counted = new Timeline((y) => (calls.push(y), newYear(y)));
    counted.between(utc('2025-06-01T00:00'), utc('2025-12-31T12:00'));
    counted.isOpen(utc('2025-03-01T00:00'));
    expect(calls).toEqual([2025]);
  });
});

describe('the business timeline with no open time', () => {
  const never = new Timeline(() => []);
  const t = utc('2025-01-01T00:00');

  it('gives up with null after the search horizon instead of hanging', () => {
    expect(never.nextOpen(t)).toBeNull();
    expect(never.nextClose(t)).toBeNull();
    expect(never.addForward(t, 1)).toBeNull();
    expect(never.addBackward(t, 1)).toBeNull();
    expect([...never.windows(t, utc('2026-01-01T00:00'))]).toEqual([]);
  });

  it('finds open time just inside the horizon and not just beyond it', () => {
    const inside = new Timeline(dailyOn({ [2025 + SEARCH_HORIZON_YEARS]: ['06-02'] }));
    const beyond = new Timeline(dailyOn({ [2026 + SEARCH_HORIZON_YEARS]: ['06-02'] }));
    expect(inside.nextOpen(t)).toBe(utc(`${2025 + SEARCH_HORIZON_YEARS}-06-02T09:00`));
    expect(beyond.nextOpen(t)).toBeNull();
  });
});
