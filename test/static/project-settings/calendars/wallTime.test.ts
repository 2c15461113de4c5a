import { instantOf, wallTimeOf } from '../../../../static/project-settings/src/calendars/wallTime';

describe('wall times in a calendar zone', () => {
  it('converts wall times through daylight saving time the way the engine does', () => {
    expect(instantOf('2026-07-01T09:00', 'Europe/Madrid')).toBe('2026-07-01T07:00:00Z');
    expect(wallTimeOf('2026-07-01T07:00:00Z', 'Europe/Madrid')).toBe('2026-07-01T09:00');
    expect(instantOf('2026-07-01T09', 'Europe/Madrid')).toBe('');
    expect(wallTimeOf('', 'Europe/Madrid')).toBe('');
  });
});

describe('wall times around daylight saving changes', () => {
  it('moves a wall time inside the spring-forward gap forward, as the engine does', () => {
    // Madrid skips 02:00–03:00 on 29 March 2026.
    expect(instantOf('2026-03-29T02:30', 'Europe/Madrid')).toBe('2026-03-29T01:30:00Z');
  });

  it('shows the instant in winter time after the clocks go back', () => {
    expect(wallTimeOf('2026-12-01T08:00:00Z', 'Europe/Madrid')).toBe('2026-12-01T09:00');
  });

  it('gives nothing for an unknown zone or an unreadable instant', () => {
    expect(instantOf('2026-07-01T09:00', 'Not/AZone')).toBe('');
    expect(wallTimeOf('2026-07-01T07:00:00Z', 'Not/AZone')).toBe('');
    expect(wallTimeOf('yesterday', 'Europe/Madrid')).toBe('');
  });
});
