/**
 * More adversarial edge cases of evaluate(): same-instant ordering, warnings across goal changes,
 * duplicates dated after now, and `now` before creation. Expected values are worked out by hand on
 * the 24x7 calendar (elapsed time = wall-clock time), never taken from the engine.
 */
import { evaluate } from '../../../src/core/evaluate';
import type { FieldChange, IssueHistory } from '../../../src/core/evaluate/types';
import type { MetricSpec, WarningThreshold } from '../../../src/core/policy/types';
import { at, change, comment, goal, history, HOUR, metric, policyOf, STATUS } from './builders';

const status = (id: string, to: string): FieldChange => change(id, '2026-03-02T10:00:00Z', 'status', null, to);
const ELEVEN = at('2026-03-02T11:00:00Z');

describe('same-instant history ordering', () => {
  // Created 09:00, 4 h goal, paused while waiting; at 10:00 two changes share one instant.
  it('orders "10231#10" before "10232#0": history id first, then item index, both numerically', () => {
    const changes = [status('10231#10', STATUS.waiting), status('10232#0', STATUS.inProgress)];
    for (const order of [changes, [...changes].reverse()]) {
      const m = evaluate(history({ changes: order }), policyOf(metric()), ELEVEN).metrics[0];
      expect(m?.state).toBe('running');
      expect(m?.current?.elapsedMs).toBe(2 * HOUR);
      expect(m?.current?.pauses).toEqual([]);
    }
  });

  it('puts numeric ids before non-numeric ones, whatever the input order', () => {
    // 9#5 (in progress), then 10232#0 (open), then x#1 (waiting): waiting from 10:00.
    const x = status('x#1', STATUS.waiting);
    const open = status('10232#0', STATUS.open);
    const nine = status('9#5', STATUS.inProgress);
    for (const order of [[x, open, nine], [nine, open, x], [open, x, nine]]) {
      const m = evaluate(history({ changes: order }), policyOf(metric()), ELEVEN).metrics[0];
      expect(m?.state).toBe('paused');
      expect(m?.current?.elapsedMs).toBe(HOUR);
    }
  });
});

describe('warnings across a keepElapsed goal change', () => {
  // High (priority 2): 60 min; the rest: 240 min; 24x7, created 09:00.
  const byPriority = (warnings: WarningThreshold[]): MetricSpec => metric({
    onGoalChange: 'keepElapsed', warnings,
    goals: [goal({ id: 'high', name: 'High', match: { priorityIds: ['2'] }, target: { kind: 'minutes', minutes: 60 } }), goal({ id: 'rest', name: 'Rest' })],
  });
  const priority = (initial: string, iso: string, to: string): IssueHistory =>
    history({ initial: { ...history().initial, priority: initial }, changes: [change('h1#0', iso, 'priority', initial, to)] });
  const half: WarningThreshold[] = [{ kind: 'percent', percent: 50 }];

  it('drops a warning crossed under the old goal and schedules it under the new one', () => {
    // 50% of 60 min crossed at 09:30; at 09:45 the goal grows to 240 min: 50% = 120 min, reached at 11:00.
    const h = priority('2', '2026-03-02T09:45:00Z', '3');
    const m = evaluate(h, policyOf(byPriority(half)), at('2026-03-02T10:00:00Z')).metrics[0];
    expect(m?.goal?.id).toBe('rest');
    expect(m?.warningsCrossed).toEqual([]);
    expect(m?.nextCheckAt).toBe(ELEVEN);
    expect(m?.current?.dueAt).toBe(at('2026-03-02T13:00:00Z'));
    const later = evaluate(h, policyOf(byPriority(half)), at('2026-03-02T11:30:00Z')).metrics[0];
    expect(later?.warningsCrossed).toEqual([{ threshold: '50%', at: ELEVEN }]);
    expect(later?.nextCheckAt).toBe(at('2026-03-02T13:00:00Z'));
  });

  it('records at the change instant a warning the new goal has already passed', () => {
    // 240 min -> 60 min at 09:45 (45 min elapsed): 50% (30 min) and 75% (45 min) are both passed then.
    const warnings: WarningThreshold[] = [...half, { kind: 'percent', percent: 75 }];
    const m = evaluate(priority('3', '2026-03-02T09:45:00Z', '2'), policyOf(byPriority(warnings)), at('2026-03-02T09:50:00Z')).metrics[0];
    const change = at('2026-03-02T09:45:00Z');
    expect(m?.warningsCrossed).toEqual([{ threshold: '50%', at: change }, { threshold: '75%', at: change }]);
    expect(m?.nextCheckAt).toBe(at('2026-03-02T10:00:00Z'));
  });

  it('keeps the original instant of a warning crossed under both goals', () => {
    // 10% of 240 min = 24 min, crossed at 09:24; at 09:45 the goal shrinks to 60 min: 10% = 6 min, still crossed.
    const m = evaluate(priority('3', '2026-03-02T09:45:00Z', '2'), policyOf(byPriority([{ kind: 'percent', percent: 10 }])), at('2026-03-02T09:50:00Z')).metrics[0];
    expect(m?.warningsCrossed).toEqual([{ threshold: '10%', at: at('2026-03-02T09:24:00Z') }]);
    expect(m?.nextCheckAt).toBe(at('2026-03-02T10:00:00Z'));
  });

  it('keeps the warnings as they were at the breach when the goal grows after it', () => {
    // 60 min goal breached at 10:00 (50% at 09:30); at 10:30 the goal grows to 240 min: the breach stands.
    const m = evaluate(priority('2', '2026-03-02T10:30:00Z', '3'), policyOf(byPriority(half)), at('2026-03-02T10:45:00Z')).metrics[0];
    expect(m?.state).toBe('breachedRunning');
    expect(m?.current?.breachedAt).toBe(at('2026-03-02T10:00:00Z'));
    expect(m?.warningsCrossed).toEqual([{ threshold: '50%', at: at('2026-03-02T09:30:00Z') }]);
    expect(m?.nextCheckAt).toBeNull();
  });

  it('keeps the warnings as they were at the breach when the goal grows exactly at the breach instant', () => {
    const m = evaluate(priority('2', '2026-03-02T10:00:00Z', '3'), policyOf(byPriority(half)), at('2026-03-02T10:30:00Z')).metrics[0];
    expect(m?.current?.breachedAt).toBe(at('2026-03-02T10:00:00Z'));
    expect(m?.warningsCrossed).toEqual([{ threshold: '50%', at: at('2026-03-02T09:30:00Z') }]);
  });
});

