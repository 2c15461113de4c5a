/**
 * Warning and breach actions, fired exactly once per metric cycle.
 *
 * Which actions are due is pure (`dueActions`): a breach action for the current cycle of a metric
 * whose clock is still running past its goal; a warning action per crossed threshold while the
 * cycle is running or paused and not yet breached. Completed cycles never fire: a recompute after a
 * configuration change must not send escalations for tickets closed long ago.
 *
 * Firing (`fireActions`) claims each id in KVS first (race-safe against a duplicate sweep or a
 * concurrent consumer), then calls Jira; a failed call releases the claim so a later run retries.
 * A crash between claim and call loses that one action rather than sending it twice.
 */
import type { MetricSnapshot, SlaSnapshot } from '../core/evaluate/types';
import type { PolicySpec, SlaAction } from '../core/policy/types';
import type { JiraClient } from '../jira/client';
import type { JiraError } from '../jira/http';
import { claimAction, releaseAction } from '../store/actionClaims';

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

async function perform(jira: JiraClient, issueId: string, a: SlaAction) {
  switch (a.kind) {
    case 'comment':
      return jira.addComment(issueId, a.body, a.internal === true);
    case 'label':
      return jira.addLabel(issueId, a.label);
    case 'notify':
      return jira.notify(issueId, a.subject, a.subject, a.to);
  }
}

export interface FireResult {
  /** Ids now known fired (by us or by a concurrent run). */
  fired: string[];
  failures: Array<{ id: string; error: JiraError }>;
}

/** `suppress` records actions as fired without calling Jira (bulk recompute after a config change). */
export async function fireActions(jira: JiraClient, issueId: string, pending: DueAction[], now: number, suppress = false): Promise<FireResult> {
  const result: FireResult = { fired: [], failures: [] };
  for (const p of pending) {
    if (!(await claimAction(issueId, p.id, now))) {
      result.fired.push(p.id);
      continue;
    }
    if (suppress) {
      result.fired.push(p.id);
      continue;
    }
    const res = await perform(jira, issueId, p.action);
    if (res.ok) result.fired.push(p.id);
    else {
      await releaseAction(issueId, p.id);
      result.failures.push({ id: p.id, error: res.error });
    }
  }
  return result;
}
