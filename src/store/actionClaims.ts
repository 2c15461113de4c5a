/**
 * Exactly-once SLA actions. Before firing an action we claim its id with a FAIL_IF_EXISTS write, a
 * race-safe test-and-set: if a duplicate sweep, a retried event or a concurrent consumer gets there
 * first, our claim fails and we do not fire. A failed action releases its claim so a retry can fire it.
 * Action ids are `<metric>:<cycleStart>:<warning|breach>:<index>`, unique per metric cycle.
 */
import { kvs } from '@forge/kvs';

const keyOf = (issueId: string, actionId: string) => `fired:${issueId}:${actionId}`;

export async function claimAction(issueId: string, actionId: string, at: number): Promise<boolean> {
  // Most calls find an existing claim (every recompute of a breached issue): one read, no failed write.
  if ((await kvs.get(keyOf(issueId, actionId))) !== undefined) return false;
  try {
    await kvs.set(keyOf(issueId, actionId), at, { keyPolicy: 'FAIL_IF_EXISTS' });
    return true;
  } catch (e) {
    if ((await kvs.get(keyOf(issueId, actionId))) !== undefined) return false;
    throw e;
  }
}

export async function releaseAction(issueId: string, actionId: string): Promise<void> {
  await kvs.delete(keyOf(issueId, actionId));
}

/** Whether an action has been claimed (fired, or being fired by a concurrent run). */
export async function isClaimed(issueId: string, actionId: string): Promise<boolean> {
  return (await kvs.get(keyOf(issueId, actionId))) !== undefined;
}
