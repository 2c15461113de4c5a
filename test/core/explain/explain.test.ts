import { explainSla, type CycleExplanation, type ExplainPart } from '../../../src/core/explain';
import { evaluate } from '../../../src/core/evaluate';
import type { CalendarSpec } from '../../../src/core/calendar/types';
import { at, calendars, change, comment, compile, goal, history, HOUR, metric, policySpec, STATUS } from '../evaluate/builders';

/** Paris Mon–Fri 9–17 with a company holiday on Tue 3 March 2026 and maintenance on Wed 4 March 10:00–11:00. */
const office: CalendarSpec = {
  schemaVersion: 1, kind: 'weekly', id: 'office', name: 'Paris office', timeZone: 'Europe/Paris',
  week: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ start: '09:00', end: '17:00' }]])),
  holidays: { custom: [{ name: 'Founders day', date: '2026-03-03' }] },
  exclusions: [{ start: '2026-03-04T09:00:00Z', end: '2026-03-04T10:00:00Z', reason: 'Database upgrade' }],
};
const onOffice = goal({ target: { kind: 'minutes', minutes: 16 * 60 }, calendar: { kind: 'fixed', calendarId: 'office' } });
const policy = compile(policySpec([metric({ goals: [onOffice] })], [office, ...calendars(['24x7'])]));

const total = (parts: readonly ExplainPart[], kind?: ExplainPart['kind']): number =>
  parts.filter((p) => kind === undefined || p.kind === kind).reduce((sum, p) => sum + (p.to - p.from), 0);

function only(cycles: CycleExplanation[]): CycleExplanation {
  expect(cycles).toHaveLength(1);
  return cycles[0] as CycleExplanation;
}

describe('explainSla', () => {
  // Created Mon 2 March 08:00 Paris (07:00Z), answered Thu 5 March 12:00Z.
  const h = history({ created: '2026-03-02T07:00:00Z', comments: [comment('c1', '2026-03-05T12:00:00Z')] });
  const cycle = only(explainSla(h, policy, at('2026-03-06T00:00:00Z')).cycles);

  it('names the calendar for time outside its hours', () => {
    expect(cycle.parts[0]).toEqual({ kind: 'outsideHours', from: at('2026-03-02T07:00:00Z'), to: at('2026-03-02T08:00:00Z'), calendarId: 'office', calendarName: 'Paris office' });
  });

  it('names the holiday for the business hours it took away, leaving the rest of that day outside hours', () => {
    const holiday = cycle.parts.filter((p) => p.kind === 'holiday');
    expect(holiday).toEqual([{ kind: 'holiday', from: at('2026-03-03T08:00:00Z'), to: at('2026-03-03T16:00:00Z'), calendarId: 'office', holiday: 'Founders day' }]);
    expect(cycle.parts.find((p) => p.to === at('2026-03-03T08:00:00Z'))).toMatchObject({ kind: 'outsideHours' });
  });

  it('reports an exclusion window as maintenance with its reason', () => {
    expect(cycle.parts.filter((p) => p.kind === 'maintenance')).toEqual([
      { kind: 'maintenance', from: at('2026-03-04T09:00:00Z'), to: at('2026-03-04T10:00:00Z'), calendarId: 'office', reason: 'Database upgrade' },
    ]);
  });

  it('adds up to the wall-clock span and counts exactly the elapsed business time', () => {
    expect(total(cycle.parts)).toBe(cycle.until - cycle.startedAt);
    expect(total(cycle.parts, 'counted')).toBe(cycle.elapsedMs);
    // Mon 8 h + Wed 7 h (one hour of maintenance) + Thu 08:00–12:00Z = 4 h.
    expect(cycle.elapsedMs).toBe(19 * HOUR);
    expect(cycle).toMatchObject({ met: false, breachedAt: at('2026-03-05T09:00:00Z') });
  });

  it('names the status of each paused stretch, cutting where the status changes under the same pause', () => {
    const waitingStatuses = { kind: 'inStatus' as const, statusIds: [STATUS.waiting, '10006'] };
    const p = compile(policySpec([metric({ pause: [waitingStatuses], goals: [goal()] })], calendars(['24x7'])));
    const paused = history({
      statusCategories: { ...history().statusCategories, '10006': 'indeterminate' },
      changes: [change('1#0', '2026-03-02T10:00:00Z', 'status', STATUS.open, STATUS.waiting), change('2#0', '2026-03-02T11:00:00Z', 'status', STATUS.waiting, '10006'),
        change('3#0', '2026-03-02T12:00:00Z', 'status', '10006', STATUS.inProgress)],
    });
    const c = only(explainSla(paused, p, at('2026-03-02T13:00:00Z')).cycles);
    expect(c.parts.map((x) => [x.kind, x.kind === 'paused' ? x.statusId : null, (x.to - x.from) / HOUR])).toEqual([
      ['counted', null, 1], ['paused', STATUS.waiting, 1], ['paused', '10006', 1], ['counted', null, 1],
    ]);
    expect(c.parts[1]).toMatchObject({ condition: 'in status 10005, 10006' });
  });

  it('marks goal changes with the new goal and explains a running cycle up to now', () => {
    const goals = [goal({ id: 'high', match: { priorityIds: ['1'] }, target: { kind: 'minutes', minutes: 60 } }), goal({ id: 'normal' })];
    const p = compile(policySpec([metric({ goals })], calendars(['24x7'])));
    const h2 = history({ changes: [change('1#0', '2026-03-02T10:00:00Z', 'priority', '3', '1')] });
    const c = only(explainSla(h2, p, at('2026-03-02T12:00:00Z')).cycles);
    expect(c.goalChanges).toEqual([{ at: at('2026-03-02T10:00:00Z'), fromGoalId: 'normal', toGoalId: 'high', goalMs: HOUR }]);
    expect(c).toMatchObject({ stoppedAt: null, until: at('2026-03-02T12:00:00Z'), elapsedMs: 3 * HOUR, goalId: 'high' });
  });

  it('explains each cycle of a reopened issue separately, matching the snapshot cycle for cycle', () => {
    const resolution = metric({ key: 'resolution', name: 'Resolution', start: [{ kind: 'issueCreated' }, { kind: 'resolutionCleared' }], stop: [{ kind: 'resolutionSet' }] });
    const p = compile(policySpec([resolution], calendars(['24x7'])));
    const h3 = history({ changes: [
      change('1#0', '2026-03-02T10:00:00Z', 'resolution', null, 'fixed'), change('2#0', '2026-03-03T10:00:00Z', 'resolution', 'fixed', null),
      change('3#0', '2026-03-03T15:00:00Z', 'resolution', null, 'fixed'),
    ] });
    const now = at('2026-03-04T00:00:00Z');
    const cycles = explainSla(h3, p, now).cycles;
    const snapshot = evaluate(h3, p, now).metrics[0]?.cycles ?? [];
    expect(cycles.map((c) => [c.cycleIndex, c.elapsedMs, c.met])).toEqual(snapshot.map((s, i) => [i, s.elapsedMs, s.met]));
    expect(cycles.map((c) => c.elapsedMs)).toEqual([HOUR, 5 * HOUR]);
  });
});
