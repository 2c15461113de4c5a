/**
 * Business time elapsed over a cycle's segments: pauses that begin or end outside business hours,
 * a minute-stepping reference, and warnings across a keepElapsed goal change. Expected values are
 * worked out by hand, never taken from the engine.
 */
import { evaluate } from '../../../src/core/evaluate';
import type { IssueHistory } from '../../../src/core/evaluate/types';
import type { MetricSpec, WarningThreshold } from '../../../src/core/policy/types';
import { DateTime } from 'luxon';
import { at, calendars, change, compile, goal, history, HOUR, metric, MINUTE, policyOf, policySpec } from './builders';
import { ELEVEN, first, onCalendar, paris, toOpen, toWaiting } from './scenarios';

describe('pauses that begin or end outside business hours', () => {
  // Monday 16:00 Paris, 4 h goal on Mon–Fri 09–17 Paris; waiting from 18:00 Monday to 10:00 Tuesday.
  const changes = [toWaiting('h1#0', paris('2026-03-02T18:00')), toOpen('h2#0', paris('2026-03-03T10:00'))];
  const h = history({ created: '2026-03-02T15:00:00Z', changes });
  const policy = compile(policySpec([onCalendar('cet-9-17')]));

  it('counts only open hours outside the pause: one hour on Monday, then from 10:00 on Tuesday', () => {
    const m = first(evaluate(h, policy, paris('2026-03-03T12:00')).metrics);
    expect(m?.current?.elapsedMs).toBe(3 * HOUR);
    expect(m?.current?.dueAt).toBe(paris('2026-03-03T13:00'));
    expect(m?.nextCheckAt).toBe(paris('2026-03-03T13:00'));
    expect(m?.current?.pauses).toEqual([{ from: paris('2026-03-02T18:00'), to: paris('2026-03-03T10:00'), condition: 'in status 10005' }]);
  });

  it('reports the condition, not outside hours, when a condition pause covers open time, with no due instant or next check', () => {
    const m = first(evaluate(h, policy, paris('2026-03-03T09:30')).metrics);
    expect(m?.state).toBe('paused');
    expect(m?.pauseReason?.kind).toBe('condition');
    expect(m?.current?.elapsedMs).toBe(HOUR);
    expect(m?.current?.dueAt).toBeNull();
    expect(m?.nextCheckAt).toBeNull();
  });

  it('still schedules the next warning while the clock waits for opening hours', () => {
    const warned = compile(policySpec([onCalendar('cet-9-17', { warnings: [{ kind: 'percent', percent: 50 }, { kind: 'percent', percent: 75 }] })]));
    const m = first(evaluate(history({ created: '2026-03-02T15:00:00Z' }), warned, paris('2026-03-02T18:00')).metrics);
    expect(m?.pauseReason).toEqual({ kind: 'outsideHours', resumesAt: paris('2026-03-03T09:00') });
    expect(m?.nextCheckAt).toBe(paris('2026-03-03T10:00'));
    expect((m?.current?.elapsedMs ?? Number.NaN) + (m?.current?.remainingMs ?? Number.NaN)).toBe(4 * HOUR);
  });
});

describe('against a minute-stepping reference', () => {
  // Mon–Fri 09–17 Europe/Paris, minute by minute with luxon, from Thursday 26 March 2026 (DST on Sunday 29).
  const BASE = at('2026-03-26T00:00:00Z');
  const SPAN = 24 * 24 * 60;
  const open = Array.from({ length: SPAN }, (_, i) => {
    const t = DateTime.fromMillis(BASE + i * MINUTE, { zone: 'Europe/Paris' });
    return t.weekday <= 5 && t.hour >= 9 && t.hour < 17;
  });
  const policy = compile(policySpec([onCalendar('cet-9-17')], calendars(['cet-9-17'])));

  /** Elapsed minutes at `now`, and the minute after which 240 minutes have counted (status frozen after now). */
  function reference(created: number, flips: number[], now: number): { elapsed: number; due: number | null; waiting: boolean } {
    const waitingAt = (m: number): boolean => flips.filter((f) => f <= Math.min(m, now)).length % 2 === 1;
    const counts = (m: number): boolean => open[m] === true && !waitingAt(m);
    let elapsed = 0;
    for (let m = created; m < now; m++) if (counts(m)) elapsed++;
    let total = 0;
    for (let m = created; m < SPAN; m++) {
      if (counts(m)) total++;
      if (total === 240) return { elapsed, due: m + 1, waiting: waitingAt(now) };
    }
    return { elapsed, due: null, waiting: waitingAt(now) };
  }

  it('agrees on elapsed time, due instant and breach for random waiting periods across the DST weekend', () => {
    const kinds = new Set<string>();
    for (let seed = 1; seed <= 60; seed++) {
      let x = seed * 2654435761 % 4294967296;
      const rand = (n: number): number => { x = (x * 1664525 + 1013904223) % 4294967296; return Math.floor((x / 4294967296) * n); };
      const created = rand(6 * 24 * 60);
      const flips = Array.from({ length: rand(6) }, () => created + rand(6 * 24 * 60)).sort((a, b) => a - b).filter((f, i, all) => f !== all[i - 1] && f !== created);
      const now = created + 1 + rand(8 * 24 * 60);
      const changes = flips.filter((f) => f <= now).map((f, i) => (i % 2 === 0 ? toWaiting(`h${i}#0`, BASE + f * MINUTE) : toOpen(`h${i}#0`, BASE + f * MINUTE)));
      const m = first(evaluate(history({ created: new Date(BASE + created * MINUTE).toISOString(), changes }), policy, BASE + now * MINUTE).metrics);
      const ref = reference(created, flips.filter((f) => f <= now), now);
      const breached = ref.due !== null && ref.due <= now;
      expect([seed, m?.current?.elapsedMs]).toEqual([seed, ref.elapsed * MINUTE]);
      expect([seed, m?.current?.breachedAt]).toEqual([seed, breached ? BASE + (ref.due ?? 0) * MINUTE : null]);
      const expectedDue = breached ? BASE + (ref.due ?? 0) * MINUTE : ref.waiting || ref.due === null ? null : BASE + ref.due * MINUTE;
      expect([seed, m?.current?.dueAt]).toEqual([seed, expectedDue]);
      kinds.add(breached ? 'breached' : ref.waiting ? 'waiting' : 'running');
    }
    expect([...kinds].sort()).toEqual(['breached', 'running', 'waiting']);
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
