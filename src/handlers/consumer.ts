/**
 * Queue consumer (function `recompute`): parses one job, runs it, and hands a retry decision back to
 * Forge as an InvocationError with retryAfter, so the event is redelivered later.
 */
import type { InvocationError } from '@forge/events';
import { z } from 'zod';
import type { Deps, RecomputeJob } from '../app/deps';
import { deltaSchema } from '../app/eventDelta';
import { DUE_BATCH } from '../app/dueBatch';
import { runJob } from '../app/jobs';
import { REREAD_BATCH } from '../app/reconcile';
import { invocationError } from './retry';

const jobSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('due'), issueIds: z.array(z.string().min(1)).min(1).max(DUE_BATCH) }),
  z.object({ kind: z.literal('reread'), issueIds: z.array(z.string().min(1)).min(1).max(REREAD_BATCH), projectId: z.string().min(1) }),
  z.object({ kind: z.literal('issue'), issueId: z.string().min(1), projectId: z.string().optional(), delta: deltaSchema.optional() }),
  z.object({
    kind: z.literal('reindex'),
    projectId: z.string().min(1),
    version: z.number(),
    phase: z.enum(['open', 'resolved']),
    resolvedSince: z.string().nullable(),
    nextPageToken: z.string().nullable(),
    source: z.enum(['mirror', 'jira']).optional(),
    after: z.number().int().nonnegative().optional(),
    pushes: z.number().int().nonnegative().optional(),
  }),
]);

/** What Forge hands the consumer; `retryContext` is set on redeliveries. */
export interface ConsumerEvent {
  body?: unknown;
  retryContext?: { retryCount?: number };
}

export async function handleRecompute(deps: Deps, event: ConsumerEvent): Promise<InvocationError | void> {
  const parsed = jobSchema.safeParse(event.body);
  if (!parsed.success) {
    deps.log.error('Dropping a recompute job of unexpected shape', { issue: parsed.error.issues[0]?.message });
    return;
  }
  const job: RecomputeJob = parsed.data;
  const retry = await runJob(deps, job, event.retryContext?.retryCount ?? 0);
  return retry ? invocationError(retry) : undefined;
}
