/** Compliance over many issues: met / breached / % per metric × goal × month. */
import { DateTime } from 'luxon';
import type { Instant } from '../calendar/types';
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
}

function monthOf(at: Instant, timeZone: string): string {
  return DateTime.fromMillis(at, { zone: timeZone }).toFormat('yyyy-MM');
}

/**
 * Counts completed cycles (met or breached); running, track-only and uncounted cycles are left out.
 * Rows are sorted by month, metric key and goal id.
 * @example summarizeCompliance(snapshots, { timeZone: 'Europe/Berlin' })[0] // { metricKey: 'response', goalId: 'high', month: '2026-03', met: 9, breached: 1, percentMet: 90 }
 */
export function summarizeCompliance(snapshots: readonly SlaSnapshot[], options: { timeZone?: string } = {}): ComplianceRow[] {
  const zone = options.timeZone ?? 'UTC';
  const rows = new Map<string, ComplianceRow>();
  for (const snapshot of snapshots) {
    for (const metric of snapshot.metrics) {
      for (const cycle of metric.cycles) {
        if (cycle.met === null || cycle.stoppedAt === null) continue;
        const month = monthOf(cycle.stoppedAt, zone);
        const key = JSON.stringify([month, metric.key, cycle.goalId]);
        const row = rows.get(key) ?? { metricKey: metric.key, goalId: cycle.goalId, month, met: 0, breached: 0, percentMet: null };
        if (cycle.met) row.met += 1;
        else row.breached += 1;
        rows.set(key, row);
      }
    }
  }
  return [...rows.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, r]) => ({ ...r, percentMet: Math.round((r.met / (r.met + r.breached)) * 10_000) / 100 }));
}
