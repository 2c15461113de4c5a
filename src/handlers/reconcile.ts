/** Hourly scheduled trigger (function `reconcile`): the reconciliation pass; Forge expects a 204-style answer. */
import type { Deps } from '../app/deps';
import { runReconcile } from '../app/reconcile';

export async function handleReconcile(deps: Deps): Promise<{ statusCode: number }> {
  const report = await runReconcile(deps);
  if (Object.keys(report.queued).length > 0) deps.log.warn('Reconciliation queued issues whose stored SLA state could not be trusted', { ...report });
  return { statusCode: 204 };
}
