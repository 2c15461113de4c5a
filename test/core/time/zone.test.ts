import { fromLocal, parseWallTime, parseLocalDate, zoneOf, weekdayIndex, MS_PER_DAY } from '../../../src/core/time';
import { DateTime } from 'luxon';

const localMs = (iso: string): number => DateTime.fromISO(iso, { zone: 'UTC' }).toMillis();
const utc = (ms: number): string => new Date(ms).toISOString();

describe('time zones and the DST policy', () => {
  const berlin = zoneOf('Europe/Berlin');
  if (!berlin) throw new Error('zone data missing');

  it('moves a wall time inside a spring-forward gap forward by the gap length', () => {
    expect(utc(fromLocal(berlin, localMs('2025-03-30T02:30')))).toBe('2025-03-30T01:30:00.000Z');
  });

  it('takes the earlier instant for an ambiguous wall time in a fall-back overlap', () => {
    expect(utc(fromLocal(berlin, localMs('2025-10-26T02:30')))).toBe('2025-10-26T00:30:00.000Z');
  });

  it('handles the half-hour DST shift of Lord Howe Island', () => {
    const lordHowe = zoneOf('Australia/Lord_Howe');
    if (!lordHowe) throw new Error('zone data missing');
    // Clocks go from 02:00 to 02:30 on the first Sunday of October.
    expect(utc(fromLocal(lordHowe, localMs('2025-10-05T02:15')))).toBe(utc(fromLocal(lordHowe, localMs('2025-10-05T02:45'))));
    expect(utc(fromLocal(lordHowe, localMs('2025-10-05T02:45')))).toBe('2025-10-04T15:45:00.000Z');
  });

  it('takes the earlier instant in Lord Howe’s half-hour fall-back overlap', () => {
    const lordHowe = zoneOf('Australia/Lord_Howe');
    if (!lordHowe) throw new Error('zone data missing');
    // Clocks go from 02:00 back to 01:30 on the first Sunday of April; 01:45 happens twice.
    expect(utc(fromLocal(lordHowe, localMs('2025-04-06T01:45')))).toBe('2025-04-05T14:45:00.000Z');
  });

  it('converts unambiguous wall times exactly, to the second', () => {
    expect(utc(fromLocal(berlin, localMs('2025-07-01T09:00:30')))).toBe('2025-07-01T07:00:30.000Z');
  });

  it('reports unknown zones as null rather than throwing', () => {
    expect(zoneOf('Mars/Olympus_Mons')).toBeNull();
    expect(zoneOf('')).toBeNull();
  });
});

describe('local dates and wall times', () => {
  it('parses times with optional seconds and 24:00 as the end of the day', () => {
    expect(parseWallTime('09:30')).toBe(9.5 * 3_600_000);
    expect(parseWallTime('09:30:15')).toBe(9.5 * 3_600_000 + 15_000);
    expect(parseWallTime('24:00')).toBe(MS_PER_DAY);
  });

  it('rejects malformed times', () => {
    for (const bad of ['9:00', '24:01', '12:60', '12:00:60', 'noon', '']) expect(parseWallTime(bad)).toBeNull();
  });

  it('rejects impossible dates and accepts leap days only in leap years', () => {
    expect(parseLocalDate('2024-02-29')).not.toBeNull();
    expect(parseLocalDate('2025-02-29')).toBeNull();
    expect(parseLocalDate('2025-13-01')).toBeNull();
    expect(parseLocalDate('25-01-01')).toBeNull();
  });

  it('numbers weekdays from Monday', () => {
    expect(weekdayIndex(parseLocalDate('2025-01-06') ?? -1)).toBe(0);
    expect(weekdayIndex(parseLocalDate('2025-01-05') ?? -1)).toBe(6);
  });
});
