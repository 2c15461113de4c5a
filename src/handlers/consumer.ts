/**
 * Queue consumer: recomputes one issue, or one page of a project-wide recompute. Jira rate limits and
 * outages are handed back to Forge as an InvocationError with retryAfter, so the event is redelivered
 * instead of the function sleeping past its budget; nothing is lost.
 */
import type { InvocationError } from '@forge/events';
import { z } from 'zod';
import { deltaSchema } from '../app/eventDelta';
import { recomputeFromMirror } from '../app/mirrorSync';
import { getDue, postponeDue, upsertDue } from '../store/dueIndex';
import type { Deps, RecomputeJob } from './deps';
import { recomputeIssue, STUCK_RECHECK_MS, type Outcome } from './recompute';
import { reindexEvent, runReindexPage } from './reindex';
import { retryFor } from './retry';

export const CONSUMER_JIRA_BUDGET_MS = 30_000;

type IssueJob = Extract<RecomputeJob, { kind: 'issue' }>;
type ReindexJob = Extract<RecomputeJob, { kind: 'reindex' }>;

const jobSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('issue'), issueId: z.string().min(1), projectId: z.string().optional(), delta: deltaSchema.optional() }),
  z.object({
    kind: z.literal('reindex'),
    projectId: z.string().min(1),
    version: z.number(),
    phase: z.enum(['open', 'resolved']),
    resolvedSince: z.string().nullable(),
    nextPageToken: z.string().nullable(),
  }),
]);

async function report(deps: Deps, job: IssueJob, outcome: Outcome): Promise<InvocationError | undefined> {
  const issueId = job.issueId;
  if (outcome.kind === 'invalidPolicy') deps.log.error('Stored policy no longer validates', { issueId, detail: outcome.message });
  if (outcome.kind !== 'jiraError') return undefined;
  const retry = retryFor(outcome.error);
  if (retry) await keepDue(deps, job, retry.retryOptions.retryAfter);
  else {
    deps.log.error('Recompute failed', { issueId, code: outcome.error.code, message: outcome.error.message });
    await postponeDue(issueId, deps.now(), deps.now() + STUCK_RECHECK_MS);
  }
  return retry;
}

/**
 * Forge redelivers a handed-back job at most four times. A due entry lets the sweep take over if every
 * redelivery meets the same rate limit or outage. A future check that comes sooner is kept; an overdue
 * one moves to the retry time, so sweeps do not pile more work onto a rate-limited Jira.
 */
async function keepDue(deps: Deps, job: IssueJob, retryAfterS: number): Promise<void> {
  const now = deps.now();
  const at = now + 2 * retryAfterS * 1000;
  const existing = await getDue(job.issueId);
  const soonerFuture = existing !== undefined && existing.nextCheckAt * 1000 > now && existing.nextCheckAt * 1000 <= at;
  if (soonerFuture) return;
  await upsertDue(job.issueId, existing?.projectId ?? job.projectId ?? '', at);
}

/** What Forge hands the consumer; `retryContext` is set on redeliveries. */
export interface ConsumerEvent {
  body?: unknown;
  retryContext?: { retryCount?: number };
}

/**
 * Forge redelivers a handed-back event at most four times. From the third redelivery on, a project
 * recompute page continues as a fresh delayed event instead, so the chain cannot die (answering
 * success means Forge will not also redeliver it).
 */
async function continueChain(deps: Deps, job: ReindexJob, event: ConsumerEvent, retry: InvocationError | void): Promise<InvocationError | void> {
  if (!retry || (event.retryContext?.retryCount ?? 0) < 3) return retry;
  await deps.queue.push([reindexEvent(job, retry.retryOptions.retryAfter)]);
}

export async function handleRecompute(deps: Deps, event: ConsumerEvent): Promise<InvocationError | void> {
  const parsed = jobSchema.safeParse(event.body);
  if (!parsed.success) {
    deps.log.error('Dropping a recompute job of unexpected shape', { issue: parsed.error.issues[0]?.message });
    return;
  }
  const job: RecomputeJob = parsed.data;
  const jira = deps.appJira(CONSUMER_JIRA_BUDGET_MS);
  if (job.kind === 'reindex') return continueChain(deps, job, event, await runReindexPage(deps, jira, job));
  // An event's job is answered from the history mirror when it can be; otherwise Jira is read.
  const mirrored = job.delta ? await recomputeFromMirror(deps, jira, job.issueId, job.delta) : null;
  const outcome = mirrored ?? (await recomputeIssue(deps, jira, job.issueId, job.projectId));
  return report(deps, job, outcome);
}
