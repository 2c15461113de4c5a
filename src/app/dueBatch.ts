/**
 * One batch of the sweep: up to 50 due issues recomputed from their mirrored histories, with changed
 * properties written in bulk. Answers the issues only Jira can answer (no mirror record, a field the
 * mirror does not cover, or a bulk write Jira did not apply, e.g. a deleted issue): the caller
 * recomputes those one by one through the Jira read, which also refreshes their mirror.
 */
import type { JiraClient } from '../jira/client';
import type { JiraError } from '../jira/http';
import { getMirrors } from '../store/historyMirror';
import { recomputeMany } from './bulkRecompute';
import type { Deps } from './deps';

export const DUE_BATCH = 50;

export async function runDueBatch(deps: Deps, jira: JiraClient, issueIds: string[]): Promise<{ viaJira: string[]; error?: JiraError }> {
  const records = await getMirrors(issueIds);
  const missing = issueIds.filter((id) => !records.has(id));
  const res = await recomputeMany(deps, jira, [...records.values()]);
  return { viaJira: [...missing, ...res.fallback], error: res.error };
}
