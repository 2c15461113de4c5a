/**
 * Report aggregates: every counted SLA cycle of a project, kept in app storage so a report never
 * reads issues. Cycles are filed by the UTC month of their stop into shard entities
 * (project × month × shard of the issue id), each holding, per issue, that issue's cycles of the
 * month. Writing an issue's whole entry (not a delta) makes every update idempotent: a recompute that
 * changes past cycles replaces the entry, and a retried or repeated write changes nothing.
 *
 * Many issues share a shard, so writes are optimistic: a `rev` attribute is the transaction
 * condition and a lost race is retried on fresh data. A per-issue record lists the months the issue
 * is filed under, so an issue whose cycles move (or disappear, or whose project changes) is removed
 * from exactly the shards that hold it.
 */
import { Filter, FilterConditions, kvs } from '@forge/kvs';

export const REPORT_SHARD_ENTITY = 'sla-report-shard';
/** ~90 bytes a cycle, 240 KiB a value: 32 shards hold ~85,000 cycles per project and month. */
export const REPORT_SHARDS = 32;
const MAX_ATTEMPTS = 12;

/** [metricKey, goalId, startedAt, stoppedAt, elapsedMs, goalMs, met (1/0), breachedAt] */
export type PackedCycle = [string, string | null, number, number, number, number | null, 0 | 1, number | null];

export interface FiledIssue {
  /** Issue key when filed (a moved issue is refiled under its new key by its next recompute). */
  k: string;
  /** Priority id of the issue when filed. */
  p: string | null;
  c: PackedCycle[];
}

export interface ShardRecord {
  projectId: string;
  month: string;
  rev: number;
  issues: Record<string, FiledIssue>;
}

/** Where an issue is filed, and a hash of what, so an unchanged recompute writes nothing. */
export interface IssueFiling {
  projectId: string;
  months: string[];
  hash: string;
}

const filingKey = (issueId: string) => `report-issue:${issueId}`;
export const shardKey = (projectId: string, month: string, shard: number) => `report:${projectId}:${month}:${shard}`;

/** A stable shard per issue id (ids are numeric strings in Jira; any string works). */
export function shardOf(issueId: string): number {
  // FNV-1a, then the high bits of a multiplicative mix: consecutive numeric ids spread evenly.
  let h = 0x811c9dc5;
  for (let i = 0; i < issueId.length; i++) h = Math.imul(h ^ issueId.charCodeAt(i), 0x01000193);
  return (Math.imul(h, 0x9e3779b1) >>> 27) % REPORT_SHARDS;
}

export async function getFiling(issueId: string): Promise<IssueFiling | undefined> {
  return kvs.get<IssueFiling>(filingKey(issueId));
}

export async function setFiling(issueId: string, filing: IssueFiling | null): Promise<void> {
  if (filing === null) await kvs.delete(filingKey(issueId));
  else await kvs.set(filingKey(issueId), filing);
}

function sameEntry(a: FiledIssue | undefined, b: FiledIssue | null): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b);
}

/** One optimistic attempt: false when another writer got there first. */
async function tryFile(key: string, current: ShardRecord | undefined, next: ShardRecord): Promise<boolean> {
  try {
    if (current === undefined) await kvs.entity<ShardRecord>(REPORT_SHARD_ENTITY).set(key, next, { keyPolicy: 'FAIL_IF_EXISTS' });
    else {
      const sameRev = new Filter<ShardRecord>().and('rev', FilterConditions.equalTo(current.rev));
      await kvs.transact().set(key, next, { entityName: REPORT_SHARD_ENTITY, conditions: sameRev }).execute();
    }
    return true;
  } catch (e) {
    const latest = await kvs.entity<ShardRecord>(REPORT_SHARD_ENTITY).get(key);
    if ((latest?.rev ?? -1) !== (current?.rev ?? -1)) return false;
    throw e;
  }
}

/** Sets (or with null removes) one issue's entry in a shard, retrying lost races; false if every attempt lost. */
export async function fileIssue(projectId: string, month: string, issueId: string, entry: FiledIssue | null): Promise<boolean> {
  const key = shardKey(projectId, month, shardOf(issueId));
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const current = await kvs.entity<ShardRecord>(REPORT_SHARD_ENTITY).get(key);
    if (sameEntry(current?.issues[issueId], entry)) return true;
    const issues = { ...(current?.issues ?? {}) };
    if (entry === null) delete issues[issueId];
    else issues[issueId] = entry;
    if (await tryFile(key, current, { projectId, month, rev: (current?.rev ?? 0) + 1, issues })) return true;
  }
  return false;
}

/** Every shard of the given months of a project (absent shards are skipped), read in parallel. */
export async function readShards(projectId: string, months: readonly string[]): Promise<ShardRecord[]> {
  const keys = months.flatMap((m) => Array.from({ length: REPORT_SHARDS }, (_, s) => shardKey(projectId, m, s)));
  const found = await Promise.all(keys.map((k) => kvs.entity<ShardRecord>(REPORT_SHARD_ENTITY).get(k)));
  return found.filter((r): r is ShardRecord => r !== undefined);
}
