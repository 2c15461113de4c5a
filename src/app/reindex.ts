/**
 * Project-wide recompute after a configuration save, as a chain of queue events. Each link handles up
 * to LINK_PAGES pages of 100 issues in issue-id order and pushes the next link, so the progress record
 * has a single writer and a link resumes from the last issue id it finished.
 * - Issues come from the history mirror when it covers every field the policy needs (no Jira read),
 *   else from Jira in bulk (backfill; chainPages.ts), which also fills the mirror.
 * - Properties go out in bulk writes (bulkRecompute.ts); actions are suppressed (recorded as fired,
 *   not sent): a changed goal must not mass-escalate.
 * - Pacing: before each page the link reads the quota Jira reported in its limit headers; when the
 *   page would eat into the reserve, the rest continues as a delayed event. App storage is paced by
 *   the units the link measured (see LINK_UNITS).
 * - Forge caps the pushes descending from one invocation at 1,000: a chain counts its pushes and,
 *   before the cap, parks itself; the next sweep (a new invocation) resumes it.
 * A newer save supersedes a running chain: a link whose version is stale stops quietly.
 */
import type { PushEvent } from '@forge/events';
import { RESOLVED_ALL, type ProjectConfig, type RecomputeProgress } from '../contract';
import { ok } from '../core';
import type { JiraClient } from '../jira/client';
import type { JiraError } from '../jira/http';
import { createPacer } from '../jira/pacing';
import { getMirrorMeta, metaCovers, parkChain, setMirrorMeta } from '../store/chainState';
import { loadConfig } from '../store/config';
import { getProgress, setProgress } from '../store/progress';
import { tally, type StorageUnits } from '../store/storageMeter';
import { recomputeMany } from './bulkRecompute';
import { backfillJql, jiraPage, mirrorPage, type Page } from './chainPages';
import { issueJob, pushAll, type Deps, type QueuePort, type RecomputeJob } from './deps';
import { readFields } from './history';
import { retryFor, type Retry } from './retry';

export type ReindexJob = Extract<RecomputeJob, { kind: 'reindex' }>;

/** Pages per link: 500 issues, well inside the consumer's timeout. */
export const LINK_PAGES = 5;
/** Pushes a chain makes before parking: below Forge's 1,000, with room for retries' fresh copies. */
export const MAX_CHAIN_PUSHES = 900;
/** Points one page may cost (a backfill page: 100 issues + their histories); a mirror page only writes. */
const PAGE_POINTS = { jira: 3_000, mirror: 10 } as const;
const JIRA_BUDGET_MS = 30_000;
/**
 * App storage allows 4,000 read and 4,000 write units (10 KB) a minute per installation. A link
 * measures the units it spends (storageMeter.ts) and stops taking pages before the next would take it
 * past LINK_UNITS; the next link waits until the chain's average is back under
 * CHAIN_UNITS_PER_MINUTE. Any 60 seconds then hold at most CHAIN_UNITS_PER_MINUTE + LINK_UNITS
 * (one more link than the average allows): 3,400 units, the rest left for events, the sweep and the UI.
 */
export const LINK_UNITS = 1_000;
export const CHAIN_UNITS_PER_MINUTE = 2_400;

export function reindexJql(projectId: string, phase: ReindexJob['phase'], resolvedSince: string | null): string {
  if (phase === 'open') return `project = ${projectId} AND resolution is EMPTY ORDER BY id ASC`;
  return `project = ${projectId} AND resolution is not EMPTY AND resolved >= "${resolvedSince ?? ''}" ORDER BY id ASC`;
}

export function firstReindexJob(projectId: string, version: number, resolvedSince: string | null): ReindexJob {
  return { kind: 'reindex', projectId, version, phase: 'open', resolvedSince, nextPageToken: null };
}

/** A chain's links run one at a time per project. */
export const reindexEvent = (job: ReindexJob, delayInSeconds?: number): PushEvent<RecomputeJob> => ({
  body: job,
  ...(delayInSeconds ? { delayInSeconds } : {}),
  concurrency: { key: `reindex-${job.projectId}`, limit: 1 },
});

/** The current configuration, or null when a newer save has started its own chain (this one must touch nothing). */
async function current(job: ReindexJob): Promise<ProjectConfig | null> {
  const config = await loadConfig(job.projectId);
  return config && config.version === job.version ? config : null;
}

/** Counts this link's pushes, so the chain knows how many descend from its originating invocation. */
function counting(queue: QueuePort): QueuePort & { count: number } {
  const q = { count: 0, push: async (events: Parameters<QueuePort['push']>[0]) => ((q.count += 1), queue.push(events)) };
  return q;
}

async function decideSource(job: ReindexJob, config: ProjectConfig): Promise<'mirror' | 'jira'> {
  if (job.source) return job.source;
  return metaCovers(await getMirrorMeta(job.projectId), readFields(config.policy), job.resolvedSince) ? 'mirror' : 'jira';
}

/** Runs one link; a Retry means the platform should redeliver it (it resumes from its `after`). */
export async function runReindexPage(deps: Deps, _jira: JiraClient, job: ReindexJob): Promise<Retry | undefined> {
  const meter = tally();
  return meter.run(() => runLink(deps, job, meter.units));
}

const spentOf = (u: StorageUnits) => Math.max(u.read, u.write);

