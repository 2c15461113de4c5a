/**
 * Which warning and breach actions are due, as a pure function of a snapshot and its policy.
 *
 * Per metric: every warning its current cycle has crossed, earliest first, then, while the cycle runs
 * past its goal, its breach actions. Warnings stay due once the cycle has breached: a warning and the
 * breach can fall inside one sweep gap (or one clock jump), and the warning still fires first.
 * Completed cycles never fire: a recompute after a configuration change must not send escalations for
 * tickets closed long ago. Ids are stable per cycle, so firing can be made once-only.
 */
import type { PolicySpec, SlaAction } from '../policy/types';
import type { MetricSnapshot, SlaSnapshot } from './types';

export interface DueAction {
  id: string;
  action: SlaAction;
  /**
   * A warning of a cycle that has already breached is late: it fires (before the breach) only while
   * this breach action has not fired, so a warning missed by an older version is not sent after its
   * breach.
   */
  unlessFired?: string;
}

function breachActions(m: MetricSnapshot, actions: SlaAction[]): DueAction[] {
  const cur = m.current;
  if (m.state !== 'breachedRunning' || !cur) return [];
  return actions.map((action, i) => ({ id: `${m.key}:${cur.startedAt}:breach:${i}`, action }));
}

/** Threshold labels ("50%", "30 min before breach") as a token safe inside KVS keys. */
export const thresholdToken = (label: string) =>
  label.replace(/%/g, 'pct').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '');

function warningActions(m: MetricSnapshot, actions: SlaAction[], breach: DueAction | undefined): DueAction[] {
  const cur = m.current;
  if ((m.state !== 'running' && m.state !== 'paused' && m.state !== 'breachedRunning') || !cur) return [];
  const crossed = [...m.warningsCrossed].sort((a, b) => a.at - b.at);
  return crossed.flatMap((w) =>
    actions.map((action, i) => ({
      id: `${m.key}:${cur.startedAt}:warning-${thresholdToken(w.threshold)}:${i}`,
      action,
      ...(breach ? { unlessFired: breach.id } : {}),
    })),
  );
}

export function dueActions(snapshot: SlaSnapshot, policy: PolicySpec): DueAction[] {
  return snapshot.metrics.flatMap((m) => {
    const spec = policy.metrics.find((s) => s.key === m.key);
    if (!spec) return [];
    const breach = breachActions(m, spec.breachActions ?? []);
    return [...warningActions(m, spec.warningActions ?? [], breach[0]), ...breach];
  });
}
