import { evaluate } from '../../../src/core/evaluate';
import { summarizeCompliance } from '../../../src/core/compliance';
import type { MetricSpec } from '../../../src/core/policy/types';
import { at, change, comment, goal, history, HOUR, metric, MINUTE, policyOf, STATUS } from './builders';

const NOW = at('2026-03-02T12:00:00Z');

describe('evaluate: goals', () => {
  const byPriority = (mode: 'keepElapsed' | 'restart' | 'keepOriginal') => metric({
    onGoalChange: mode,
    goals: [goal({ id: 'high', name: 'High', match: { priorityIds: ['2'] }, target: { kind: 'minutes', minutes: 60 } }), goal({ id: 'rest', name: 'Rest' })],
  });
  const raised = history({ changes: [change('h1#0', '2026-03-02T10:00:00Z', 'priority', '3', '2')] });

  it('keeps elapsed time and switches to the new goal by default, breaching when the new goal is already used up', () => {
    const m = evaluate(raised, policyOf(byPriority('keepElapsed')), NOW).metrics[0];
    expect(m?.goal?.id).toBe('high');
    expect(m?.current?.elapsedMs).toBe(3 * HOUR);
    expect(m?.current?.breachedAt).toBe(at('2026-03-02T10:00:00Z'));
    expect(m?.state).toBe('breachedRunning');
  });

  it('opens a new cycle on a goal change when the metric restarts', () => {
    const m = evaluate(raised, policyOf(byPriority('restart')), at('2026-03-02T10:30:00Z')).metrics[0];
    expect(m?.cycles).toHaveLength(2);
    expect(m?.cycles[0]?.met).toBeNull();
    expect(m?.current?.startedAt).toBe(at('2026-03-02T10:00:00Z'));
    expect(m?.current?.remainingMs).toBe(30 * MINUTE);
  });

  it('keeps the goal chosen at the start when the goal is fixed at logging', () => {
    const m = evaluate(raised, policyOf(byPriority('keepOriginal')), NOW).metrics[0];
    expect(m?.goal?.id).toBe('rest');
    expect(m?.state).toBe('running');
  });

  it('is not applicable when no goal matches, and not started before its start condition', () => {
    const none = metric({ goals: [goal({ match: { priorityIds: ['1'] } })] });
    expect(evaluate(history(), policyOf(none), NOW).metrics[0]?.state).toBe('notApplicable');
    const later = metric({ start: [{ kind: 'statusEntered', statusIds: [STATUS.inProgress] }] });
    expect(evaluate(history(), policyOf(later), NOW).metrics[0]?.state).toBe('notStarted');
  });

  it('converts a business-day goal at the cycle start on the goal calendar', () => {
    const bd = metric({ goals: [goal({ target: { kind: 'businessDays', days: 1 }, calendar: { kind: 'fixed', calendarId: 'cet-9-17' } })] });
    const m = evaluate(history({ created: '2026-03-06T14:00:00Z' }), policyOf(bd), at('2026-03-06T15:00:00Z')).metrics[0];
    expect(m?.current?.goalMs).toBe(8 * HOUR);
    expect(m?.current?.dueAt).toBe(at('2026-03-09T14:00:00Z'));
  });

  it('reads the calendar from a field and falls back when the value is not mapped', () => {
    const regional = metric({ goals: [goal({ calendar: { kind: 'fromField', fieldId: 'customfield_1', map: { emea: 'cet-9-17' }, fallbackCalendarId: '24x7' } })] });
    const emea = history({ initial: { ...history().initial, customfield_1: 'emea' } });
    expect(evaluate(emea, policyOf(regional), NOW).metrics[0]?.calendarId).toBe('cet-9-17');
    const other = history({ initial: { ...history().initial, customfield_1: 'apac' } });
    expect(evaluate(other, policyOf(regional), NOW).metrics[0]?.calendarId).toBe('24x7');
  });
});

