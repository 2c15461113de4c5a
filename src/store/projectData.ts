/**
 * Removing a project's records from app storage (the project's SLA data removal): its configuration,
 * recompute progress, mirror coverage, parked chain, customer-view switch and report shards. The
 * per-issue records (mirror, due entry, claims, report filing, action failures) go issue by issue.
 */
import { kvs, WhereConditions } from '@forge/kvs';
import { CONFIG_ENTITY } from './config';
import { REPORT_SHARD_ENTITY } from './reportAggregates';

const PROJECT_KEYS = (projectId: string) => [`progress:${projectId}`, `mirror-meta:${projectId}`, `chain:${projectId}`, `customer-view:${projectId}`];

/** The configuration first: with it gone, no event, sweep or chain writes SLA data for the project again. */
export async function deleteProjectConfig(projectId: string): Promise<void> {
  await kvs.entity(CONFIG_ENTITY).delete(`project-${projectId}`);
}

export async function deleteProjectRecords(projectId: string): Promise<void> {
  for (const key of PROJECT_KEYS(projectId)) await kvs.delete(key);
  for (;;) {
    const page = await kvs.entity(REPORT_SHARD_ENTITY).query().index('projectId').where(WhereConditions.equalTo(projectId)).limit(100).getMany();
    for (const r of page.results) await kvs.entity(REPORT_SHARD_ENTITY).delete(r.key);
    if (page.results.length === 0 || !page.nextCursor) return;
  }
}

/** An issue's records besides its mirror, due entry and claims (mirrorSync.purgeIssue removes those). */
export async function deleteIssueExtras(issueId: string): Promise<void> {
  await kvs.delete(`report-issue:${issueId}`);
  await kvs.delete(`action-failures:${issueId}`);
}
