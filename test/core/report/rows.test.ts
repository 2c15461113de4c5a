import { complianceCsv, cyclesCsv, explainCsv, parseCsv, statementCsv, type ReportCycle } from '../../../src/core/report';
import { creditStatement, DEFAULT_CREDIT_RULES } from '../../../src/core/compliance';
import type { CycleExplanation } from '../../../src/core/explain';
import { at, HOUR } from '../evaluate/builders';

const names = { metrics: { response: 'Time to first response' }, goals: { high: 'High' } };
const cycle = (over: Partial<ReportCycle> = {}): ReportCycle => ({
  issueId: '10001', issueKey: 'SUP-1', metricKey: 'response', goalId: 'high', startedAt: at('2026-03-02T09:00:00Z'), stoppedAt: at('2026-03-02T10:30:00Z'),
  elapsedMs: 90 * 60_000, goalMs: 4 * HOUR, met: true, breachedAt: null, ...over,
});

describe('cyclesCsv', () => {
  it('writes one row per cycle with instants in the report zone, durations and exact milliseconds', () => {
    const rows = parseCsv(cyclesCsv([cycle(), cycle({ met: false, breachedAt: at('2026-03-02T13:00:00Z'), elapsedMs: 5 * HOUR, stoppedAt: at('2026-03-02T14:00:00Z') })], names, 'Europe/Paris'));
    expect(rows[0]).toEqual(['Issue key', 'Metric', 'Goal', 'Start', 'Stop', 'Elapsed business time', 'Elapsed ms', 'Target', 'Target ms', 'Result', 'Breached at']);
    expect(rows[1]).toEqual(['SUP-1', 'Time to first response', 'High', '2026-03-02T10:00:00+01:00', '2026-03-02T11:30:00+01:00', '1:30:00', '5400000', '4:00:00', '14400000', 'met', '']);
    expect(rows[2]?.slice(9)).toEqual(['breached', '2026-03-02T14:00:00+01:00']);
  });

  it('shows ids where names are unknown, and a running cycle as running', () => {
    const rows = parseCsv(cyclesCsv([cycle({ metricKey: 'x', goalId: 'y', stoppedAt: null, met: null })], names, 'UTC'));
    expect([rows[1]?.[1], rows[1]?.[2], rows[1]?.[4], rows[1]?.[9]]).toEqual(['x', 'y', '', 'running']);
  });
});

describe('complianceCsv', () => {
  it('writes met, breached, % met, median and 90th percentile per month, metric and goal', () => {
    const rows = parseCsv(complianceCsv([{ metricKey: 'response', goalId: 'high', month: '2026-03', met: 9, breached: 1, percentMet: 90, medianToMeetMs: HOUR, p90ToMeetMs: 2 * HOUR }], names));
    expect(rows[1]).toEqual(['2026-03', 'Time to first response', 'High', '9', '1', '90', '1:00:00', '3600000', '2:00:00', '7200000']);
  });
});

describe('explainCsv', () => {
  it('writes each part with its reason, naming statuses through the given map', () => {
    const c: CycleExplanation = {
      metricKey: 'response', metricName: 'Time to first response', cycleIndex: 0, startedAt: 0, stoppedAt: 2 * HOUR, until: 2 * HOUR, goalId: null, goalMs: null,
      elapsedMs: HOUR, met: null, breachedAt: null, goalChanges: [],
      parts: [{ kind: 'counted', from: 0, to: HOUR }, { kind: 'paused', from: HOUR, to: 2 * HOUR, condition: 'in status 10005', statusId: '10005' }],
    };
    const rows = parseCsv(explainCsv([c], { '10005': 'Waiting for customer' }, 'UTC'));
    expect(rows.slice(1).map((r) => [r[5], r[6], r[7]])).toEqual([['3600000', 'yes', 'Counted business time'], ['3600000', 'no', 'Paused in status Waiting for customer']]);
  });
});

describe('statementCsv', () => {
  it('lists the summary, then every outage with the downtime it added', () => {
    const outage = { id: 'o1', service: 'API', customer: null, start: at('2026-05-10T10:00:00Z'), end: at('2026-05-10T11:00:00Z'), description: 'Failover, "planned"' };
    const s = creditStatement([outage], { service: 'API', customer: null, month: '2026-05', timeZone: 'UTC' }, DEFAULT_CREDIT_RULES);
    const rows = parseCsv(statementCsv(s!));
    expect(rows).toContainEqual(['Credit days', '7']);
    expect(rows).toContainEqual(['Uptime %', '99.866']);
    expect(rows[rows.length - 1]).toEqual(['o1', 'all customers', '2026-05-10T10:00:00Z', '2026-05-10T11:00:00Z', '2026-05-10T10:00:00Z', '2026-05-10T11:00:00Z', '1:00:00', '3600000', 'Failover, "planned"']);
  });
});
