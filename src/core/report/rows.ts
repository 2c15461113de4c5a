/** The report's CSV documents: cycles, compliance rows, an explanation and a credit statement. */
import type { Instant } from '../time';
import type { ComplianceRow } from '../compliance/summary';
import type { CreditStatement } from '../compliance/credits';
import type { CycleExplanation, ExplainPart } from '../explain/types';
import { toCsv, type Cell } from './csv';
import { formatDuration, formatInstant } from './format';

/** One cycle of one issue, as the report stores and lists it. */
export interface ReportCycle {
  issueId: string;
  issueKey: string;
  metricKey: string;
  goalId: string | null;
  startedAt: Instant;
  stoppedAt: Instant | null;
  elapsedMs: number;
  goalMs: number | null;
  met: boolean | null;
  breachedAt: Instant | null;
}

/** Display names for metric keys and goal ids; ids are shown where a name is missing. */
export interface ReportNames {
  metrics: Readonly<Record<string, string>>;
  goals: Readonly<Record<string, string>>;
}

export function resultOf(c: Pick<ReportCycle, 'met' | 'stoppedAt' | 'breachedAt'>): 'met' | 'breached' | 'running' | 'not counted' {
  if (c.met === true) return 'met';
  if (c.met === false) return 'breached';
  if (c.stoppedAt === null) return c.breachedAt === null ? 'running' : 'breached';
  return 'not counted';
}

export const CYCLE_HEADER = [
  'Issue key', 'Metric', 'Goal', 'Start', 'Stop', 'Elapsed business time', 'Elapsed ms', 'Target', 'Target ms', 'Result', 'Breached at',
] as const;

/**
 * One row per cycle (a reopened issue has several), instants in the report zone.
 * @example cyclesCsv([cycle], names, 'Europe/Paris').split('\r\n')[1] // 'SUP-1,Time to first response,High,2026-03-02T10:00:00+01:00,…,met,'
 */
export function cyclesCsv(cycles: readonly ReportCycle[], names: ReportNames, timeZone: string): string {
  const rows: Cell[][] = cycles.map((c) => [
    c.issueKey, names.metrics[c.metricKey] ?? c.metricKey, c.goalId === null ? '' : names.goals[c.goalId] ?? c.goalId,
    formatInstant(c.startedAt, timeZone), formatInstant(c.stoppedAt, timeZone), formatDuration(c.elapsedMs), c.elapsedMs,
    formatDuration(c.goalMs), c.goalMs, resultOf(c), formatInstant(c.breachedAt, timeZone),
  ]);
  return toCsv(CYCLE_HEADER, rows);
}

export const COMPLIANCE_HEADER = ['Month', 'Metric', 'Goal', 'Met', 'Breached', '% met', 'Median time to meet', 'Median ms', '90th percentile time to meet', '90th percentile ms'] as const;

export function complianceCsv(rows: readonly ComplianceRow[], names: ReportNames): string {
  return toCsv(COMPLIANCE_HEADER, rows.map((r) => [
    r.month, names.metrics[r.metricKey] ?? r.metricKey, r.goalId === null ? '' : names.goals[r.goalId] ?? r.goalId, r.met, r.breached,
    r.percentMet, formatDuration(r.medianToMeetMs), r.medianToMeetMs, formatDuration(r.p90ToMeetMs), r.p90ToMeetMs,
  ]));
}

/** What a part was, in words; `statusNames` maps status ids to their names. */
export function describePart(p: ExplainPart, statusNames: Readonly<Record<string, string>>): string {
  switch (p.kind) {
    case 'counted': return 'Counted business time';
    case 'outsideHours': return `Outside hours of ${p.calendarName}`;
    case 'holiday': return `Holiday: ${p.holiday}`;
    case 'maintenance': return `Maintenance window: ${p.reason}`;
    case 'paused': return p.statusId === null ? `Paused (${p.condition})` : `Paused in status ${statusNames[p.statusId] ?? p.statusId}`;
  }
}

export const EXPLAIN_HEADER = ['Metric', 'Cycle', 'From', 'To', 'Duration', 'Duration ms', 'Counted', 'Reason'] as const;

export function explainCsv(cycles: readonly CycleExplanation[], statusNames: Readonly<Record<string, string>>, timeZone: string): string {
  const rows: Cell[][] = cycles.flatMap((c) => c.parts.map((p) => [
    c.metricName, c.cycleIndex + 1, formatInstant(p.from, timeZone), formatInstant(p.to, timeZone), formatDuration(p.to - p.from), p.to - p.from,
    p.kind === 'counted' ? 'yes' : 'no', describePart(p, statusNames),
  ]));
  return toCsv(EXPLAIN_HEADER, rows);
}

export const STATEMENT_HEADER = ['Outage', 'Customer', 'Start', 'End', 'Counted from', 'Counted to', 'Added downtime', 'Added downtime ms', 'Description'] as const;

/** The statement: a summary block, a blank line, then one row per outage as evidence. */
export function statementCsv(s: CreditStatement): string {
  const summary: Cell[][] = [
    ['Service', s.service], ['Customer', s.customer ?? 'all customers'], ['Month', s.month], ['Time zone', s.timeZone],
    ['Downtime', formatDuration(s.downtimeMs)], ['Uptime %', s.uptimePercent], ['Target %', s.targetPercent], ['Credit days', s.creditDays], [],
  ];
  const evidence: Cell[][] = s.evidence.map((e) => [
    e.outage.id, e.outage.customer ?? 'all customers', formatInstant(e.outage.start, s.timeZone), formatInstant(e.outage.end, s.timeZone),
    formatInstant(e.countedFrom, s.timeZone), formatInstant(e.countedTo, s.timeZone), formatDuration(e.addedMs), e.addedMs, e.outage.description,
  ]);
  return toCsv(['Statement', 'Value'], [...summary, [...STATEMENT_HEADER], ...evidence]);
}
