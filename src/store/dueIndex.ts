/**
 * The due index: one Custom Entity Store entity per issue that has a future state change (warning or
 * breach instant). The sweep queries the `by-next-check` range index for `nextCheckAt <= now`, so it
 * never touches issues that are not due. Instants are epoch SECONDS because entity integers are
 * 32-bit; instants past 2038 are clamped (they will simply be re-checked then and re-indexed).
 */
import { kvs, WhereConditions } from '@forge/kvs';

export const DUE_ENTITY = 'sla-due';
export const DUE_INDEX = 'by-next-check';
const MAX_INT32 = 2_147_483_647;

export interface DueEntry {
  issueId: string;
  projectId: string;
  /** Epoch seconds. */
  nextCheckAt: number;
}

const keyOf = (issueId: string) => `issue-${issueId}`;
export const toEpochSeconds = (ms: number) => Math.min(MAX_INT32, Math.ceil(ms / 1000));

export async function getDue(issueId: string): Promise<DueEntry | undefined> {
  return kvs.entity<DueEntry>(DUE_ENTITY).get(keyOf(issueId));
}

/** Sets or clears the entry; skips the write when the stored entry is already identical. */
export async function upsertDue(issueId: string, projectId: string, nextCheckAtMs: number | null): Promise<void> {
  const existing = await getDue(issueId);
  if (nextCheckAtMs === null) {
    if (existing) await kvs.entity<DueEntry>(DUE_ENTITY).delete(keyOf(issueId));
    return;
  }
  const entry: DueEntry = { issueId, projectId, nextCheckAt: toEpochSeconds(nextCheckAtMs) };
  if (existing && existing.nextCheckAt === entry.nextCheckAt && existing.projectId === projectId) return;
  await kvs.entity<DueEntry>(DUE_ENTITY).set(keyOf(issueId), entry);
}

/** Moves an entry that is already due (at or before `nowMs`) to `atMs`; creates none and keeps a future one. */
export async function postponeDue(issueId: string, nowMs: number, atMs: number): Promise<void> {
  const due = await getDue(issueId);
  if (due && due.nextCheckAt * 1000 <= nowMs) await kvs.entity<DueEntry>(DUE_ENTITY).set(keyOf(issueId), { ...due, nextCheckAt: toEpochSeconds(atMs) });
}

export async function removeDue(issueId: string): Promise<void> {
  await kvs.entity<DueEntry>(DUE_ENTITY).delete(keyOf(issueId));
}

/** One page of entries due at or before `nowMs`, earliest first. */
export async function listDue(nowMs: number, limit: number, cursor?: string): Promise<{ entries: DueEntry[]; cursor?: string }> {
  let q = kvs.entity<DueEntry>(DUE_ENTITY).query().index(DUE_INDEX).where(WhereConditions.lessThanEqualTo(Math.floor(nowMs / 1000))).limit(limit);
  if (cursor) q = q.cursor(cursor);
  const page = await q.getMany();
  return { entries: page.results.map((r) => r.value), cursor: page.nextCursor };
}
