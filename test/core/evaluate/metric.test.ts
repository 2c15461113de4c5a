/**
 * One metric's snapshot at its edges: goal changes near a breach, business-day and track-only goals,
 * the next check, the goal as people read it, and the pause reason. Expected values are worked out
 * by hand (instants from luxon wall readings), never taken from the engine.
 */
import { evaluate } from '../../../src/core/evaluate';
import type { MetricSnapshot } from '../../../src/core/evaluate/types';
import type { MetricSpec } from '../../../src/core/policy/types';
import { at, calendars, change, comment, compile, goal, history, HOUR, metric, MINUTE, policyOf, policySpec } from './builders';
import { byPriority, first, madrid, onCalendar, paris, toOpen, toWaiting } from './scenarios';

describe('goal changes at the edge of a breach', () => {
  const atTen = [change('h1#0', '2026-03-02T10:00:00Z', 'priority', '2', '3')];
  const createdHigh = (changes = atTen) => history({ changes, initial: { ...history().initial, priority: '2' } });

  it('records the breach when the goal grows exactly at the breach instant, as a stop at that instant would', () => {
    const m = first(evaluate(createdHigh(), policyOf(byPriority('keepElapsed')), at('2026-03-02T11:00:00Z')).metrics);
    expect(m?.goal?.id).toBe('rest');
    expect(m?.current?.breachedAt).toBe(at('2026-03-02T10:00:00Z'));
    expect(m?.state).toBe('breachedRunning');
    expect(m?.current?.remainingMs).toBe(2 * HOUR);
  });

  it('counts a restarted cycle as breached when the goal changes exactly at its breach instant', () => {
    const m = first(evaluate(createdHigh(), policyOf(byPriority('restart')), at('2026-03-02T11:00:00Z')).metrics);
    expect(m?.cycles.map((c) => [c.startedAt, c.stoppedAt, c.met, c.goalId])).toEqual([
      [at('2026-03-02T09:00:00Z'), at('2026-03-02T10:00:00Z'), false, 'high'],
      [at('2026-03-02T10:00:00Z'), null, null, 'rest'],
    ]);
    expect(m?.state).toBe('running');
    expect(m?.current?.dueAt).toBe(at('2026-03-02T14:00:00Z'));
  });

  it('opens one cycle per goal change when restarting several times, each counted only if it breached', () => {
    const changes = [
      change('h1#0', '2026-03-02T09:30:00Z', 'priority', '3', '2'),
      change('h2#0', '2026-03-02T10:00:00Z', 'priority', '2', '3'),
      change('h3#0', '2026-03-02T10:15:00Z', 'priority', '3', '2'),
      change('h4#0', '2026-03-02T11:30:00Z', 'priority', '2', '4'),
      change('h5#0', '2026-03-02T11:45:00Z', 'priority', '4', '3'),
    ];
    const m = first(evaluate(history({ changes }), policyOf(byPriority('restart')), at('2026-03-02T12:00:00Z')).metrics);
    expect(m?.cycles.map((c) => [c.startedAt, c.met, c.goalId, c.breachedAt])).toEqual([
      [at('2026-03-02T09:00:00Z'), null, 'rest', null],
      [at('2026-03-02T09:30:00Z'), null, 'high', null],
      [at('2026-03-02T10:00:00Z'), null, 'rest', null],
      [at('2026-03-02T10:15:00Z'), false, 'high', at('2026-03-02T11:15:00Z')],
      [at('2026-03-02T11:30:00Z'), null, 'rest', null],
    ]);
    expect(m?.current?.elapsedMs).toBe(30 * MINUTE);
  });

  it('reports a warning and the breach at the moment the goal shrinks while a condition pauses the clock', () => {
    const changes = [
      { ...toWaiting('h1#0', at('2026-03-02T10:30:00Z')) },
      change('h2#0', '2026-03-02T11:00:00Z', 'priority', '3', '2'),
    ];
    const warned = byPriority('keepElapsed', { warnings: [{ kind: 'percent', percent: 50 }] });
    const m = first(evaluate(history({ changes }), policyOf(warned), at('2026-03-02T12:00:00Z')).metrics);
    expect(m?.current?.elapsedMs).toBe(90 * MINUTE);
    expect(m?.current?.breachedAt).toBe(at('2026-03-02T11:00:00Z'));
    expect(m?.warningsCrossed).toEqual([{ threshold: '50%', at: at('2026-03-02T11:00:00Z') }]);
    expect(m?.state).toBe('breachedRunning');
    expect(m?.pauseReason?.kind).toBe('condition');
    expect(m?.nextCheckAt).toBeNull();
  });
});

