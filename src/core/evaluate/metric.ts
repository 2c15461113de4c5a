/** One metric's snapshot: cycles with their business-time figures, state, pause reason, warnings, next check. */
import type { BusinessCalendar } from '../calendar/types';
import type { Instant } from '../time';
import type { MetricSpec, WarningThreshold } from '../policy/types';
import type { CompiledPolicy } from '../policy/compiled';
import { calendarIdFor, selectGoal } from '../policy/goals';
import { formatTarget } from '../policy/target';
import { crossingInstant, timeSegments, warningInstant, type TimedSegment } from './elapsed';
import type { RawCycle } from './machine';
import type { Fields } from './history';
import type { CycleSnapshot, MetricSnapshot, MetricState, PauseReason } from './types';

interface Figured {
  cycle: CycleSnapshot;
  segments: TimedSegment[];
}

function figureCycle(raw: RawCycle, calendars: ReadonlyMap<string, BusinessCalendar>, now: Instant): Figured {
  const segments = timeSegments(raw, calendars, now);
  const last = segments[segments.length - 1];
  const lastSeg = raw.segments[raw.segments.length - 1];
  const elapsedMs = last?.e1 ?? 0;
  const goalMs = last?.goalMs ?? null;
  const due = crossingInstant(segments, (g) => g);
  const breachedAt = due !== null && due <= (raw.stoppedAt ?? now) ? due : null;
  const cycle: CycleSnapshot = {
    startedAt: raw.startedAt,
    stoppedAt: raw.stoppedAt,
    // A pause that began and ended at one instant (a transition and a stop together) is noise.
    pauses: copyPauses(raw.pauses),
    goalId: lastSeg?.goal?.id ?? null,
    calendarId: lastSeg?.calendarId ?? null,
    goalMs,
    elapsedMs,
    remainingMs: goalMs === null ? null : goalMs - elapsedMs,
    dueAt: raw.stoppedAt === null ? due : breachedAt,
    breachedAt,
    met: metOf(raw, goalMs, breachedAt),
  };
  return { cycle, segments };
}

/** Copies of the pauses, without those that began and ended at one instant (one loop: this runs per cycle). */
function copyPauses(pauses: RawCycle['pauses']): CycleSnapshot['pauses'] {
  const out: CycleSnapshot['pauses'] = [];
  for (const p of pauses) if (p.to !== p.from) out.push({ from: p.from, to: p.to, condition: p.condition });
  return out;
}

/** A cycle closed by a restart or by losing its state is only counted when it had already breached. */
function metOf(raw: RawCycle, goalMs: number | null, breachedAt: Instant | null): boolean | null {
  if (raw.closedBy === null) return null;
  if (raw.closedBy === 'stop') return goalMs === null ? null : breachedAt === null;
  return breachedAt === null ? null : false;
}

/** Condition beats exclusion beats outside hours: the most specific reason is the one people can act on. */
function pauseReasonOf(segments: readonly TimedSegment[], raw: RawCycle, now: Instant): PauseReason | null {
  const last = segments[segments.length - 1];
  const pause = raw.segments[raw.segments.length - 1]?.pause ?? null;
  if (!last || raw.stoppedAt !== null) return null;
  if (pause) return { kind: 'condition', condition: pause.kind, label: raw.pauses[raw.pauses.length - 1]?.condition ?? pause.kind };
  const cal = last.calendar;
  if (!cal) return null;
  const exclusion = cal.exclusionAt(now);
  // Until the windows no longer keep the calendar closed: the clock counts again then, or the reason becomes outsideHours.
  const until = cal.exclusionUntil(now);
  if (exclusion && until !== null) return { kind: 'exclusion', reason: exclusion.reason ?? 'exclusion window', until };
  return cal.isOpen(now) ? null : { kind: 'outsideHours', resumesAt: cal.nextOpen(now) };
}

export function thresholdLabel(w: WarningThreshold): string {
  return w.kind === 'percent' ? `${w.percent}%` : `${w.minutes} min before breach`;
}

function thresholdOf(w: WarningThreshold): (goalMs: number) => number {
  return w.kind === 'percent' ? (g) => Math.round((g * w.percent) / 100) : (g) => Math.max(0, g - w.minutes * 60_000);
}

/** A metric with no matching goal is not applicable, even while its (goal-less) cycle is tracked. */
function stateOf(cycle: CycleSnapshot | null, reason: PauseReason | null, applicable: boolean): MetricState {
  if (!applicable) return 'notApplicable';
  if (cycle === null) return 'notStarted';
  if (cycle.stoppedAt !== null) return cycle.met === false ? 'breachedCompleted' : 'met';
  if (cycle.breachedAt !== null) return 'breachedRunning';
  return reason ? 'paused' : 'running';
}

interface Pending {
  crossed: Array<{ threshold: string; at: Instant }>;
  nextCheckAt: Instant | null;
}

/** Warnings crossed so far under the goal in force, and the next warning or breach instant when the clock is counting. */
function pendingOf(metric: MetricSpec, current: Figured | null, now: Instant): Pending {
  if (!current) return { crossed: [], nextCheckAt: null };
  const { cycle, segments } = current;
  const end = cycle.stoppedAt ?? now;
  const crossed: Pending['crossed'] = [];
  const future: Instant[] = [];
  for (const w of metric.warnings ?? []) {
    const at = warningInstant(segments, thresholdOf(w));
    if (at !== null && at <= end) crossed.push({ threshold: thresholdLabel(w), at });
    else if (at !== null && cycle.stoppedAt === null && (cycle.dueAt === null || at < cycle.dueAt)) future.push(at);
  }
  if (cycle.stoppedAt === null && cycle.dueAt !== null && cycle.dueAt > now) future.push(cycle.dueAt);
  const last = segments[segments.length - 1];
  const counting = last !== undefined && !last.paused;
  return { crossed, nextCheckAt: counting && future.length > 0 ? Math.min(...future) : null };
}

export function metricSnapshot(metric: MetricSpec, raws: readonly RawCycle[], policy: CompiledPolicy, fields: Fields, now: Instant): MetricSnapshot {
  const figured = raws.map((r) => figureCycle(r, policy.calendars, now));
  const current = figured[figured.length - 1] ?? null;
  const lastRaw = raws[raws.length - 1];
  const reason = current && lastRaw ? pauseReasonOf(current.segments, lastRaw, now) : null;
  const goal = current ? lastRaw?.segments[lastRaw.segments.length - 1]?.goal ?? null : selectGoal(metric, fields);
  const calendarId = current ? current.cycle.calendarId : goal ? calendarIdFor(goal.calendar, fields) : null;
  const pending = pendingOf(metric, current, now);
  return {
    key: metric.key,
    name: metric.name,
    state: stateOf(current?.cycle ?? null, reason, goal !== null),
    current: current?.cycle ?? null,
    cycles: figured.map((f) => f.cycle),
    goal: goal ? { id: goal.id, name: goal.name, target: formatTarget(goal.target) } : null,
    calendarId,
    pauseReason: reason,
    warningsCrossed: pending.crossed,
    nextCheckAt: pending.nextCheckAt,
  };
}

/** `now` before the issue was created: nothing has started yet, whatever the goals; check again at creation. */
export function beforeCreation(snapshot: MetricSnapshot, createdAt: Instant): MetricSnapshot {
  return { ...snapshot, state: 'notStarted', pauseReason: null, nextCheckAt: createdAt };
}
