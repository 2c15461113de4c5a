/**
 * Issue history (input) and SLA snapshot (output) of evaluate(). Instants are epoch ms.
 */
import type { Instant } from '../time';

/** Field ids used in history: Jira's changelog `fieldId`s ("status", "priority", "resolution",
 * "assignee", "labels", "issuetype", "components", "customfield_10042" …). Values are ids
 * (status id, priority id, option id, accountId); labels/components are space-joined lists. */
export interface FieldChange {
  /** Changelog history id + item index, e.g. "10231#0": unique, used to dedupe. */
  id: string;
  at: Instant;
  field: string;
  from: string | null;
  to: string | null;
}

export type CommentAuthorKind = 'agent' | 'customer' | 'app';

export interface HistoryComment {
  id: string;
  at: Instant;
  author: CommentAuthorKind;
  public: boolean;
}

export interface IssueHistory {
  issueId: string;
  createdAt: Instant;
  /** Field values at creation (ids, as in FieldChange). For list fields, space-joined. */
  initial: Record<string, string | null>;
  changes: FieldChange[];
  comments: HistoryComment[];
  /** Status id -> category, needed for category conditions. */
  statusCategories: Record<string, 'new' | 'indeterminate' | 'done'>;
}

export type MetricState =
  | 'notStarted'
  | 'running'
  | 'paused'
  | 'met'
  | 'breachedRunning'
  | 'breachedCompleted'
  | 'notApplicable';

/** Why a clock is not counting right now. */
export type PauseReason =
  | { kind: 'condition'; condition: string; label: string }
  | { kind: 'outsideHours'; resumesAt: Instant | null }
  | { kind: 'exclusion'; reason: string; until: Instant };

export interface CycleSnapshot {
  startedAt: Instant;
  stoppedAt: Instant | null;
  pauses: Array<{ from: Instant; to: Instant | null; condition: string }>;
  goalId: string | null;
  calendarId: string | null;
  /** Goal in business ms (null = track only / no goal). */
  goalMs: number | null;
  elapsedMs: number;
  remainingMs: number | null;
  dueAt: Instant | null;
  breachedAt: Instant | null;
  met: boolean | null;
}

export interface MetricSnapshot {
  key: string;
  name: string;
  state: MetricState;
  /** The current (last) cycle, duplicated from cycles for convenience. */
  current: CycleSnapshot | null;
  cycles: CycleSnapshot[];
  goal: { id: string; name: string; target: string } | null;
  calendarId: string | null;
  pauseReason: PauseReason | null;
  /** Warning thresholds crossed in the current cycle, as instants. */
  warningsCrossed: Array<{ threshold: string; at: Instant }>;
  /** Next instant at which this metric's state changes with no new event. */
  nextCheckAt: Instant | null;
}

export interface HistoryProblem {
  code: 'HIST_CHANGE_BEFORE_CREATION' | 'HIST_UNKNOWN_STATUS' | 'HIST_DUPLICATE_ID_CONFLICT' | 'HIST_BAD_INSTANT';
  message: string;
  ref?: string;
}

export interface SlaSnapshot {
  issueId: string;
  evaluatedAt: Instant;
  metrics: MetricSnapshot[];
  nextCheckAt: Instant | null;
  problems: HistoryProblem[];
}
