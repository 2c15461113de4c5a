/**
 * Recomputing many issues from their mirrored histories with as few Jira requests as Jira allows:
 * every changed `sla` property goes out in bulk writes of up to 100 issues (an asynchronous task whose
 * result is checked), unchanged ones cost nothing. Used by the project-wide recompute chain and the
 * sweep's batches.
 *
 * Races with event jobs (which Forge serialises per issue, but not against this batch) are closed by
 * the record's `rev`: the new `sla` state is saved only if the record is unchanged since it was read;
 * an issue whose record moved meanwhile is queued for its own recompute, which then sees both.
 * Records a backfill page built from Jira are saved the same careful way (backfillSave.ts).
 */
import { kvs, Filter, FilterConditions } from '@forge/kvs';
import { SLA_PROPERTY_KEY, type ProjectConfig, type SlaProperty } from '../contract';
import { writtenRef } from './property';
import { validatePolicy, type CompiledPolicy } from '../core';
import type { JiraClient } from '../jira/client';
import type { JiraError } from '../jira/http';
import { PROPERTY_BULK_MAX_ISSUES } from '../jira/bulk';
import { loadConfig } from '../store/config';
import { integrityKey } from '../store/integrity';
import { upsertDue } from '../store/dueIndex';
import { MIRROR_ENTITY, type MirrorRecord } from '../store/historyMirror';
import { saveBackfilled } from './backfillSave';
import { issueJob, pushAll, type Deps } from './deps';
import { prepareIssue } from './evaluateIssue';
import { fileReports, type Filing } from './reportFiling';
import { readFields } from './history';
import { coversAll, toBundle, withOwnLabels } from './mirrorData';

export interface BulkOptions {
  suppressActions?: boolean;
  /** Records freshly built from Jira (backfill): saved unconditionally, whatever changed. */
  fresh?: boolean;
}

export interface BulkOutcome {
  evaluated: number;
  written: number;
  /** Issues the mirror cannot answer (field not covered, no usable configuration, a bulk write Jira did not apply): recompute them from Jira. */
  fallback: string[];
  /** Set when Jira refused with a rate limit or outage before everything was written. */
  error?: JiraError;
}

/** How long to wait for a bulk task between polls, and how often to poll before giving up on it. */
const TASK_POLL_MS = 1_000;
const TASK_POLLS = 10;

interface Pending { rec: MirrorRecord; property: SlaProperty }

type Policies = Map<string, { config: ProjectConfig; policy: CompiledPolicy } | null>;

async function policyOf(cache: Policies, projectId: string) {
  if (!cache.has(projectId)) {
    const config = await loadConfig(projectId);
    const compiled = config ? validatePolicy(config.policy) : null;
    cache.set(projectId, config && compiled?.ok ? { config, policy: compiled.value } : null);
  }
  return cache.get(projectId) ?? null;
}

/** Evaluates each record; answers the properties to write. */
async function evaluateAll(deps: Deps, jira: JiraClient, records: MirrorRecord[], opts: BulkOptions, out: BulkOutcome): Promise<Pending[]> {
  const cache: Policies = new Map();
  const pending: Pending[] = [];
  // Read once for the batch (seconds long): a rotation still applies from the next batch on.
  const key = await integrityKey();
  const reports: Filing[] = [];
  for (const rec of records) {
    const p = await policyOf(cache, rec.projectId);
    if (!p || !coversAll(rec.data, readFields(p.config.policy))) {
      out.fallback.push(rec.issueId);
      continue;
    }
    const ready = { bundle: toBundle(rec.issueId, rec.data), projectId: rec.projectId, config: p.config, policy: p.policy, stored: rec.sla, key, reports };
    const prepared = await prepareIssue(deps, jira, ready, opts.suppressActions);
    if (!prepared.ok) {
      out.error = prepared.error;
      break;
    }
    out.evaluated++;
    await upsertDue(rec.issueId, rec.projectId, prepared.value.nextCheckAt);
    const { labelsAdded, changed, property } = prepared.value;
    // Labels the actions added are saved with the record (withOwnLabels), so such a record is saved even if its property did not change.
    if (labelsAdded.length) pending.push({ rec: { ...rec, data: withOwnLabels(rec.data, labelsAdded, deps.now()) }, property });
    else if (changed) pending.push({ rec, property });
  }
  // One read and one write per report shard for the batch, before any property is written.
  for (const [issueId, outcome] of await fileReports(reports)) if (outcome === 'contended') deps.log.warn('Report aggregates contended; refiled on the next recompute', { issueId });
  return pending;
}

/** Writes one chunk (≤100) and waits for its task; answers the issue ids Jira did not update. */
async function writeChunk(deps: Deps, jira: JiraClient, chunk: Pending[]): Promise<{ failed: Set<string>; error?: JiraError }> {
  const ids = chunk.map((p) => p.rec.issueId);
  const task = await jira.setPropertiesMulti(SLA_PROPERTY_KEY, chunk.map((p) => ({ issueId: p.rec.issueId, value: p.property })));
  if (!task.ok) return { failed: new Set(ids), error: task.error };
  for (let poll = 0; poll < TASK_POLLS; poll++) {
    const state = await jira.getTask(task.value, ids);
    if (!state.ok) return { failed: new Set(ids), error: state.error };
    if (state.value.state !== 'pending') return { failed: new Set(state.value.failedIssueIds) };
    await deps.sleep?.(TASK_POLL_MS);
  }
  // Still running after the polls: treat as not written; each is recomputed singly from Jira.
  return { failed: new Set(ids) };
}

/** Saves the new `sla` state only where the record is unchanged since it was read (see above). */
async function saveStates(deps: Deps, written: Pending[]): Promise<void> {
  const next = written.map(({ rec, property }) => ({ ...rec, sla: writtenRef(property) }));
  const moved: MirrorRecord[] = [];
  for (const rec of next) {
    const sameRev = new Filter<MirrorRecord>().and('rev', FilterConditions.equalTo(rec.rev));
    try {
      await kvs.transact().set(`issue-${rec.issueId}`, rec, { entityName: MIRROR_ENTITY, conditions: sameRev }).execute();
    } catch {
      moved.push(rec);
    }
  }
  await pushAll(deps.queue, moved.map((r) => issueJob(r.issueId, r.projectId)));
}

export async function recomputeMany(deps: Deps, jira: JiraClient, records: MirrorRecord[], opts: BulkOptions = {}): Promise<BulkOutcome> {
  const out: BulkOutcome = { evaluated: 0, written: 0, fallback: [] };
  const pending = await evaluateAll(deps, jira, records, opts, out);
  const written: Pending[] = [];
  for (let i = 0; i < pending.length && !out.error; i += PROPERTY_BULK_MAX_ISSUES) {
    const chunk = pending.slice(i, i + PROPERTY_BULK_MAX_ISSUES);
    const { failed, error } = await writeChunk(deps, jira, chunk);
    if (error) out.error = error;
    for (const p of chunk) {
      if (!failed.has(p.rec.issueId)) written.push(p);
      // An issue Jira did not update (deleted, no longer editable) goes the Jira way, which knows what to do.
      else if (!error) out.fallback.push(p.rec.issueId);
    }
  }
  out.written = written.length;
  if (!opts.fresh) await saveStates(deps, written);
  else {
    // Every fresh record is saved (it is the backfill itself), with what was written, unless an event got there first.
    const byId = new Map(written.map((w) => [w.rec.issueId, { ...w.rec, sla: writtenRef(w.property) }]));
    await saveBackfilled(deps, records.map((r) => byId.get(r.issueId) ?? r));
  }
  return out;
}
