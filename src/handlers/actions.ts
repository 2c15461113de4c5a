/**
 * Warning and breach actions, fired exactly once per metric cycle.
 *
 * Which actions are due is pure (`dueActions`): per metric, every warning its current cycle has
 * crossed (earliest first), then, while the cycle runs past its goal, its breach actions. Completed
 * cycles never fire: a recompute after a configuration change must not send escalations for tickets
 * closed long ago.
 *
 * Firing (`fireActions`) claims each id in KVS first (race-safe against a duplicate sweep or a
 * concurrent consumer), then calls Jira. A refusal a retry may cure (429, 5xx) releases the claim so
 * a later run retries; any other 4xx keeps it and is reported as given up, with Jira's reason.
 * A crash between claim and call loses that one action rather than sending it twice.
 */
import type { ActionFailure } from '../contract';
import type { MetricSnapshot, SlaSnapshot } from '../core/evaluate/types';
import type { PolicySpec, SlaAction } from '../core/policy/types';
import type { JiraClient } from '../jira/client';
import type { JiraError } from '../jira/http';
import { claimAction, isClaimed, releaseAction } from '../store/actionClaims';

export interface DueAction {
  id: string;
  action: SlaAction;
  /**
   * A warning of a cycle that has already breached is late: it fires (before the breach) only while
   * that breach action has not fired, so a warning missed by an older version is not sent after its
   * breach.
   */
  unlessFired?: string;
}

const breachId = (key: string, startedAt: number, i: number) => `${key}:${startedAt}:breach:${i}`;

function breachActions(m: MetricSnapshot, actions: SlaAction[]): DueAction[] {
  const cur = m.current;
  if (m.state !== 'breachedRunning' || !cur) return [];
  return actions.map((action, i) => ({ id: breachId(m.key, cur.startedAt, i), action }));
}

/** Threshold labels ("50%", "30 min before breach") as a token safe inside KVS keys. */
export const thresholdToken = (label: string) =>
  label.replace(/%/g, 'pct').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '');

/**
 * Every warning the current cycle has crossed, earliest first, also once it has breached: a warning
 * and the breach can fall inside one sweep gap (or one clock jump), and the warning still fires first.
 */
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

/** Per metric: its crossed warnings in instant order, then its breach actions. */
export function dueActions(snapshot: SlaSnapshot, policy: PolicySpec): DueAction[] {
  return snapshot.metrics.flatMap((m) => {
    const spec = policy.metrics.find((s) => s.key === m.key);
    if (!spec) return [];
    const breach = breachActions(m, spec.breachActions ?? []);
    return [...warningActions(m, spec.warningActions ?? [], breach[0]), ...breach];
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
  /** Refused for a reason a retry may cure (429, 5xx, a garbled answer): the claim is released. */
  failures: Array<{ id: string; error: JiraError }>;
  /** Refused for good (any other 4xx): the claim is kept, so it is never retried; the reason is recorded. */
  givenUp: ActionFailure[];
}

/** Jira's 404, 401/403 and other 4xx (not 429) will answer the same tomorrow: retrying only repeats the refusal. */
const isFinal = (e: JiraError) => e.code === 'NOT_FOUND' || e.code === 'FORBIDDEN' || e.code === 'REJECTED';

async function fireOne(jira: JiraClient, issueId: string, p: DueAction, now: number, result: FireResult): Promise<void> {
  const res = await perform(jira, issueId, p.action);
  if (res.ok) result.fired.push(p.id);
  else if (isFinal(res.error)) {
    result.givenUp.push({ actionId: p.id, kind: p.action.kind, status: res.error.status, reason: res.error.message, at: new Date(now).toISOString() });
  } else {
    await releaseAction(issueId, p.id);
    result.failures.push({ id: p.id, error: res.error });
  }
}

/** `suppress` records actions as fired without calling Jira (bulk recompute after a config change). */
export async function fireActions(jira: JiraClient, issueId: string, pending: DueAction[], now: number, suppress = false): Promise<FireResult> {
  const result: FireResult = { fired: [], failures: [], givenUp: [] };
  for (const p of pending) {
    // A late warning whose breach already fired is claimed without sending, so it is not asked again.
    const stale = p.unlessFired !== undefined && (await isClaimed(issueId, p.unlessFired));
    if (!(await claimAction(issueId, p.id, now)) || suppress || stale) result.fired.push(p.id);
    else await fireOne(jira, issueId, p, now, result);
  }
  return result;
}