describe('evaluate: cycles', () => {
  const resolution = metric({
    key: 'resolution', name: 'Time to resolution', pause: [],
    start: [{ kind: 'issueCreated' }, { kind: 'resolutionCleared' }], stop: [{ kind: 'resolutionSet' }],
  });

  it('opens a second cycle when a resolved issue is reopened', () => {
    const changes = [
      change('h1#0', '2026-03-02T10:00:00Z', 'resolution', null, 'fixed'),
      change('h2#0', '2026-03-02T11:00:00Z', 'resolution', 'fixed', null),
    ];
    const m = evaluate(history({ changes }), policyOf(resolution), NOW).metrics[0];
    expect(m?.cycles.map((c) => [c.startedAt, c.stoppedAt, c.met])).toEqual([
      [at('2026-03-02T09:00:00Z'), at('2026-03-02T10:00:00Z'), true],
      [at('2026-03-02T11:00:00Z'), null, null],
    ]);
    expect(m?.current?.elapsedMs).toBe(HOUR);
  });

  it('closes at once a cycle whose start and stop happen on one step, such as an issue created already resolved', () => {
    const created = history({ initial: { ...history().initial, status: STATUS.done, resolution: 'fixed' } });
    const m = evaluate(created, policyOf(resolution), NOW).metrics[0];
    expect(m?.cycles.map((c) => [c.startedAt, c.stoppedAt, c.elapsedMs, c.met])).toEqual([[at('2026-03-02T09:00:00Z'), at('2026-03-02T09:00:00Z'), 0, true]]);
    expect(m?.state).toBe('met');
  });

  describe('a start on entering one of several statuses', () => {
    const opened = [STATUS.open, STATUS.inProgress];
    const answered = { comments: [comment('c1', '2026-03-02T10:00:00Z')], changes: [change('h1#0', '2026-03-02T11:00:00Z', 'status', STATUS.open, STATUS.inProgress)] };

    it('opens no second cycle when the issue moves between two of the listed statuses', () => {
      const entered = metric({ pause: [], start: [{ kind: 'statusEntered', statusIds: opened }] });
      const m = evaluate(history(answered), policyOf(entered), NOW).metrics[0];
      expect(m?.cycles.map((c) => [c.startedAt, c.stoppedAt, c.met])).toEqual([[at('2026-03-02T09:00:00Z'), at('2026-03-02T10:00:00Z'), true]]);
      expect(m?.state).toBe('met');
    });

    it('opens a new cycle on that move when each status is a start of its own', () => {
      const eachItsOwn = metric({ pause: [], start: opened.map((id) => ({ kind: 'statusEntered' as const, statusIds: [id] })) });
      const m = evaluate(history(answered), policyOf(eachItsOwn), NOW).metrics[0];
      expect(m?.cycles.map((c) => [c.startedAt, c.stoppedAt, c.met])).toEqual([
        [at('2026-03-02T09:00:00Z'), at('2026-03-02T10:00:00Z'), true],
        [at('2026-03-02T11:00:00Z'), null, null],
      ]);
      expect(m?.state).toBe('running');
    });

    it('opens no new cycle on a status change that ends in the status it began in', () => {
      const entered = metric({ pause: [], start: [{ kind: 'statusEntered', statusIds: [STATUS.open] }] });
      const changes = [
        change('h1#0', '2026-03-02T11:00:00Z', 'status', STATUS.open, STATUS.open),
        change('h2#0', '2026-03-02T11:30:00Z', 'status', STATUS.open, STATUS.resolvedDone),
        change('h2#1', '2026-03-02T11:30:00Z', 'status', STATUS.resolvedDone, STATUS.open),
      ];
      const m = evaluate(history({ comments: answered.comments, changes }), policyOf(entered), NOW).metrics[0];
      expect(m?.cycles).toHaveLength(1);
      expect(m?.state).toBe('met');
    });
  });

  it('starts the next status-update interval at each agent comment while work is in progress', () => {
    const cadence = metric({
      key: 'update', name: 'Update', mode: 'recurring', pause: [],
      start: [{ kind: 'inStatusCategory', categories: ['indeterminate'] }], stop: [{ kind: 'commentByAgent' }],
      goals: [goal({ target: { kind: 'minutes', minutes: 120 } })],
    });
    const h = history({
      changes: [change('h1#0', '2026-03-02T09:00:00Z', 'status', STATUS.open, STATUS.inProgress), change('h2#0', '2026-03-02T15:00:00Z', 'status', STATUS.inProgress, STATUS.done)],
      comments: [comment('c1', '2026-03-02T10:00:00Z'), comment('c2', '2026-03-02T13:00:00Z')],
    });
    const m = evaluate(h, policyOf(cadence), at('2026-03-02T16:00:00Z')).metrics[0];
    expect(m?.cycles.map((c) => c.met)).toEqual([true, false, false]);
    expect(m?.cycles.map((c) => c.stoppedAt)).toEqual([at('2026-03-02T10:00:00Z'), at('2026-03-02T13:00:00Z'), at('2026-03-02T15:00:00Z')]);
    expect(m?.state).toBe('breachedCompleted');
  });
});

