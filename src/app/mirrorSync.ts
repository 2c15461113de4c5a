/**
 * Keeping the history mirror in step: refreshed from every Jira read, updated from each product
 * event's content (recomputeFromMirror), dropped when the issue is gone. An event's recompute reads
 * storage only; it falls back to the Jira read (returns null) whenever the mirror cannot answer
 * exactly: no record yet, a field the policy needs is not covered, the issue moved project, or no
 * usable configuration (the Jira path owns those cases).
 */
import { kvs, WhereConditions } from '@forge/kvs';
import { randomUUID } from 'node:crypto';
import { SLA_PROPERTY_KEY } from '../contract';
import { writtenRef } from './property';
import { validatePolicy, type PolicySpec } from '../core';
import type { JiraClient } from '../jira/client';
import type { IssueBundle } from '../jira/issueReads';
import type { Deps } from './deps';
import { readFields } from './history';
import type { Outcome } from './outcome';
import { loadConfig } from '../store/config';
import { removeDue, upsertDue } from '../store/dueIndex';
import { deleteMirror, getMirror, putMirror, type MirrorRecord } from '../store/historyMirror';
import { prepareIssue } from './evaluateIssue';
import { applyDelta, coversAll, fromBundle, toBundle, withOwnLabels, type MirrorDelta } from './mirrorData';

export const newRev = (): string => randomUUID();

/** `ownLabels`: labels the app added after reading `bundle` (withOwnLabels). */
export async function refreshMirror(bundle: IssueBundle, projectId: string, policy: PolicySpec, sla: { hash: string | null; fired: string[] }, ownLabels?: { labels: string[]; at: number }): Promise<void> {
  const read = fromBundle(bundle, readFields(policy));
  const data = ownLabels ? withOwnLabels(read, ownLabels.labels, ownLabels.at) : read;
  await putMirror({ issueId: bundle.id, projectId, issueNum: Number(bundle.id), rev: newRev(), data, sla: { hash: sla.hash, fired: sla.fired } });
}

/** The issue is gone or no longer configured: nothing is due and its history is not kept. */
export async function dropMirror(issueId: string): Promise<void> {
  await removeDue(issueId);
  await deleteMirror(issueId);
}

/** A deleted issue: its due entry, history and action claims are removed. */
export async function purgeIssue(issueId: string): Promise<void> {
  await dropMirror(issueId);
  let cursor: string | undefined;
  do {
    let q = kvs.query().where('key', WhereConditions.beginsWith(`fired:${issueId}:`)).limit(100);
    if (cursor) q = q.cursor(cursor);
    const page = await q.getMany();
    for (const r of page.results) await kvs.delete(r.key);
    cursor = page.nextCursor;
  } while (cursor);
}

const movesProject = (delta: MirrorDelta | undefined, rec: MirrorRecord): boolean => {
  const items = delta?.changelog?.items ?? [];
  const payloadProject = delta?.fields?.project;
  const id = payloadProject && typeof payloadProject === 'object' ? (payloadProject as { id?: unknown }).id : undefined;
  return items.some((i) => (i.fieldId ?? i.field) === 'project') || (typeof id === 'string' && id !== rec.projectId);
};

/** Recomputes one issue from the mirror (applying the event's delta first); null when only Jira can answer. */
export async function recomputeFromMirror(deps: Deps, jira: JiraClient, issueId: string, delta?: MirrorDelta): Promise<Outcome | null> {
  const rec = await getMirror(issueId);
  if (!rec || movesProject(delta, rec)) return null;
  const config = await loadConfig(rec.projectId);
  if (!config) return null;
  // `updated` (the property's `seen`) stays at the last Jira read: the record cannot know of an event that
  // was lost before this one, so only a read may vouch that the issue's last update is included.
  const data = delta ? { ...applyDelta(rec.data, delta), eventAt: Math.max(rec.data.eventAt ?? 0, delta.at) } : rec.data;
  if (!coversAll(data, readFields(config.policy))) return null;
  const policy = validatePolicy(config.policy);
  if (!policy.ok) return null;
  const ready = { bundle: toBundle(issueId, data), projectId: rec.projectId, config, policy: policy.value, stored: rec.sla };
  const prepared = await prepareIssue(deps, jira, ready);
  if (!prepared.ok) return { kind: 'jiraError', error: prepared.error };
  const { property, changed, nextStateChangeAt, nextCheckAt, labelsAdded } = prepared.value;
  await upsertDue(issueId, rec.projectId, nextCheckAt);
  const learned = withOwnLabels(data, labelsAdded, deps.now());
  const put = changed ? await jira.putIssueProperty(issueId, SLA_PROPERTY_KEY, property) : null;
  const sla = put?.ok ? writtenRef(property) : rec.sla;
  // One storage write keeps both the event's content and what Jira now holds; a failed write is retried by Forge.
  if (learned !== rec.data || sla !== rec.sla) await putMirror({ ...rec, rev: newRev(), data: learned, sla });
  if (put && !put.ok) return { kind: 'jiraError', error: put.error };
  return { kind: put ? 'written' : 'unchanged', nextCheckAt: nextStateChangeAt };
}
