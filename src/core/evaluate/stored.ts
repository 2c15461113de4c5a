/**
 * The stored SLA state: the part of a snapshot that leaves the panel (the `sla` issue property that
 * JQL, filters, list badges and dashboards read). It is written only at issue events and at scheduled
 * checks, so it must hold only facts that do not move with the clock in between:
 *
 * - `state` is `paused` only while a pause *condition* holds (an issue fact). A counting clock outside
 *   business hours, on a holiday or in an exclusion window is `running`: whether the calendar is open
 *   right now is a property of the clock, not of the issue, and would change every morning and evening
 *   with no write to follow it (JSM keeps "within calendar hours" apart from paused for the same reason).
 * - `due` (the projected breach instant) does not move while the calendar is closed: closed time does
 *   not count, so the projection is the same before, during and after the closure.
 * - Breach (`breached`, `breachedAt`, `state: breached`) changes at the breach instant, which is a
 *   scheduled check (`checkAt`).
 *
 * Invariant, pinned by a property test: for t1 < t2 with no history item and no check in (t1, t2],
 * `storedState(evaluate(h, p, t1))` equals `storedState(evaluate(h, p, t2))`.
 */
import type { CycleSnapshot, MetricSnapshot, MetricState, SlaSnapshot } from './types';

export type StoredMetricState = 'notStarted' | 'running' | 'paused' | 'met' | 'breached' | 'notApplicable';

export interface StoredMetric {
  name: string;
  state: StoredMetricState;
  /** The engine's finer state, with the same rule for `paused` (a condition holds). */
  phase: MetricState;
  due: string | null;
  breached: 'true' | 'false';
  goal: string | null;
  startedAt: string | null;
  breachedAt: string | null;
  /** Completed cycles, oldest first. */
  cycles: Array<{ start: string; stop: string | null; met: boolean | null }>;
}

export interface StoredState {
  metrics: Record<string, StoredMetric>;
  /** Earliest due instant of running or paused metrics. */
  nextDue: string | null;
  breached: 'true' | 'false';
  breachedMetrics: string[];
  /** The next scheduled check (warning or breach instant); null when nothing is pending. */
  checkAt: string | null;
}

const STORED_STATE: Record<MetricState, StoredMetricState> = {
  notStarted: 'notStarted',
  running: 'running',
  paused: 'paused',
  met: 'met',
  breachedRunning: 'breached',
  breachedCompleted: 'breached',
  notApplicable: 'notApplicable',
};

/** ISO-8601 UTC without milliseconds: the form Jira's `date` index documents. */
export const isoSeconds = (ms: number | null | undefined): string | null =>
  ms === null || ms === undefined || !Number.isFinite(ms) ? null : new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** `paused` only for a pause condition; a clock stopped by the calendar alone still runs in the stored sense. */
export function storedPhase(m: MetricSnapshot): MetricState {
  return m.state === 'paused' && m.pauseReason?.kind !== 'condition' ? 'running' : m.state;
}

function storedMetric(m: MetricSnapshot): StoredMetric {
  const cur = m.current;
  const completed = m.cycles.filter((c: CycleSnapshot) => c !== cur && c.stoppedAt !== null);
  const phase = storedPhase(m);
  return {
    name: m.name,
    state: STORED_STATE[phase],
    phase,
    due: isoSeconds(cur?.dueAt),
    breached: phase === 'breachedRunning' || phase === 'breachedCompleted' ? 'true' : 'false',
    goal: m.goal?.name ?? null,
    startedAt: isoSeconds(cur?.startedAt),
    breachedAt: isoSeconds(cur?.breachedAt),
    cycles: completed.map((c) => ({ start: isoSeconds(c.startedAt) ?? '', stop: isoSeconds(c.stoppedAt), met: c.met })),
  };
}

function nextDueOf(snapshot: SlaSnapshot): string | null {
  let min: number | null = null;
  for (const m of snapshot.metrics) {
    const due = m.current?.dueAt;
    if ((m.state === 'running' || m.state === 'paused') && typeof due === 'number') min = min === null ? due : Math.min(min, due);
  }
  return isoSeconds(min);
}

export function storedState(snapshot: SlaSnapshot): StoredState {
  const metrics = Object.fromEntries(snapshot.metrics.map((m) => [m.key, storedMetric(m)]));
  const breachedMetrics = Object.entries(metrics).filter(([, m]) => m.breached === 'true').map(([k]) => k);
  return {
    metrics,
    nextDue: nextDueOf(snapshot),
    breached: breachedMetrics.length ? 'true' : 'false',
    breachedMetrics,
    checkAt: isoSeconds(snapshot.nextCheckAt),
  };
}
