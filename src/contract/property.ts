/**
 * The `sla` issue property: what JQL, filters, list badges, dashboards and automation see (indexed
 * paths in manifest.yml). It holds only facts that do not move with the clock between two scheduled
 * checks (src/core/evaluate/stored.ts), so what JQL finds at any instant is what a fresh evaluation
 * would write then. Layout:
 *   metrics.<key>.{state, due, breached, goal}  per metric, plus name, phase, startedAt, breachedAt, cycles
 *   nextDue, breached, breachedMetrics          across metrics
 *   checkAt                                      the next scheduled check (warning or breach instant)
 *   policyVersion, gen                           configuration version and integrity-key epoch it was written under
 *   seen                                         the issue's `updated` instant the app had read
 *   sig                                          HMAC of everything above and the issue id, keyed by the app's secret
 * Nothing is carried over from one written property to the next: it is rebuilt from the issue.
 */
import type { StoredMetric, StoredMetricState } from '../core/browser';

/** Issue property key and its size budget (Jira rejects values over 32 KB). */
export const SLA_PROPERTY_KEY = 'sla';
export const SLA_PROPERTY_MAX_BYTES = 32 * 1024;

/** Every JQL alias manifest.yml indexes from the property (test: manifest.test.ts pins the two lists equal). */
export const SLA_SEARCH_ALIASES = [
  ...['Response', 'Intervention', 'Resolution', 'Update'].flatMap((m) => ['State', 'Due', 'Breached', 'Goal'].map((f) => `sla${m}${f}`)),
  'slaNextDue', 'slaBreached', 'slaBreachedMetrics', 'slaCheckAt', 'slaPolicyVersion', 'slaGen',
] as const;

/** The state JQL users filter on: `paused` only while a pause condition holds; both breached phases read as `breached`. */
export type JqlState = StoredMetricState;

export type MetricProperty = StoredMetric;

export interface SlaProperty {
  v: 2;
  policyVersion: number;
  metrics: Record<string, MetricProperty>;
  nextDue: string | null;
  breached: 'true' | 'false';
  breachedMetrics: string[];
  checkAt: string | null;
  seen: string | null;
  gen: number;
  sig: string;
}
