/**
 * Recompute one issue: read its history (one Jira read), evaluate, fire due actions exactly once,
 * write the `sla` property only when its hash changed, and keep the due index in step.
 * Never throws for expected conditions: every path ends in an Outcome the caller maps to a retry
 * or a log line.
 */
import { SLA_PROPERTY_KEY, type ProjectConfig } from '../contract';
import { dueActions, evaluate, validatePolicy, type CompiledPolicy } from '../core';
import type { JiraClient } from '../jira/client';
import type { JiraError } from '../jira/http';
import type { IssueBundle } from '../jira/issueReads';
import { hasConfigRecord } from '../store/config';
import { postponeDue, removeDue, upsertDue } from '../store/dueIndex';
import { fireActions } from './actions';
import type { Deps } from './deps';
import { loadIssue, toHistory } from './history';
import { buildProperty, readStored } from './property';

export type Outcome =
  | { kind: 'written' | 'unchanged'; nextCheckAt: number | null }
  | { kind: 'gone' | 'notConfigured' }
  | { kind: 'invalidPolicy'; message: string }
  | { kind: 'jiraError'; error: JiraError };

export interface RecomputeOptions {
  /** Record due actions as fired without performing them (bulk recompute after a config change). */
  suppressActions?: boolean;
}

async function clearIssue(jira: JiraClient, issueId: string, bundle: IssueBundle): Promise<Outcome> {
  await removeDue(issueId);
  if (bundle.slaProperty !== undefined) {
    const res = await jira.deleteIssueProperty(issueId, SLA_PROPERTY_KEY);
    if (!res.ok) return { kind: 'jiraError', error: res.error };
  }
  return { kind: 'notConfigured' };
}

/** A due issue that cannot be recomputed until someone fixes something is re-checked hourly, not by every sweep. */
export const STUCK_RECHECK_MS = 60 * 60_000;

/** Keeps SLA data as it is until the configuration is fixed. */
async function invalid(deps: Deps, issueId: string, message: string): Promise<Outcome> {
  const now = deps.now();
  await postponeDue(issueId, now, now + STUCK_RECHECK_MS);
  return { kind: 'invalidPolicy', message };
}

export async function recomputeIssue(deps: Deps, jira: JiraClient, issueId: string, projectId?: string, opts: RecomputeOptions = {}): Promise<Outcome> {
  const loaded = await loadIssue(jira, issueId, projectId);
  if (!loaded.ok) {
    if (loaded.error.code !== 'NOT_FOUND') return { kind: 'jiraError', error: loaded.error };
    await removeDue(issueId);
    return { kind: 'gone' };
  }
  const { bundle, config } = loaded.value;
  if (!config) {
    // A stored but unreadable configuration is an operator problem, not a reason to wipe SLA data.
    if (await hasConfigRecord(loaded.value.projectId)) return invalid(deps, issueId, 'The stored configuration cannot be read.');
    return clearIssue(jira, issueId, bundle);
  }
  const compiled = validatePolicy(config.policy);
  if (!compiled.ok) return invalid(deps, issueId, compiled.error.map((e) => `${e.path}: ${e.code}`).join('; '));
  return evaluateAndWrite(deps, jira, { bundle, projectId: loaded.value.projectId, config, policy: compiled.value }, opts);
}

interface Ready {
  bundle: IssueBundle;
  projectId: string;
  config: ProjectConfig;
  policy: CompiledPolicy;
}

async function evaluateAndWrite(deps: Deps, jira: JiraClient, r: Ready, opts: RecomputeOptions): Promise<Outcome> {
  const now = deps.now();
  const history = await toHistory(jira, r.bundle, r.config.policy, now);
  if (!history.ok) return { kind: 'jiraError', error: history.error };
  const snapshot = evaluate(history.value, r.policy, now);
  const stored = readStored(r.bundle.slaProperty);
  // The property is user-editable, so its `fired` list never decides: the KVS claims do.
  const fired = await fireActions(jira, r.bundle.id, dueActions(snapshot, r.config.policy), now, opts.suppressActions);
  for (const f of fired.failures) deps.log.warn('SLA action failed; will retry on the next check', { issueId: r.bundle.id, action: f.id, code: f.error.code });
  const property = buildProperty(snapshot, r.config.version, [...stored.fired, ...fired.fired]);
  // A failed action must be retried soon even if nothing else is due: check again in five minutes.
  const retryAt = fired.failures.length ? now + 5 * 60_000 : null;
  const nextCheckAt = [snapshot.nextCheckAt, retryAt].filter((x): x is number => x !== null).reduce((a, b) => Math.min(a, b), Infinity);
  await upsertDue(r.bundle.id, r.projectId, Number.isFinite(nextCheckAt) ? nextCheckAt : null);
  if (property.hash === stored.hash) return { kind: 'unchanged', nextCheckAt: snapshot.nextCheckAt };
  const put = await jira.putIssueProperty(r.bundle.id, SLA_PROPERTY_KEY, property);
  if (!put.ok) return { kind: 'jiraError', error: put.error };
  return { kind: 'written', nextCheckAt: snapshot.nextCheckAt };
}
