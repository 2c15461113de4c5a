/**
 * Per-metric replay: walks the steps and cuts the metric's time into cycles, and each cycle into
 * segments over which the pause state, the goal and the calendar are constant. No calendar maths here.
 */
import type { Instant } from '../time';
import type { Condition, Goal, MetricSpec } from '../policy/types';
import { calendarIdFor, goalFields, selectGoal } from '../policy/goals';
import { describeCondition, isStateCondition } from '../policy/conditions';
import { anyFires, holdsAfter } from './conditions';
import type { Fields, Step } from './history';

export interface Segment {
  from: Instant;
  pause: Condition | null;
  goal: Goal | null;
  calendarId: string | null;
}

export type ClosedBy = 'stop' | 'restart' | 'stateLost';

export interface RawCycle {
  startedAt: Instant;
  stoppedAt: Instant | null;
  closedBy: ClosedBy | null;
  segments: Segment[];
  pauses: Array<{ from: Instant; to: Instant | null; condition: string }>;
}

interface Ctx {
  metric: MetricSpec;
  plan: Plan;
}

/**
 * What a metric reacts to, worked out once per (frozen) metric spec and reused for every issue. The
 * condition lists are unfrozen copies: V8 iterates frozen arrays several times slower.
 */
interface Plan {
  start: readonly Condition[];
  stop: readonly Condition[];
  pause: readonly Condition[];
  comments: boolean;
  /** Start conditions that describe a state (a recurring metric runs while one holds). */
  stateStarts: readonly Condition[];
  /** Only creation starts this metric: once its cycle is closed nothing can reopen it. */
  createdOnly: boolean;
  goalFields: ReadonlySet<string>;
  pauseFields: ReadonlySet<string>;
  /** describeCondition of each pause condition, so a pause costs no string building. */
  pauseLabels: ReadonlyMap<Condition, string>;
}

const COMMENT_KINDS = new Set(['commentByAgent', 'commentByCustomer']);
const plans = new WeakMap<MetricSpec, Plan>();

function pauseFieldsOf(pause: readonly Condition[]): Set<string> {
  const fields = new Set<string>();
  for (const c of pause) {
    if (c.kind === 'resolutionSet' || c.kind === 'resolutionCleared') fields.add('resolution');
    else if (c.kind === 'assigneeSet') fields.add('assignee');
    else fields.add('status');
  }
  return fields;
}

function planOf(metric: MetricSpec): Plan {
  let plan = plans.get(metric);
  if (plan === undefined) {
    plan = {
      start: [...metric.start],
      stop: [...metric.stop],
      pause: [...metric.pause],
      comments: [...metric.start, ...metric.stop].some((c) => COMMENT_KINDS.has(c.kind)),
      stateStarts: metric.start.filter(isStateCondition),
      createdOnly: metric.start.every((c) => c.kind === 'issueCreated'),
      goalFields: goalFields(metric),
      pauseFields: pauseFieldsOf(metric.pause),
      pauseLabels: new Map(metric.pause.map((c) => [c, describeCondition(c)])),
    };
    plans.set(metric, plan);
  }
  return plan;
}

function touches(step: Step, fields: ReadonlySet<string>): boolean {
  for (const f of step.changed) if (fields.has(f)) return true;
  return false;
}

/** The first pause condition that holds after the step, or null. */
function pauseAfter(ctx: Ctx, step: Step): Condition | null {
  const pause = ctx.plan.pause;
  for (let i = 0; i < pause.length; i++) {
    const c = pause[i];
    if (c !== undefined && holdsAfter(c, step)) return c;
  }
  return null;
}

const labelOf = (ctx: Ctx, c: Condition): string => ctx.plan.pauseLabels.get(c) ?? describeCondition(c);

function segmentAt(step: Step, pause: Condition | null, goal: Goal | null, fields: Fields): Segment {
  return { from: step.at, pause, goal, calendarId: goal ? calendarIdFor(goal.calendar, fields) : null };
}

function openCycle(ctx: Ctx, step: Step): RawCycle {
  const pause = pauseAfter(ctx, step);
  const segment = segmentAt(step, pause, selectGoal(ctx.metric, step.next), step.next);
  const pauses = pause ? [{ from: step.at, to: null, condition: labelOf(ctx, pause) }] : [];
  return { startedAt: step.at, stoppedAt: null, closedBy: null, segments: [segment], pauses };
}

function closeCycle(cycle: RawCycle, at: Instant, by: ClosedBy): void {
  cycle.stoppedAt = at;
  cycle.closedBy = by;
  const last = cycle.pauses[cycle.pauses.length - 1];
  if (last && last.to === null) last.to = at;
}

