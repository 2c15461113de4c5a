/**
 * Warning and breach actions, fired exactly once per metric cycle. Which actions are due is a pure
 * rule of the core (`dueActions`); this module performs them.
 *
 * Firing (`fireActions`) claims each id in KVS first (race-safe against a duplicate sweep or a
 * concurrent consumer), then calls Jira; a failed call releases the claim so a later run retries.
 * A crash between claim and call loses that one action rather than sending it twice.
 */
import type { DueAction, SlaAction } from '../core';
import type { JiraClient } from '../jira/client';
import type { JiraError } from '../jira/http';
import { claimAction, releaseAction } from '../store/actionClaims';

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
