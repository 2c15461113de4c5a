/**
 * The resolver contract shared by the backend and the Custom UIs: keys, payloads, responses and the
 * response envelope. UIs import only this file (as `@contract`) and the core's browser entry (`@core/browser`).
 */
import type { CalendarSpec, Instant, NamedRef, OpenWindow, PolicySpec, SiteMetadata, SlaSnapshot } from '../core/browser';
import type { BacktestReport, UncoveredWeek, WorstCase } from '../core';
import { REPORT_RESOLVER_KEYS, type ReportResolverMap } from './reports';
import type { CustomerPanelData } from './customer';

export type ErrorCode =
  | 'FORBIDDEN'
  | 'BAD_REQUEST'
  | 'NOT_FOUND'
  | 'NOT_CONFIGURED'
  | 'VALIDATION_FAILED'
  | 'VERSION_CONFLICT'
  | 'RATE_LIMITED'
  | 'JIRA_UNAVAILABLE'
  /** A customer asked for SLAs in a project that does not show them to customers. */
  | 'NOT_SHOWN'
  | 'INTERNAL';

export interface FieldIssue {
  /** JSON path into the submitted policy, e.g. "metrics[0].goals[2].target" or "calendars[1].week.mon[0].end". */
  path: string;
  code: string;
  message: string;
}

/** Why a resolver call did not succeed: a stable code, a message for people, field issues for forms. */
export interface Failure {
  code: ErrorCode;
  message: string;
  details?: FieldIssue[];
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: Failure };

/** settings.save's recomputeResolvedSince for "recompute every resolved issue too". */
export const RESOLVED_ALL = 'all';

export interface ProjectConfig {
  schemaVersion: 1;
  /** Monotonic, starts at 1 on first save. */
  version: number;
  updatedBy: string;
  updatedAt: string;
  policy: PolicySpec;
}

export type { NamedRef, StatusRef, SelectFieldRef } from '../core/browser';

/** The site metadata the settings page and presets work with; its shape is owned by the core. */
export type JiraMetadata = SiteMetadata;

