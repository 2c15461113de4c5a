/**
 * What a due issue measured in app-storage units when its batch last ran (storageMeter.ts): the sweep
 * spaces the batches it pushes by it, since they run later, in invocations it cannot measure itself.
 */
import { kvs } from '@forge/kvs';

const KEY = 'storage-cost:due-issue';

export async function getDueIssueUnits(): Promise<number | undefined> {
  const v = await kvs.get<unknown>(KEY);
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : undefined;
}

export async function setDueIssueUnits(units: number): Promise<void> {
  await kvs.set(KEY, units);
}
