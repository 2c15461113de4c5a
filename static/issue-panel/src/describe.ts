/** The words of the panel: state labels, the goal in words and the one-line status of a clock. */
import type { Instant, CycleSnapshot, MetricSnapshot, MetricState } from '@core/browser';
import type { LozengeAppearance } from '../../shared/ui';
import { formatDuration, formatSoon } from '../../shared/format';
import type { LiveMetric } from './live';

export const STATE_LABEL: Record<MetricState, { text: string; appearance: LozengeAppearance }> = {
  notStarted: { text: 'Not started', appearance: 'default' },
  running: { text: 'Running', appearance: 'inprogress' },
  paused: { text: 'Paused', appearance: 'moved' },
  met: { text: 'Met', appearance: 'success' },
  breachedRunning: { text: 'Breached', appearance: 'removed' },
  breachedCompleted: { text: 'Breached', appearance: 'removed' },
  notApplicable: { text: 'No goal', appearance: 'default' },
};

/** "High — 4 h, Madrid business hours". */
export function goalInWords(metric: MetricSnapshot, calendarName: string | null): string {
  if (!metric.goal) return metric.state === 'notApplicable' ? 'No goal applies to this issue' : 'No goal';
  const base = `${metric.goal.name} — ${metric.goal.target}`;
  return calendarName ? `${base}, ${calendarName}` : base;
}

/** The status line under the goal, e.g. "3 h 10 m left" or "outside business hours — resumes Mon 08:00". */
export function statusLine(live: LiveMetric, now: Instant, zone: string): string {
  if (live.state === 'notStarted') return 'Clock not started';
  if (live.state === 'notApplicable') return 'Not measured for this issue';
  if (live.state === 'met') return metLine(live);
  if (live.state === 'breachedCompleted') return `Breached by ${formatDuration(live.breachedByMs ?? 0)}`;
  const frozen = frozenLine(live, now, zone);
  const amount = amountLine(live);
  return frozen ? `${amount} · ${frozen}` : amount;
}

function metLine(live: LiveMetric): string {
  if (live.remainingMs === null) return `Done in ${formatDuration(live.elapsedMs)}`;
  return `Met with ${formatDuration(live.remainingMs)} to spare`;
}

function amountLine(live: LiveMetric): string {
  const seconds = live.ticking;
  if (live.breachedByMs !== null) return `Breached by ${formatDuration(live.breachedByMs, { seconds })}`;
  if (live.remainingMs === null) return `${formatDuration(live.elapsedMs, { seconds })} elapsed`;
  return `${formatDuration(live.remainingMs, { seconds })} left`;
}

function frozenLine(live: LiveMetric, now: Instant, zone: string): string | null {
  const f = live.frozen;
  if (!f) return null;
  if (f.kind === 'condition') return `paused: ${f.label}`;
  if (f.kind === 'exclusion') return f.until === null ? `paused for ${f.reason}` : `paused for ${f.reason} until ${formatSoon(f.until, now, zone)}`;
  return f.resumesAt === null ? 'outside business hours' : `outside business hours — resumes ${formatSoon(f.resumesAt, now, zone)}`;
}

/** One line per completed cycle: "Met · 1 h 20 m of 4 h". */
export function cycleLine(cycle: CycleSnapshot): string {
  const outcome = cycle.met === true ? 'Met' : cycle.met === false ? 'Breached' : 'Done';
  const used = formatDuration(cycle.elapsedMs);
  return cycle.goalMs === null ? `${outcome} · ${used}` : `${outcome} · ${used} of ${formatDuration(cycle.goalMs)}`;
}