describe('evaluate: track-only goals and ended cadences', () => {
  it('tracks elapsed time without a due instant or breach on a track-only goal, and shows it met when stopped', () => {
    const tracked = metric({ goals: [goal({ target: { kind: 'trackOnly' } })] });
    const running = evaluate(history(), policyOf(tracked), at('2026-03-03T12:00:00Z')).metrics[0];
    expect([running?.state, running?.current?.elapsedMs, running?.current?.dueAt, running?.nextCheckAt]).toEqual(['running', 27 * HOUR, null, null]);
    const stopped = evaluate(history({ comments: [comment('c1', '2026-03-02T10:00:00Z')] }), policyOf(tracked), NOW).metrics[0];
    expect([stopped?.state, stopped?.current?.met]).toEqual(['met', null]);
  });

  describe('a recurring interval that would end at the instant it opened', () => {
    const cadence = (stop: MetricSpec['stop']): MetricSpec => metric({
      key: 'update', name: 'Update', mode: 'recurring', pause: [],
      start: [{ kind: 'inStatusCategory', categories: ['indeterminate'] }], stop,
    });

    it('ends without a result when a stop and the loss of its start state come at that instant', () => {
      const changes = [change('h1#0', '2026-03-02T09:00:00Z', 'status', STATUS.inProgress, STATUS.done)];
      const doneAtCreation = history({ initial: { ...history().initial, status: STATUS.inProgress }, changes });
      const snapshot = evaluate(doneAtCreation, policyOf(cadence([{ kind: 'statusCategoryEntered', categories: ['done'] }])), NOW);
      const m = snapshot.metrics[0];
      expect(m?.cycles.map((c) => [c.startedAt, c.stoppedAt, c.elapsedMs, c.met])).toEqual([[at('2026-03-02T09:00:00Z'), at('2026-03-02T09:00:00Z'), 0, null]]);
      expect(summarizeCompliance([snapshot], { timeZone: 'UTC' })).toEqual([]);
    });

    it('keeps running when a stop comes with the change that opens it and its start state holds', () => {
      const raised = history({ changes: [change('h1#0', '2026-03-02T10:00:00Z', 'status', STATUS.open, STATUS.inProgress), change('h1#1', '2026-03-02T10:00:00Z', 'priority', '3', '2')] });
      const m = evaluate(raised, policyOf(cadence([{ kind: 'commentByAgent' }, { kind: 'priorityChanged' }])), NOW).metrics[0];
      expect(m?.cycles.map((c) => [c.startedAt, c.stoppedAt, c.met])).toEqual([[at('2026-03-02T10:00:00Z'), null, null]]);
      expect(m?.current?.elapsedMs).toBe(2 * HOUR);
    });
  });

  it('ends a recurring interval without a result when its start state ends before a breach', () => {
    const cadence = metric({
      key: 'update', name: 'Update', mode: 'recurring', pause: [],
      start: [{ kind: 'inStatusCategory', categories: ['indeterminate'] }], stop: [{ kind: 'commentByAgent' }],
    });
    const changes = [change('h1#0', '2026-03-02T09:30:00Z', 'status', STATUS.open, STATUS.inProgress), change('h2#0', '2026-03-02T10:00:00Z', 'status', STATUS.inProgress, STATUS.open)];
    const m = evaluate(history({ changes }), policyOf(cadence), NOW).metrics[0];
    expect(m?.cycles.map((c) => [c.startedAt, c.stoppedAt, c.met])).toEqual([[at('2026-03-02T09:30:00Z'), at('2026-03-02T10:00:00Z'), null]]);
  });
});
