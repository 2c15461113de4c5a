import { replayHistory, type Step } from '../../../src/core/evaluate/history';
import { fires, holds } from '../../../src/core/evaluate/conditions';
import type { Condition } from '../../../src/core/policy/types';
import { at, CATEGORIES, change, comment, history, STATUS } from './builders';

const NOW = at('2026-03-03T00:00:00Z');

/** The steps of a history created with these initial values and then these changes. */
function steps(initial: Record<string, string | null>, changes = [change('h1#0', '2026-03-02T10:00:00Z', 'status', STATUS.open, STATUS.open)]): Step[] {
  return replayHistory(history({ initial: { ...history().initial, ...initial }, changes }), NOW).steps;
}
const firesAt = (c: Condition, s: Step[]): boolean[] => s.map((step) => fires(c, step, CATEGORIES));

describe('conditions', () => {
  it('treats creation as entering the initial status, category, resolution and assignee', () => {
    const [created] = steps({ status: STATUS.inProgress, assignee: 'u1', resolution: 'fixed' });
    for (const c of [
      { kind: 'statusEntered', statusIds: [STATUS.inProgress] },
      { kind: 'statusCategoryEntered', categories: ['indeterminate'] },
      { kind: 'inStatusCategory', categories: ['indeterminate'] },
      { kind: 'assigneeSet' },
      { kind: 'assigneeChanged' },
      { kind: 'resolutionSet' },
    ] as Condition[]) expect([c.kind, created && fires(c, created, CATEGORIES)]).toEqual([c.kind, true]);
  });

  it('needs a change after creation for edits: left, cleared, field changed, label added, priority changed', () => {
    const [created] = steps({ labels: 'vip', priority: '1', resolution: null });
    for (const c of [
      { kind: 'statusLeft', statusIds: [STATUS.open] },
      { kind: 'resolutionCleared' },
      { kind: 'fieldChanged', fieldId: 'priority' },
      { kind: 'labelAdded' },
      { kind: 'priorityChanged' },
    ] as Condition[]) expect([c.kind, created && fires(c, created, CATEGORIES)]).toEqual([c.kind, false]);
  });

  it('fires status and category conditions only on real moves', () => {
    const s = steps({}, [
      change('h1#0', '2026-03-02T10:00:00Z', 'status', STATUS.open, STATUS.inProgress),
      change('h2#0', '2026-03-02T11:00:00Z', 'status', STATUS.inProgress, STATUS.waiting),
    ]);
    expect(firesAt({ kind: 'statusLeft', statusIds: [STATUS.open] }, s)).toEqual([false, true, false]);
    expect(firesAt({ kind: 'statusCategoryEntered', categories: ['indeterminate'] }, s)).toEqual([false, true, false]);
    expect(firesAt({ kind: 'statusEntered', statusIds: [STATUS.waiting] }, s)).toEqual([false, false, true]);
  });

  it('fires statusEntered with several statuses on entering the set, not on a move between two of them', () => {
    const s = steps({}, [
      change('h1#0', '2026-03-02T10:00:00Z', 'status', STATUS.open, STATUS.inProgress),
      change('h2#0', '2026-03-02T11:00:00Z', 'status', STATUS.inProgress, STATUS.done),
      change('h3#0', '2026-03-02T12:00:00Z', 'status', STATUS.done, STATUS.inProgress),
    ]);
    expect(firesAt({ kind: 'statusEntered', statusIds: [STATUS.open, STATUS.inProgress] }, s)).toEqual([true, false, false, true]);
    expect(firesAt({ kind: 'statusEntered', statusIds: [STATUS.inProgress] }, s)).toEqual([false, true, false, true]);
    expect(firesAt({ kind: 'inStatus', statusIds: [STATUS.open, STATUS.inProgress] }, s)).toEqual([true, false, false, true]);
  });

  it('fires no status or category condition on a status change that ends in the status it began in', () => {
    const sameStatus = steps({ status: STATUS.inProgress }, [change('h1#0', '2026-03-02T10:00:00Z', 'status', STATUS.inProgress, STATUS.inProgress)]);
    const thereAndBack = steps({}, [
      change('h1#0', '2026-03-02T10:00:00Z', 'status', STATUS.open, STATUS.resolvedDone),
      change('h1#1', '2026-03-02T10:00:00Z', 'status', STATUS.resolvedDone, STATUS.open),
    ]);
    expect(thereAndBack).toHaveLength(2);
    for (const [s, status] of [[sameStatus, STATUS.inProgress], [thereAndBack, STATUS.open]] as const) {
      const category = CATEGORIES[status];
      for (const c of [
        { kind: 'statusEntered', statusIds: [status] },
        { kind: 'inStatus', statusIds: [status] },
        { kind: 'statusLeft', statusIds: [status] },
        { kind: 'statusCategoryEntered', categories: [category] },
        { kind: 'inStatusCategory', categories: [category] },
        { kind: 'statusEntered', statusIds: [STATUS.resolvedDone] },
        { kind: 'statusCategoryEntered', categories: ['done'] },
      ] as Condition[]) expect([status, c, s[1] && fires(c, s[1], CATEGORIES)]).toEqual([status, c, false]);
    }
  });

  it('fires field, label, priority, resolution and assignee conditions on the matching edits', () => {
    const s = steps({}, [
      change('h1#0', '2026-03-02T10:00:00Z', 'labels', '', 'vip'),
      change('h2#0', '2026-03-02T11:00:00Z', 'priority', '3', '1'),
      change('h3#0', '2026-03-02T12:00:00Z', 'resolution', null, 'fixed'),
      change('h4#0', '2026-03-02T13:00:00Z', 'resolution', 'fixed', null),
      change('h5#0', '2026-03-02T14:00:00Z', 'assignee', null, 'u1'),
      change('h6#0', '2026-03-02T15:00:00Z', 'assignee', 'u1', 'u2'),
    ]);
    expect(firesAt({ kind: 'labelAdded', label: 'vip' }, s)).toEqual([false, true, false, false, false, false, false]);
    expect(firesAt({ kind: 'fieldChanged', fieldId: 'priority', toValue: '1' }, s)).toEqual([false, false, true, false, false, false, false]);
    expect(firesAt({ kind: 'priorityChanged' }, s)).toEqual([false, false, true, false, false, false, false]);
    expect(firesAt({ kind: 'resolutionSet' }, s)).toEqual([false, false, false, true, false, false, false]);
    expect(firesAt({ kind: 'resolutionCleared' }, s)).toEqual([false, false, false, false, true, false, false]);
    expect(firesAt({ kind: 'assigneeSet' }, s)).toEqual([false, false, false, false, false, true, false]);
    expect(firesAt({ kind: 'assigneeChanged' }, s)).toEqual([false, false, false, false, false, true, true]);
  });

  it('counts only public agent comments as agent comments, and never the app\'s own', () => {
    const s = replayHistory(history({ comments: [comment('c1', '2026-03-02T10:00:00Z', 'agent', false), comment('c2', '2026-03-02T11:00:00Z', 'customer'), comment('c3', '2026-03-02T12:00:00Z', 'app'), comment('c4', '2026-03-02T13:00:00Z')] }), NOW).steps;
    expect(firesAt({ kind: 'commentByAgent' }, s)).toEqual([false, false, false, false, true]);
    expect(firesAt({ kind: 'commentByCustomer' }, s)).toEqual([false, false, true, false, false]);
  });

  it('reads states from the current field values', () => {
    const fields = { status: STATUS.waiting, resolution: null, assignee: 'u1' };
    expect(holds({ kind: 'inStatus', statusIds: [STATUS.waiting] }, fields, CATEGORIES)).toBe(true);
    expect(holds({ kind: 'inStatusCategory', categories: ['done'] }, fields, CATEGORIES)).toBe(false);
    expect(holds({ kind: 'resolutionCleared' }, fields, CATEGORIES)).toBe(true);
    expect(holds({ kind: 'assigneeSet' }, fields, CATEGORIES)).toBe(true);
    expect(holds({ kind: 'commentByAgent' }, fields, CATEGORIES)).toBe(false);
  });

  it('groups changes at one instant into one step, in id order', () => {
    const s = steps({}, [change('h1#10', '2026-03-02T10:00:00Z', 'status', STATUS.inProgress, STATUS.done), change('h1#2', '2026-03-02T10:00:00Z', 'status', STATUS.open, STATUS.inProgress)]);
    expect(s).toHaveLength(2);
    expect(s[1]?.next['status']).toBe(STATUS.done);
  });
});
