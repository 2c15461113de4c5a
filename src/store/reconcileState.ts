/**
 * Progress of the reconciliation pass (plain KVS: one scheduled run at a time writes it). A round is a
 * list of tasks, one search per configured project (and, once a day, an integrity walk per project);
 * a run does what its budget allows and leaves the rest, with the page token to resume from.
 */
import { kvs } from '@forge/kvs';

export interface ReconcileTask {
  projectId: string;
  kind: 'delta' | 'audit';
  nextPageToken: string | null;
}

export interface ReconcileState {
  tasks: ReconcileTask[];
  /** The round in progress: when it started and the lower bound of its updated-issue clause. */
  round: { startedAt: number; since: number } | null;
  /** When the last completed round started: the next round looks for updates since then. */
  lastRoundStartedAt: number | null;
  /** When the last integrity walk was scheduled. */
  lastAuditAt: number | null;
}

const KEY = 'reconcile-state';
export const EMPTY_RECONCILE: ReconcileState = { tasks: [], round: null, lastRoundStartedAt: null, lastAuditAt: null };

export async function loadReconcileState(): Promise<ReconcileState> {
  const raw = await kvs.get<ReconcileState>(KEY);
  return raw && Array.isArray(raw.tasks) ? raw : EMPTY_RECONCILE;
}

export async function saveReconcileState(state: ReconcileState): Promise<void> {
  await kvs.set(KEY, state);
}
