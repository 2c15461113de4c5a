import fc from 'fast-check';
import { evaluate } from '../../../src/core/evaluate';
import { storedState } from '../../../src/core/evaluate/stored';
import type { CalendarSpec } from '../../../src/core/calendar/types';
import type { FieldChange, HistoryComment, IssueHistory } from '../../../src/core/evaluate/types';
import type { MetricSpec, WarningThreshold } from '../../../src/core/policy/types';
import { at, calendars, compile, goal, history, HOUR, metric, MINUTE, policySpec, STATUS } from './builders';

const START = at('2026-03-06T06:00:00Z'); // a Friday morning: histories and instant pairs cross a weekend
const DAY_MIN = 24 * 60;
const statuses = [STATUS.open, STATUS.inProgress, STATUS.waiting, STATUS.done];

/** Berlin office hours with a holiday on Tuesday 10 March and a maintenance window on Wednesday. */
const office: CalendarSpec = {
  schemaVersion: 1, kind: 'weekly', id: 'office', name: 'Office', timeZone: 'Europe/Berlin',
  week: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ start: '09:00', end: '17:00' }]])),
  holidays: { custom: [{ name: 'Company day', date: '2026-03-10' }] },
  exclusions: [{ start: '2026-03-11T10:00:00Z', end: '2026-03-11T12:30:00Z', reason: 'maintenance' }],
};
const CALENDAR_IDS = ['24x7', 'cet-9-17', 'office'] as const;
const WARNINGS: WarningThreshold[] = [{ kind: 'percent', percent: 50 }, { kind: 'beforeBreach', minutes: 30 }];

const item = fc.record({
  minute: fc.integer({ min: 0, max: 3 * DAY_MIN }),
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

function policyFor(mode: 'keepElapsed' | 'restart' | 'keepOriginal', cals: readonly string[]) {
  const cal = (i: number) => ({ kind: 'fixed' as const, calendarId: cals[i % cals.length] ?? '24x7' });
  const goals = [
    goal({ id: 'high', match: { priorityIds: ['1', '2'] }, target: { kind: 'minutes', minutes: 120 }, calendar: cal(0) }),
    goal({ id: 'bd', match: { priorityIds: ['3'] }, target: { kind: 'businessDays', days: 1 }, calendar: cal(1) }),
    goal({ id: 'rest', target: { kind: 'minutes', minutes: 480 }, calendar: cal(2) }),
  ];
  const metrics: MetricSpec[] = [
    metric({ goals, onGoalChange: mode, warnings: WARNINGS }),
    metric({ key: 'resolution', name: 'Resolution', goals, onGoalChange: mode, warnings: WARNINGS, start: [{ kind: 'issueCreated' }, { kind: 'resolutionCleared' }], stop: [{ kind: 'resolutionSet' }] }),
    metric({ key: 'update', name: 'Update', mode: 'recurring', goals, onGoalChange: mode, start: [{ kind: 'inStatusCategory', categories: ['indeterminate'] }] }),
  ];
  return compile(policySpec(metrics, [...calendars(['24x7', 'cet-9-17']), office]));
}

const policyArb = fc
  .tuple(fc.constantFrom('keepElapsed', 'restart', 'keepOriginal' as const), fc.shuffledSubarray([...CALENDAR_IDS], { minLength: 1 }))
  .map(([mode, cals]) => policyFor(mode as 'keepElapsed', cals));

describe('stored SLA state', () => {
  describe('time invariance between scheduled checks', () => {
    it('writes the same stored state at any later instant before the next check when no event happened', () => {
      const pair = fc.record({ afterLast: fc.integer({ min: 0, max: 2 * DAY_MIN }), gapMs: fc.integer({ min: 1, max: 4 * DAY_MIN * MINUTE }), jitter: fc.nat(MINUTE - 1) });
      fc.assert(fc.property(fc.array(item, { maxLength: 25 }), policyArb, pair, (items, policy, p) => {
        const h = toHistory(items);
        const last = Math.max(START, ...items.map((i) => START + i.minute * MINUTE));
        const t1 = last + p.afterLast * MINUTE + p.jitter;
        const first = evaluate(h, policy, t1);
        const check = first.nextCheckAt;
        const t2 = check !== null && check <= t1 + p.gapMs ? check - 1 : t1 + p.gapMs;
        fc.pre(t2 > t1);
        expect(storedState(evaluate(h, policy, t2))).toEqual(storedState(first));
      }), { numRuns: 300 });
    });

    it('changes the stored state only at an instant it scheduled as its check', () => {
      fc.assert(fc.property(fc.array(item, { maxLength: 25 }), policyArb, fc.integer({ min: 0, max: 2 * DAY_MIN }), (items, policy, afterLast) => {
        const h = toHistory(items);
        const t1 = Math.max(START, ...items.map((i) => START + i.minute * MINUTE)) + afterLast * MINUTE;
        const first = evaluate(h, policy, t1);
        fc.pre(first.nextCheckAt !== null && first.nextCheckAt > t1);
        const before = storedState(evaluate(h, policy, (first.nextCheckAt ?? 0) - 1));
        expect(before).toEqual(storedState(first));
      }), { numRuns: 150 });
    });
  });

  describe('what paused means', () => {
    const overnight = () => {
      const m = metric({ goals: [goal({ target: { kind: 'minutes', minutes: 240 }, calendar: { kind: 'fixed', calendarId: 'cet-9-17' } })] });
      return compile(policySpec([m]));
    };

    it('stores a counting clock outside business hours as running, with its due instant', () => {
      const h = history({ created: '2026-03-02T15:00:00Z' }); // Monday 16:00 Paris: one hour counts today
      const evening = storedState(evaluate(h, overnight(), at('2026-03-02T20:00:00Z')));
      const morning = storedState(evaluate(h, overnight(), at('2026-03-03T08:30:00Z')));
      expect(evening.metrics.response).toMatchObject({ state: 'running', phase: 'running', due: '2026-03-03T11:00:00Z' });
      expect(morning).toEqual(evening);
    });

    it('stores paused while a pause condition holds, whatever the calendar', () => {
      const h = history({ created: '2026-03-02T09:00:00Z', changes: [{ id: '1#0', at: at('2026-03-02T10:00:00Z'), field: 'status', from: STATUS.open, to: STATUS.waiting }] });
      for (const now of ['2026-03-02T11:00:00Z', '2026-03-02T22:00:00Z']) {
        expect(storedState(evaluate(h, overnight(), at(now))).metrics.response).toMatchObject({ state: 'paused', phase: 'paused', due: null });
      }
    });

    it('schedules the breach as the check at which the stored state next changes', () => {
      const h = history({ created: '2026-03-02T15:00:00Z' });
      const s = storedState(evaluate(h, overnight(), at('2026-03-02T15:00:00Z') + HOUR));
      expect(s.checkAt).toBe('2026-03-03T11:00:00Z');
    });
  });
});
