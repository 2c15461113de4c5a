import fc from 'fast-check';
import { evaluate } from '../../../src/core/evaluate';
import type { FieldChange, HistoryComment, IssueHistory } from '../../../src/core/evaluate/types';
import type { MetricSpec } from '../../../src/core/policy/types';
import type { ExclusionWindow } from '../../../src/core/calendar/types';
import { at, calendars, compile, goal, history, metric, MINUTE, policyOf, policySpec, STATUS } from './builders';

const START = at('2026-03-06T06:00:00Z'); // a Friday morning, so generated histories cross a weekend
const NOW = START + 4 * 24 * 60 * MINUTE;
const statuses = [STATUS.open, STATUS.inProgress, STATUS.waiting, STATUS.done];

const item = fc.record({
  minute: fc.integer({ min: 0, max: 4 * 24 * 60 }),
  what: fc.constantFrom('status', 'priority', 'resolution', 'agent', 'internal', 'customer'),
  pick: fc.nat(3),
});

function toHistory(items: Array<{ minute: number; what: string; pick: number }>): IssueHistory {
  const changes: FieldChange[] = [];
  const comments: HistoryComment[] = [];
  items.forEach((it, i) => {
    const t = START + it.minute * MINUTE;
    if (it.what === 'status') changes.push({ id: `h${i}#0`, at: t, field: 'status', from: null, to: statuses[it.pick] ?? null });
    else if (it.what === 'priority') changes.push({ id: `h${i}#0`, at: t, field: 'priority', from: null, to: String(it.pick + 1) });
    else if (it.what === 'resolution') changes.push({ id: `h${i}#0`, at: t, field: 'resolution', from: null, to: it.pick % 2 === 0 ? null : 'fixed' });
    else comments.push({ id: `c${i}`, at: t, author: it.what === 'customer' ? 'customer' : 'agent', public: it.what !== 'internal' });
  });
  return history({ created: '2026-03-06T06:00:00Z', changes, comments });
}

const goals = [
  goal({ id: 'high', match: { priorityIds: ['1', '2'] }, target: { kind: 'minutes', minutes: 120 }, calendar: { kind: 'fixed', calendarId: 'cet-9-17' } }),
  goal({ id: 'bd', match: { priorityIds: ['3'] }, target: { kind: 'businessDays', days: 1 }, calendar: { kind: 'fixed', calendarId: 'cet-9-17' } }),
  goal({ id: 'rest', target: { kind: 'minutes', minutes: 480 } }),
];
const metrics = (mode: 'keepElapsed' | 'restart' | 'keepOriginal'): MetricSpec[] => [
  metric({ goals, onGoalChange: mode }),
  metric({ key: 'resolution', name: 'Resolution', goals, onGoalChange: mode, start: [{ kind: 'issueCreated' }, { kind: 'resolutionCleared' }], stop: [{ kind: 'resolutionSet' }] }),
  metric({ key: 'update', name: 'Update', mode: 'recurring', goals, onGoalChange: mode, start: [{ kind: 'inStatusCategory', categories: ['indeterminate'] }] }),
];
const policies = (['keepElapsed', 'restart', 'keepOriginal'] as const).map((mode) => policyOf(...metrics(mode)));
const policyArb = fc.constantFrom(...policies);

