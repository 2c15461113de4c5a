/**
 * One batch of the sweep: up to 50 due issues recomputed from their mirrored histories, with changed
 * properties written in bulk. Answers the issues only Jira can answer (no mirror record, a field the
 * mirror does not cover, or a bulk write Jira did not apply, e.g. a deleted issue): the caller
 * recomputes those one by one through the Jira read, which also refreshes their mirror.
 */
import type { JiraClient } from '../jira/client';
import type { JiraError } from '../jira/http';
import { getMirrors } from '../store/historyMirror';
import { setDueIssueUnits } from '../store/storageCost';
import { metered } from '../store/storageMeter';
import { recomputeMany } from './bulkRecompute';
import type { Deps } from './deps';

export const DUE_BATCH = 50;

export async function runDueBatch(deps: Deps, jira: JiraClient, issueIds: string[]): Promise<{ viaJira: string[]; error?: JiraError }> {
  const { value: res, units } = await metered(async () => {
    const records = await getMirrors(issueIds);
    return { records, out: await recomputeMany(deps, jira, [...records.values()]) };
  });
  // The sweep spaces the next run's batches by what this one measured (see sweep.ts).
  if (issueIds.length > 0) await setDueIssueUnits(Math.ceil((10 * Math.max(units.read, units.write)) / issueIds.length) / 10);
  const missing = issueIds.filter((id) => !res.records.has(id));
  return { viaJira: [...missing, ...res.out.fallback], error: res.out.error };
}
