/**
 * The one-line summary for the issue sidebar (jira:issueContext): the most urgent clock only.
 * A breached clock beats a running one, a running one the least time left, then paused, then met.
 * Pure: the live metrics at `now` in, a sentence out.
 */
import type { CustomerPromise } from '@contract';
import { formatDuration } from '../../shared/format';
import type { LiveMetric } from './live';

export type SummaryTone = 'default' | 'warning' | 'danger' | 'success' | 'paused';
export interface Summary { text: string; tone: SummaryTone }

const RANK: Partial<Record<LiveMetric['state'], number>> = { breachedRunning: 0, running: 1, paused: 2, met: 3, breachedCompleted: 3 };
const rank = (m: LiveMetric): number => RANK[m.state] ?? 4;

function sentence(m: LiveMetric, now: number): Summary {
  if (m.state === 'breachedRunning') return { text: m.dueAt === null ? 'Breached' : `Breached ${formatDuration(now - m.dueAt)} ago`, tone: 'danger' };
  if (m.state === 'running') return { text: `${formatDuration(m.remainingMs ?? 0)} left`, tone: m.tone === 'warning' ? 'warning' : 'default' };
  if (m.state === 'paused') return { text: 'Paused', tone: 'paused' };
  return m.state === 'met' ? { text: 'Met', tone: 'success' } : { text: 'Breached', tone: 'danger' };
}

/** The most urgent clock in a few words; null when no clock has a goal. */
export function summarise(metrics: readonly LiveMetric[], now: number): Summary | null {
  const withGoal = metrics.filter((m) => m.goalMs !== null && rank(m) < 4);
  const sorted = [...withGoal].sort((a, b) => rank(a) - rank(b) || (a.remainingMs ?? 0) - (b.remainingMs ?? 0));
  return sorted[0] ? sentence(sorted[0], now) : null;
}

/** The same for a customer's promises, from the customer DTO only. */
export function summarisePromises(promises: readonly CustomerPromise[], now: number): Summary | null {
  const late = promises.find((p) => p.state === 'late');
  if (late) return { text: 'Late', tone: 'danger' };
  const next = promises.filter((p) => p.state === 'onTrack' && p.dueAt !== null).sort((a, b) => (a.dueAt ?? 0) - (b.dueAt ?? 0))[0];
  if (next?.dueAt != null) return { text: `${formatDuration(Math.max(0, next.dueAt - now))} left`, tone: 'default' };
  if (promises.some((p) => p.state === 'onHold')) return { text: 'On hold', tone: 'paused' };
  return promises.length > 0 ? { text: 'Met', tone: 'success' } : null;
}
