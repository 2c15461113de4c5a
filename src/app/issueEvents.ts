/**
 * Routing one product event: cheap triage, then a queue push. Nothing here reads Jira. The job carries
 * what the event says about the change (eventDelta.ts), so the consumer can update the history mirror
 * and recompute without a Jira read; duplicates are absorbed by history and comment ids, and anything
 * the mirror cannot absorb falls back to reading the issue.
 */
import type { PolicySpec } from '../core';
import { loadConfig } from '../store/config';
import { issueJob, pushAll, type Deps } from './deps';
import { deltaOf } from './eventDelta';
import { readFields } from './history';
import { purgeIssue } from './mirrorSync';

/** The part of a Jira issue event the triage looks at. */
export interface IssueEvent {
  eventType: string;
  issue: { id: string; fields?: { project?: { id: string } } };
  changelog?: { items: Array<{ field: string; fieldId?: string }> };
}

export type Triage = 'push' | 'remove' | 'ignore';

/** Pure decision: which events can change an SLA of this project. */
export function triage(event: IssueEvent, policy: PolicySpec | null): Triage {
  if (event.eventType === 'avi:jira:deleted:issue') return 'remove';
  const items = event.changelog?.items ?? [];
  const moved = items.some((i) => (i.fieldId ?? i.field) === 'project');
  if (!policy) return moved ? 'push' : 'ignore';
  if (event.eventType !== 'avi:jira:updated:issue' || items.length === 0) return 'push';
  const relevant = new Set(readFields(policy));
  return items.some((i) => relevant.has(i.fieldId ?? i.field) || relevant.has(i.field.toLowerCase())) ? 'push' : 'ignore';
}

/**
 * `failed`: storage or the queue refused (rate limit, outage, or briefly after a deploy); the event
 * should come again later. Forge does not retry a trigger that threw, so nothing here may throw.
 */
export type Routed = { kind: Triage } | { kind: 'failed'; message: string };

/** `raw` is the whole payload: its changelog items and comment travel with the job (see eventDelta.ts). */
export async function routeIssueEvent(deps: Deps, event: IssueEvent, raw?: unknown): Promise<Routed> {
  try {
    return { kind: await triageAndPush(deps, event, raw) };
  } catch (e) {
    return { kind: 'failed', message: e instanceof Error ? e.message : String(e) };
  }
}

async function triageAndPush(deps: Deps, event: IssueEvent, raw: unknown): Promise<Triage> {
  const projectId = event.issue.fields?.project?.id;
  // Without a project in the payload we cannot triage cheaply: queue it, the consumer reads the project.
  const config = projectId ? await loadConfig(projectId) : null;
  const decision = projectId || event.eventType === 'avi:jira:deleted:issue' ? triage(event, config?.policy ?? null) : 'push';
  if (decision === 'remove') await purgeIssue(event.issue.id);
  if (decision === 'push') await pushAll(deps.queue, [issueJob(event.issue.id, projectId, deltaOf(raw))]);
  return decision;
}
