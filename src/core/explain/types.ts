/** "Explain this SLA": where every millisecond of a cycle went. Instants are epoch ms, parts half-open [from, to). */
import type { Instant } from '../time';

interface PartBase {
  from: Instant;
  to: Instant;
}

/** Business time that counted towards the goal (wall-clock time when no calendar applies). */
export interface CountedPart extends PartBase { kind: 'counted' }
/** The calendar was closed by its weekly hours or a date override. */
export interface OutsideHoursPart extends PartBase { kind: 'outsideHours'; calendarId: string; calendarName: string }
/** The calendar was closed by a holiday; `holiday` names it ("holiday" when no rule names it). */
export interface HolidayPart extends PartBase { kind: 'holiday'; calendarId: string; holiday: string }
/** An exclusion window (announced maintenance and similar) closed the calendar. */
export interface MaintenancePart extends PartBase { kind: 'maintenance'; calendarId: string; reason: string }
/** A pause condition held; `statusId` is the issue's status meanwhile (the shell maps it to a name). */
export interface PausedPart extends PartBase { kind: 'paused'; condition: string; statusId: string | null }

export type ExplainPart = CountedPart | OutsideHoursPart | HolidayPart | MaintenancePart | PausedPart;
export type ExplainPartKind = ExplainPart['kind'];

/** The goal in force changed at `at` (priority edited, calendar field changed …). */
export interface GoalChange {
  at: Instant;
  fromGoalId: string | null;
  toGoalId: string | null;
  /** The new goal in business ms (null: track only / no goal). */
  goalMs: number | null;
}

export interface CycleExplanation {
  metricKey: string;
  metricName: string;
  /** 0-based position among the metric's cycles (a reopened issue has several). */
  cycleIndex: number;
  startedAt: Instant;
  stoppedAt: Instant | null;
  /** End of the explained span: the stop, or `now` for a running cycle. */
  until: Instant;
  goalId: string | null;
  goalMs: number | null;
  /** Equals the counted parts' total, and the snapshot's elapsedMs. */
  elapsedMs: number;
  met: boolean | null;
  breachedAt: Instant | null;
  /** Contiguous, in order, covering [startedAt, until) exactly once; neighbours with equal attributes merged. */
  parts: ExplainPart[];
  goalChanges: GoalChange[];
}

export interface Explanation {
  issueId: string;
  evaluatedAt: Instant;
  cycles: CycleExplanation[];
}