describe('business-day and track-only goals', () => {
  it('pushes a business-day due instant back by the time paused, on the Madrid Friday-short calendar', () => {
    const bd = metric({ goals: [goal({ target: { kind: 'businessDays', days: 1 }, calendar: { kind: 'fixed', calendarId: 'madrid-deiser' } })] });
    const changes = [toWaiting('h1#0', madrid('2026-03-03T12:00')), toOpen('h2#0', madrid('2026-03-04T12:00'))];
    const h = history({ created: '2026-03-03T09:00:00Z', changes });
    const m = first(evaluate(h, compile(policySpec([bd], calendars(['madrid-deiser']))), madrid('2026-03-04T13:00')).metrics);
    expect(m?.current?.goalMs).toBe(11 * HOUR);
    expect(m?.current?.elapsedMs).toBe(3 * HOUR);
    expect(m?.current?.dueAt).toBe(madrid('2026-03-05T10:00'));
  });

  it('converts one business day started on a short Friday afternoon into the time left on Friday plus Monday up to the same time', () => {
    const bd = metric({ goals: [goal({ target: { kind: 'businessDays', days: 1 }, calendar: { kind: 'fixed', calendarId: 'madrid-deiser' } })] });
    const h = history({ created: '2026-03-06T13:00:00Z' });
    const m = first(evaluate(h, compile(policySpec([bd], calendars(['madrid-deiser']))), madrid('2026-03-06T14:30')).metrics);
    expect(m?.current?.goalMs).toBe(HOUR + 6 * HOUR);
    expect(m?.current?.dueAt).toBe(madrid('2026-03-09T14:00'));
  });

  it('makes one business day on a Paris 24x7 calendar end at the same wall time the next day, also from the DST Sunday', () => {
    const parisAlways = { schemaVersion: 1 as const, kind: 'always' as const, id: 'paris', name: 'Paris 24x7', timeZone: 'Europe/Paris' };
    const bd = metric({ goals: [goal({ target: { kind: 'businessDays', days: 1 }, calendar: { kind: 'fixed', calendarId: 'paris' } })] });
    const h = history({ created: new Date(paris('2026-03-29T10:00')).toISOString() });
    const m = first(evaluate(h, compile(policySpec([bd], [parisAlways])), paris('2026-03-29T12:00')).metrics);
    expect(m?.current?.goalMs).toBe(24 * HOUR);
    expect(m?.current?.dueAt).toBe(paris('2026-03-30T10:00'));
  });

  it('never schedules a check or a breach for a track-only goal, running or stopped', () => {
    const track = metric({ goals: [goal({ target: { kind: 'trackOnly' } })], warnings: [{ kind: 'percent', percent: 50 }] });
    const running = first(evaluate(history(), policyOf(track), at('2026-03-10T12:00:00Z')).metrics);
    expect([running?.state, running?.current?.dueAt, running?.current?.remainingMs, running?.nextCheckAt, running?.warningsCrossed]).toEqual(['running', null, null, null, []]);
    expect(running?.current?.elapsedMs).toBe(8 * 24 * HOUR + 3 * HOUR);
    const stopped = first(evaluate(history({ comments: [comment('c1', '2026-03-09T09:00:00Z')] }), policyOf(track), at('2026-03-10T12:00:00Z')).metrics);
    expect([stopped?.state, stopped?.current?.met, stopped?.current?.breachedAt]).toEqual(['met', null, null]);
  });

  it('counts time before any goal applied as business time of the goal that then applies, not wall-clock time', () => {
    const onlyHigh = metric({ goals: [goal({ id: 'high', name: 'High', match: { priorityIds: ['2'] }, target: { kind: 'minutes', minutes: 60 }, calendar: { kind: 'fixed', calendarId: 'cet-9-17' } })] });
    // Friday 18:00 Paris (closed) with no goal; raised to High on Monday 09:00 Paris.
    const changes = [change('h1#0', '2026-03-09T08:00:00Z', 'priority', '3', '2')];
    const m = first(evaluate(history({ created: '2026-03-06T17:00:00Z', changes }), policyOf(onlyHigh), paris('2026-03-09T09:30')).metrics);
    expect(m?.current?.elapsedMs).toBe(30 * MINUTE);
    expect(m?.current?.breachedAt).toBeNull();
    expect(m?.current?.dueAt).toBe(paris('2026-03-09T10:00'));
  });
});

