import fc from 'fast-check';
import { explainSla, type ExplainPart } from '../../../src/core/explain';
import { evaluate } from '../../../src/core/evaluate';
import type { CalendarSpec } from '../../../src/core/calendar/types';
import type { FieldChange, HistoryComment, IssueHistory } from '../../../src/core/evaluate/types';
import type { MetricSpec } from '../../../src/core/policy/types';
import { at, calendars, compile, goal, history, metric, MINUTE, policySpec, STATUS } from '../evaluate/builders';

// Thursday before Easter 2026 in Saxony: generated histories cross Good Friday, a weekend and Easter Monday.
const START = at('2026-04-02T05:00:00Z');
const SPAN_MINUTES = 6 * 24 * 60;
const statuses = [STATUS.open, STATUS.inProgress, STATUS.waiting, STATUS.done];

const withMaintenance: CalendarSpec = {
  ...(calendars(['saxony-9-17'])[0] as CalendarSpec),
  exclusions: [{ start: '2026-04-02T09:30:00Z', end: '2026-04-02T12:00:00Z', reason: 'Upgrade' }, { start: '2026-04-07T11:00:00Z', end: '2026-04-07T11:45:00Z' }],
};

const item = fc.record({
  minute: fc.integer({ min: 0, max: SPAN_MINUTES }),
  what: fc.constantFrom('status', 'priority', 'resolution', 'agent', 'customer'),
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
    else comments.push({ id: `c${i}`, at: t, author: it.what === 'customer' ? 'customer' : 'agent', public: true });
  });
  return history({ created: '2026-04-02T05:00:00Z', changes, comments });
}

const goals = [
  goal({ id: 'high', match: { priorityIds: ['1', '2'] }, target: { kind: 'minutes', minutes: 120 }, calendar: { kind: 'fixed', calendarId: 'saxony-9-17' } }),
  goal({ id: 'bd', match: { priorityIds: ['3'] }, target: { kind: 'businessDays', days: 1 }, calendar: { kind: 'fixed', calendarId: 'follow-the-sun-24x5' } }),
  goal({ id: 'rest', target: { kind: 'minutes', minutes: 480 }, calendar: { kind: 'fixed', calendarId: 'cet-9-17' } }),
];
const metrics = (mode: 'keepElapsed' | 'restart' | 'keepOriginal'): MetricSpec[] => [
  metric({ goals, onGoalChange: mode }),
  metric({ key: 'resolution', name: 'Resolution', goals, onGoalChange: mode, start: [{ kind: 'issueCreated' }, { kind: 'resolutionCleared' }], stop: [{ kind: 'resolutionSet' }] }),
  metric({ key: 'update', name: 'Update', mode: 'recurring', goals, onGoalChange: mode, start: [{ kind: 'inStatusCategory', categories: ['indeterminate'] }] }),
];
const specs = [withMaintenance, ...calendars(['cet-9-17', 'follow-the-sun-24x5', '24x7'])];
const policies = (['keepElapsed', 'restart', 'keepOriginal'] as const).map((mode) => compile(policySpec(metrics(mode), specs)));

const length = (p: ExplainPart): number => p.to - p.from;

describe('explainSla properties', () => {
  it('attributes every millisecond of each cycle exactly once, and its counted part equals elapsed', () => {
    fc.assert(fc.property(fc.array(item, { maxLength: 25 }), fc.constantFrom(...policies), fc.integer({ min: 0, max: SPAN_MINUTES }), (items, policy, minute) => {
      const h = toHistory(items);
      const now = START + minute * MINUTE;
      const explained = explainSla(h, policy, now);
      const snapshot = evaluate(h, policy, now);
      expect(explained.cycles).toHaveLength(snapshot.metrics.reduce((n, m) => n + m.cycles.length, 0));
      for (const c of explained.cycles) {
        let cursor = c.startedAt;
        for (const p of c.parts) {
          expect(p.from).toBe(cursor);
          expect(p.to).toBeGreaterThan(p.from);
          cursor = p.to;
        }
        if (c.parts.length > 0) expect(cursor).toBe(c.until);
        expect(c.parts.reduce((s, p) => s + length(p), 0)).toBe(c.until - c.startedAt);
        expect(c.parts.filter((p) => p.kind === 'counted').reduce((s, p) => s + length(p), 0)).toBe(c.elapsedMs);
      }
    }), { numRuns: 120 });
  });
});
