
import fc from 'fast-check';
import { evaluate, summarizeCompliance, type CompiledPolicy, type IssueHistory, type SlaSnapshot } from '@core';
import { fileReport, fileReports, type Filing } from '../../src/app/reportFiling';
import { monthsBetween, projectReport, type ReportFilters } from '../../src/app/reports';
import { SHARD_LIMITS, shardOf } from '../../src/store/reportAggregates';
import { metered } from '../../src/store/storageMeter';
import { store } from '../fakes/forgeKvs';
import { at, goal, history, metric, MINUTE, policyOf, STATUS } from '../core/evaluate/builders';

const START = at('2026-01-30T20:00:00Z'); // histories straddle month ends in every zone
const DAY = 24 * 60 * MINUTE;

const goals = (minutes: number) => [
  goal({ id: 'high', match: { priorityIds: ['1'] }, target: { kind: 'minutes', minutes } }),
  goal({ id: 'other', target: { kind: 'minutes', minutes: minutes * 4 } }),
];
const resolution = (minutes: number) => metric({ key: 'resolution', name: 'Resolution', goals: goals(minutes), start: [{ kind: 'issueCreated' }, { kind: 'resolutionCleared' }], stop: [{ kind: 'resolutionSet' }] });
/** Three settings: a settings change swaps goals and metrics, which changes past cycles. */
const policies: CompiledPolicy[] = [
  policyOf(metric({ goals: goals(60) }), resolution(600)),
  policyOf(metric({ goals: goals(30) }), resolution(120)),
  policyOf(resolution(2000)),
];

interface Issue { id: string; key: string; project: string | null; priority: string; history: IssueHistory }
type Op =
  | { kind: 'event'; issue: number; day: number; what: 'resolve' | 'reopen' | 'comment' | 'wait' | 'priority' }
  | { kind: 'settings'; policy: number }
  | { kind: 'move'; issue: number; project: string | null };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('event' as const), issue: fc.nat(5), day: fc.integer({ min: 0, max: 90 }), what: fc.constantFrom('resolve' as const, 'reopen' as const, 'comment' as const, 'wait' as const, 'priority' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('settings' as const), policy: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('move' as const), issue: fc.nat(5), project: fc.constantFrom('A', 'B', null) }) },
);

function applyEvent(issue: Issue, op: Extract<Op, { kind: 'event' }>, n: number): void {
  const t = START + op.day * DAY + n * MINUTE;
  const h = issue.history;
  const id = `h${n}#0`;
  if (op.what === 'resolve') h.changes.push({ id, at: t, field: 'resolution', from: null, to: 'fixed' });
  else if (op.what === 'reopen') h.changes.push({ id, at: t, field: 'resolution', from: 'fixed', to: null });
  else if (op.what === 'wait') h.changes.push({ id, at: t, field: 'status', from: null, to: n % 2 ? STATUS.waiting : STATUS.inProgress });
  else if (op.what === 'comment') h.comments.push({ id: `c${n}`, at: t, author: 'agent', public: true });
  else {
    issue.priority = issue.priority === '1' ? '3' : '1';
    h.changes.push({ id, at: t, field: 'priority', from: null, to: issue.priority });
  }
}

async function run(ops: Op[], zone: string): Promise<void> {
  store.reset();
  const now = START + 100 * DAY;
  const issues: Issue[] = Array.from({ length: 6 }, (_, i) => ({
    id: `1000${i}`, key: `SUP-${i}`, project: i % 2 ? 'A' : 'B', priority: '3', history: history({ issueId: `1000${i}`, created: new Date(START + i * 3_600_000).toISOString() }),
  }));
  let policy = policies[0] as CompiledPolicy;
  const snapshots = new Map<string, SlaSnapshot>();
  const filing = (issue: Issue): Filing => {
    const snapshot = evaluate(issue.history, policy, now);
    snapshots.set(issue.id, snapshot);
    return { projectId: issue.project, issue: { id: issue.id, key: issue.key, priorityId: issue.priority }, snapshot: issue.project === null ? null : snapshot };
  };
  // An event refiles one issue; a settings change refiles them all in one batch, as a recompute page does.
  const recompute = async (issue: Issue) => {
    const f = filing(issue);
    await fileReport(f.projectId, f.issue, f.snapshot);
  };
  for (const [n, op] of ops.entries()) {
    if (op.kind === 'settings') {
      policy = policies[op.policy] as CompiledPolicy;
      await fileReports(issues.map(filing));
      continue;
    }
    const issue = issues[op.issue] as Issue;
    if (op.kind === 'move') issue.project = op.project;
    else applyEvent(issue, op, n);
    await recompute(issue);
  }
  const filters: ReportFilters = { fromMonth: '2026-01', toMonth: '2026-05', timeZone: zone, metricKey: null, goalId: null, priorityId: null };
  const months = new Set(monthsBetween(filters.fromMonth, filters.toMonth));
  for (const project of ['A', 'B']) {
    for (const priorityId of [null, '1']) {
      const members = issues.filter((i) => i.project === project && (priorityId === null || i.priority === priorityId));
      const expected = summarizeCompliance(members.flatMap((i) => snapshots.get(i.id) ?? []), { timeZone: zone }).filter((r) => months.has(r.month));
      const report = await projectReport(project, { ...filters, priorityId });
      expect(report?.rows).toEqual(expected);
    }
  }
}

