/** The panel on the real browser engine: a Madrid calendar ticking and freezing as the backend would. */
import { compileCalendars, compileForBrowser } from '../../../static/issue-panel/src/engine';
import { liveMetric } from '../../../static/issue-panel/src/live';
import { statusLine } from '../../../static/issue-panel/src/describe';
import type { CalendarSpec } from '@core';
import { cycle, H, M, metric } from './fixtures';

const madrid: CalendarSpec = {
  schemaVersion: 1, id: 'mad', name: 'Madrid business hours', kind: 'weekly', timeZone: 'Europe/Madrid',
  week: { mon: [{ start: '08:00', end: '18:00' }], tue: [{ start: '08:00', end: '18:00' }], wed: [{ start: '08:00', end: '18:00' }], thu: [{ start: '08:00', end: '18:00' }], fri: [{ start: '08:00', end: '15:00' }] },
};

// Friday 20 Nov 2026, 14:00 Madrid (13:00 UTC): one business hour before the Friday close.
const fridayTwoPm = Date.UTC(2026, 10, 20, 13);

describe('the panel on the browser calendar engine', () => {
  it('compiles the calendars the resolver sends and skips ones it rejects', () => {
    const broken = { ...madrid, id: 'broken', timeZone: 'Mars/Olympus' } as CalendarSpec;
    const map = compileCalendars([madrid, broken]);
    expect([...map.keys()]).toEqual(['mad']);
    expect(compileForBrowser(broken)).toBeNull();
  });

  it('counts only open Madrid time and freezes over the weekend until Monday 08:00', () => {
    const cal = compileForBrowser(madrid);
    const m = metric({ calendarId: 'mad', current: cycle({ calendarId: 'mad', elapsedMs: 0, goalMs: 4 * H }) });
    const saturday = fridayTwoPm + 30 * H;
    const live = liveMetric(m, fridayTwoPm, saturday, cal);
    expect(live.elapsedMs).toBe(H);
    expect(live.remainingMs).toBe(3 * H);
    expect(statusLine(live, saturday, 'Europe/Madrid')).toBe('3 h left · outside business hours — resumes Mon 08:00');
  });

  it('ticks by the second while Madrid is open', () => {
    const cal = compileForBrowser(madrid);
    const m = metric({ calendarId: 'mad', current: cycle({ calendarId: 'mad', elapsedMs: 0, goalMs: 4 * H }) });
    const live = liveMetric(m, fridayTwoPm, fridayTwoPm + 10 * M + 5_000, cal);
    expect(live.ticking).toBe(true);
    expect(statusLine(live, fridayTwoPm, 'Europe/Madrid')).toBe('3 h 49 m left');
  });
});
