import { evaluate } from '../../../src/core/evaluate';
import { at, change, comment, history, metric, policyOf, STATUS } from './builders';

const NOW = at('2026-03-02T12:00:00Z');

describe('evaluate: history problems', () => {
  it('reports a change dated before creation and counts it at creation', () => {
    const changes = [change('h1#0', '2026-03-02T08:00:00Z', 'status', STATUS.open, STATUS.waiting)];
    const s = evaluate(history({ changes }), policyOf(metric()), NOW);
    expect(s.problems.map((p) => p.code)).toEqual(['HIST_CHANGE_BEFORE_CREATION']);
    expect(s.metrics[0]?.state).toBe('paused');
    expect(s.metrics[0]?.current?.elapsedMs).toBe(0);
  });

  it('reports unknown statuses, conflicting duplicates and bad instants without throwing', () => {
    const changes = [
      change('h1#0', '2026-03-02T10:00:00Z', 'status', STATUS.open, '999'),
      change('h1#0', '2026-03-02T10:05:00Z', 'status', STATUS.open, '999'),
      { id: 'h2#0', at: Number.NaN, field: 'priority', from: '3', to: '2' },
    ];
    const s = evaluate(history({ changes }), policyOf(metric()), NOW);
    expect(s.problems.map((p) => [p.code, p.ref])).toEqual([
      ['HIST_BAD_INSTANT', 'h2#0'],
      ['HIST_DUPLICATE_ID_CONFLICT', 'h1#0'],
      ['HIST_UNKNOWN_STATUS', '999'],
    ]);
    expect(s.metrics[0]?.state).toBe('running');
  });

  it('ignores items dated after now', () => {
    const s = evaluate(history({ comments: [comment('c1', '2026-03-02T13:00:00Z')] }), policyOf(metric()), NOW);
    expect(s.metrics[0]?.state).toBe('running');
  });
});
