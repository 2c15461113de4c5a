/**
 * Product-event trigger: cheap triage, then a queue push. Nothing here reads Jira: the event only
 * says WHICH issue to recompute (state is derived from the issue's own history, so duplicate, late
 * and reordered events all lead to the same result).
 */
import { InvocationError, InvocationErrorCode } from '@forge/events';
import { z } from 'zod';
import type { PolicySpec } from '../core/policy/types';
import { loadConfig } from '../store/config';
import { removeDue } from '../store/dueIndex';
import { issueJob, pushAll, type Deps } from './deps';
import { readFields } from './history';

const eventSchema = z.object({
  eventType: z.string(),
  issue: z.object({
    id: z.string(),
    fields: z.object({ project: z.object({ id: z.string() }).optional() }).optional(),
  }),
  changelog: z.object({ items: z.array(z.object({ field: z.string(), fieldId: z.string().optional() })) }).optional(),
});

export type IssueEvent = z.infer<typeof eventSchema>;

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

export async function handleIssueEvent(deps: Deps, raw: unknown): Promise<InvocationError | void> {
  const parsed = eventSchema.safeParse(raw);
  if (!parsed.success) {
    deps.log.warn('Ignoring an issue event of unexpected shape', { issue: parsed.error.issues[0]?.message });
    return;
  }
  try {
    await triageAndQueue(deps, parsed.data);
  } catch (e) {
    // Storage or the queue failed (rate limit, outage, briefly after a deploy). Forge does not retry a
    // trigger that threw, so the event would be lost: ask Forge to redeliver it instead.
    deps.log.warn('Storage or queue failed; asking Forge to retry the event', { error: e instanceof Error ? e.message : String(e) });
    return new InvocationError({ retryAfter: 60, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST });
  }
}

async function triageAndQueue(deps: Deps, event: IssueEvent): Promise<void> {
  const projectId = event.issue.fields?.project?.id;
  // Without a project in the payload we cannot triage cheaply: queue it, the consumer reads the project.
  const config = projectId ? await loadConfig(projectId) : null;
  const decision = projectId || event.eventType === 'avi:jira:deleted:issue' ? triage(event, config?.policy ?? null) : 'push';
  if (decision === 'remove') return removeDue(event.issue.id);
  if (decision === 'ignore') return;
  await pushAll(deps.queue, [issueJob(event.issue.id, projectId)]);
}
