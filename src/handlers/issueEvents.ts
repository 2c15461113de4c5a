/**
 * Product-event trigger (function `issue-events`): parses the event, routes it, and asks Forge to
 * redeliver it when storage or the queue failed (Forge does not retry a trigger that threw).
 */
import { InvocationError, InvocationErrorCode } from '@forge/events';
import { z } from 'zod';
import type { Deps } from '../app/deps';
import { routeIssueEvent, type IssueEvent } from '../app/issueEvents';

const eventSchema = z.object({
  eventType: z.string(),
  issue: z.object({
    id: z.string(),
    fields: z.object({ project: z.object({ id: z.string() }).optional() }).optional(),
  }),
  changelog: z.object({ items: z.array(z.object({ field: z.string(), fieldId: z.string().optional() })) }).optional(),
}) satisfies z.ZodType<IssueEvent>;

export async function handleIssueEvent(deps: Deps, raw: unknown): Promise<InvocationError | void> {
  const parsed = eventSchema.safeParse(raw);
  if (!parsed.success) {
    deps.log.warn('Ignoring an issue event of unexpected shape', { issue: parsed.error.issues[0]?.message });
    return;
  }
  const routed = await routeIssueEvent(deps, parsed.data, raw);
  if (routed.kind !== 'failed') return;
  deps.log.warn('Storage or queue failed; asking Forge to retry the event', { error: routed.message });
  return new InvocationError({ retryAfter: 60, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST });
}