describe('nextCheckAt is the instant something changes', () => {
  const warned = (id: string): MetricSpec => onCalendar(id, { warnings: [{ kind: 'percent', percent: 50 }, { kind: 'beforeBreach', minutes: 30 }] });
  const summary = (m: MetricSnapshot | undefined) => [m?.warningsCrossed.length, m?.current?.breachedAt !== null];

  it.each([
    ['cet-9-17', '2026-03-27T14:00:00Z', []],
    ['cet-9-17', '2026-03-27T14:00:00Z', [['2026-03-27T15:00:00Z', '2026-03-30T08:30:00Z']]],
    ['cet-extended-7-19', '2026-10-24T17:00:00Z', [['2026-10-24T17:10:00Z', '2026-10-25T07:00:00Z']]],
    ['24x7', '2026-12-31T22:00:00Z', [['2026-12-31T23:00:00Z', '2027-01-01T00:30:00Z']]],
  ])('on %s from %s with pauses %j, moves from one check to the next until the breach, each one changing the snapshot', (calendarId, created, pauses) => {
    const changes = (pauses as string[][]).flatMap(([from, to], i) => [toWaiting(`h${i}#0`, at(from ?? '')), toOpen(`h${i}#1`, at(to ?? ''))]);
    const policy = compile(policySpec([warned(calendarId)], calendars([calendarId])));
    const h = history({ created, changes });
    // nextCheckAt assumes no new event, so start checking after the last one.
    let now = Math.max(at(created), ...changes.map((c) => c.at)) + MINUTE;
    const seen: number[] = [];
    for (let k = 0; k < 3; k++) {
      const before = first(evaluate(h, policy, now).metrics);
      const check = before?.nextCheckAt ?? null;
      expect(check).not.toBeNull();
      const next = check ?? 0;
      expect(next).toBeGreaterThan(now);
      seen.push(next);
      expect(summary(first(evaluate(h, policy, next - 1).metrics))).toEqual(summary(before));
      expect(summary(first(evaluate(h, policy, next).metrics))).not.toEqual(summary(before));
      now = Math.max(now, next);
    }
    const done = first(evaluate(h, policy, now).metrics);
    expect(done?.state).toBe('breachedRunning');
    expect(done?.nextCheckAt).toBeNull();
    expect(seen[2]).toBe(done?.current?.breachedAt);
    expect(done?.current?.elapsedMs).toBe(4 * HOUR);
  });
});

describe('the goal as people read it', () => {
  it('shows a fractional-minute target rounded to whole minutes, never as "1 h 60 min"', () => {
    const odd = metric({ goals: [goal({ target: { kind: 'minutes', minutes: 119.6 } })] });
    const m = first(evaluate(history(), policyOf(odd), at('2026-03-02T09:30:00Z')).metrics);
    expect(m?.goal?.target).toBe('2 h');
    expect(m?.current?.goalMs).toBe(119.6 * MINUTE);
  });
});

