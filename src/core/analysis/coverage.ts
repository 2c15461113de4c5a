/**
 * Coverage gaps of a policy, shown before it is saved: for each goal (and each calendar it can count
 * on), the longest wall-clock wait from a ticket's arrival to its due instant over the next 12 months
 * and when it happens; and the hours of the week that no calendar of the policy covers.
 * Pure: the caller passes the instant the horizon starts at.
 */
import type { Instant } from '../time';
import type { CompiledPolicy } from '../policy/compiled';
import type { CalendarRef, GoalTarget } from '../policy/types';
import { MS_PER_DAY } from '../time';
import { uncoveredWeek, type UncoveredWeek } from './weekGaps';
import { worstCase, type WorstCase } from './worstCase';

export { worstCase, dueFor, type WorstCase } from './worstCase';
export { uncoveredWeek, type UncoveredWeek, type WeekGap } from './weekGaps';

/** Arrivals are considered over this long (12 months, a leap year's worth). */
export const COVERAGE_HORIZON_MS = 366 * MS_PER_DAY;

export interface GoalCoverage {
  metricKey: string;
  metricName: string;
  goalId: string;
  goalName: string;
  calendarId: string;
  target: GoalTarget;
  /** null for a track-only goal, or when some arrival never falls due within the search horizon. */
  worst: WorstCase | null;
}

export interface CoverageReport {
  from: Instant;
  to: Instant;
  goals: GoalCoverage[];
  uncovered: UncoveredWeek;
}

/** Every calendar a goal can count on: the fixed one, or each mapped one and the fallback. */
function calendarIds(ref: CalendarRef): string[] {
  if (ref.kind === 'fixed') return [ref.calendarId];
  return [...new Set([...Object.values(ref.map), ref.fallbackCalendarId])];
}

/**
 * The coverage report of a validated policy for arrivals in [from, from + 12 months].
 * @example analyzeCoverage(policy, now).goals[0].worst?.wallMs // 100 h on Saxony 9–17 over Easter
 */
export function analyzeCoverage(policy: CompiledPolicy, from: Instant, opts: { to?: Instant; timeZone?: string } = {}): CoverageReport {
  const to = opts.to ?? from + COVERAGE_HORIZON_MS;
  const goals: GoalCoverage[] = [];
  const memo = new Map<string, WorstCase | null>();
  for (const metric of policy.spec.metrics) {
    for (const goal of metric.goals) {
      for (const calendarId of calendarIds(goal.calendar)) {
        const calendar = policy.calendars.get(calendarId);
        if (calendar === undefined) continue;
        // Goals often repeat a target on a calendar (one per priority): analyse each pair once.
        const key = `${calendarId}\u0000${JSON.stringify(goal.target)}`;
        if (!memo.has(key)) memo.set(key, worstCase(calendar, goal.target, from, to));
        goals.push({
          metricKey: metric.key, metricName: metric.name, goalId: goal.id, goalName: goal.name,
          calendarId, target: goal.target, worst: memo.get(key) ?? null,
        });
      }
    }
  }
  const calendars = [...policy.calendars.values()];
  const timeZone = opts.timeZone ?? calendars[0]?.timeZone ?? 'UTC';
  return { from, to, goals, uncovered: uncoveredWeek(calendars, from, to, timeZone) };
}
