/** Service uptime and credits for a month (seed: 99.9% guarantee, 7 or 14 days of credit). */
import type { Instant } from '../time';

export interface Outage {
  start: Instant;
  end: Instant;
}

export interface CreditThreshold {
  /** Uptime strictly below this percentage earns the credit. */
  below: number;
  creditDays: number;
}

export interface UptimeReport {
  periodMs: number;
  downtimeMs: number;
  /** Rounded to 3 decimals; 100 for an empty period. */
  uptimePercent: number;
  creditDays: number;
}

export const DEFAULT_CREDIT_THRESHOLDS: readonly CreditThreshold[] = [
  { below: 99.9, creditDays: 7 },
  { below: 99, creditDays: 14 },
];

/** Overlapping or touching outages count once; parts outside the period are cut off. */
function downtime(outages: readonly Outage[], from: Instant, to: Instant): number {
  const clipped = outages
    .map((o) => ({ start: Math.max(o.start, from), end: Math.min(o.end, to) }))
    .filter((o) => o.end > o.start)
    .sort((a, b) => a.start - b.start);
  let total = 0;
  let coveredTo = from;
  for (const o of clipped) {
    const start = Math.max(o.start, coveredTo);
    if (o.end > start) total += o.end - start;
    coveredTo = Math.max(coveredTo, o.end);
  }
  return total;
}

/**
 * Uptime of [monthStart, monthEnd) and the largest credit whose threshold the uptime falls below.
 * @example computeUptime([{ start: t, end: t + 3_600_000 }], may1, june1).creditDays // 7 (99.87%)
 */
export function computeUptime(
  outages: readonly Outage[],
  monthStart: Instant,
  monthEnd: Instant,
  thresholds: readonly CreditThreshold[] = DEFAULT_CREDIT_THRESHOLDS,
): UptimeReport {
  const periodMs = Math.max(0, monthEnd - monthStart);
  const downtimeMs = periodMs === 0 ? 0 : downtime(outages, monthStart, monthEnd);
  const exact = periodMs === 0 ? 100 : ((periodMs - downtimeMs) / periodMs) * 100;
  const creditDays = thresholds.filter((t) => exact < t.below).reduce((max, t) => Math.max(max, t.creditDays), 0);
  return { periodMs, downtimeMs, uptimePercent: Math.round(exact * 1000) / 1000, creditDays };
}
