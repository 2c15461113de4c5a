/**
 * Scheduled sweep (every five minutes): issues whose next check instant has passed are pushed to the
 * recompute queue in batches of 50 (one event each, recomputed from the history mirror with bulk
 * writes), at most MAX_EVENTS_PER_RUN events a run, so the sweep alone never comes near Forge's 500
 * events per minute per installation, whatever the backlog; the rest waits for the next run. The
 * sweep never calls Jira and never scans issues that are not due. A duplicate run pushes the same
 * issues again, which is harmless: recompute is idempotent and actions are claimed once.
 * It also resumes project recompute chains parked before Forge's cap on chained pushes (a scheduled
 * run is a new originating invocation).
 */
import { takeParkedChains } from '../store/chainState';
import { listDue } from '../store/dueIndex';
import { getDueIssueUnits } from '../store/storageCost';
import type { PushEvent } from '@forge/events';
import { pushAll, type Deps, type RecomputeJob } from './deps';
import { DUE_BATCH } from './dueBatch';
import { reindexEvent, storageDelayS, type ReindexJob } from './reindex';

/** 100 events of 50 issues: 5,000 due issues a run, 20 events a minute on average. */
export const MAX_EVENTS_PER_RUN = 100;
const MAX_PARKED_PER_RUN = 10;
/**
 * Storage units a due issue is assumed to cost until a batch has measured it (storageCost.ts): its
 * record, due entry, report filing and claims; `npm run sim` measures about 4 to 5.
 */
export const DUE_UNITS_PER_ISSUE = 10;

export interface SweepResult {
  pushed: number;
  events: number;
  resumedChains: number;
}

export async function runSweep(deps: Deps): Promise<SweepResult> {
  const parked = await takeParkedChains<ReindexJob>(MAX_PARKED_PER_RUN);
  if (parked.length) await pushAll(deps.queue, parked.map((job) => reindexEvent(job)));
  const now = deps.now();
  let cursor: string | undefined;
  const batches: Array<PushEvent<RecomputeJob>> = [];
  let pushed = 0;
  let perIssue: number | undefined;
  while (batches.length < MAX_EVENTS_PER_RUN) {
    const { entries, cursor: next } = await listDue(now, DUE_BATCH, cursor);
    if (entries.length === 0) break;
    // Spaced so the batches stay within the chain's share of the installation's storage limits (see reindex.ts).
    // Read only once a second batch needs spacing: a quiet sweep costs no extra storage read.
    if (batches.length > 0) perIssue ??= (await getDueIssueUnits()) ?? DUE_UNITS_PER_ISSUE;
    const units = Math.ceil(batches.length * DUE_BATCH * (perIssue ?? 0));
    const delayInSeconds = storageDelayS({ read: units, write: 0 });
    batches.push({ body: { kind: 'due', issueIds: entries.map((e) => e.issueId) }, ...(delayInSeconds ? { delayInSeconds } : {}) });
    pushed += entries.length;
    if (!next) break;
    cursor = next;
  }
  await pushAll(deps.queue, batches);
  return { pushed, events: batches.length, resumedChains: parked.length };
}
