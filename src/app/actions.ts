/**
 * Warning and breach actions, fired exactly once per metric cycle. Which actions are due is a pure
 * rule of the core (`dueActions`); this module performs them.
 *
 * Firing (`fireActions`) claims each id in KVS first (race-safe against a duplicate sweep or a
 * concurrent consumer), then calls Jira. A refusal a retry may cure (429, 5xx) releases the claim so
 * a later run retries; any other 4xx keeps it and is reported as given up, with Jira's reason.
 * A crash between claim and call loses that one action rather than sending it twice.
 */
import type { ActionFailure } from '../contract';
import type { DueAction, SlaAction } from '../core';
import type { JiraClient } from '../jira/client';
import type { JiraError } from '../jira/http';
import { claimAction, isClaimed, releaseAction } from '../store/actionClaims';

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
  /** Labels this run added to the issue (the app's own edit, whose event the app never receives). */
  labels: string[];
}

/** Jira's 404, 401/403 and other 4xx (not 429) will answer the same tomorrow: retrying only repeats the refusal. */
const isFinal = (e: JiraError) => e.code === 'NOT_FOUND' || e.code === 'FORBIDDEN' || e.code === 'REJECTED';

async function fireOne(jira: JiraClient, issueId: string, p: DueAction, now: number, result: FireResult): Promise<void> {
  const res = await perform(jira, issueId, p.action);
  if (res.ok) {
    result.fired.push(p.id);
    if (p.action.kind === 'label') result.labels.push(p.action.label);
  } else if (isFinal(res.error)) {
    result.givenUp.push({ actionId: p.id, kind: p.action.kind, status: res.error.status, reason: res.error.message, at: new Date(now).toISOString() });
  } else {
    await releaseAction(issueId, p.id);
    result.failures.push({ id: p.id, error: res.error });
  }
}

/** `suppress` records actions as fired without calling Jira (bulk recompute after a config change). */
export async function fireActions(jira: JiraClient, issueId: string, pending: DueAction[], now: number, suppress = false): Promise<FireResult> {
  const result: FireResult = { fired: [], failures: [], givenUp: [], labels: [] };
  for (const p of pending) {
    // A late warning whose breach already fired is claimed without sending, so it is not asked again.
    const stale = p.unlessFired !== undefined && (await isClaimed(issueId, p.unlessFired));
    if (!(await claimAction(issueId, p.id, now)) || suppress || stale) result.fired.push(p.id);
    else await fireOne(jira, issueId, p, now, result);
  }
  return result;
}
