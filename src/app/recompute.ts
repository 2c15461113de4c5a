/**
 * Recompute one issue: read its history (one Jira read), evaluate, fire due actions exactly once,
 * write the `sla` property only when its hash changed, and keep the due index and the history
 * mirror (src/app/mirrorSync.ts) in step.
 * Never throws for expected conditions: every path ends in an Outcome the caller maps to a retry
 * or a log line.
 */
import { SLA_PROPERTY_KEY, type ProjectConfig } from '../contract';
import type { JiraClient } from '../jira/client';
import type { IssueBundle } from '../jira/issueReads';
import { hasConfigRecord } from '../store/config';
import { postponeDue, upsertDue } from '../store/dueIndex';
import { validatePolicy, type CompiledPolicy } from '../core';
import type { Deps } from './deps';
import type { Outcome } from './outcome';
import { prepareIssue, syncReport } from './evaluateIssue';
import { loadIssue } from './history';
import { dropMirror, refreshMirror } from './mirrorSync';
import { readStored, writtenRef } from './property';
import { integrityKey } from '../store/integrity';


export interface RecomputeOptions {
  /** Record due actions as fired without performing them (bulk recompute after a config change). */
  suppressActions?: boolean;
}

async function clearIssue(deps: Deps, jira: JiraClient, issueId: string, bundle: IssueBundle): Promise<Outcome> {
  await dropMirror(issueId);
  await syncReport(deps, null, bundle, null);
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
    await dropMirror(issueId);
    await syncReport(deps, null, { id: issueId, key: '', fields: {} }, null);
    return { kind: 'gone' };
  }
  const { bundle, config } = loaded.value;
  if (!config) {
    // A stored but unreadable configuration is an operator problem, not a reason to wipe SLA data.
    if (await hasConfigRecord(loaded.value.projectId)) return invalid(deps, issueId, 'The stored configuration cannot be read.');
    return clearIssue(deps, jira, issueId, bundle);
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
  const stored = readStored(r.bundle.slaProperty, r.bundle.id, await integrityKey());
  const prepared = await prepareIssue(deps, jira, { ...r, stored }, opts.suppressActions);
  if (!prepared.ok) return { kind: 'jiraError', error: prepared.error };
  const { property, changed, nextStateChangeAt, nextCheckAt, labelsAdded } = prepared.value;
  await upsertDue(r.bundle.id, r.projectId, nextCheckAt);
  const own = { labels: labelsAdded, at: deps.now() };
  // Every Jira read refreshes the issue's history mirror, so later recomputes need no read.
  if (!changed) {
    await refreshMirror(r.bundle, r.projectId, r.config.policy, stored, own);
    return { kind: 'unchanged', nextCheckAt: nextStateChangeAt };
  }
  const put = await jira.putIssueProperty(r.bundle.id, SLA_PROPERTY_KEY, property);
  await refreshMirror(r.bundle, r.projectId, r.config.policy, put.ok ? writtenRef(property) : stored, own);
  if (!put.ok) return { kind: 'jiraError', error: put.error };
  return { kind: 'written', nextCheckAt: nextStateChangeAt };
}
