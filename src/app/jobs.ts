/**
 * One job of the recompute queue: one issue, or one page of a project-wide recompute. Jira rate
 * limits and outages come back as a Retry, so the platform redelivers the job instead of the
 * function sleeping past its budget; nothing is lost.
 */
import { getDue, postponeDue, upsertDue } from '../store/dueIndex';
import type { Deps, RecomputeJob } from './deps';
import type { JiraClient } from '../jira/client';
import { runDueBatch } from './dueBatch';
import { recomputeFromMirror } from './mirrorSync';
import type { Outcome } from './outcome';
import { recomputeIssue, STUCK_RECHECK_MS } from './recompute';
import { reindexEvent, runReindexPage, type ReindexJob } from './reindex';
import { retryFor, type Retry } from './retry';

export const CONSUMER_JIRA_BUDGET_MS = 30_000;

type IssueJob = Extract<RecomputeJob, { kind: 'issue' }>;

async function report(deps: Deps, job: IssueJob, outcome: Outcome): Promise<Retry | undefined> {
  const issueId = job.issueId;
  if (outcome.kind === 'invalidPolicy') deps.log.error('Stored policy no longer validates', { issueId, detail: outcome.message });
  if (outcome.kind !== 'jiraError') return undefined;
  const retry = retryFor(outcome.error);
  if (retry) await keepDue(deps, job, retry.retryAfterS);
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

/**
 * Forge redelivers a handed-back event at most four times. From the third redelivery on, a project
 * recompute page continues as a fresh delayed event instead, so the chain cannot die (answering
 * success means Forge will not also redeliver it).
 */
async function continueChain(deps: Deps, job: ReindexJob, retryCount: number, retry: Retry | undefined): Promise<Retry | undefined> {
  if (!retry || retryCount < 3) return retry;
  await deps.queue.push([reindexEvent(job, retry.retryAfterS)]);
  return undefined;
}

/**
 * A sweep batch: the mirror answers most issues in bulk; the rest are recomputed singly from Jira.
 * A rate limit or outage hands the whole batch back (idempotent) and moves its overdue entries to
 * the retry time, as for a single issue, so sweeps do not pile work onto a rate-limited Jira.
 */
async function runDue(deps: Deps, jira: JiraClient, issueIds: string[]): Promise<Retry | undefined> {
  const { viaJira, error } = await runDueBatch(deps, jira, issueIds);
  const retry = error ? retryFor(error) : undefined;
  if (retry) {
    for (const issueId of issueIds) await keepDue(deps, { kind: 'issue', issueId }, retry.retryAfterS);
    return retry;
  }
  if (error) deps.log.warn('Due batch refused by Jira; recomputing its issues one by one', { code: error.code });
  for (const issueId of error ? issueIds : viaJira) {
    const again = await report(deps, { kind: 'issue', issueId }, await recomputeIssue(deps, jira, issueId));
    if (again) return again;
  }
  return undefined;
}

/**
 * Reconciliation's batch: every issue is read from Jira afresh (the mirror is what it distrusts).
 * A rate limit or outage hands the rest of the batch back as its own job, so issues already done
 * are not read again.
 */
async function runReread(deps: Deps, jira: JiraClient, job: Extract<RecomputeJob, { kind: 'reread' }>): Promise<Retry | undefined> {
  for (const [i, issueId] of job.issueIds.entries()) {
    const again = await report(deps, { kind: 'issue', issueId, projectId: job.projectId }, await recomputeIssue(deps, jira, issueId, job.projectId));
    if (!again) continue;
    const rest = job.issueIds.slice(i);
    if (i === 0) return again;
    await deps.queue.push([{ body: { ...job, issueIds: rest }, delayInSeconds: again.retryAfterS }]);
    return undefined;
  }
  return undefined;
}

/** Runs one job; `retryCount` is how often the platform has redelivered it already. */
export async function runJob(deps: Deps, job: RecomputeJob, retryCount: number): Promise<Retry | undefined> {
  const jira = deps.appJira(CONSUMER_JIRA_BUDGET_MS);
  if (job.kind === 'reindex') return continueChain(deps, job, retryCount, await runReindexPage(deps, jira, job));
  if (job.kind === 'due') return runDue(deps, jira, job.issueIds);
  if (job.kind === 'reread') return runReread(deps, jira, job);
  // An event's job is answered from the history mirror when it can be; otherwise Jira is read.
  const mirrored = job.delta ? await recomputeFromMirror(deps, jira, job.issueId, job.delta) : null;
  const outcome = mirrored ?? (await recomputeIssue(deps, jira, job.issueId, job.projectId));
  return report(deps, job, outcome);
}
