/** Resolver contract of reports, explain, uptime and the dashboard gadget (merged into ResolverMap). */
import type { ComplianceRow, CreditRules, CreditStatement, CycleExplanation, Instant, NamedRef, OutageRecord } from '../core/browser';

export interface ReportFiltersDto {
  /** Inclusive "YYYY-MM" range in `timeZone`. */
  fromMonth: string;
  toMonth: string;
  timeZone: string;
  metricKey: string | null;
  goalId: string | null;
  priorityId: string | null;
}

export interface BreachedCycleDto {
  issueKey: string;
  metricKey: string;
  goalId: string | null;
  startedAt: Instant;
  stoppedAt: Instant;
  elapsedMs: number;
  goalMs: number | null;
  breachedAt: Instant | null;
  month: string;
}

/**
 * Which issues a viewer's figures count: `all` of the project; only those the viewer can open
 * (`visible`, some are hidden from them by issue-level security); or none (`withheld`: too many to
 * list one by one, so no figure is shown rather than one counting issues they cannot open).
 */
export type ReportScope = 'all' | 'visible' | 'withheld';

export interface TrendPointDto { month: string; metricKey: string; met: number; breached: number; percentMet: number | null }

export interface CsvFile { filename: string; csv: string }

export interface OutageInput {
  /** Present when editing an existing outage. */
  id?: string;
  service: string;
  customer?: string | null;
  /** ISO-8601 with offset, or epoch ms. */
  start: string | number;
  end: string | number;
  description?: string;
}

/**
 * Outages recorded as issues (seed 003): issues of one type whose two date-time fields hold the
 * start and end. The service is `service`, or the issue's `serviceFieldId` value when it has one;
 * the customer is the `customerFieldId` value (none: the whole service was down).
 */
export interface OutageSourceDto {
  issueTypeId: string;
  startFieldId: string;
  endFieldId: string;
  service: string;
  serviceFieldId: string | null;
  customerFieldId: string | null;
}

/** Breached and soon-due issues the viewer can browse, for the dashboard gadget. */
export interface GadgetIssueDto { key: string; summary: string; dueAt: Instant | null; breachedAt: Instant | null }

/** What the gadget shows for its project and metric (see src/app/gadget.ts). */
export interface GadgetViewDto {
  breached: GadgetIssueDto[];
  dueSoon: GadgetIssueDto[];
  /** A list was cut at one search page. */
  more: boolean;
  compliance: { month: string; met: number; breached: number; percentMet: number | null; scope: ReportScope };
  serverNow: Instant;
}

export interface ReportResolverMap {
  'report.options': {
    payload: Record<string, never>;
    data: {
      configured: boolean; metrics: NamedRef[]; goals: Array<NamedRef & { metricKey: string }>; priorities: NamedRef[]; canEdit: boolean;
      /** Server clock, so the default period follows the site's time rather than a skewed browser clock. */
      serverNow: Instant;
    };
  };
  'report.get': {
    payload: ReportFiltersDto;
    data: {
      rows: ComplianceRow[];
      trend: TrendPointDto[];
      /** Newest first, at most MAX_BREACHED_LISTED; `breachedTotal` counts them all. */
      breached: BreachedCycleDto[];
      breachedTotal: number;
      /** Opens the breached issues in the issue navigator (the first MAX_JQL_KEYS keys); null when none. */
      jql: string | null;
      cycleCount: number;
      /** Which issues the figures, the list and the counts cover for this viewer. */
      scope: ReportScope;
    };
  };
  'report.csv': { payload: ReportFiltersDto & { kind: 'cycles' | 'compliance' }; data: CsvFile };
  'explain.get': {
    payload: { issueId: string; timeZone?: string };
    /** goalNames: metric key → goal id → goal name, for the goal changes of each cycle. */
    data: { cycles: CycleExplanation[]; statusNames: Record<string, string>; goalNames: Record<string, Record<string, string>>; evaluatedAt: Instant; csv: CsvFile };
  };
  'uptime.get': {
    payload: { month: string; timeZone: string };
    data: {
      canEdit: boolean; rev: number; outages: OutageRecord[]; rules: CreditRules; statements: CreditStatement[];
      /** Outages read from issues the viewer can open (`source`), merged into the statements; `more`: some were not read. */
      source: OutageSourceDto | null;
      issueOutages: OutageRecord[];
      issueOutagesMore: boolean;
    };
  };
  'uptime.saveSource': { payload: { source: OutageSourceDto | null }; data: { source: OutageSourceDto | null } };
  /** The site's issue types and fields an admin picks the outage source from. */
  'uptime.sourceFields': { payload: Record<string, never>; data: { issueTypes: NamedRef[]; dateTimeFields: NamedRef[]; otherFields: NamedRef[] } };
  'uptime.saveOutage': { payload: { expectedRev: number; outage: OutageInput }; data: { rev: number; outage: OutageRecord } };
  'uptime.deleteOutage': { payload: { expectedRev: number; id: string }; data: { rev: number } };
  'uptime.saveRules': { payload: { expectedRev: number; rules: unknown }; data: { rev: number; rules: CreditRules } };
  'uptime.statementCsv': { payload: { service: string; customer: string | null; month: string; timeZone: string }; data: CsvFile };
  /** The gadget's project comes from its saved configuration, so it is in the payload and checked as the viewer. */
  'gadget.options': { payload: { projectId: string }; data: { configured: boolean; metrics: NamedRef[] } };
  'gadget.get': { payload: { projectId: string; metricKey: string; dueWithinHours: number; timeZone: string }; data: GadgetViewDto };
}

export const REPORT_RESOLVER_KEYS: ReadonlyArray<keyof ReportResolverMap> = [
  'report.options', 'report.get', 'report.csv', 'explain.get', 'uptime.get', 'uptime.saveOutage', 'uptime.deleteOutage', 'uptime.saveRules', 'uptime.statementCsv',
  'uptime.saveSource', 'uptime.sourceFields',
  'gadget.options', 'gadget.get',
];

export const MAX_BREACHED_LISTED = 200;
export const MAX_JQL_KEYS = 100;
