/**
 * Adversarial edge cases of evaluate(), each expected value worked out by hand (instants from luxon
 * wall readings), never taken from the engine.
 */
import { DateTime } from 'luxon';
import { evaluate } from '../../../src/core/evaluate';
import type { MetricSnapshot } from '../../../src/core/evaluate/types';
import type { MetricSpec } from '../../../src/core/policy/types';
import { at, calendars, change, comment, compile, goal, history, HOUR, metric, MINUTE, policyOf, policySpec, STATUS } from './builders';

const paris = (iso: string): number => DateTime.fromISO(iso, { zone: 'Europe/Paris' }).toMillis();
const madrid = (iso: string): number => DateTime.fromISO(iso, { zone: 'Europe/Madrid' }).toMillis();
const onCalendar = (id: string, over: Partial<MetricSpec> = {}): MetricSpec =>
  metric({ goals: [goal({ calendar: { kind: 'fixed', calendarId: id } })], ...over });
const first = (m: MetricSnapshot[] | undefined): MetricSnapshot | undefined => m?.[0];
const toWaiting = (id: string, instant: number) => ({ id, at: instant, field: 'status', from: STATUS.open, to: STATUS.waiting });
const toOpen = (id: string, instant: number) => ({ id, at: instant, field: 'status', from: STATUS.waiting, to: STATUS.open });
const byPriority = (mode: 'keepElapsed' | 'restart', extra: Partial<MetricSpec> = {}): MetricSpec => metric({
  onGoalChange: mode, pause: [{ kind: 'inStatus', statusIds: [STATUS.waiting] }],
  goals: [goal({ id: 'high', name: 'High', match: { priorityIds: ['2'] }, target: { kind: 'minutes', minutes: 60 } }), goal({ id: 'rest', name: 'Rest' })],
  ...extra,
});

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

describe('the goal as people read it', () => {
  it('shows a fractional-minute target rounded to whole minutes, never as "1 h 60 min"', () => {
    const odd = metric({ goals: [goal({ target: { kind: 'minutes', minutes: 119.6 } })] });
    const m = first(evaluate(history(), policyOf(odd), at('2026-03-02T09:30:00Z')).metrics);
    expect(m?.goal?.target).toBe('2 h');
    expect(m?.current?.goalMs).toBe(119.6 * MINUTE);
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
