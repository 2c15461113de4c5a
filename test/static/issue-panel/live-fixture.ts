/** A live metric for the panel's wording tests: running, 1 h used of a 4 h goal, unless overridden. */
import type { LiveMetric } from '../../../static/issue-panel/src/live';
import { H } from './fixtures';

export function live(over: Partial<LiveMetric> = {}): LiveMetric {
  return {
    state: 'running', elapsedMs: H, goalMs: 4 * H, remainingMs: 3 * H, ticking: false, frozen: null,
    progress: 0.25, tone: 'default', breachedByMs: null, dueAt: null, ...over,
  };
}
