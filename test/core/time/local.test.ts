import { dayNumber, formatLocalDate, parseLocalDate, parseWallTime, weekdayIndex, yearOf, yearOfDay, yearStart, MS_PER_DAY } from '../../../src/core/time';

describe('wall times', () => {
  it('reads HH:mm and HH:mm:ss as milliseconds since midnight', () => {
    expect(parseWallTime('09:30')).toBe(9.5 * 3_600_000);
    expect(parseWallTime('23:59:59')).toBe(MS_PER_DAY - 1000);
  });

  it('allows 24:00 as the end of the day and nothing past it', () => {
    expect(parseWallTime('24:00')).toBe(MS_PER_DAY);
    expect(parseWallTime('24:00:00')).toBe(MS_PER_DAY);
    expect(parseWallTime('24:01')).toBeNull();
    expect(parseWallTime('23:60')).toBeNull();
    expect(parseWallTime('12:00:60')).toBeNull();
  });

  it('refuses times without two-digit fields', () => {
    expect(['9:00', '09:0', '0900', '', '09:00 '].map(parseWallTime)).toEqual([null, null, null, null, null]);
  });
});

describe('local dates', () => {
  it('counts days since 1970-01-01, before it as negative', () => {
    expect(dayNumber(1970, 1, 1)).toBe(0);
    expect(dayNumber(1969, 12, 31)).toBe(-1);
    expect(parseLocalDate('2024-02-29')).toBe(19_782);
  });

  it('refuses dates that do not exist and fractional parts', () => {
    expect([parseLocalDate('2025-02-29'), parseLocalDate('2025-04-31'), parseLocalDate('2025-13-01'), parseLocalDate('2025-1-01')]).toEqual([null, null, null, null]);
    expect(dayNumber(2025, 1.5, 1)).toBeNull();
  });

  it('formats a day number back to the same date', () => {
    expect(formatLocalDate(parseLocalDate('2024-02-29') as number)).toBe('2024-02-29');
    expect(formatLocalDate(-1)).toBe('1969-12-31');
  });

  it('numbers weekdays from Monday = 0, also before 1970', () => {
    expect(weekdayIndex(0)).toBe(3); // 1970-01-01 was a Thursday
    expect(weekdayIndex(parseLocalDate('2025-01-06') as number)).toBe(0);
    expect(weekdayIndex(-4)).toBe(6);
  });

  it('gives the year of a day number', () => {
    expect([yearOfDay(-1), yearOfDay(0), yearOfDay(parseLocalDate('2025-12-31') as number)]).toEqual([1969, 1970, 2025]);
  });
});

describe('UTC years', () => {
  it('puts the first millisecond of a year in that year and the one before it in the previous year', () => {
    const y2025 = Date.UTC(2025, 0, 1);
    expect(yearStart(2025)).toBe(y2025);
    expect([yearOf(y2025 - 1), yearOf(y2025), yearOf(Date.UTC(2025, 11, 31, 23, 59, 59, 999))]).toEqual([2024, 2025, 2025]);
  });

  it('agrees with Date outside the table of year starts', () => {
    for (const year of [1700, 1800, 2399, 2400, 2500]) {
      const start = Date.UTC(year, 0, 1);
      expect([yearStart(year), yearOf(start), yearOf(start - 1)]).toEqual([start, year, year - 1]);
    }
  });
});
