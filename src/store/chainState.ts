/**
 * State that lets a project-wide recompute use the mirror and outlive Forge's chain cap (plain KVS,
 * one writer at a time: the chain of that project).
 * - `mirror-meta:<projectId>`: which fields the project's mirror covers and since when resolved
 *   issues are in it; written when a backfill chain finishes.
 * - `chain:<projectId>`: a chain parked before it reached the cap of chained pushes; the next sweep
 *   (a new originating invocation) pushes it again.
 */
import { kvs, WhereConditions } from '@forge/kvs';

export interface MirrorMeta {
  covers: string[];
  /** Resolved issues resolved on or after this date are mirrored; null: unresolved issues only. */
  resolvedSince: string | null;
}

const metaKey = (projectId: string) => `mirror-meta:${projectId}`;
const chainKey = (projectId: string) => `chain:${projectId}`;

export async function getMirrorMeta(projectId: string): Promise<MirrorMeta | undefined> {
  return kvs.get<MirrorMeta>(metaKey(projectId));
}

export async function setMirrorMeta(projectId: string, meta: MirrorMeta): Promise<void> {
  await kvs.set(metaKey(projectId), meta);
}

/** True when the mirror holds every issue a recompute of this scope needs, with every needed field. */
export function metaCovers(meta: MirrorMeta | undefined, fields: string[], resolvedSince: string | null): boolean {
  if (!meta || !fields.every((f) => meta.covers.includes(f))) return false;
  return resolvedSince === null || (meta.resolvedSince !== null && meta.resolvedSince <= resolvedSince);
}

export async function parkChain<T>(projectId: string, job: T): Promise<void> {
  await kvs.set(chainKey(projectId), job);
}

export async function takeParkedChains<T>(limit: number): Promise<T[]> {
  const page = await kvs.query().where('key', WhereConditions.beginsWith('chain:')).limit(limit).getMany();
  for (const r of page.results) await kvs.delete(r.key);
  return page.results.map((r) => r.value as T);
}
