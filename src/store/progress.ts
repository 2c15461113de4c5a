/** Recompute progress per project (plain KVS: a single writer, the reindex chain, updates it). */
import { kvs } from '@forge/kvs';
import type { RecomputeProgress } from '../contract';

const keyOf = (projectId: string) => `progress:${projectId}`;

export const IDLE: RecomputeProgress = { state: 'idle', done: 0, total: 0, startedAt: null, finishedAt: null };

export async function getProgress(projectId: string): Promise<RecomputeProgress> {
  return (await kvs.get<RecomputeProgress>(keyOf(projectId))) ?? IDLE;
}

export async function setProgress(projectId: string, progress: RecomputeProgress): Promise<void> {
  await kvs.set(keyOf(projectId), progress);
}
