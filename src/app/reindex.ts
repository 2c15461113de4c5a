/**
 * Project-wide recompute after a configuration save, one search page per queue event so each page
 * gets a fresh consumer budget. Pages run in sequence (each pushes the next), so the progress record
 * has a single writer. Unresolved issues first, then optionally those resolved since a date. A newer
 * save supersedes a running chain: a page whose version is stale stops quietly.
 * Actions are suppressed (recorded as fired, not sent): a changed goal must not mass-escalate.
 */
import type { RecomputeProgress } from '../contract';
import { ok } from '../core';
import type { JiraClient } from '../jira/client';
import { loadConfig } from '../store/config';
import { getProgress, setProgress } from '../store/progress';
import type { PushEvent } from '@forge/events';
import type { Deps, RecomputeJob } from './deps';
import { recomputeIssue } from './recompute';
import { retryFor, type Retry } from './retry';

export type ReindexJob = Extract<RecomputeJob, { kind: 'reindex' }>;

const PAGE = 50;

export function reindexJql(projectId: string, phase: ReindexJob['phase'], resolvedSince: string | null): string {
  if (phase === 'open') return `project = ${projectId} AND resolution is EMPTY ORDER BY id ASC`;
  return `project = ${projectId} AND resolution is not EMPTY AND resolved >= "${resolvedSince ?? ''}" ORDER BY id ASC`;
}

export function firstReindexJob(projectId: string, version: number, resolvedSince: string | null): ReindexJob {
  return { kind: 'reindex', projectId, version, phase: 'open', resolvedSince, nextPageToken: null };
}

/** A chain's pages run one at a time per project. */
export const reindexEvent = (job: ReindexJob, delayInSeconds?: number): PushEvent<RecomputeJob> => ({
  body: job,
  ...(delayInSeconds ? { delayInSeconds } : {}),
  concurrency: { key: `reindex-${job.projectId}`, limit: 1 },
});

/** What comes after this page: the next page, the resolved phase, or nothing. */
function nextJob(job: ReindexJob, token: string | null): ReindexJob | null {
  if (token) return { ...job, nextPageToken: token };
  if (job.phase === 'open' && job.resolvedSince) return { ...job, phase: 'resolved', nextPageToken: null };
  return null;
}

/** A newer save has started its own chain and progress record; this chain must touch neither. */
async function superseded(job: ReindexJob): Promise<boolean> {
  const config = await loadConfig(job.projectId);
  return !config || config.version !== job.version;
}

/** Runs one page; a Retry means the platform should redeliver this page later (it is redone from its start). */
export async function runReindexPage(deps: Deps, jira: JiraClient, job: ReindexJob): Promise<Retry | undefined> {
  if (await superseded(job)) return undefined;
  const page = await jira.searchIssueIds(reindexJql(job.projectId, job.phase, job.resolvedSince), job.nextPageToken, PAGE);
  if (!page.ok) {
    const retry = retryFor(page.error);
    if (!retry && !(await superseded(job))) await finish(deps, job.projectId, 'failed');
    return retry;
  }
  for (const issueId of page.value.ids) {
    const outcome = await recomputeIssue(deps, jira, issueId, job.projectId, { suppressActions: true });
    if (outcome.kind === 'jiraError') {
      const retry = retryFor(outcome.error);
      if (retry) return retry; // the page is redone from its start; recompute is idempotent
    }
  }
  // The page took a while: a save meanwhile must not see its progress advanced or finished by us.
  if (await superseded(job)) return undefined;
  const progress = await getProgress(job.projectId);
  const done = progress.done + page.value.ids.length;
  // The total is approximate (search/jql has none): never show more done than total.
  await setProgress(job.projectId, { ...progress, done, total: Math.max(progress.total, done) });
  const next = nextJob(job, page.value.nextPageToken);
  if (next) await deps.queue.push([reindexEvent(next)]);
  else await finish(deps, job.projectId, 'done');
  return undefined;
}

async function finish(deps: Deps, projectId: string, state: RecomputeProgress['state']): Promise<void> {
  const progress = await getProgress(projectId);
  await setProgress(projectId, { ...progress, state, finishedAt: new Date(deps.now()).toISOString() });
}

/** Starts a chain: counts the work (approximately; search/jql has no total) and queues page one. */
export async function startReindex(deps: Deps, jira: JiraClient, projectId: string, version: number, resolvedSince: string | null): Promise<RecomputeProgress> {
  const open = await jira.approximateCount(reindexJql(projectId, 'open', null));
  const resolved = resolvedSince ? await jira.approximateCount(reindexJql(projectId, 'resolved', resolvedSince)) : ok(0);
  const total = (open.ok ? open.value : 0) + (resolved.ok ? resolved.value : 0);
  const progress: RecomputeProgress = { state: 'running', done: 0, total, startedAt: new Date(deps.now()).toISOString(), finishedAt: null };
  await setProgress(projectId, progress);
  try {
    await deps.queue.push([reindexEvent(firstReindexJob(projectId, version, resolvedSince))]);
  } catch (e) {
    // No chain will ever finish this record: say so, or the settings page waits for it forever.
    await setProgress(projectId, { ...progress, state: 'failed', finishedAt: progress.startedAt });
    throw e;
  }
  return progress;
}
