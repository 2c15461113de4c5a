/**
 * Which warning and breach actions are due, as a pure function of a snapshot and its policy.
 *
 * A breach action is due for the current cycle of a metric whose clock is still running past its
 * goal; a warning action per crossed threshold while the cycle is running or paused and not yet
 * breached. Completed cycles never fire: a recompute after a configuration change must not send
 * escalations for tickets closed long ago. Ids are stable per cycle, so firing can be made once-only.
 */
import type { PolicySpec, SlaAction } from '../policy/types';
import type { MetricSnapshot, SlaSnapshot } from './types';

export interface DueAction {
  id: string;
  action: SlaAction;
}

function breachActions(m: MetricSnapshot, actions: SlaAction[]): DueAction[] {
  const cur = m.current;
  if (m.state !== 'breachedRunning' || !cur) return [];
  return actions.map((action, i) => ({ id: `${m.key}:${cur.startedAt}:breach:${i}`, action }));
}

/** Threshold labels ("50%", "30 min before breach") as a token safe inside KVS keys. */
export const thresholdToken = (label: string) =>
  label.replace(/%/g, 'pct').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '');

function warningActions(m: MetricSnapshot, actions: SlaAction[]): DueAction[] {
  const cur = m.current;
  if ((m.state !== 'running' && m.state !== 'paused') || !cur) return [];
  return m.warningsCrossed.flatMap((w) =>
    actions.map((action, i) => ({ id: `${m.key}:${cur.startedAt}:warning-${thresholdToken(w.threshold)}:${i}`, action })),
  );
}

export function dueActions(snapshot: SlaSnapshot, policy: PolicySpec): DueAction[] {
  return snapshot.metrics.flatMap((m) => {
    const spec = policy.metrics.find((s) => s.key === m.key);
    if (!spec) return [];
    return [...breachActions(m, spec.breachActions ?? []), ...warningActions(m, spec.warningActions ?? [])];
  });
}
