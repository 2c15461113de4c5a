/**
 * Recompute one issue: read its history (one Jira read), evaluate, fire due actions exactly once,
 * write the `sla` property only when its hash changed, and keep the due index in step.
 * Never throws for expected conditions: every path ends in an Outcome the caller maps to a retry
 * or a log line.
 */
import { SLA_PROPERTY_KEY, type ProjectConfig } from '../contract';
import type { JiraClient } from '../jira/client';
import type { JiraError } from '../jira/http';
import type { IssueBundle } from '../jira/issueReads';
import { hasConfigRecord, loadConfig } from '../store/config';
import { recordActionFailures } from '../store/actionFailures';
import { postponeDue, removeDue, upsertDue } from '../store/dueIndex';
import { integrityKey } from '../store/integrity';
import { dueActions, evaluate, validatePolicy, type CompiledPolicy, type SlaSnapshot } from '../core';
import { fireActions } from './actions';
import type { Deps } from './deps';
import { projectOf, readFields, seenOf, toHistory } from './history';
import { fieldValue } from '../jira/mapHistory';
import { fileReport } from './reportFiling';
import { buildProperty, verifiedSignature } from './property';

export type Outcome =
  | { kind: 'written' | 'unchanged'; nextCheckAt: number | null }
  | { kind: 'gone' | 'notConfigured' }
  | { kind: 'invalidPolicy'; message: string }
  | { kind: 'jiraError'; error: JiraError };

export interface RecomputeOptions {
  /** Record due actions as fired without performing them (bulk recompute after a config change). */
  suppressActions?: boolean;
}

type Loaded = { bundle: IssueBundle; projectId: string; config: ProjectConfig | null } | { error: JiraError };

/** Reads the issue with the fields its project's policy needs; re-reads once if the issue moved. */
export async function loadIssue(jira: JiraClient, issueId: string, hintProjectId: string | undefined): Promise<Loaded> {
  let config = hintProjectId ? await loadConfig(hintProjectId) : null;
  const first = await jira.getIssueBundle(issueId, readFields(config?.policy ?? null));
  if (!first.ok) return { error: first.error };
  const projectId = projectOf(first.value) ?? hintProjectId ?? '';
  if (projectId === hintProjectId) return { bundle: first.value, projectId, config };
  config = await loadConfig(projectId);
  const needed = readFields(config?.policy ?? null).filter((f) => !(f in first.value.fields));
  if (!config || needed.length === 0) return { bundle: first.value, projectId, config };
  const again = await jira.getIssueBundle(issueId, readFields(config.policy));
  return again.ok ? { bundle: again.value, projectId, config } : { error: again.error };
}

/** Keeps the report aggregates in step; a shard that stayed contended is refiled by the issue's next recompute. */
async function syncReport(deps: Deps, projectId: string | null, bundle: Pick<IssueBundle, 'id' | 'key' | 'fields'>, snapshot: SlaSnapshot | null): Promise<void> {
  const issue = { id: bundle.id, key: bundle.key, priorityId: fieldValue(bundle.fields.priority) };
  if ((await fileReport(projectId, issue, snapshot)) === 'contended') deps.log.warn('Report aggregates contended; refiled on the next recompute', { issueId: bundle.id });
}

async function clearIssue(deps: Deps, jira: JiraClient, issueId: string, bundle: IssueBundle): Promise<Outcome> {
  await removeDue(issueId);
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
  if ('error' in loaded) {
    if (loaded.error.code !== 'NOT_FOUND') return { kind: 'jiraError', error: loaded.error };
    await removeDue(issueId);
    await syncReport(deps, null, { id: issueId, key: '', fields: {} }, null);
    return { kind: 'gone' };
  }
  const { bundle, config } = loaded;
  if (!config) {
    // A stored but unreadable configuration is an operator problem, not a reason to wipe SLA data.
    if (await hasConfigRecord(loaded.projectId)) return invalid(deps, issueId, 'The stored configuration cannot be read.');
    return clearIssue(deps, jira, issueId, bundle);
  }
  const compiled = validatePolicy(config.policy);
  if (!compiled.ok) return invalid(deps, issueId, compiled.errors.map((e) => `${e.path}: ${e.code}`).join('; '));
  return evaluateAndWrite(deps, jira, { bundle, projectId: loaded.projectId, config, policy: compiled.value }, opts);
}

interface Ready {
  bundle: IssueBundle;
  projectId: string;
  config: ProjectConfig;
  policy: CompiledPolicy;
}

/** The property is user-editable: nothing in it is reused, and what fired is decided by the KVS claims. */
async function fireDue(deps: Deps, jira: JiraClient, r: Ready, snapshot: SlaSnapshot, opts: RecomputeOptions) {
  const fired = await fireActions(jira, r.bundle.id, dueActions(snapshot, r.config.policy), deps.now(), opts.suppressActions);
  for (const f of fired.failures) deps.log.warn('SLA action failed; will retry on the next check', { issueId: r.bundle.id, action: f.id, code: f.error.code });
  for (const g of fired.givenUp) deps.log.warn('SLA action refused by Jira; given up', { issueId: r.bundle.id, action: g.actionId, status: g.status });
  await recordActionFailures(r.bundle.id, fired.givenUp);
  return fired;
}

async function evaluateAndWrite(deps: Deps, jira: JiraClient, r: Ready, opts: RecomputeOptions): Promise<Outcome> {
  const now = deps.now();
  const history = await toHistory(jira, r.bundle, r.config.policy, now);
  if (!history.ok) return { kind: 'jiraError', error: history.error };
  const snapshot = evaluate(history.value, r.policy, now);
  const fired = await fireDue(deps, jira, r, snapshot, opts);
  const key = await integrityKey();
  const property = buildProperty(snapshot, { issueId: r.bundle.id, policyVersion: r.config.version, seen: seenOf(r.bundle), key });
  // A failed action must be retried soon even if nothing else is due: check again in five minutes.
  const retryAt = fired.failures.length ? now + 5 * 60_000 : null;
  const nextCheckAt = [snapshot.nextCheckAt, retryAt].filter((x): x is number => x !== null).reduce((a, b) => Math.min(a, b), Infinity);
  await upsertDue(r.bundle.id, r.projectId, Number.isFinite(nextCheckAt) ? nextCheckAt : null);
  await syncReport(deps, r.projectId, r.bundle, snapshot);
  if (property.sig === verifiedSignature(r.bundle.slaProperty, r.bundle.id, key)) return { kind: 'unchanged', nextCheckAt: snapshot.nextCheckAt };
  const put = await jira.putIssueProperty(r.bundle.id, SLA_PROPERTY_KEY, property);
  if (!put.ok) return { kind: 'jiraError', error: put.error };
  return { kind: 'written', nextCheckAt: snapshot.nextCheckAt };
}
