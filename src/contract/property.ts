/**
 * The `sla` issue property: what JQL, dashboards and automation see (indexed paths in manifest.yml).
 * It holds only values that change when the SLA state changes, so a hash of it tells whether a
 * write is needed. Layout:
 *   metrics.<key>.{state, due, breached, goal}  per metric, plus name, phase, startedAt, breachedAt, cycles
 *   nextDue, breached, breachedMetrics          across metrics
 *   fired                                        ids of warning/breach actions already fired
 *   hash                                         of everything above
 */
import type { MetricState } from '../core/browser';

/** Issue property key and its size budget (Jira rejects values over 32 KB). */
export const SLA_PROPERTY_KEY = 'sla';
export const SLA_PROPERTY_MAX_BYTES = 32 * 1024;

/** The state JQL users filter on: both breached phases read as `breached`. */
export type JqlState = 'notStarted' | 'running' | 'paused' | 'met' | 'breached' | 'notApplicable';

export interface MetricProperty {
  name: string;
  state: JqlState;
  phase: MetricState;
  due: string | null;
  breached: 'true' | 'false';
  goal: string | null;
  startedAt: string | null;
  breachedAt: string | null;
  /** Completed cycles, oldest first; trimmed first when the property would exceed 32 KB. */
  cycles: Array<{ start: string; stop: string | null; met: boolean | null }>;
}

export interface SlaProperty {
  v: 1;
  policyVersion: number;
  metrics: Record<string, MetricProperty>;
  nextDue: string | null;
  breached: 'true' | 'false';
  breachedMetrics: string[];
  fired: string[];
  hash: string;
}
