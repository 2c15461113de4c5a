/** Compliance over many issues: met / breached / % and time to meet per metric × goal × month. */
import { DateTime } from 'luxon';
import type { Instant } from '../time';
import type { SlaSnapshot } from '../evaluate/types';

export interface ComplianceRow {
  metricKey: string;
  goalId: string | null;
  /** "YYYY-MM" in the report's zone, of the cycle's stop instant. */
  month: string;
  met: number;
  breached: number;
  /** met / (met + breached) × 100, rounded to 2 decimals; null when nothing was counted. */
  percentMet: number | null;
  /** Nearest-rank median and 90th percentile of the business time met cycles took; null without met cycles. */
  medianToMeetMs: number | null;
  p90ToMeetMs: number | null;
}

/** A counted cycle reduced to what compliance needs. */
export interface CountedCycle {
  metricKey: string;
  goalId: string | null;
  month: string;
  met: boolean;
  elapsedMs: number;
}

export function monthOf(at: Instant, timeZone: string): string {
  return DateTime.fromMillis(at, { zone: timeZone }).toFormat('yyyy-MM');
}

/**
 * The nearest-rank percentile of ascending values: the smallest value with at least p% of values at
 * or below it. Always one of the observed durations (no interpolation), so the figure is exact and an
 * aggregate can reproduce it from counts of equal values.
 * @example nearestRank([1, 2, 3, 4], 50) // 2
 */
export function nearestRank(sorted: readonly number[], percent: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((percent / 100) * sorted.length));
  return sorted[rank - 1] ?? null;
}

export function percentOf(met: number, breached: number): number | null {
  return met + breached === 0 ? null : Math.round((met / (met + breached)) * 10_000) / 100;
}

/** The counted (met or breached) cycles of the snapshots; running, track-only and uncounted cycles are left out. */
export function countedCycles(snapshots: readonly SlaSnapshot[], timeZone: string): CountedCycle[] {
  const out: CountedCycle[] = [];
  for (const snapshot of snapshots) {
    for (const metric of snapshot.metrics) {
      for (const cycle of metric.cycles) {
        if (cycle.met === null || cycle.stoppedAt === null) continue;
        out.push({ metricKey: metric.key, goalId: cycle.goalId, month: monthOf(cycle.stoppedAt, timeZone), met: cycle.met, elapsedMs: cycle.elapsedMs });
      }
    }
  }
  return out;
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Month, then metric key, then goal id with "no goal" last. */
function compareRows(a: ComplianceRow, b: ComplianceRow): number {
  if (a.month !== b.month) return compareText(a.month, b.month);
  if (a.metricKey !== b.metricKey) return compareText(a.metricKey, b.metricKey);
  if (a.goalId === b.goalId) return 0;
  if (a.goalId === null) return 1;
  return b.goalId === null ? -1 : compareText(a.goalId, b.goalId);
}

/**
 * Accumulates counted cycles one at a time, so a caller with many cycles (the report over app
 * storage) never materialises them; summarizeCompliance goes through the same code, which is what
 * keeps the report's figures equal to it.
 */
export class ComplianceAccumulator {
  private readonly groups = new Map<string, { row: ComplianceRow; times: number[] }>();

  add(metricKey: string, goalId: string | null, month: string, met: boolean, elapsedMs: number): void {
    const key = `${month}\u0000${metricKey}\u0000${goalId === null ? '\u0001' : goalId}`;
    let g = this.groups.get(key);
    if (!g) {
      g = { row: { metricKey, goalId, month, met: 0, breached: 0, percentMet: null, medianToMeetMs: null, p90ToMeetMs: null }, times: [] };
      this.groups.set(key, g);
    }
    if (met) {
      g.row.met += 1;
      g.times.push(elapsedMs);
    } else g.row.breached += 1;
  }

  rows(): ComplianceRow[] {
    return [...this.groups.values()]
      .map(({ row, times }) => {
        const sorted = [...times].sort((a, b) => a - b);
        return { ...row, percentMet: percentOf(row.met, row.breached), medianToMeetMs: nearestRank(sorted, 50), p90ToMeetMs: nearestRank(sorted, 90) };
      })
      .sort(compareRows);
  }
}

/** Rows from counted cycles, sorted by month, metric key and goal id (no goal last). */
export function summarizeCounted(cycles: readonly CountedCycle[]): ComplianceRow[] {
  const acc = new ComplianceAccumulator();
  for (const c of cycles) acc.add(c.metricKey, c.goalId, c.month, c.met, c.elapsedMs);
  return acc.rows();
}

/**
 * Counts completed cycles (met or breached) per metric × goal × month of the stop; running,
 * track-only and uncounted cycles are left out. Rows are sorted by month, metric key and goal id.
 * @example summarizeCompliance(snapshots, { timeZone: 'Europe/Berlin' })[0] // { metricKey: 'response', goalId: 'high', month: '2026-03', met: 9, breached: 1, percentMet: 90, … }
 */
export function summarizeCompliance(snapshots: readonly SlaSnapshot[], options: { timeZone?: string } = {}): ComplianceRow[] {
  return summarizeCounted(countedCycles(snapshots, options.timeZone ?? 'UTC'));
}
