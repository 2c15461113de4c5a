import { addMonths, monthIn, parseContext } from '../../../static/project-report/src/context';

describe('report months', () => {
  it('reads the month of an instant in the report zone and steps across years', () => {
    expect(monthIn(Date.parse('2026-03-31T23:30:00Z'), 'Europe/Berlin')).toBe('2026-04');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2025-12', 13)).toBe('2027-01');
  });
});

describe('the report page context from the host', () => {
  it('reads the project key, the viewer zone and the site URL without its trailing slash', () => {
    const raw = { timezone: 'Europe/Madrid', siteUrl: 'https://acme.atlassian.net/', extension: { project: { key: 'SUP' } } };
    expect(parseContext(raw)).toEqual({ projectKey: 'SUP', timeZone: 'Europe/Madrid', siteUrl: 'https://acme.atlassian.net' });
  });

  it('falls back to no project, the browser zone and relative links', () => {
    const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(parseContext(null)).toEqual({ projectKey: null, timeZone: browserZone, siteUrl: '' });
    expect(parseContext({ timezone: 'Not/AZone', siteUrl: 7, extension: { project: { key: 1 } } })).toEqual({ projectKey: null, timeZone: browserZone, siteUrl: '' });
  });
});

describe('stepping through months', () => {
  it('keeps the month of a UTC instant that is still the previous month in a zone behind UTC', () => {
    expect(monthIn(Date.parse('2026-01-01T03:00:00Z'), 'America/New_York')).toBe('2025-12');
    expect(monthIn(Date.parse('2026-01-01T03:00:00Z'), 'UTC')).toBe('2026-01');
  });

  it('steps back across several years and by zero', () => {
    expect(addMonths('2026-03', -27)).toBe('2023-12');
    expect(addMonths('2026-03', 0)).toBe('2026-03');
  });
});