export interface RecomputeProgress {
  state: 'idle' | 'running' | 'done' | 'failed';
  done: number;
  total: number;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface PresetSummary { id: string; name: string; description: string }

export interface PreviewMetric {
  key: string;
  name: string;
  goalName: string | null;
  target: string | null;
  calendarId: string | null;
  calendarName: string | null;
  calendarTimeZone: string | null;
  dueAt: Instant | null;
  /** Open windows between now and the due instant (capped), for a small timeline. */
  windows: OpenWindow[];
}

/** The longest wait from arrival to due of one goal on one of its calendars, over the next 12 months. */
export interface CoverageGoal {
  metricKey: string;
  metricName: string;
  goalId: string;
  goalName: string;
  calendarId: string;
  calendarName: string;
  timeZone: string;
  /** The target in words, e.g. "4 h". */
  target: string;
  /** null: track only, or never due within the calendar's search horizon. */
  worst: WorstCase | null;
}

/** Issues resolved in the last `days` days, replayed under the saved and the proposed policy. */
export interface WhatIfResult {
  days: number;
  /** The cap on `days` (a resolver must answer within Forge's time limit). */
  maxDays: number;
  issues: number;
  /** More issues matched than were read (issue cap or time budget). */
  truncated: boolean;
  /** Where the histories came from: the app's history mirror (no Jira read), or Jira. */
  source: 'mirror' | 'jira';
  currentPolicyName: string;
  report: BacktestReport;
}

/**
 * An SLA action Jira refused for good (a 4xx other than 429). It is not retried; the panel shows why.
 * `status` is Jira's HTTP status, `reason` Jira's error text (or ours), `at` when it was refused.
 */
export interface ActionFailure {
  actionId: string;
  kind: 'comment' | 'label' | 'notify';
  status: number;
  reason: string;
  at: string;
}

/** The panel as agents see it. */
export interface AgentPanelData {
  view: 'agent';
  configured: boolean;
  projectId: string;
  snapshot: SlaSnapshot | null;
  /** Calendars the panel needs to tick live, holidays materialised as custom dates (no date-holidays in the browser). */
  calendars: CalendarSpec[];
  /** Goal warning thresholds per metric key, for colouring progress bars. */
  warnings: Record<string, Array<{ kind: 'percent'; percent: number } | { kind: 'beforeBreach'; minutes: number }>>;
  /** Server clock at response time, so the panel can correct for a skewed browser clock. */
  serverNow: Instant;
  /** Actions Jira refused for good on this issue, oldest first (at most 20). */
  actionFailures: ActionFailure[];
}

/** Every resolver key with its payload and response. One resolver function serves them all. */
export interface ResolverMap extends ReportResolverMap {
  /** Agents get the full panel; customers only the promise (see customer.ts). */
  'panel.getSla': {
    payload: { issueId: string };
    data: AgentPanelData | CustomerPanelData;
  };
  'settings.getConfig': {
    payload: Record<string, never>;
    /** showCustomers: whether customers see the promise in the panel (default on; see setCustomerView). */
    data: { config: ProjectConfig | null; canEdit: boolean; projectId: string; showCustomers: boolean };
  };
  'settings.setCustomerView': { payload: { show: boolean }; data: { showCustomers: boolean } };
  'settings.validate': { payload: { policy: unknown }; data: { issues: FieldIssue[] } };
  'settings.save': {
    /**
     * Resolved issues keep their values unless asked: RESOLVED_ALL recomputes every resolved issue,
     * a date ("YYYY-MM-DD") those resolved since then, null/absent none. Open issues always are.
     */
    payload: { policy: unknown; expectedVersion: number; recomputeResolvedSince?: string | null };
    data: { config: ProjectConfig; recompute: RecomputeProgress };
  };
  'settings.metadata': { payload: Record<string, never>; data: JiraMetadata };
  'settings.presets': { payload: Record<string, never>; data: { presets: PresetSummary[] } };
  /** A preset bound to this site's priorities, statuses and fields, ready to edit. */
  'settings.applyPreset': { payload: { presetId: string }; data: { policy: PolicySpec; unmatched: string[] } };
  'settings.holidays': {
    payload: { country?: string; state?: string; year: number; types?: string[] };
    data: {
      countries: NamedRef[];
      states: NamedRef[];
      holidays: Array<{ date: string; name: string; type: string; start: string; end: string }>;
    };
  };
  'settings.preview': {
    payload: { policy: unknown; fields: { priorityId?: string; issueTypeId?: string; [fieldId: string]: string | undefined } };
    data: { now: Instant; metrics: PreviewMetric[] };
  };
  'settings.recomputeProgress': { payload: Record<string, never>; data: RecomputeProgress };
  'settings.coverage': { payload: { policy: unknown }; data: { from: Instant; to: Instant; goals: CoverageGoal[]; uncovered: UncoveredWeek } };
  'settings.whatIf': { payload: { policy: unknown; days: number }; data: WhatIfResult };
  /**
   * Removes the project's SLA data: its configuration first, then the `sla` issue properties (Jira bulk
   * delete) and the app's records, as far as one call's time allows; call again until `done`.
   * `confirm` must be the literal REMOVE_DATA_CONFIRMATION.
   */
  'settings.removeData': { payload: { confirm: string }; data: DataRemoval };
}

export const REMOVE_DATA_CONFIRMATION = 'remove';

export interface DataRemoval {
  done: boolean;
  /** In this call: issues whose `sla` property Jira deleted, and issues whose app records were removed. */
  propertiesRemoved: number;
  issuesCleared: number;
}

export type ResolverKey = keyof ResolverMap;
export type PayloadOf<K extends ResolverKey> = ResolverMap[K]['payload'];
export type DataOf<K extends ResolverKey> = ResolverMap[K]['data'];

export const RESOLVER_KEYS: readonly ResolverKey[] = [
  'panel.getSla',
  'settings.getConfig',
  'settings.setCustomerView',
  'settings.validate',
  'settings.save',
  'settings.metadata',
  'settings.presets',
  'settings.applyPreset',
  'settings.holidays',
  'settings.preview',
  'settings.recomputeProgress',
  'settings.coverage',
  'settings.whatIf',
  'settings.removeData',
  ...REPORT_RESOLVER_KEYS,
];

export { SLA_PROPERTY_KEY, SLA_PROPERTY_MAX_BYTES, SLA_SEARCH_ALIASES, type JqlState, type MetricProperty, type SlaProperty } from './property';
export * from './names';
export * from './customer';
export * from './reports';
