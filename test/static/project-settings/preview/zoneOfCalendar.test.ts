import type { CalendarSpec } from '@core/browser';
import { shownZone } from '../../../../static/project-settings/src/preview/zoneOfCalendar';

const weekly = (id: string, name: string, timeZone: string): CalendarSpec => ({ schemaVersion: 1, kind: 'weekly', id, name, timeZone, week: { mon: [{ start: '09:00', end: '17:00' }] } });
const sun: CalendarSpec = {
  schemaVersion: 1, kind: 'union', id: 'fts', name: 'Follow the sun',
  members: [weekly('lon', 'London', 'Europe/London'), weekly('ny', 'New York', 'America/New_York'), weekly('lon2', 'London late', 'Europe/London')],
};

describe('the zone the preview shows a calendar in', () => {
  it('shows a weekly calendar in its own zone, named with the calendar', () => {
    expect(shownZone([weekly('mad', 'Madrid office', 'Europe/Madrid')], 'mad', 'Europe/Madrid', 'Asia/Tokyo'))
      .toEqual({ zone: 'Europe/Madrid', label: 'Madrid, Madrid office', short: 'Madrid time' });
  });

  it('shows a follow-the-sun calendar in the viewer zone, naming each member zone once, never UTC', () => {
    const shown = shownZone([sun], 'fts', null, 'Europe/Berlin');
    expect(shown).toEqual({ zone: 'Europe/Berlin', label: 'your time, Berlin; Follow the sun: London + New York', short: 'your time, Berlin' });
    expect(shown.label).not.toMatch(/UTC/);
  });

  it('names UTC only for a calendar that really runs in UTC', () => {
    const always: CalendarSpec = { schemaVersion: 1, kind: 'always', id: '24x7', name: '24x7' };
    expect(shownZone([always], '24x7', null, 'Europe/Berlin').label).toBe('UTC, 24x7');
  });
});
