/**
 * SLA policy model: the JSON an admin saves per project (schemaVersion 1), validated into a Policy.
 * Ids only (status ids, option ids, field ids) — never names, which admins rename.
 */
import type { CalendarSpec } from '../calendar/types';

export type StatusCategory = 'new' | 'indeterminate' | 'done';

/** A condition that starts, pauses or stops a metric's clock. Each list is any-of. */
export type Condition =
  | { kind: 'issueCreated' }
  | { kind: 'statusEntered'; statusIds: string[] }
  | { kind: 'statusLeft'; statusIds: string[] }
  /** For pause conditions: true while the issue is in one of these statuses. */
  | { kind: 'inStatus'; statusIds: string[] }
  | { kind: 'statusCategoryEntered'; categories: StatusCategory[] }
  | { kind: 'inStatusCategory'; categories: StatusCategory[] }
  | { kind: 'resolutionSet' }
  | { kind: 'resolutionCleared' }
  | { kind: 'assigneeSet' }
  | { kind: 'assigneeChanged' }
  | { kind: 'commentByAgent' }
  | { kind: 'commentByCustomer' }
  | { kind: 'fieldChanged'; fieldId: string; toValue?: string }
  | { kind: 'labelAdded'; label?: string }
  | { kind: 'priorityChanged' };

export type ConditionKind = Condition['kind'];

/** Goal criteria: all given criteria must match (each list is any-of). */
export interface GoalMatch {
  priorityIds?: string[];
  issueTypeIds?: string[];
  /** A custom field value (select option id), e.g. Severity. */
  field?: { fieldId: string; optionIds: string[] };
  labels?: string[];
  componentIds?: string[];
  /** Customer / organisation field (any field id) with accepted values. */
  customer?: { fieldId: string; values: string[] };
}

export type GoalTarget =
  | { kind: 'minutes'; minutes: number }
  /** endOfDay: due at the close of the Nth business day instead of at the same time of day (absent = false). */
  | { kind: 'businessDays'; days: number; endOfDay?: boolean }
  | { kind: 'trackOnly' };

/** Which calendar a goal counts on: a fixed one, or chosen by an issue field value with a fallback. */
export type CalendarRef =
  | { kind: 'fixed'; calendarId: string }
  | { kind: 'fromField'; fieldId: string; map: Record<string, string>; fallbackCalendarId: string };

export interface Goal {
  id: string;
  /** Human label, e.g. "High". */
  name: string;
  match: GoalMatch;
  target: GoalTarget;
  calendar: CalendarRef;
}

export type WarningThreshold = { kind: 'percent'; percent: number } | { kind: 'beforeBreach'; minutes: number };

export type SlaAction =
  | { kind: 'comment'; body: string; internal?: boolean }
  | { kind: 'label'; label: string }
  | { kind: 'notify'; to: Array<'assignee' | 'watchers' | 'reporter'>; subject: string };

/** keepElapsed: switch to the new goal, keeping elapsed time (default). restart: new cycle. keepOriginal: goal fixed at start. */
export type GoalChangeMode = 'keepElapsed' | 'restart' | 'keepOriginal';

export interface MetricSpec {
  /** Short stable key used in the issue property and JQL aliases, e.g. "response", "resolution". [a-z][a-zA-Z0-9]{0,23} */
  key: string;
  name: string;
  /** 'once': one clock per cycle. 'recurring': each stop (e.g. agent public comment) starts the next interval at once (status-update cadence). */
  mode: 'once' | 'recurring';
  start: Condition[];
  pause: Condition[];
  stop: Condition[];
  goals: Goal[];
  onGoalChange?: GoalChangeMode;
  warnings?: WarningThreshold[];
  warningActions?: SlaAction[];
  breachActions?: SlaAction[];
}

export interface PolicySpec {
  schemaVersion: 1;
  name: string;
  metrics: MetricSpec[];
  /** Calendars referenced by goals, by id. */
  calendars: CalendarSpec[];
}

/** A Jira object as presets bind it: by id, found by its (renameable) name. */
export interface NamedRef { id: string; name: string }
export interface StatusRef extends NamedRef { category: StatusCategory }
export interface SelectFieldRef extends NamedRef { options: NamedRef[] }

/** The site's priorities, statuses, issue types and select fields that presets bind names to. */
export interface SiteMetadata {
  priorities: NamedRef[];
  statuses: StatusRef[];
  issueTypes: NamedRef[];
  /** Custom select fields (e.g. Severity) with their options. */
  selectFields: SelectFieldRef[];
}

export type PolicyErrorCode =
  | 'POL_SCHEMA_VERSION'
  | 'POL_MALFORMED'
  | 'POL_NO_METRICS'
  | 'POL_DUPLICATE_METRIC'
  | 'POL_BAD_METRIC_KEY'
  | 'POL_EMPTY_METRIC'
  | 'POL_NO_START'
  | 'POL_NO_STOP'
  | 'POL_NO_GOALS'
  | 'POL_GOAL_WITHOUT_TARGET'
  | 'POL_BAD_TARGET'
  | 'POL_UNKNOWN_CALENDAR'
  | 'POL_CONFLICTING_CONDITIONS'
  | 'POL_BAD_CONDITION'
  | 'POL_BAD_WARNING'
  | 'POL_BAD_ACTION'
  | 'POL_ACTION_TOO_LONG'
  | 'POL_DUPLICATE_GOAL'
  | 'POL_CALENDAR';
