import { computeUptime, summarizeCompliance } from '../../../src/core/compliance';
import type { CycleSnapshot, SlaSnapshot } from '../../../src/core/evaluate/types';
import { at, HOUR } from '../evaluate/builders';

function cycle(stopped: string | null, met: boolean | null, goalId = 'high', elapsedMs = 0): CycleSnapshot {
  return { startedAt: 0, stoppedAt: stopped === null ? null : at(stopped), pauses: [], goalId, calendarId: '24x7', goalMs: HOUR, elapsedMs, remainingMs: HOUR, dueAt: null, breachedAt: null, met };
}

function snapshot(cycles: CycleSnapshot[], key = 'response'): SlaSnapshot {
  const metric = { key, name: key, state: 'met' as const, current: cycles[cycles.length - 1] ?? null, cycles, goal: null, calendarId: null, pauseReason: null, warningsCrossed: [], nextCheckAt: null };
  return { issueId: '1', evaluatedAt: 0, metrics: [metric], nextCheckAt: null, problems: [] };
}

describe('summarizeCompliance', () => {
  it('counts completed cycles per metric, goal and month of the stop, leaving out running and uncounted cycles', () => {
    const rows = summarizeCompliance([
      snapshot([cycle('2026-03-02T10:00:00Z', true), cycle('2026-03-20T10:00:00Z', false)]),
      snapshot([cycle('2026-03-05T10:00:00Z', true), cycle('2026-04-01T10:00:00Z', true, 'low'), cycle(null, null)]),
      snapshot([cycle('2026-03-06T10:00:00Z', null)]),
    ]);
    expect(rows).toEqual([
      { metricKey: 'response', goalId: 'high', month: '2026-03', met: 2, breached: 1, percentMet: 66.67, medianToMeetMs: 0, p90ToMeetMs: 0 },
      { metricKey: 'response', goalId: 'low', month: '2026-04', met: 1, breached: 0, percentMet: 100, medianToMeetMs: 0, p90ToMeetMs: 0 },
    ]);
  });

  it('gives nearest-rank median and 90th percentile of the time met cycles took, leaving breached cycles out', () => {
    const minutes = [50, 10, 40, 20, 30];
    const rows = summarizeCompliance([snapshot([...minutes.map((m) => cycle('2026-03-02T10:00:00Z', true, 'high', m * 60_000)), cycle('2026-03-03T10:00:00Z', false, 'high', 999 * 60_000)])]);
    expect(rows[0]).toMatchObject({ met: 5, breached: 1, medianToMeetMs: 30 * 60_000, p90ToMeetMs: 50 * 60_000 });
    const onlyBreached = summarizeCompliance([snapshot([cycle('2026-03-03T10:00:00Z', false)])]);
    expect(onlyBreached[0]).toMatchObject({ percentMet: 0, medianToMeetMs: null, p90ToMeetMs: null });
  });

  it('takes the lower middle as the median of an even count', () => {
    const rows = summarizeCompliance([snapshot([10, 20, 30, 40].map((m) => cycle('2026-03-02T10:00:00Z', true, 'high', m)))]);
    expect(rows[0]).toMatchObject({ medianToMeetMs: 20, p90ToMeetMs: 40 });
  });

  it('assigns months in the report zone, not the host zone', () => {
    const rows = summarizeCompliance([snapshot([cycle('2026-03-31T23:30:00Z', true)])], { timeZone: 'Europe/Berlin' });
    expect(rows[0]?.month).toBe('2026-04');
  });
});

describe('computeUptime', () => {
  const may = at('2026-05-01T00:00:00Z');
  const june = at('2026-06-01T00:00:00Z');

  it('grants 7 credit days below 99.9% and 14 below 99%', () => {
    expect(computeUptime([], may, june)).toMatchObject({ uptimePercent: 100, creditDays: 0 });
    expect(computeUptime([{ start: may, end: may + HOUR }], may, june)).toMatchObject({ uptimePercent: 99.866, creditDays: 7 });
    expect(computeUptime([{ start: may, end: may + 8 * HOUR }], may, june)).toMatchObject({ uptimePercent: 98.925, creditDays: 14 });
  });

  it('counts overlapping outages once and cuts outages at the month edges', () => {
    const r = computeUptime([
      { start: may - HOUR, end: may + HOUR },
      { start: may + HOUR / 2, end: may + 2 * HOUR },
      { start: june - HOUR, end: june + 5 * HOUR },
    ], may, june);
    expect(r.downtimeMs).toBe(3 * HOUR);
  });

  it('uses configurable thresholds', () => {
    expect(computeUptime([{ start: may, end: may + HOUR }], may, june, [{ below: 99.95, creditDays: 3 }]).creditDays).toBe(3);
  });
});
