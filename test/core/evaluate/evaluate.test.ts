import { evaluate } from '../../../src/core/evaluate';
import { at, change, comment, compile, goal, history, HOUR, metric, MINUTE, policyOf, policySpec, calendars, STATUS } from './builders';

const NOW = at('2026-03-02T12:00:00Z');

describe('evaluate: first response', () => {
  it('stops the response clock at the first public agent comment', () => {
    const s = evaluate(history({ comments: [comment('c1', '2026-03-02T10:30:00Z')] }), policyOf(metric()), NOW);
    const m = s.metrics[0];
    expect(m?.state).toBe('met');
    expect(m?.current?.stoppedAt).toBe(at('2026-03-02T10:30:00Z'));
    expect(m?.current?.elapsedMs).toBe(90 * MINUTE);
  });

  it('does not count internal notes, customer comments or the app\'s own comments as a response', () => {
    const comments = [
      comment('c1', '2026-03-02T09:30:00Z', 'agent', false),
      comment('c2', '2026-03-02T09:40:00Z', 'customer', true),
      comment('c3', '2026-03-02T09:50:00Z', 'app', true),
    ];
    const m = evaluate(history({ comments }), policyOf(metric()), NOW).metrics[0];
    expect(m?.state).toBe('running');
    expect(m?.current?.elapsedMs).toBe(3 * HOUR);
    expect(m?.current?.remainingMs).toBe(HOUR);
  });
});

describe('evaluate: breaches and warnings', () => {
  const warned = metric({ warnings: [{ kind: 'percent', percent: 50 }, { kind: 'beforeBreach', minutes: 30 }] });

  it('reports the breach instant and keeps the clock running after a breach', () => {
    const m = evaluate(history(), policyOf(metric()), at('2026-03-02T14:00:00Z')).metrics[0];
    expect(m?.state).toBe('breachedRunning');
    expect(m?.current?.breachedAt).toBe(at('2026-03-02T13:00:00Z'));
    expect(m?.current?.remainingMs).toBe(-HOUR);
    expect(m?.nextCheckAt).toBeNull();
  });

  it('counts a stop exactly at the due instant as a breach, because the remaining time reached zero', () => {
    const s = evaluate(history({ comments: [comment('c1', '2026-03-02T13:00:00Z')] }), policyOf(metric()), at('2026-03-02T14:00:00Z'));
    expect(s.metrics[0]?.state).toBe('breachedCompleted');
  });

  it('lists crossed warnings and sets nextCheckAt to the next warning, then to the breach', () => {
    const early = evaluate(history(), policyOf(warned), at('2026-03-02T10:00:00Z')).metrics[0];
    expect(early?.warningsCrossed).toEqual([]);
    expect(early?.nextCheckAt).toBe(at('2026-03-02T11:00:00Z'));
    const later = evaluate(history(), policyOf(warned), at('2026-03-02T12:45:00Z'));
    expect(later.metrics[0]?.warningsCrossed).toEqual([
      { threshold: '50%', at: at('2026-03-02T11:00:00Z') },
      { threshold: '30 min before breach', at: at('2026-03-02T12:30:00Z') },
    ]);
    expect(later.nextCheckAt).toBe(at('2026-03-02T13:00:00Z'));
  });

  it('has no next check while a condition pauses the clock', () => {
    const changes = [change('h1#0', '2026-03-02T10:00:00Z', 'status', STATUS.open, STATUS.waiting)];
    const m = evaluate(history({ changes }), policyOf(warned), NOW).metrics[0];
    expect(m?.state).toBe('paused');
    expect(m?.nextCheckAt).toBeNull();
    expect(m?.pauseReason).toEqual({ kind: 'condition', condition: 'inStatus', label: 'in status 10005' });
  });
});

describe('evaluate: pauses', () => {
  it('does not count time spent waiting for the customer', () => {
    const changes = [
      change('h1#0', '2026-03-02T10:00:00Z', 'status', STATUS.open, STATUS.waiting),
      change('h2#0', '2026-03-02T11:00:00Z', 'status', STATUS.waiting, STATUS.inProgress),
    ];
    const m = evaluate(history({ changes }), policyOf(metric()), NOW).metrics[0];
    expect(m?.current?.elapsedMs).toBe(2 * HOUR);
    expect(m?.current?.pauses).toEqual([{ from: at('2026-03-02T10:00:00Z'), to: at('2026-03-02T11:00:00Z'), condition: 'in status 10005' }]);
    expect(m?.current?.dueAt).toBe(at('2026-03-02T14:00:00Z'));
  });

  it('shows outside business hours as the pause reason, with the instant the clock resumes', () => {
    const onCet = metric({ goals: [goal({ calendar: { kind: 'fixed', calendarId: 'cet-9-17' } })] });
    const m = evaluate(history({ created: '2026-03-02T15:00:00Z' }), policyOf(onCet), at('2026-03-02T20:00:00Z')).metrics[0];
    expect(m?.state).toBe('paused');
    expect(m?.pauseReason).toEqual({ kind: 'outsideHours', resumesAt: at('2026-03-03T08:00:00Z') });
    expect(m?.current?.elapsedMs).toBe(HOUR);
    expect(m?.current?.dueAt).toBe(at('2026-03-03T11:00:00Z'));
  });

  it('prefers an exclusion window over outside hours as the reason, and a condition over both', () => {
    const [cet] = calendars(['cet-9-17']);
    const withMaintenance = { ...cet, exclusions: [{ start: '2026-03-02T10:00:00Z', end: '2026-03-02T12:00:00Z', reason: 'Upgrade' }] };
    const spec = policySpec([metric({ goals: [goal({ calendar: { kind: 'fixed', calendarId: 'cet-9-17' } })] })], [withMaintenance as NonNullable<typeof cet>]);
    const base = history({ created: '2026-03-02T09:00:00Z' });
    const excluded = evaluate(base, compile(spec), at('2026-03-02T11:00:00Z')).metrics[0];
    expect(excluded?.pauseReason).toEqual({ kind: 'exclusion', reason: 'Upgrade', until: at('2026-03-02T12:00:00Z') });
    expect(excluded?.current?.elapsedMs).toBe(HOUR);
    const waiting = { ...base, changes: [change('h1#0', '2026-03-02T09:30:00Z', 'status', STATUS.open, STATUS.waiting)] };
    expect(evaluate(waiting, compile(spec), at('2026-03-02T11:00:00Z')).metrics[0]?.pauseReason?.kind).toBe('condition');
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
