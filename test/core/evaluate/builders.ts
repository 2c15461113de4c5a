/** Test builders: each test states only what differs from these defaults. */
import { validatePolicy, type CompiledPolicy } from '../../../src/core/policy';
import { calendarPreset } from '../../../src/core/calendar';
import type { CalendarSpec } from '../../../src/core/calendar/types';
import type { Condition, Goal, MetricSpec, PolicySpec } from '../../../src/core/policy/types';
import type { CommentAuthorKind, FieldChange, HistoryComment, IssueHistory } from '../../../src/core/evaluate/types';

export const at = (iso: string): number => {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) throw new Error(`bad test instant ${iso}`);
  return ms;
};
export const HOUR = 3_600_000;
export const MINUTE = 60_000;

export const STATUS = { open: '1', inProgress: '3', waiting: '10005', done: '5', resolvedDone: '6' } as const;
export const CATEGORIES = { '1': 'new', '3': 'indeterminate', '10005': 'indeterminate', '5': 'done', '6': 'done' } as const;

export function change(id: string, iso: string, field: string, from: string | null, to: string | null): FieldChange {
  return { id, at: at(iso), field, from, to };
}

export function comment(id: string, iso: string, author: CommentAuthorKind = 'agent', isPublic = true): HistoryComment {
  return { id, at: at(iso), author, public: isPublic };
}

export function history(over: Partial<IssueHistory> & { created?: string } = {}): IssueHistory {
  const { created, ...rest } = over;
  return {
    issueId: '10001',
    createdAt: at(created ?? '2026-03-02T09:00:00Z'),
    initial: { status: STATUS.open, priority: '3', issuetype: '10000', resolution: null, assignee: null, labels: '', components: '' },
    changes: [],
    comments: [],
    statusCategories: { ...CATEGORIES },
    ...rest,
  };
}

export function goal(over: Partial<Goal> = {}): Goal {
  return { id: 'all', name: 'All', match: {}, target: { kind: 'minutes', minutes: 240 }, calendar: { kind: 'fixed', calendarId: '24x7' }, ...over };
}

const waiting: Condition = { kind: 'inStatus', statusIds: [STATUS.waiting] };

/** Time to first response on 24x7 with a 4 h goal, paused while waiting for the customer. */
export function metric(over: Partial<MetricSpec> = {}): MetricSpec {
  return {
    key: 'response', name: 'Time to first response', mode: 'once',
    start: [{ kind: 'issueCreated' }], pause: [waiting], stop: [{ kind: 'commentByAgent' }],
    goals: [goal()], ...over,
  };
}

export function calendars(ids: readonly string[]): CalendarSpec[] {
  return ids.map((id) => {
    const spec = calendarPreset(id);
    if (!spec) throw new Error(`no calendar preset ${id}`);
    return spec;
  });
}

export function policySpec(metrics: MetricSpec[], calendarSpecs: CalendarSpec[] = calendars(['24x7', 'cet-9-17'])): PolicySpec {
  return { schemaVersion: 1, name: 'Test policy', metrics, calendars: calendarSpecs };
}

export function compile(spec: PolicySpec | unknown): CompiledPolicy {
  const result = validatePolicy(spec);
  if (!result.ok) throw new Error(`test policy invalid: ${JSON.stringify(result.error)}`);
  return result.value;
}

export const policyOf = (...metrics: MetricSpec[]): CompiledPolicy => compile(policySpec(metrics));