async function runLink(deps: Deps, job: ReindexJob, units: StorageUnits): Promise<Retry | undefined> {
  const config = await current(job);
  if (!config) return undefined;
  const pacer = createPacer(deps.now, deps.sleep);
  const jira = deps.appJira(JIRA_BUDGET_MS, pacer);
  const queue = counting(deps.queue);
  let link: Link = { ...job, source: await decideSource(job, config), after: job.after ?? 0 };
  let dearestPage = 0;
  for (let i = 0; i < LINK_PAGES; i++) {
    // The first page always runs (a chain must move); a later one only if its likely cost fits the link's units.
    if (i > 0 && spentOf(units) + dearestPage > LINK_UNITS) break;
    const wait = pacer.quotaWait(PAGE_POINTS[link.source], deps.now());
    if (wait > 0) return handOn(queue, link, Math.max(Math.ceil(wait / 1000), storageDelayS(units)));
    const before = spentOf(units);
    const page = await nextPage(jira, link, config);
    if ('error' in page) return failed(deps, queue, job, link, page.error);
    const res = await recomputeMany(deps, jira, page.records, { suppressActions: true, fresh: page.fresh });
    if (res.error) return failed(deps, queue, job, link, res.error);
    // Issues neither the mirror nor the bulk read could answer are recomputed singly, from Jira.
    await pushAll(queue, [...page.fallback, ...res.fallback].map((id) => issueJob(id, job.projectId)));
    if (!(await current(job))) return undefined;
    await addProgress(job.projectId, page.records.length + page.fallback.length);
    dearestPage = Math.max(dearestPage, spentOf(units) - before);
    link = { ...link, after: page.last };
    if (!page.end) continue;
    const next = afterEnd(link);
    if (!next) return finishChain(deps, link, config);
    link = next;
  }
  return handOn(queue, link, storageDelayS(units));
}

/** Seconds until the next link, so the chain's measured units average at most CHAIN_UNITS_PER_MINUTE. */
export const storageDelayS = (units: StorageUnits): number => Math.min(900, Math.ceil((spentOf(units) * 60) / CHAIN_UNITS_PER_MINUTE));

type Link = ReindexJob & { source: 'mirror' | 'jira'; after: number };

async function nextPage(jira: JiraClient, link: Link, config: ProjectConfig): Promise<Page | { error: JiraError }> {
  if (link.source === 'mirror') return mirrorPage(link.projectId, link.resolvedSince, link.after);
  return jiraPage(jira, link.projectId, config, backfillJql(link.projectId, link.phase, link.resolvedSince, link.after), link.after);
}

/** After the last page of a phase: the resolved phase of a backfill, or the end. */
function afterEnd(link: Link): Link | null {
  if (link.source === 'jira' && link.phase === 'open' && link.resolvedSince) return { ...link, phase: 'resolved', after: 0 };
  return null;
}

/** Pushes the next link, or parks the chain before it reaches the platform's cap of chained pushes. */
async function handOn(queue: QueuePort & { count: number }, link: Link, delayInSeconds?: number): Promise<undefined> {
  const pushes = (link.pushes ?? 0) + queue.count + 1;
  if (pushes >= MAX_CHAIN_PUSHES) await parkChain(link.projectId, { ...link, pushes: 0 });
  else await queue.push([reindexEvent({ ...link, pushes }, delayInSeconds)]);
  return undefined;
}

/**
 * A rate limit or outage: a link that got somewhere continues as a fresh delayed link from where it
 * stopped; one that did not is handed back to the platform. Anything else fails the recompute.
 */
async function failed(deps: Deps, queue: QueuePort & { count: number }, job: ReindexJob, link: Link, error: JiraError): Promise<Retry | undefined> {
  const retry = retryFor(error);
  if (retry && link.after !== (job.after ?? 0)) return handOn(queue, link, retry.retryAfterS);
  if (retry) return retry;
  deps.log.error('Project recompute failed', { projectId: job.projectId, code: error.code, message: error.message });
  if (await current(job)) await finish(deps, job.projectId, 'failed');
  return undefined;
}

async function finishChain(deps: Deps, link: Link, config: ProjectConfig): Promise<undefined> {
  // A finished backfill leaves a mirror that answers the next recompute of this scope without Jira.
  if (link.source === 'jira') await setMirrorMeta(link.projectId, { covers: readFields(config.policy), resolvedSince: link.resolvedSince });
  await finish(deps, link.projectId, 'done');
  return undefined;
}

async function addProgress(projectId: string, n: number): Promise<void> {
  const progress = await getProgress(projectId);
  const done = progress.done + n;
  // The total is approximate (search/jql has none): never show more done than total.
  await setProgress(projectId, { ...progress, done, total: Math.max(progress.total, done) });
}

async function finish(deps: Deps, projectId: string, state: RecomputeProgress['state']): Promise<void> {
  const progress = await getProgress(projectId);
  await setProgress(projectId, { ...progress, state, finishedAt: new Date(deps.now()).toISOString() });
}

/** Starts a chain: counts the work (approximately; search/jql has no total) and queues link one. */
/** "Every resolved issue" as a date the chain, the mirror filter and JQL all read the same way. */
export const EVERY_RESOLVED_SINCE = '1970-01-01';

export async function startReindex(deps: Deps, jira: JiraClient, projectId: string, version: number, resolvedSinceOrAll: string | null): Promise<RecomputeProgress> {
  const resolvedSince = resolvedSinceOrAll === RESOLVED_ALL ? EVERY_RESOLVED_SINCE : resolvedSinceOrAll;
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
