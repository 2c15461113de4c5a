import type { CycleSnapshot, MetricSnapshot, SlaSnapshot } from '@core';
import { entriesByMonth, fileReport, type ReportedIssue } from '../../src/app/reportFiling';
import { getFiling, readShards } from '../../src/store/reportAggregates';
import { store } from '../fakes/forgeKvs';

const MAR = Date.UTC(2026, 2, 31, 23, 0);
const APR = Date.UTC(2026, 3, 1, 1, 0);
const ISSUE: ReportedIssue = { id: '1', key: 'SUP-1', priorityId: '2' };

const cycle = (over: Partial<CycleSnapshot>): CycleSnapshot => ({
  startedAt: MAR - 3_600_000, stoppedAt: MAR, pauses: [], goalId: 'all', calendarId: 'always', goalMs: 3_600_000, elapsedMs: 1_800_000,
  remainingMs: null, dueAt: null, breachedAt: null, met: true, ...over,
});

function snapshot(...cycles: CycleSnapshot[]): SlaSnapshot {
  const metric: MetricSnapshot = { key: 'response', name: 'Response', state: 'met', current: null, cycles, goal: null, calendarId: null, pauseReason: null, warningsCrossed: [], nextCheckAt: null };
  return { issueId: '1', evaluatedAt: APR, metrics: [metric], nextCheckAt: null, problems: [] };
}

const filedKeys = async (projectId: string, months: string[]) => (await readShards(projectId, months)).flatMap((s) => [...s.issues.keys()].map((id) => `${s.month}:${id}`));

beforeEach(() => store.reset());

describe("an issue's counted cycles grouped for filing", () => {
  it('packs each stopped, decided cycle under the UTC month of its stop', () => {
    const m = entriesByMonth(ISSUE, snapshot(cycle({}), cycle({ startedAt: MAR, stoppedAt: APR, met: false, breachedAt: APR - 1 })));
    expect([...m.keys()]).toEqual(['2026-03', '2026-04']);
    expect(m.get('2026-03')).toEqual({ k: 'SUP-1', p: '2', c: [['response', 'all', MAR - 3_600_000, MAR, 1_800_000, 3_600_000, 1, null]] });
    expect(m.get('2026-04')?.c[0]?.[6]).toBe(0);
  });

  it('leaves out running cycles and cycles without a goal decision, and files nothing without a snapshot', () => {
    expect(entriesByMonth(ISSUE, snapshot(cycle({ stoppedAt: null }), cycle({ met: null })))).toEqual(new Map());
    expect(entriesByMonth(ISSUE, null)).toEqual(new Map());
  });
});

describe('filing an issue for the reports', () => {
  it('files its cycles, then answers unchanged for the same cycles without writing', async () => {
    expect(await fileReport('10000', ISSUE, snapshot(cycle({})))).toBe('filed');
    expect(await filedKeys('10000', ['2026-03'])).toEqual(['2026-03:1']);
    expect(await getFiling('1')).toMatchObject({ projectId: '10000', months: ['2026-03'] });
    store.writes = 0;
    expect(await fileReport('10000', ISSUE, snapshot(cycle({})))).toBe('unchanged');
    expect(store.writes).toBe(0);
  });

  it('removes it from a month it no longer has cycles in', async () => {
    await fileReport('10000', ISSUE, snapshot(cycle({})));
    expect(await fileReport('10000', ISSUE, snapshot(cycle({ stoppedAt: APR })))).toBe('filed');
    expect(await filedKeys('10000', ['2026-03', '2026-04'])).toEqual(['2026-04:1']);
  });

  it('moves it with the issue to another project', async () => {
    await fileReport('10000', ISSUE, snapshot(cycle({})));
    await fileReport('20000', ISSUE, snapshot(cycle({})));
    expect(await filedKeys('10000', ['2026-03'])).toEqual([]);
    expect(await filedKeys('20000', ['2026-03'])).toEqual(['2026-03:1']);
  });

  it('removes everything and the filing record when the issue is gone or its project unconfigured', async () => {
    await fileReport('10000', ISSUE, snapshot(cycle({})));
    expect(await fileReport(null, ISSUE, null)).toBe('filed');
    expect(await filedKeys('10000', ['2026-03'])).toEqual([]);
    expect(await getFiling('1')).toBeUndefined();
    expect(await fileReport(null, ISSUE, null)).toBe('unchanged');
  });
});