describe('exclusion windows as the pause reason', () => {
  const mondays = (id: string, from: string, to: string, exclusions: Array<[string, string, string]> = []) => ({
    schemaVersion: 1 as const, kind: 'weekly' as const, id, name: id, timeZone: 'UTC', week: { mon: [{ start: from, end: to }] },
    exclusions: exclusions.map(([start, end, reason]) => ({ start, end, reason })),
  });
  const maintenance = (windows: Array<[string, string, string]>) => compile(policySpec([onCalendar('utc')], [mondays('utc', '09:00', '17:00', windows)]));
  const reasonAt = (policy: ReturnType<typeof compile>, iso: string) => first(evaluate(history(), policy, at(iso)).metrics)?.pauseReason;

  it('follows overlapping and touching exclusion windows to the instant the calendar is no longer closed by them', () => {
    const policy = maintenance([
      ['2026-03-02T10:00:00Z', '2026-03-02T12:00:00Z', 'deploy'],
      ['2026-03-02T11:00:00Z', '2026-03-02T13:00:00Z', 'deploy overrun'],
      ['2026-03-02T13:00:00Z', '2026-03-02T14:00:00Z', 'database'],
    ]);
    const m = first(evaluate(history(), policy, at('2026-03-02T10:30:00Z')).metrics);
    expect(m?.pauseReason).toEqual({ kind: 'exclusion', reason: 'deploy', until: at('2026-03-02T14:00:00Z') });
    expect(m?.current?.dueAt).toBe(at('2026-03-02T17:00:00Z'));
  });

  it('ends the exclusion at closing time when the windows run past it, and gives outside hours from then on', () => {
    const policy = maintenance([['2026-03-02T16:00:00Z', '2026-03-02T17:30:00Z', 'late deploy'], ['2026-03-02T17:30:00Z', '2026-03-02T20:00:00Z', 'overrun']]);
    expect(reasonAt(policy, '2026-03-02T16:30:00Z')).toEqual({ kind: 'exclusion', reason: 'late deploy', until: at('2026-03-02T17:00:00Z') });
    expect(reasonAt(policy, '2026-03-02T17:45:00Z')).toEqual({ kind: 'outsideHours', resumesAt: at('2026-03-09T09:00:00Z') });
  });

  it('gives the same reason and end whatever the order the overlapping windows are listed in', () => {
    const a: [string, string, string] = ['2026-03-02T10:00:00Z', '2026-03-02T17:30:00Z', 'deploy'];
    const b: [string, string, string] = ['2026-03-02T11:00:00Z', '2026-03-02T19:00:00Z', 'database'];
    const expected = { kind: 'exclusion', reason: 'database', until: at('2026-03-02T17:00:00Z') };
    expect(reasonAt(maintenance([a, b]), '2026-03-02T11:30:00Z')).toEqual(expected);
    expect(reasonAt(maintenance([b, a]), '2026-03-02T11:30:00Z')).toEqual(expected);
  });

  it('ends the exclusion when another member of a union opens before the window ends', () => {
    const union = {
      schemaVersion: 1 as const, kind: 'union' as const, id: 'utc', name: 'two desks',
      members: [mondays('early', '09:00', '17:00', [['2026-03-02T10:00:00Z', '2026-03-02T14:00:00Z', 'early desk down']]), mondays('late', '13:00', '21:00')],
    };
    const policy = compile(policySpec([onCalendar('utc')], [union]));
    expect(reasonAt(policy, '2026-03-02T12:00:00Z')).toEqual({ kind: 'exclusion', reason: 'early desk down', until: at('2026-03-02T13:00:00Z') });
    expect(reasonAt(policy, '2026-03-02T13:00:00Z')).toBeNull();
  });
});
