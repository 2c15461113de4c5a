import { dueActions } from '../../../src/core/evaluate/actions';
import { evaluate } from '../../../src/core/evaluate';
import { compile, goal, history, HOUR, metric, policySpec } from './builders';

describe('due actions', () => {
  const spec = policySpec([
    metric({
      goals: [goal({ target: { kind: 'minutes', minutes: 240 } })],
      pause: [],
      warnings: [{ kind: 'percent', percent: 75 }, { kind: 'percent', percent: 50 }],
      warningActions: [{ kind: 'label', label: 'sla-warning' }],
      breachActions: [{ kind: 'comment', body: 'Breached' }, { kind: 'label', label: 'sla-breached' }],
    }),
  ]);
  const h = history({ created: '2026-03-02T09:00:00Z' });
  const start = h.createdAt;

  it('lists the crossed warnings in the order of their instants, then the breach actions', () => {
    const ids = dueActions(evaluate(h, compile(spec), start + 5 * HOUR), spec).map((a) => a.id);
    expect(ids).toEqual([`response:${start}:warning-50pct:0`, `response:${start}:warning-75pct:0`, `response:${start}:breach:0`, `response:${start}:breach:1`]);
  });

  it('marks the warnings of a breached cycle as late unless its first breach action has not fired', () => {
    const due = dueActions(evaluate(h, compile(spec), start + 5 * HOUR), spec);
    expect(due.filter((a) => a.id.includes('warning')).map((a) => a.unlessFired)).toEqual([`response:${start}:breach:0`, `response:${start}:breach:0`]);
  });

  it('lists only the crossed warnings, without a late mark, before the breach', () => {
    const due = dueActions(evaluate(h, compile(spec), start + 2.5 * HOUR), spec);
    expect(due).toEqual([{ id: `response:${start}:warning-50pct:0`, action: { kind: 'label', label: 'sla-warning' } }]);
  });
});
