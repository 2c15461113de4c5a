import { formatDateTime, formatDuration, formatSoon, sameWallClock, viewerTimeZone, zoneCity } from '../../../static/shared/format';

const MIN = 60_000;
const HOUR = 60 * MIN;

describe('formatDuration', () => {
  it('writes hours and minutes the way the panel speaks them', () => {
    expect(formatDuration(2 * HOUR + 10 * MIN)).toBe('2 h 10 m');
  });

  it('never rolls hours over into days, because a business day is not 24 hours', () => {
    expect(formatDuration(30 * HOUR)).toBe('30 h');
  });

  it('formats a negative duration by its magnitude', () => {
    expect(formatDuration(-(45 * MIN))).toBe('45 m');
  });

  it('says less than a minute instead of zero for a few seconds', () => {
    expect(formatDuration(20_000)).toBe('< 1 m');
    expect(formatDuration(0)).toBe('0 m');
  });

  it('adds seconds under an hour for a ticking countdown', () => {
    expect(formatDuration(5 * MIN + 7_000, { seconds: true })).toBe('5 m 7 s');
    expect(formatDuration(HOUR + 5 * MIN + 7_000, { seconds: true })).toBe('1 h 5 m');
    expect(formatDuration(HOUR, { seconds: true })).toBe('1 h 0 m');
  });
});

describe('dates in a zone', () => {
  const mondayEightMadrid = Date.UTC(2026, 10, 23, 7, 0);

  it('formats an instant as the wall clock of the given zone', () => {
    expect(formatDateTime(mondayEightMadrid, 'Europe/Madrid')).toBe('Mon 23 Nov, 08:00');
    expect(formatDateTime(mondayEightMadrid, 'America/New_York')).toBe('Mon 23 Nov, 02:00');
  });

  it('uses the short weekday form only within the coming week', () => {
    const now = mondayEightMadrid - 2 * 24 * HOUR;
    expect(formatSoon(mondayEightMadrid, now, 'Europe/Madrid')).toBe('Mon 08:00');
    expect(formatSoon(mondayEightMadrid, now - 10 * 24 * HOUR, 'Europe/Madrid')).toBe('Mon 23 Nov, 08:00');
  });

  it('names a zone by its city', () => {
    expect(zoneCity('America/New_York')).toBe('New York');
    expect(zoneCity('UTC')).toBe('UTC');
  });

  it('treats zones with the same wall clock at that instant as the same', () => {
    expect(sameWallClock('Europe/Madrid', 'Europe/Paris', mondayEightMadrid)).toBe(true);
    expect(sameWallClock('Europe/Madrid', 'Europe/London', mondayEightMadrid)).toBe(false);
  });

  it('prefers the zone from the Jira context and ignores an invalid one', () => {
    expect(viewerTimeZone('Asia/Tokyo')).toBe('Asia/Tokyo');
    expect(viewerTimeZone('Not/AZone')).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });
});
