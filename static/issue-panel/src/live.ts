/**
 * The live state of one metric at `now`: the server's snapshot advanced by the business time that
 * elapsed since it was evaluated. Pure, so the per-second tick is a function call and a test.
 */
import type { BusinessCalendar, Instant, MetricSnapshot, MetricState } from '@core/browser';
import type { AgentPanelData } from '@contract';

export type WarningList = AgentPanelData['warnings'][string];

export type Frozen =
  | { kind: 'outsideHours'; resumesAt: Instant | null }
  | { kind: 'condition'; label: string }
  | { kind: 'exclusion'; reason: string; until: Instant | null };

export type Tone = 'default' | 'warning' | 'danger' | 'success';

export interface LiveMetric {
  state: MetricState;
  elapsedMs: number;
  goalMs: number | null;
  remainingMs: number | null;
  /** The clock is counting at `now`. */
  ticking: boolean;
  /** Why a started, unfinished clock is not counting at `now`. */
  frozen: Frozen | null;
  /** Share of the goal used (may exceed 1), null without a goal. */
  progress: number | null;
  tone: Tone;
  breachedByMs: number | null;
  dueAt: Instant | null;
}

/** States whose clock the calendar alone may be holding: the server says "paused" when it evaluated after hours. */
const CLOCKED: ReadonlySet<MetricState> = new Set(['running', 'breachedRunning', 'paused']);

export function liveMetric(metric: MetricSnapshot, evaluatedAt: Instant, now: Instant, cal: BusinessCalendar | null, warnings: WarningList = []): LiveMetric {
  const cycle = metric.current;
  const byCondition = metric.pauseReason?.kind === 'condition';
  // A condition pause only ends with a new event (a refresh); calendar pauses end on their own.
  const counting = CLOCKED.has(metric.state) && !byCondition && cycle !== null && cycle.stoppedAt === null;
  const extra = counting && cal && now > evaluatedAt ? Math.max(0, cal.businessMillisBetween(evaluatedAt, now)) : 0;
  const elapsedMs = (cycle?.elapsedMs ?? 0) + extra;
  const goalMs = cycle?.goalMs ?? null;
  const remainingMs = goalMs === null ? null : goalMs - elapsedMs;
  const frozen = counting ? frozenByCalendar(metric, cal, now) : metric.state === 'paused' || byCondition ? frozenByReason(metric) : null;
  const state = counting ? countingState(metric.state, remainingMs, frozen) : metric.state;
  return {
    state,
    elapsedMs,
    goalMs,
    remainingMs,
    ticking: counting && frozen === null && cal !== null,
    frozen,
    progress: goalMs && goalMs > 0 ? elapsedMs / goalMs : null,
    tone: toneOf(state, metric, elapsedMs, goalMs, warnings),
    breachedByMs: remainingMs !== null && remainingMs < 0 ? -remainingMs : null,
    dueAt: cycle?.dueAt ?? null,
  };
}

/** Breach is sticky for the cycle; otherwise the calendar decides between running and paused. */
function countingState(server: MetricState, remainingMs: number | null, frozen: Frozen | null): MetricState {
  if (server === 'breachedRunning' || (remainingMs !== null && remainingMs < 0)) return 'breachedRunning';
  return frozen ? 'paused' : 'running';
}

function frozenByCalendar(metric: MetricSnapshot, cal: BusinessCalendar | null, now: Instant): Frozen | null {
  // Without a compiled calendar the server's own reason is the best we know.
  if (!cal) return metric.pauseReason ? frozenByReason(metric) : null;
  if (cal.isOpen(now)) return null;
  const exclusion = cal.exclusionAt(now);
  // The engine's own answer, so the panel and the server name the same instant.
  if (exclusion) return { kind: 'exclusion', reason: exclusion.reason ?? 'maintenance', until: cal.exclusionUntil(now) };
  return { kind: 'outsideHours', resumesAt: cal.nextOpen(now) };
}

function frozenByReason(metric: MetricSnapshot): Frozen | null {
  const reason = metric.pauseReason;
  if (!reason) return null;
  if (reason.kind === 'condition') return { kind: 'condition', label: reason.label };
  if (reason.kind === 'exclusion') return { kind: 'exclusion', reason: reason.reason, until: reason.until };
  return { kind: 'outsideHours', resumesAt: reason.resumesAt };
}

function toneOf(state: MetricState, metric: MetricSnapshot, elapsedMs: number, goalMs: number | null, warnings: WarningList): Tone {
  if (state === 'met') return 'success';
  if (state === 'breachedRunning' || state === 'breachedCompleted') return 'danger';
  if (goalMs === null) return 'default';
  if (goalMs - elapsedMs < 0) return 'danger';
  if (metric.warningsCrossed.length > 0 || warnings.some((w) => crossed(w, elapsedMs, goalMs))) return 'warning';
  return 'default';
}

function crossed(w: WarningList[number], elapsedMs: number, goalMs: number): boolean {
  if (w.kind === 'percent') return elapsedMs >= (goalMs * w.percent) / 100;
  return goalMs - elapsedMs <= w.minutes * 60_000;
}
