/**
 * Evaluating one issue from its history, wherever the history came from (a Jira read or the
 * mirror): map, evaluate, fire due actions exactly once, file the report aggregates, and build the
 * `sla` property. Writing it (one PUT, or part of a bulk write) and the due index are left to the caller.
 */
import type { ProjectConfig } from '../contract';
import type { JiraClient } from '../jira/client';
import type { JiraResult } from '../jira/http';
import type { IssueBundle } from '../jira/issueReads';
import { dueActions, evaluate, policyReadsLabels, type CompiledPolicy, type SlaSnapshot } from '../core';
import { fieldValue } from '../jira/mapHistory';
import { recordActionFailures } from '../store/actionFailures';
import { fireActions } from './actions';
import type { Deps } from './deps';
import { seenOf, toHistory } from './history';
import { integrityKey, type IntegrityKey } from '../store/integrity';
import type { SlaProperty } from '../contract';
import { buildProperty } from './property';
import { fileReport, type Filing } from './reportFiling';

export interface ReadyIssue {
  bundle: IssueBundle;
  projectId: string;
  config: ProjectConfig;
  policy: CompiledPolicy;
  /** The verified signature of the property as last written (null: write regardless); nothing else of it is used. */
  stored: { hash: string | null; fired: string[] };
  /** The integrity key, when the caller read it once for a whole batch (one storage read saved per issue). */
  key?: IntegrityKey;
  /** When set, the report filing is collected here for the caller to file with its batch (fileReports), not filed now. */
  reports?: Filing[];
}

export interface Prepared {
  property: SlaProperty;
  changed: boolean;
  /** The core's next state change, for the outcome. */
  nextStateChangeAt: number | null;
  /** When the issue must be checked again: the next state change, or sooner to retry a failed action. */
  nextCheckAt: number | null;
  /** Labels the actions added: the caller records them in the history mirror (see withOwnLabels). */
  labelsAdded: string[];
}

const ACTION_RETRY_MS = 5 * 60_000;

const reportedIssue = (bundle: Pick<IssueBundle, 'id' | 'key' | 'fields'>) => ({ id: bundle.id, key: bundle.key, priorityId: fieldValue(bundle.fields.priority) });

/** Keeps the report aggregates in step; a shard that stayed contended is refiled by the issue's next recompute. */
export async function syncReport(deps: Deps, projectId: string | null, bundle: Pick<IssueBundle, 'id' | 'key' | 'fields'>, snapshot: SlaSnapshot | null): Promise<void> {
  if ((await fileReport(projectId, reportedIssue(bundle), snapshot)) === 'contended') deps.log.warn('Report aggregates contended; refiled on the next recompute', { issueId: bundle.id });
}

export async function prepareIssue(deps: Deps, jira: JiraClient, r: ReadyIssue, suppressActions = false): Promise<JiraResult<Prepared>> {
  const now = deps.now();
  const history = await toHistory(jira, r.bundle, r.config.policy, now);
  if (!history.ok) return history;
  const snapshot = evaluate(history.value, r.policy, now);
  // The property is user-editable: nothing in it is reused, and what fired is decided by the KVS claims.
  const fired = await fireActions(jira, r.bundle.id, dueActions(snapshot, r.config.policy), now, suppressActions);
  for (const f of fired.failures) deps.log.warn('SLA action failed; will retry on the next check', { issueId: r.bundle.id, action: f.id, code: f.error.code });
  for (const g of fired.givenUp) deps.log.warn('SLA action refused by Jira; given up', { issueId: r.bundle.id, action: g.actionId, status: g.status });
  await recordActionFailures(r.bundle.id, fired.givenUp);
  if (r.reports) r.reports.push({ projectId: r.projectId, issue: reportedIssue(r.bundle), snapshot });
  else await syncReport(deps, r.projectId, r.bundle, snapshot);
  const property = buildProperty(snapshot, { issueId: r.bundle.id, policyVersion: r.config.version, seen: seenOf(r.bundle), key: r.key ?? (await integrityKey()) });
  // A failed action must be retried soon even if nothing else is due: check again in five minutes.
  const retryAt = fired.failures.length ? now + ACTION_RETRY_MS : null;
  // The evaluation above did not see the labels it added; when labels count, the next sweep evaluates again (from the mirror).
  const relabelled = fired.labels.length > 0 && policyReadsLabels(r.config.policy) ? now : null;
  const soonest = [snapshot.nextCheckAt, retryAt, relabelled].filter((x): x is number => x !== null).reduce((a, b) => Math.min(a, b), Infinity);
  return {
    ok: true,
    value: { property, changed: property.sig !== r.stored.hash, nextStateChangeAt: snapshot.nextCheckAt, nextCheckAt: Number.isFinite(soonest) ? soonest : null, labelsAdded: fired.labels },
  };
}
