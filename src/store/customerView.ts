/**
 * The per-project switch "Show customers their SLA", in its own small key so that turning it does
 * not bump the policy's version or trigger a recompute. Absent means on: the customer payload holds
 * only the promise, no internal name, so showing it is the useful default.
 */
import { kvs } from '@forge/kvs';

const keyOf = (projectId: string) => `customer-view:${projectId}`;

export async function showsCustomers(projectId: string): Promise<boolean> {
  const stored = await kvs.get<unknown>(keyOf(projectId));
  return !(stored && typeof stored === 'object' && (stored as { show?: unknown }).show === false);
}

export async function setShowsCustomers(projectId: string, show: boolean): Promise<void> {
  await kvs.set(keyOf(projectId), { show });
}