describe('evaluate properties', () => {
  it('gives the same snapshot whatever the order and duplication of history items', () => {
    fc.assert(fc.property(fc.array(item, { maxLength: 30 }), policyArb, fc.array(fc.nat(), { maxLength: 60 }), (items, policy, noise) => {
      const h = toHistory(items);
      const all = [...h.changes, ...h.comments];
      const shuffle = <T>(xs: T[]): T[] => xs.map((x, i) => [noise[i % Math.max(1, noise.length)] ?? 0, i, x] as const).sort((a, b) => a[0] - b[0] || b[1] - a[1]).map(([, , x]) => x);
      const dup = <T>(xs: T[]): T[] => shuffle([...xs, ...xs.filter((_, i) => (noise[i] ?? 0) % 2 === 0)]);
      const messy: IssueHistory = { ...h, changes: dup(h.changes), comments: dup(h.comments) };
      expect(all.length).toBe(items.length);
      expect(evaluate(messy, policy, NOW)).toEqual(evaluate(h, policy, NOW));
    }), { numRuns: 150 });
  });

  it('never counts more elapsed time when a pause condition is added', () => {
    const withoutPause = (['keepElapsed', 'restart', 'keepOriginal'] as const).map((mode) => policyOf(...metrics(mode).map((m) => ({ ...m, pause: [] }))));
    fc.assert(fc.property(fc.array(item, { maxLength: 30 }), fc.integer({ min: 0, max: 2 }), (items, k) => {
      const h = toHistory(items);
      const paused = evaluate(h, policies[k] ?? policies[0]!, NOW);
      const free = evaluate(h, withoutPause[k] ?? withoutPause[0]!, NOW);
      const total = (s: typeof paused, i: number) => s.metrics[i]?.cycles.reduce((sum, c) => sum + c.elapsedMs, 0) ?? 0;
      for (const i of [0, 1]) expect(total(paused, i)).toBeLessThanOrEqual(total(free, i));
    }), { numRuns: 150 });
  });

  it('keeps elapsed plus remaining equal to the goal while a cycle runs', () => {
    fc.assert(fc.property(fc.array(item, { maxLength: 30 }), policyArb, fc.integer({ min: 0, max: 4 * 24 * 60 }), (items, policy, minute) => {
      const s = evaluate(toHistory(items), policy, START + minute * MINUTE);
      for (const m of s.metrics) {
        for (const c of m.cycles) {
          if (c.stoppedAt === null && c.goalMs !== null) expect(c.elapsedMs + (c.remainingMs ?? Number.NaN)).toBe(c.goalMs);
          expect(c.elapsedMs).toBeGreaterThanOrEqual(0);
        }
      }
    }), { numRuns: 150 });
  });

  it('marks a running cycle breached whenever its remaining time is used up', () => {
    fc.assert(fc.property(fc.array(item, { maxLength: 20 }), policyArb, fc.integer({ min: 0, max: 4 * 24 * 60 }), (items, policy, minute) => {
      const s = evaluate(toHistory(items), policy, START + minute * MINUTE);
      for (const c of s.metrics.flatMap((m) => m.cycles)) {
        if (c.stoppedAt === null && c.goalMs !== null && (c.remainingMs ?? 1) <= 0) expect(c.breachedAt).not.toBeNull();
      }
    }), { numRuns: 150 });
  });

  it('gives the same snapshot whatever the order the exclusion windows are listed in', () => {
    // Every window covers Monday 10:00 UTC (11:00 in Paris), so the pause reason names one of several.
    const monday = at('2026-03-09T10:00:00Z');
    const quarter = (q: number): string => new Date(monday + q * 15 * MINUTE).toISOString();
    const windowArb = fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 60 }), fc.constantFrom('deploy', 'database'))
      .map(([before, after, reason]) => ({ start: quarter(-before), end: quarter(after), reason }));
    const withWindows = (windows: ExclusionWindow[]) => compile(policySpec(metrics('keepElapsed'), calendars(['24x7', 'cet-9-17']).map((c) => ({ ...c, exclusions: windows }))));
    fc.assert(fc.property(fc.array(item, { maxLength: 6 }), fc.array(windowArb, { minLength: 2, maxLength: 4 }), fc.integer({ min: 0, max: 16 }), (items, windows, q) => {
      const h = toHistory(items);
      const now = monday + q * 15 * MINUTE;
      expect(evaluate(h, withWindows([...windows].reverse()), now)).toEqual(evaluate(h, withWindows(windows), now));
    }), { numRuns: 40 });
  });

  it('never counts a recurring interval that lasted no time', () => {
    const cadence = policyOf(metric({
      key: 'update', name: 'Update', mode: 'recurring', goals, pause: [],
      start: [{ kind: 'inStatusCategory', categories: ['indeterminate'] }],
      stop: [{ kind: 'commentByAgent' }, { kind: 'statusCategoryEntered', categories: ['done'] }, { kind: 'priorityChanged' }],
    }));
    const crowded = fc.record({ minute: fc.integer({ min: 0, max: 3 }), what: item.map((i) => i.what), pick: fc.nat(3) });
    fc.assert(fc.property(fc.array(crowded, { maxLength: 12 }), fc.constantFrom(...statuses), (items, initial) => {
      const h = toHistory(items);
      const s = evaluate({ ...h, initial: { ...h.initial, status: initial } }, cadence, NOW);
      for (const c of s.metrics[0]?.cycles ?? []) if (c.met !== null) expect(c.stoppedAt).toBeGreaterThan(c.startedAt);
    }), { numRuns: 300 });
  });

  it('evaluates self-contradicting histories without throwing and reports each problem once', () => {
    const wild = fc.record({
      id: fc.constantFrom('a', 'b', 'c', 'd'),
      at: fc.oneof(fc.constant(Number.NaN), fc.integer({ min: -3 * 24 * 60, max: 4 * 24 * 60 }).map((m) => START + m * MINUTE)),
      field: fc.constantFrom('status', 'priority', 'resolution', 'labels', 'customfield_9'),
      to: fc.option(fc.constantFrom('1', '3', '5', '777', 'x y'), { nil: null }),
    });
    fc.assert(fc.property(fc.array(wild, { maxLength: 12 }), policyArb, (items, policy) => {
      const h = history({ created: '2026-03-06T06:00:00Z', changes: items.map((i) => ({ ...i, from: null })) });
      const s = evaluate(h, policy, NOW);
      const keys = s.problems.map((p) => `${p.code} ${p.ref ?? ''}`);
      expect(new Set(keys).size).toBe(keys.length);
    }), { numRuns: 200 });
  });
});
