/**
 * The per-metric replay at its edges: cycles (cadence, reopening, same-instant events), goal and
 * calendar switches with exclusions, and a status update given with the transition that starts the
 * cadence. Expected values are worked out by hand, never taken from the engine.
 */
import { evaluate } from '../../../src/core/evaluate';
import { at, calendars, change, comment, compile, goal, history, HOUR, metric, policyOf, policySpec, STATUS } from './builders';
import { first, madrid, onCalendar, toWaiting } from './scenarios';

describe('cycles: cadence, reopening, same-instant events', () => {
  it('extends a status-update interval by the time spent waiting for the customer', () => {
    const cadence = metric({
      key: 'update', name: 'Update', mode: 'recurring', pause: [{ kind: 'inStatus', statusIds: [STATUS.waiting] }],
      start: [{ kind: 'inStatusCategory', categories: ['indeterminate'] }], stop: [{ kind: 'commentByAgent' }],
      goals: [goal({ target: { kind: 'minutes', minutes: 120 } })],
    });
    const changes = [
      change('h1#0', '2026-03-02T09:00:00Z', 'status', STATUS.open, STATUS.inProgress),
      change('h2#0', '2026-03-02T10:30:00Z', 'status', STATUS.inProgress, STATUS.waiting),
      change('h3#0', '2026-03-02T11:30:00Z', 'status', STATUS.waiting, STATUS.inProgress),
    ];
    const m = first(evaluate(history({ changes, comments: [comment('c1', '2026-03-02T10:00:00Z')] }), policyOf(cadence), at('2026-03-02T12:00:00Z')).metrics);
    expect(m?.cycles.map((c) => [c.startedAt, c.stoppedAt, c.met])).toEqual([
      [at('2026-03-02T09:00:00Z'), at('2026-03-02T10:00:00Z'), true],
      [at('2026-03-02T10:00:00Z'), null, null],
    ]);
    expect(m?.current?.elapsedMs).toBe(HOUR);
    expect(m?.current?.dueAt).toBe(at('2026-03-02T13:00:00Z'));
    expect(m?.nextCheckAt).toBe(at('2026-03-02T13:00:00Z'));
  });

  it('opens a fresh cycle with the full goal when a resolved issue is reopened', () => {
    const resolution = metric({ key: 'resolution', name: 'Resolution', start: [{ kind: 'issueCreated' }, { kind: 'resolutionCleared' }], stop: [{ kind: 'resolutionSet' }] });
    const changes = [change('h1#0', '2026-03-02T10:00:00Z', 'resolution', null, '1'), change('h2#0', '2026-03-02T11:00:00Z', 'resolution', '1', null)];
    const m = first(evaluate(history({ changes }), policyOf(resolution), at('2026-03-02T12:00:00Z')).metrics);
    expect(m?.cycles.map((c) => [c.startedAt, c.stoppedAt, c.met, c.elapsedMs])).toEqual([
      [at('2026-03-02T09:00:00Z'), at('2026-03-02T10:00:00Z'), true, HOUR],
      [at('2026-03-02T11:00:00Z'), null, null, HOUR],
    ]);
    expect(m?.current?.dueAt).toBe(at('2026-03-02T15:00:00Z'));
  });

  it('applies a status change before a comment at the same instant, and drops the zero-length pause', () => {
    const changes = [toWaiting('h1#0', at('2026-03-02T10:00:00Z'))];
    const m = first(evaluate(history({ changes, comments: [comment('c1', '2026-03-02T10:00:00Z')] }), policyOf(metric()), at('2026-03-02T12:00:00Z')).metrics);
    expect(m?.state).toBe('met');
    expect(m?.current?.stoppedAt).toBe(at('2026-03-02T10:00:00Z'));
    expect(m?.current?.elapsedMs).toBe(HOUR);
    expect(m?.current?.pauses).toEqual([]);
  });

  it('ignores a stop dated after now and keeps the clock running', () => {
    const m = first(evaluate(history({ comments: [comment('c1', '2026-03-02T12:00:00.001Z')] }), policyOf(metric()), at('2026-03-02T12:00:00Z')).metrics);
    expect(m?.state).toBe('running');
    expect(m?.current?.elapsedMs).toBe(3 * HOUR);
    expect(m?.nextCheckAt).toBe(at('2026-03-02T13:00:00Z'));
  });
});

