import { kvs } from '@forge/kvs';
import { EMPTY_RECONCILE, loadReconcileState, saveReconcileState, type ReconcileState } from '../../src/store/reconcileState';
import { store } from '../fakes/forgeKvs';

beforeEach(() => store.reset());

describe('the reconciliation progress', () => {
  it('starts empty: no tasks, no round, never run', async () => {
    expect(await loadReconcileState()).toEqual({ tasks: [], round: null, lastRoundStartedAt: null, lastAuditAt: null });
  });

  it('reads back the tasks left with their page tokens and the round in progress', async () => {
    const state: ReconcileState = { tasks: [{ projectId: '1', kind: 'delta', nextPageToken: 'p2' }, { projectId: '1', kind: 'audit', nextPageToken: null }], round: { startedAt: 2, since: 1 }, lastRoundStartedAt: 1, lastAuditAt: null };
    await saveReconcileState(state);
    expect(await loadReconcileState()).toEqual(state);
  });

  it('reads a stored value without a task list as empty, so a new round starts', async () => {
    await kvs.set('reconcile-state', { tasks: 'all', round: null });
    expect(await loadReconcileState()).toEqual(EMPTY_RECONCILE);
  });
});
