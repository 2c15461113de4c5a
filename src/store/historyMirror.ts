/**
 * The history mirror in the Custom Entity Store: one entity per issue, found by issue id (events,
 * sweep) or paged per project in issue-id order (project-wide recompute), resumable from the last
 * issue id without persisting a storage cursor. `rev` changes on every write, so a bulk recompute
 * can tell (with a conditional write) that an event changed an issue while it was writing.
 * Why this store (not plain KVS, not Forge SQL): docs/reference/scale.md.
 */
import { kvs, Filter, FilterConditions, WhereConditions } from '@forge/kvs';
import type { MirrorData } from '../app/mirrorData';

export const MIRROR_ENTITY = 'sla-history';
export const MIRROR_BY_PROJECT = 'by-project';

export interface MirrorRecord {
  issueId: string;
  projectId: string;
  /** The numeric issue id, the range attribute that orders a project's pages. */
  issueNum: number;
  /** A fresh token on every write of the history, so a writer can tell the record changed under it. */
  rev: string;
  data: MirrorData;
  /** Hash and fired ids of the `sla` property as last written (null hash: unknown, write next time). */
  sla: { hash: string | null; fired: string[] };
}

const keyOf = (issueId: string) => `issue-${issueId}`;
const table = () => kvs.entity<MirrorRecord>(MIRROR_ENTITY);

export async function getMirror(issueId: string): Promise<MirrorRecord | undefined> {
  return table().get(keyOf(issueId));
}

export async function putMirror(record: MirrorRecord): Promise<void> {
  await table().set(keyOf(record.issueId), record);
}

export async function deleteMirror(issueId: string): Promise<void> {
  await table().delete(keyOf(issueId));
}

/** Reads many records in one storage request; missing ones are simply absent. */
export async function getMirrors(issueIds: string[]): Promise<Map<string, MirrorRecord>> {
  const out = new Map<string, MirrorRecord>();
  for (let i = 0; i < issueIds.length; i += 25) {
    const res = await kvs.batchGet<MirrorRecord>(issueIds.slice(i, i + 25).map((id) => ({ key: keyOf(id), entityName: MIRROR_ENTITY })));
    for (const r of res.successfulKeys) if (r.value) out.set(r.value.issueId, r.value);
  }
  return out;
}

export async function putMirrors(records: MirrorRecord[]): Promise<void> {
  for (let i = 0; i < records.length; i += 25) {
    const res = await kvs.batchSet(records.slice(i, i + 25).map((r) => ({ key: keyOf(r.issueId), value: r, entityName: MIRROR_ENTITY })));
    // Batch writes report partial failure instead of throwing: a lost write is an outage, retried by Forge.
    if (res.failedKeys.length > 0) throw new Error(`history mirror: ${res.failedKeys.length} records not written`);
  }
}

/** Up to `limit` records of a project with an issue id above `afterIssueNum`, in id order. */
export async function listProjectMirrors(projectId: string, afterIssueNum: number, limit: number): Promise<MirrorRecord[]> {
  const page = await table()
    .query()
    .index(MIRROR_BY_PROJECT, { partition: [projectId] })
    .where(WhereConditions.greaterThan(afterIssueNum))
    .limit(limit)
    .getMany();
  return page.results.map((r) => r.value);
}

/** A record to save and the `rev` the stored one must still have (null: there was none, save as is). */
export interface GuardedWrite { record: MirrorRecord; expectedRev: string | null }

async function writeGuarded(writes: GuardedWrite[]): Promise<void> {
  const tx = kvs.transact();
  for (const { record, expectedRev } of writes) {
    const conditions = expectedRev === null ? undefined : new Filter<MirrorRecord>().and('rev', FilterConditions.equalTo(expectedRev));
    tx.set(keyOf(record.issueId), record, { entityName: MIRROR_ENTITY, ...(conditions ? { conditions } : {}) });
  }
  await tx.execute();
}

/**
 * Saves records only where the stored record still has the expected `rev`; answers the issue ids
 * refused because another writer (an event) got there first. 25 a transaction (Forge's maximum);
 * a transaction is all-or-nothing, so a refused one is retried one record at a time.
 */
export async function putMirrorsIfUnchanged(writes: GuardedWrite[]): Promise<string[]> {
  const refused: string[] = [];
  for (let i = 0; i < writes.length; i += 25) {
    const group = writes.slice(i, i + 25);
    try {
      await writeGuarded(group);
    } catch {
      for (const w of group) await writeGuarded([w]).catch(() => refused.push(w.record.issueId));
    }
  }
  return refused;
}