describe('duplicates dated after now', () => {
  // 2001-09-09T01:46:40Z is epoch 1e12: the later copy has one digit more, so its canonical JSON is the
  // smaller one and would win a dedupe run before items after now are dropped.
  const created = '2001-09-09T00:00:00Z';
  const now = at('2001-09-09T01:30:00Z');

  it('keeps the past copy of a change when a conflicting copy is dated after now', () => {
    const changes = [change('h1#0', '2001-09-09T01:00:00Z', 'status', STATUS.open, STATUS.waiting), change('h1#0', '2001-09-09T02:00:00Z', 'status', STATUS.open, STATUS.done)];
    const s = evaluate(history({ created, changes }), policyOf(metric()), now);
    expect(s.metrics[0]?.state).toBe('paused');
    expect(s.metrics[0]?.current?.elapsedMs).toBe(HOUR);
    expect(s.problems).toEqual([]);
  });

  it('keeps the past copy of a comment when a conflicting copy is dated after now', () => {
    const comments = [comment('c1', '2001-09-09T01:00:00Z', 'agent'), comment('c1', '2001-09-09T02:00:00Z', 'customer')];
    const s = evaluate(history({ created, comments }), policyOf(metric()), now);
    expect(s.metrics[0]?.state).toBe('met');
    expect(s.metrics[0]?.current?.stoppedAt).toBe(at('2001-09-09T01:00:00Z'));
    expect(s.problems).toEqual([]);
  });
});

describe('now before the issue was created', () => {
  it('reports every metric not started, with the next check at the creation instant', () => {
    const other = metric({ key: 'high', name: 'High only', goals: [goal({ match: { priorityIds: ['2'] } })] });
    const s = evaluate(history(), policyOf(metric(), other), at('2026-03-02T08:00:00Z'));
    const created = at('2026-03-02T09:00:00Z');
    expect(s.metrics.map((m) => [m.state, m.current, m.cycles.length, m.nextCheckAt])).toEqual([
      ['notStarted', null, 0, created],
      ['notStarted', null, 0, created],
    ]);
    expect(s.nextCheckAt).toBe(created);
    expect(s.problems).toEqual([]);
  });
});
