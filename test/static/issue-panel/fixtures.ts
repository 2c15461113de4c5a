/**
 * Test builders: a stand-in calendar open Monday to Friday 09:00–17:00 UTC (simple enough to check
 * by hand), and metric snapshots with defaults so each test states only what differs.
 */
import type { BusinessCalendar, CalendarSpec, ExclusionWindow, OpenWindow, CycleSnapshot, MetricSnapshot, SlaSnapshot } from '@core';

export const H = 3_600_000;
export const M = 60_000;
const DAY = 24 * H;

/** Mon 23 Nov 2026 00:00 UTC. */
export const MONDAY = Date.UTC(2026, 10, 23);

export const officeSpec: CalendarSpec = {
  schemaVersion: 1, id: 'office', name: 'Office hours', kind: 'weekly', timeZone: 'UTC',
  week: { mon: [{ start: '09:00', end: '17:00' }], tue: [{ start: '09:00', end: '17:00' }], wed: [{ start: '09:00', end: '17:00' }], thu: [{ start: '09:00', end: '17:00' }], fri: [{ start: '09:00', end: '17:00' }] },
};

function* windows(from: number, to: number): Iterable<OpenWindow> {
  for (let day = Math.floor(from / DAY) * DAY; day < to; day += DAY) {
    const weekday = new Date(day).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const start = Math.max(from, day + 9 * H);
    const end = Math.min(to, day + 17 * H);
    if (start < end) yield { start, end };
  }
}

export function officeCalendar(exclusion: ExclusionWindow | null = null): BusinessCalendar {
  const between = (a: number, b: number) => [...windows(a, b)].reduce((s, w) => s + w.end - w.start, 0);
  const isOpen = (t: number) => [...windows(t, t + 1)].length > 0 && exclusion === null;
  return {
    id: 'office', name: 'Office hours', timeZone: 'UTC', spec: officeSpec,
    isOpen,
    nextOpen: (t) => (isOpen(t) ? t : [...windows(t, t + 7 * DAY)][0]?.start ?? null),
    nextClose: (t) => [...windows(t, t + 7 * DAY)][0]?.end ?? null,
    businessMillisBetween: (a, b) => (a <= b ? between(a, b) : -between(b, a)),
    addBusinessMillis: () => null,
    openWindows: windows,
    addBusinessDays: () => null,
    endOfBusinessDay: () => null,
    exclusionAt: () => exclusion,
    exclusionUntil: () => (exclusion ? Date.parse(exclusion.end) : null),
  };
}

export function cycle(over: Partial<CycleSnapshot> = {}): CycleSnapshot {
  return {
    startedAt: MONDAY + 9 * H, stoppedAt: null, pauses: [], goalId: 'high', calendarId: 'office', goalMs: 4 * H,
    elapsedMs: H, remainingMs: 3 * H, dueAt: MONDAY + 13 * H, breachedAt: null, met: null, ...over,
  };
}

export function metric(over: Partial<MetricSnapshot> = {}): MetricSnapshot {
  const current = over.current === undefined ? cycle() : over.current;
  return {
    key: 'resolution', name: 'Time to resolution', state: 'running', current, cycles: current ? [current] : [],
    goal: { id: 'high', name: 'High', target: '4 h' }, calendarId: 'office', pauseReason: null,
    warningsCrossed: [], nextCheckAt: null, ...over,
  };
}

export function snapshot(metrics: MetricSnapshot[], evaluatedAt = MONDAY + 10 * H): SlaSnapshot {
  return { issueId: '10001', evaluatedAt, metrics, nextCheckAt: null, problems: [] };
}