describe('goal and calendar switches, exclusions', () => {
  it('converts a business-day goal taken on mid-cycle at the cycle start on its own calendar and keeps the hours already counted around the clock', () => {
    const mixed = metric({
      pause: [],
      goals: [
        goal({ id: 'high', name: 'High', match: { priorityIds: ['2'] }, target: { kind: 'businessDays', days: 1 }, calendar: { kind: 'fixed', calendarId: 'madrid-deiser' } }),
        goal({ id: 'rest', name: 'Rest' }),
      ],
    });
    const changes = [change('h1#0', '2026-03-03T10:00:00Z', 'priority', '3', '2')];
    const policy = compile(policySpec([mixed], calendars(['24x7', 'madrid-deiser'])));
    const m = first(evaluate(history({ created: '2026-03-03T09:00:00Z', changes }), policy, madrid('2026-03-03T20:00')).metrics);
    expect(m?.current?.goalMs).toBe(11 * HOUR);
    expect(m?.current?.elapsedMs).toBe(HOUR + 8 * HOUR);
    expect(m?.current?.dueAt).toBe(madrid('2026-03-04T10:00'));
    expect(m?.pauseReason).toEqual({ kind: 'outsideHours', resumesAt: madrid('2026-03-04T08:00') });
  });

  it("names a follow-the-sun member's maintenance window as the pause reason, with its end", () => {
    const fts = calendars(['follow-the-sun-24x5'])[0];
    if (fts?.kind !== 'union') throw new Error('follow-the-sun is a union');
    const la = fts.members[1];
    if (la) la.exclusions = [{ start: '2026-03-05T16:00:00Z', end: '2026-03-06T02:00:00Z', reason: 'LA maintenance' }];
    const h = history({ created: '2026-03-05T15:00:00Z' });
    const m = first(evaluate(h, compile(policySpec([onCalendar('follow-the-sun-24x5')], [fts])), at('2026-03-05T18:00:00Z')).metrics);
    expect(m?.current?.elapsedMs).toBe(HOUR);
    expect(m?.pauseReason).toEqual({ kind: 'exclusion', reason: 'LA maintenance', until: at('2026-03-06T02:00:00Z') });
    expect(m?.state).toBe('paused');
  });
});

describe('a status update given with the transition that starts the cadence', () => {
  const cadence = metric({
    key: 'update', name: 'Update', mode: 'recurring', pause: [],
    start: [{ kind: 'inStatusCategory', categories: ['indeterminate'] }], stop: [{ kind: 'commentByAgent' }],
    goals: [goal({ target: { kind: 'minutes', minutes: 120 } })],
  });

  it('records no zero-length interval when an agent comments at the instant work starts', () => {
    const changes = [change('h1#0', '2026-03-02T10:00:00Z', 'status', STATUS.open, STATUS.inProgress)];
    const comments = [comment('c1', '2026-03-02T10:00:00Z'), comment('c2', '2026-03-02T11:00:00Z')];
    const m = first(evaluate(history({ changes, comments }), policyOf(cadence), at('2026-03-02T11:30:00Z')).metrics);
    expect(m?.cycles.map((c) => [c.startedAt, c.stoppedAt, c.met])).toEqual([
      [at('2026-03-02T10:00:00Z'), at('2026-03-02T11:00:00Z'), true],
      [at('2026-03-02T11:00:00Z'), null, null],
    ]);
    expect(m?.current?.dueAt).toBe(at('2026-03-02T13:00:00Z'));
  });
});
