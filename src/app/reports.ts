/**
 * The project SLA report, read from the aggregates: compliance per metric × goal × month in the
 * report's zone, a per-metric trend, and the breached cycles. Figures come from the core's
 * summarizeCounted over exactly the cycles summarizeCompliance would count, so they are equal to it.
 */
import { DateTime } from 'luxon';
import { ComplianceAccumulator, monthBounds, percentOf, type ComplianceRow, type ReportCycle } from '../core';
import type { ReportFiltersDto, TrendPointDto } from '../contract';
import { scanCycles, type PackedCycle } from '../store/reportAggregates';

/** Inclusive "YYYY-MM" range in the report zone, and the metric, goal and priority (null: all). */
export type ReportFilters = ReportFiltersDto;

export interface ReportRow extends ReportCycle {
  stoppedAt: number;
  met: boolean;
  priorityId: string | null;
  /** Month of the stop in the report zone. */
  month: string;
}

export interface ProjectReport {
  filters: ReportFilters;
  rows: ComplianceRow[];
  trend: TrendPointDto[];
  /** The newest breached cycles, newest first, at most the requested number. */
  breached: ReportRow[];
  breachedTotal: number;
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

/**
 * The report month of a stop instant, from the months' bounds in the report zone (worked out once):
 * a zone conversion per cycle would dominate the time to open a large report.
 */
function monthFinder(months: readonly string[], timeZone: string): (at: number) => string | null {
  const bounds = months.flatMap((m) => {
    const b = monthBounds(m, timeZone);
    return b ? [{ month: m, ...b }] : [];
  });
  return (at) => {
    for (const b of bounds) if (at >= b.start && at < b.end) return b.month;
    return null;
  };
}

/** Ids of the only issues to count (the viewer's, see viewerScope.ts), or null for every issue. */
export type IssueFilter = ReadonlySet<string> | null;

type Visit = (issueId: string, issueKey: string, priorityId: string | null, cycle: Readonly<PackedCycle>, month: string) => void;

/**
 * Calls `visit` for every stored cycle that passes the filters, with its month in the report zone.
 * `cycle` is reused by the scan: a visit that keeps it copies it (rowOf).
 */
async function visitCycles(projectId: string, f: ReportFilters, months: readonly string[], only: IssueFilter, visit: Visit): Promise<void> {
  const monthAt = monthFinder(months, f.timeZone);
  await scanCycles(projectId, storageMonths(months), (issueId, issueKey, priorityId, cycle) => {
    if (only !== null && !only.has(issueId)) return;
    if (f.priorityId !== null && priorityId !== f.priorityId) return;
    if ((f.metricKey !== null && cycle[0] !== f.metricKey) || (f.goalId !== null && cycle[1] !== f.goalId)) return;
    const month = monthAt(cycle[3]);
    if (month !== null) visit(issueId, issueKey, priorityId, cycle, month);
  });
}

function rowOf(issueId: string, issueKey: string, priorityId: string | null, c: Readonly<PackedCycle>, month: string): ReportRow {
  const [metricKey, goalId, startedAt, stoppedAt, elapsedMs, goalMs, met, breachedAt] = c;
  return { issueId, issueKey, priorityId, metricKey, goalId, startedAt, stoppedAt, elapsedMs, goalMs, met: met === 1, breachedAt, month };
}

class TrendAccumulator {
  private readonly points = new Map<string, TrendPointDto>();

  add(month: string, metricKey: string, met: boolean): void {
    const key = `${month} ${metricKey}`;
    let p = this.points.get(key);
    if (!p) {
      p = { month, metricKey, met: 0, breached: 0, percentMet: null };
      this.points.set(key, p);
    }
    if (met) p.met += 1;
    else p.breached += 1;
  }

  list(): TrendPointDto[] {
    return [...this.points.values()].map((p) => ({ ...p, percentMet: percentOf(p.met, p.breached) })).sort((a, b) => (a.month + a.metricKey < b.month + b.metricKey ? -1 : 1));
  }
}

const byStopThenKey = (a: ReportRow, b: ReportRow): number => a.stoppedAt - b.stoppedAt || (a.issueKey < b.issueKey ? -1 : 1);

/** Keeps the `limit` newest rows seen, trimming in batches so a long run costs O(n log limit). */
class Newest {
  private rows: ReportRow[] = [];
  total = 0;
  constructor(private readonly limit: number) {}

  offer(make: () => ReportRow, stoppedAt: number): void {
    this.total += 1;
    const floor = this.rows.length >= this.limit ? this.rows[this.limit - 1]?.stoppedAt ?? -Infinity : -Infinity;
    if (stoppedAt < floor) return;
    this.rows.push(make());
    if (this.rows.length >= 2 * this.limit) this.trim();
  }

  private trim(): void {
    this.rows = this.rows.sort((a, b) => byStopThenKey(b, a)).slice(0, this.limit);
  }

  list(): ReportRow[] {
    this.trim();
    return this.rows;
  }
}

/** The filtered cycles of a project, in stop order; null for a malformed or too long period. */
export async function reportRows(projectId: string, f: ReportFilters, only: IssueFilter = null): Promise<ReportRow[] | null> {
  const months = monthsBetween(f.fromMonth, f.toMonth);
  if (months === null) return null;
  const rows: ReportRow[] = [];
  await visitCycles(projectId, f, months, only, (id, key, p, c, month) => rows.push(rowOf(id, key, p, c, month)));
  return rows.sort(byStopThenKey);
}

/**
 * The report in one pass over the stored cycles: only breached cycles become row objects, so a
 * 100,000-issue project opens without building 200,000 of them. Null for a malformed or too long period.
 */
export async function projectReport(projectId: string, f: ReportFilters, breachedLimit = 200, only: IssueFilter = null): Promise<ProjectReport | null> {
  const months = monthsBetween(f.fromMonth, f.toMonth);
  if (months === null) return null;
  const compliance = new ComplianceAccumulator();
  const trend = new TrendAccumulator();
  const breached = new Newest(breachedLimit);
  let cycleCount = 0;
  await visitCycles(projectId, f, months, only, (id, key, p, c, month) => {
    const met = c[6] === 1;
    compliance.add(c[0], c[1], month, met, c[4]);
    trend.add(month, c[0], met);
    if (!met) breached.offer(() => rowOf(id, key, p, c, month), c[3]);
    cycleCount += 1;
  });
  return { filters: f, rows: compliance.rows(), trend: trend.list(), breached: breached.list(), breachedTotal: breached.total, cycleCount };
}
