/**
 * The project SLA report, read from the aggregates: compliance per metric × goal × month in the
 * report's zone, a per-metric trend, and the breached cycles. Figures come from the core's
 * summarizeCounted over exactly the cycles summarizeCompliance would count, so they are equal to it.
 */
import { DateTime } from 'luxon';
import { monthOf, percentOf, summarizeCounted, type ComplianceRow, type ReportCycle } from '../core';
import { readShards, type ShardRecord } from '../store/reportAggregates';

export interface ReportFilters {
  /** Inclusive "YYYY-MM" range in the report zone. */
  fromMonth: string;
  toMonth: string;
  timeZone: string;
  metricKey: string | null;
  goalId: string | null;
  priorityId: string | null;
}

export interface ReportRow extends ReportCycle {
  stoppedAt: number;
  met: boolean;
  priorityId: string | null;
  /** Month of the stop in the report zone. */
  month: string;
}

export interface TrendPoint {
  month: string;
  metricKey: string;
  met: number;
  breached: number;
  percentMet: number | null;
}

export interface ProjectReport {
  filters: ReportFilters;
  rows: ComplianceRow[];
  trend: TrendPoint[];
  breached: ReportRow[];
  /** Counted cycles behind the figures. */
  cycleCount: number;
}

/** Longest period a report covers, so one request stays within storage read limits. */
export const MAX_REPORT_MONTHS = 24;

/** Every month from `from` to `to` inclusive, or null when the range is malformed or too long. */
export function monthsBetween(from: string, to: string): string[] | null {
  const a = DateTime.fromFormat(from, 'yyyy-MM', { zone: 'UTC' });
  const b = DateTime.fromFormat(to, 'yyyy-MM', { zone: 'UTC' });
  if (!a.isValid || !b.isValid || b < a) return null;
  const out: string[] = [];
  for (let m = a; m <= b && out.length <= MAX_REPORT_MONTHS; m = m.plus({ months: 1 })) out.push(m.toFormat('yyyy-MM'));
  return out.length > MAX_REPORT_MONTHS ? null : out;
}

/** UTC storage months holding every stop of the zone's months: one extra at each end covers any offset. */
function storageMonths(months: readonly string[]): string[] {
  const first = DateTime.fromFormat(months[0] ?? '', 'yyyy-MM', { zone: 'UTC' });
  const last = DateTime.fromFormat(months[months.length - 1] ?? '', 'yyyy-MM', { zone: 'UTC' });
  return monthsBetween(first.minus({ months: 1 }).toFormat('yyyy-MM'), last.plus({ months: 1 }).toFormat('yyyy-MM')) ?? [];
}

function rowsOf(shards: readonly ShardRecord[], f: ReportFilters, months: ReadonlySet<string>): ReportRow[] {
  const out: ReportRow[] = [];
  for (const shard of shards) {
    for (const [issueId, filed] of Object.entries(shard.issues)) {
      if (f.priorityId !== null && filed.p !== f.priorityId) continue;
      for (const [metricKey, goalId, startedAt, stoppedAt, elapsedMs, goalMs, met, breachedAt] of filed.c) {
        if ((f.metricKey !== null && metricKey !== f.metricKey) || (f.goalId !== null && goalId !== f.goalId)) continue;
        const month = monthOf(stoppedAt, f.timeZone);
        if (!months.has(month)) continue;
        out.push({ issueId, issueKey: filed.k, priorityId: filed.p, metricKey, goalId, startedAt, stoppedAt, elapsedMs, goalMs, met: met === 1, breachedAt, month });
      }
    }
  }
  return out;
}

function trendOf(rows: readonly ReportRow[]): TrendPoint[] {
  const points = new Map<string, TrendPoint>();
  for (const r of rows) {
    const key = `${r.month} ${r.metricKey}`;
    const p = points.get(key) ?? { month: r.month, metricKey: r.metricKey, met: 0, breached: 0, percentMet: null };
    if (r.met) p.met += 1;
    else p.breached += 1;
    points.set(key, p);
  }
  return [...points.values()].map((p) => ({ ...p, percentMet: percentOf(p.met, p.breached) })).sort((a, b) => (a.month + a.metricKey < b.month + b.metricKey ? -1 : 1));
}

/** The filtered cycles of a project, as stored; null for a malformed or too long period. */
export async function reportRows(projectId: string, f: ReportFilters): Promise<ReportRow[] | null> {
  const months = monthsBetween(f.fromMonth, f.toMonth);
  if (months === null) return null;
  const shards = await readShards(projectId, storageMonths(months));
  return rowsOf(shards, f, new Set(months)).sort((a, b) => a.stoppedAt - b.stoppedAt || (a.issueKey < b.issueKey ? -1 : 1));
}

/** The report; null for a malformed or too long period. */
export async function projectReport(projectId: string, f: ReportFilters): Promise<ProjectReport | null> {
  const rows = await reportRows(projectId, f);
  if (rows === null) return null;
  return {
    filters: f,
    rows: summarizeCounted(rows),
    trend: trendOf(rows),
    breached: rows.filter((r) => r.met === false).reverse(),
    cycleCount: rows.length,
  };
}
