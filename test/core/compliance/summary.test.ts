import { ComplianceAccumulator, nearestRank, percentOf, summarizeCompliance, summarizeCounted } from '../../../src/core/compliance';
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

describe('compliance figures', () => {
  it('takes the nearest rank: the smallest value with at least p % at or below it, null for no values', () => {
    expect(nearestRank([1, 2, 3, 4], 50)).toBe(2);
    expect(nearestRank([1, 2, 3, 4], 51)).toBe(3);
    expect(nearestRank([7], 0)).toBe(7);
    expect(nearestRank([1, 2, 3, 4], 100)).toBe(4);
    expect(nearestRank([], 50)).toBeNull();
  });

  it('gives the percentage met to two decimals, null when nothing was counted', () => {
    expect([percentOf(2, 1), percentOf(1, 2), percentOf(0, 3), percentOf(0, 0)]).toEqual([66.67, 33.33, 0, null]);
  });

  it('sorts rows by month, then metric key, then goal id with no goal last', () => {
    const rows = summarizeCounted([
      { metricKey: 'response', goalId: null, month: '2026-03', met: true, elapsedMs: 1 },
      { metricKey: 'response', goalId: 'b', month: '2026-03', met: true, elapsedMs: 1 },
      { metricKey: 'resolution', goalId: 'z', month: '2026-03', met: true, elapsedMs: 1 },
      { metricKey: 'response', goalId: 'a', month: '2026-03', met: false, elapsedMs: 1 },
      { metricKey: 'response', goalId: 'a', month: '2026-02', met: true, elapsedMs: 1 },
    ]);
    expect(rows.map((r) => [r.month, r.metricKey, r.goalId])).toEqual([
      ['2026-02', 'response', 'a'], ['2026-03', 'resolution', 'z'], ['2026-03', 'response', 'a'],
      ['2026-03', 'response', 'b'], ['2026-03', 'response', null],
    ]);
  });

  it('gives the same rows when cycles are added one at a time as when summarised at once', () => {
    const acc = new ComplianceAccumulator();
    acc.add('response', 'a', '2026-03', true, 30);
    acc.add('response', 'a', '2026-03', true, 10);
    acc.add('response', 'a', '2026-03', false, 99);
    expect(acc.rows()).toEqual([{ metricKey: 'response', goalId: 'a', month: '2026-03', met: 2, breached: 1, percentMet: 66.67, medianToMeetMs: 10, p90ToMeetMs: 30 }]);
  });

  it('has no rows for no snapshots', () => {
    expect(summarizeCompliance([])).toEqual([]);
  });
});
