/**
 * Queue consumer: recomputes one issue, or one page of a project-wide recompute. Jira rate limits and
 * outages are handed back to Forge as an InvocationError with retryAfter, so the event is redelivered
 * instead of the function sleeping past its budget; nothing is lost.
 */
import type { InvocationError } from '@forge/events';
import { z } from 'zod';
import type { Deps, RecomputeJob } from './deps';
import { recomputeIssue, type Outcome } from './recompute';
import { runReindexPage } from './reindex';
import { retryFor } from './retry';

export const CONSUMER_JIRA_BUDGET_MS = 30_000;

const jobSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('issue'), issueId: z.string().min(1), projectId: z.string().optional() }),
  z.object({
    kind: z.literal('reindex'),
    projectId: z.string().min(1),
    version: z.number(),
    phase: z.enum(['open', 'resolved']),
    resolvedSince: z.string().nullable(),
    nextPageToken: z.string().nullable(),
  }),
]);

function report(deps: Deps, issueId: string, outcome: Outcome): InvocationError | undefined {
  if (outcome.kind === 'invalidPolicy') deps.log.error('Stored policy no longer validates', { issueId, detail: outcome.message });
  if (outcome.kind !== 'jiraError') return undefined;
  const retry = retryFor(outcome.error);
  if (!retry) deps.log.error('Recompute failed', { issueId, code: outcome.error.code, message: outcome.error.message });
  return retry;
}

export async function handleRecompute(deps: Deps, event: { body?: unknown }): Promise<InvocationError | void> {
  const parsed = jobSchema.safeParse(event.body);
  if (!parsed.success) {
    deps.log.error('Dropping a recompute job of unexpected shape', { issue: parsed.error.issues[0]?.message });
    return;
  }
  const job: RecomputeJob = parsed.data;
  const jira = deps.appJira(CONSUMER_JIRA_BUDGET_MS);
  if (job.kind === 'reindex') return runReindexPage(deps, jira, job);
  const outcome = await recomputeIssue(deps, jira, job.issueId, job.projectId);
  return report(deps, job.issueId, outcome);
}
