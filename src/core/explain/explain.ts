/**
 * explainSla(): for each cycle of each metric, the wall-clock span from start to stop (or now) cut
 * into parts that each say why the time did or did not count. Built on the same replay and segment
 * arithmetic as evaluate(), so the counted parts add up to the snapshot's elapsed time.
 */
import type { BusinessCalendar } from '../calendar/types';
import type { Instant } from '../time';
import type { CompiledPolicy } from '../policy/compiled';
import { describeCondition } from '../policy/conditions';
import type { MetricSpec } from '../policy/types';
import { timeSegments } from '../evaluate/elapsed';
import { evaluate } from '../evaluate/evaluate';
import { replayHistory, type Step } from '../evaluate/history';
import { replayMetric, type RawCycle } from '../evaluate/machine';
import type { CycleSnapshot, IssueHistory } from '../evaluate/types';
import { ClosedTimeLens } from './closed';
import { mergeParts } from './merge';
import type { CycleExplanation, ExplainPart, Explanation, GoalChange } from './types';

interface Ctx {
  steps: readonly Step[];
  calendars: ReadonlyMap<string, BusinessCalendar>;
  lenses: Map<BusinessCalendar, ClosedTimeLens>;
  now: Instant;
}

/** The issue's status after the last step at or before `at`. */
function statusAt(steps: readonly Step[], at: Instant): string | null {
  let status: string | null = null;
  for (const s of steps) {
    if (s.at > at) break;
    status = s.next['status'] ?? null;
  }
  return status;
}

/** A paused span, cut wherever the status changes while the same pause condition keeps holding. */
function pausedParts(ctx: Ctx, from: Instant, to: Instant, condition: string): ExplainPart[] {
  const cuts = ctx.steps.filter((s) => s.at > from && s.at < to).map((s) => s.at);
  const bounds = [from, ...cuts, to];
  const parts: ExplainPart[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const a = bounds[i] as number;
    parts.push({ kind: 'paused', from: a, to: bounds[i + 1] as number, condition, statusId: statusAt(ctx.steps, a) });
  }
  return parts;
}

function countedParts(ctx: Ctx, calendar: BusinessCalendar | null, from: Instant, to: Instant): ExplainPart[] {
  if (calendar === null) return [{ kind: 'counted', from, to }];
  let lens = ctx.lenses.get(calendar);
  if (!lens) {
    lens = new ClosedTimeLens(calendar);
    ctx.lenses.set(calendar, lens);
  }
  return lens.split(from, to);
}

function partsOf(ctx: Ctx, raw: RawCycle): ExplainPart[] {
  const timed = timeSegments(raw, ctx.calendars, ctx.now);
  const parts: ExplainPart[] = [];
  raw.segments.forEach((seg, i) => {
    const from = seg.from;
    const to = Math.min(timed[i]?.to ?? ctx.now, ctx.now);
    if (to <= from) return;
    if (seg.pause) parts.push(...pausedParts(ctx, from, to, describeCondition(seg.pause)));
    else parts.push(...countedParts(ctx, timed[i]?.calendar ?? null, from, to));
  });
  return mergeParts(parts);
}

function goalChangesOf(raw: RawCycle, ctx: Ctx): GoalChange[] {
  const timed = timeSegments(raw, ctx.calendars, ctx.now);
  const changes: GoalChange[] = [];
  for (let i = 1; i < raw.segments.length; i++) {
    const before = raw.segments[i - 1];
    const after = raw.segments[i];
    if (!before || !after) continue;
    if (before.goal?.id === after.goal?.id && before.calendarId === after.calendarId) continue;
    changes.push({ at: after.from, fromGoalId: before.goal?.id ?? null, toGoalId: after.goal?.id ?? null, goalMs: timed[i]?.goalMs ?? null });
  }
  return changes;
}

function explainCycle(ctx: Ctx, metric: MetricSpec, raw: RawCycle, figures: CycleSnapshot, index: number): CycleExplanation {
  return {
    metricKey: metric.key,
    metricName: metric.name,
    cycleIndex: index,
    startedAt: raw.startedAt,
    stoppedAt: raw.stoppedAt,
    until: raw.stoppedAt ?? Math.max(ctx.now, raw.startedAt),
    goalId: figures.goalId,
    goalMs: figures.goalMs,
    elapsedMs: figures.elapsedMs,
    met: figures.met,
    breachedAt: figures.breachedAt,
    parts: partsOf(ctx, raw),
    goalChanges: goalChangesOf(raw, ctx),
  };
}

/**
 * Every cycle of every metric, explained part by part.
 * @example explainSla(history, compiled, now).cycles[0].parts[0] // { kind: 'outsideHours', calendarName: 'CET 9-17', from, to, … }
 */
export function explainSla(history: IssueHistory, policy: CompiledPolicy, now: Instant): Explanation {
  const snapshot = evaluate(history, policy, now);
  const replay = replayHistory(history, now);
  const ctx: Ctx = { steps: replay.steps, calendars: policy.calendars, lenses: new Map(), now };
  const cycles = policy.spec.metrics.flatMap((metric, m) => {
    const figured = snapshot.metrics[m]?.cycles ?? [];
    return replayMetric(metric, replay.steps).flatMap((raw, i) => {
      const figures = figured[i];
      return figures ? [explainCycle(ctx, metric, raw, figures, i)] : [];
    });
  });
  return { issueId: history.issueId, evaluatedAt: now, cycles };
}
