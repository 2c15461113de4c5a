/**
 * More adversarial edge cases of evaluate(): same-instant ordering. Expected values are worked out by hand on
 * the 24x7 calendar (elapsed time = wall-clock time), never taken from the engine.
 */
import { evaluate } from '../../../src/core/evaluate';
import type { FieldChange } from '../../../src/core/evaluate/types';
import { at, change, history, HOUR, metric, policyOf, STATUS } from './builders';

const status = (id: string, to: string): FieldChange => change(id, '2026-03-02T10:00:00Z', 'status', null, to);
const ELEVEN = at('2026-03-02T11:00:00Z');

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