describe('project report aggregates', () => {
  it('stay equal to a from-scratch summary after random recomputes, reopenings, settings changes and moves', async () => {
    await fc.assert(fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 40 }), fc.constantFrom('UTC', 'Europe/Berlin', 'Pacific/Chatham', 'Asia/Kathmandu'), run), { numRuns: 60 });
  });

  it('stay equal to a from-scratch summary when shards keep splitting under a tiny size limit', async () => {
    const limit = SHARD_LIMITS.splitBytes;
    SHARD_LIMITS.splitBytes = 120;
    try {
      await fc.assert(fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 30 }), fc.constantFrom('UTC', 'Asia/Kathmandu'), run), { numRuns: 25 });
    } finally {
      SHARD_LIMITS.splitBytes = limit;
    }
  });

  it('files a batch of issues with one read and at most one write per report shard they touch', async () => {
    store.reset();
    const h = history({ changes: [{ id: '1#0', at: at('2026-03-02T10:00:00Z'), field: 'resolution', from: null, to: 'fixed' }] });
    const snapshot = evaluate(h, policies[0] as CompiledPolicy, at('2026-03-03T00:00:00Z'));
    const ids = Array.from({ length: 60 }, (_, i) => String(20_000 + i));
    const shardsTouched = new Set(ids.map(shardOf)).size;
    const { value, units } = await metered(() => fileReports(ids.map((id) => ({ projectId: 'A', issue: { id, key: `SUP-${id}`, priorityId: '3' }, snapshot }))));
    expect([...value.values()].every((o) => o === 'filed')).toBe(true);
    // Per issue: its filing record, read and written; per shard: one read and one write.
    expect(units).toEqual({ read: ids.length + shardsTouched, write: ids.length + shardsTouched });
    expect(shardsTouched).toBeLessThan(ids.length);
  });

  it('writes nothing when a recompute leaves the counted cycles as they were', async () => {
    store.reset();
    const h = history({ changes: [{ id: '1#0', at: at('2026-03-02T10:00:00Z'), field: 'resolution', from: null, to: 'fixed' }] });
    const snapshot = evaluate(h, policies[0] as CompiledPolicy, at('2026-03-03T00:00:00Z'));
    expect(await fileReport('A', { id: '1', key: 'SUP-1', priorityId: '3' }, snapshot)).toBe('filed');
    const writes = store.writes;
    expect(await fileReport('A', { id: '1', key: 'SUP-1', priorityId: '3' }, snapshot)).toBe('unchanged');
    expect(store.writes).toBe(writes);
  });

  it('lists breached cycles newest first and refuses a malformed or too long period', async () => {
    store.reset();
    const late = history({ changes: [{ id: '1#0', at: at('2026-03-02T20:00:00Z'), field: 'resolution', from: null, to: 'fixed' }] });
    await fileReport('A', { id: '1', key: 'SUP-1', priorityId: '3' }, evaluate(late, policies[1] as CompiledPolicy, at('2026-03-04T00:00:00Z')));
    const f: ReportFilters = { fromMonth: '2026-03', toMonth: '2026-03', timeZone: 'UTC', metricKey: 'resolution', goalId: null, priorityId: null };
    expect((await projectReport('A', f))?.breached.map((b) => [b.issueKey, b.metricKey, b.month])).toEqual([['SUP-1', 'resolution', '2026-03']]);
    expect(await projectReport('A', { ...f, toMonth: '2026-02' })).toBeNull();
    expect(await projectReport('A', { ...f, fromMonth: '2023-01', toMonth: '2026-03' })).toBeNull();
  });
});
