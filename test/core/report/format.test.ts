import { formatDuration, formatInstant } from '../../../src/core/report/format';

describe('instants in reports', () => {
  it('writes ISO 8601 with the zone offset, to the second', () => {
    expect(formatInstant(Date.parse('2026-03-02T09:00:00Z'), 'Europe/Paris')).toBe('2026-03-02T10:00:00+01:00');
    expect(formatInstant(Date.parse('2026-07-02T09:00:00Z'), 'Europe/Paris')).toBe('2026-07-02T11:00:00+02:00');
  });

  it('keeps milliseconds when there are some, and writes nothing for no instant', () => {
    expect(formatInstant(Date.parse('2026-03-02T09:00:00.250Z'), 'UTC')).toBe('2026-03-02T09:00:00.250Z');
    expect(formatInstant(null, 'UTC')).toBe('');
  });
});

describe('durations in reports', () => {
  it('writes hours beyond a day without wrapping them into days', () => {
    expect(formatDuration(93_784_000)).toBe('26:03:04');
  });

  it('truncates sub-second remainders, keeps the sign, and writes nothing for no duration', () => {
    expect(formatDuration(59_999)).toBe('0:00:59');
    expect(formatDuration(-61_000)).toBe('-0:01:01');
    expect(formatDuration(0)).toBe('0:00:00');
    expect(formatDuration(null)).toBe('');
  });
});