function trackPause(ctx: Ctx, cycle: RawCycle, before: Condition | null, after: Condition | null, at: Instant): void {
  if (before === after) return;
  const last = cycle.pauses[cycle.pauses.length - 1];
  if (before && last && last.to === null) last.to = at;
  if (after) cycle.pauses.push({ from: at, to: null, condition: labelOf(ctx, after) });
}

/** Applies a field change to an open cycle; returns the cycle that is open afterwards. */
function update(ctx: Ctx, cycle: RawCycle, step: Step): RawCycle {
  const last = cycle.segments[cycle.segments.length - 1];
  if (!last || step.comment) return cycle;
  const keep = ctx.metric.onGoalChange === 'keepOriginal' || !touches(step, ctx.plan.goalFields);
  const goal = keep ? last.goal : selectGoal(ctx.metric, step.next);
  const calendarId = keep ? last.calendarId : goal ? calendarIdFor(goal.calendar, step.next) : null;
  const goalChanged = goal?.id !== last.goal?.id || calendarId !== last.calendarId;
  if (goalChanged && ctx.metric.onGoalChange === 'restart') {
    closeCycle(cycle, step.at, 'restart');
    return openCycle(ctx, step);
  }
  const pause = touches(step, ctx.plan.pauseFields) ? pauseAfter(ctx, step) : last.pause;
  if (!goalChanged && pause === last.pause) return cycle;
  trackPause(ctx, cycle, last.pause, pause, step.at);
  cycle.segments.push({ from: step.at, pause, goal, calendarId });
  return cycle;
}

function stateHoldsAfter(ctx: Ctx, step: Step): boolean {
  const starts = ctx.plan.stateStarts;
  for (let i = 0; i < starts.length; i++) {
    const c = starts[i];
    if (c !== undefined && holdsAfter(c, step)) return true;
  }
  return false;
}

/**
 * Cycles of one metric, oldest first. At each step a stop is applied before a start, so one
 * transition can close a cycle and open the next (reopen, recurring cadence); a step that both
 * starts and stops with no cycle open gives a zero-length cycle, except for a recurring metric,
 * whose intervals never close at the instant they open.
 */
export function replayMetric(metric: MetricSpec, steps: readonly Step[]): RawCycle[] {
  const ctx: Ctx = { metric, plan: planOf(metric) };
  const cycles: RawCycle[] = [];
  let open: RawCycle | null = null;
  for (const step of steps) {
    if (step.comment && !ctx.plan.comments) continue;
    open = advance(ctx, open, step, cycles);
    if (open === null && ctx.plan.createdOnly) break; // the creation step has passed: nothing can start it again
  }
  return cycles;
}

/** One step of one metric: returns the cycle open after it, pushing any newly opened cycle. */
function advance(ctx: Ctx, current: RawCycle | null, step: Step, cycles: RawCycle[]): RawCycle | null {
  const recurring = ctx.metric.mode === 'recurring';
  const stopFires = anyFires(ctx.plan.stop, step);
  // A recurring interval is never stopped at the instant it opened: it would count an interval no
  // time could run in. It keeps running if its start state holds, else it ends without a result below.
  const stopped = current !== null && stopFires && !(recurring && current.startedAt === step.at);
  if (current && stopped) closeCycle(current, step.at, 'stop');
  const open = stopped ? null : current;
  if (open && recurring && !step.comment && !stateHoldsAfter(ctx, step)) {
    closeCycle(open, step.at, 'stateLost');
    return null;
  }
  if (open) {
    const next = update(ctx, open, step);
    if (next !== open) cycles.push(next);
    return next;
  }
  if (!startsAt(ctx, step, stopped)) return null;
  const opened = openCycle(ctx, step);
  cycles.push(opened);
  // Started and stopped by one step with no cycle to close (an issue created already resolved):
  // a zero-length cycle, rather than a clock that runs until the next stop. Not for a recurring
  // interval, which a stop at its opening instant never closes (above).
  if (stopFires && !stopped && !recurring) {
    closeCycle(opened, step.at, 'stop');
    return null;
  }
  return opened;
}

/** A recurring metric starts its next interval right after a stop while its start state holds. */
function startsAt(ctx: Ctx, step: Step, stopped: boolean): boolean {
  if (stopped && ctx.metric.mode === 'recurring') return stateHoldsAfter(ctx, step);
  return anyFires(ctx.plan.start, step);
}
