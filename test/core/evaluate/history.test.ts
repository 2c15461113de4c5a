import { evaluate } from '../../../src/core/evaluate';
import { at, change, comment, history, HOUR, metric, policyOf, STATUS } from './builders';
import { ELEVEN, status } from './scenarios';

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

describe('same-instant history ordering', () => {
  // Created 09:00, 4 h goal, paused while waiting; at 10:00 two changes share one instant.
  it('orders "10231#10" before "10232#0": history id first, then item index, both numerically', () => {
    const changes = [status('10231#10', STATUS.waiting), status('10232#0', STATUS.inProgress)];
    for (const order of [changes, [...changes].reverse()]) {
      const m = evaluate(history({ changes: order }), policyOf(metric()), ELEVEN).metrics[0];
      expect(m?.state).toBe('running');
      expect(m?.current?.elapsedMs).toBe(2 * HOUR);
      expect(m?.current?.pauses).toEqual([]);
    }
  });

  it('puts numeric ids before non-numeric ones, whatever the input order', () => {
    // 9#5 (in progress), then 10232#0 (open), then x#1 (waiting): waiting from 10:00.
    const x = status('x#1', STATUS.waiting);
    const open = status('10232#0', STATUS.open);
    const nine = status('9#5', STATUS.inProgress);
    for (const order of [[x, open, nine], [nine, open, x], [open, x, nine]]) {
      const m = evaluate(history({ changes: order }), policyOf(metric()), ELEVEN).metrics[0];
      expect(m?.state).toBe('paused');
      expect(m?.current?.elapsedMs).toBe(HOUR);
    }
  });
});

describe('duplicates dated after now', () => {
  // 2001-09-09T01:46:40Z is epoch 1e12: the later copy has one digit more, so its canonical JSON is the
  // smaller one and would win a dedupe run before items after now are dropped.
  const created = '2001-09-09T00:00:00Z';
  const now = at('2001-09-09T01:30:00Z');

  it('keeps the past copy of a change when a conflicting copy is dated after now', () => {
    const changes = [change('h1#0', '2001-09-09T01:00:00Z', 'status', STATUS.open, STATUS.waiting), change('h1#0', '2001-09-09T02:00:00Z', 'status', STATUS.open, STATUS.done)];
    const s = evaluate(history({ created, changes }), policyOf(metric()), now);
    expect(s.metrics[0]?.state).toBe('paused');
    expect(s.metrics[0]?.current?.elapsedMs).toBe(HOUR);
    expect(s.problems).toEqual([]);
  });

  it('keeps the past copy of a comment when a conflicting copy is dated after now', () => {
    const comments = [comment('c1', '2001-09-09T01:00:00Z', 'agent'), comment('c1', '2001-09-09T02:00:00Z', 'customer')];
    const s = evaluate(history({ created, comments }), policyOf(metric()), now);
    expect(s.metrics[0]?.state).toBe('met');
    expect(s.metrics[0]?.current?.stoppedAt).toBe(at('2001-09-09T01:00:00Z'));
    expect(s.problems).toEqual([]);
  });
});
