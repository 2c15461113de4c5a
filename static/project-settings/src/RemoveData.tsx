/**
 * "Remove SLA data from this project": for an admin who stops using SLA Clock on a project. It removes
 * the policy, the `sla` issue properties (what JQL, filters and dashboards read) and the app's own
 * records. Destructive, so the button works only once the admin has typed the confirmation word; the
 * server requires the same word and checks the admin permission again. The server works in rounds that
 * fit one call; this component repeats the call until it says done.
 */
import { useState } from 'react';
import { REMOVE_DATA_CONFIRMATION } from '@contract';
import { call } from '../../shared/api';

/** Enough rounds for a very large project (each round removes hundreds of issues' data). */
const MAX_ROUNDS = 500;

type State = { kind: 'idle' } | { kind: 'working'; removed: number } | { kind: 'done'; removed: number } | { kind: 'error'; message: string };

export function RemoveData({ canEdit, onRemoved }: { canEdit: boolean; onRemoved: () => void }) {
  const [typed, setTyped] = useState('');
  const [state, setState] = useState<State>({ kind: 'idle' });
  if (!canEdit) return null;
  const remove = async () => {
    let removed = 0;
    setState({ kind: 'working', removed });
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const res = await call('settings.removeData', { confirm: REMOVE_DATA_CONFIRMATION });
      if (!res.ok) return setState({ kind: 'error', message: `Stopped: ${res.error.message} What was removed stays removed; remove again to finish.` });
      removed += res.data.propertiesRemoved;
      if (res.data.done) return (setState({ kind: 'done', removed }), onRemoved());
      setState({ kind: 'working', removed });
    }
    setState({ kind: 'error', message: 'Still removing after many rounds; remove again to continue.' });
  };
  const working = state.kind === 'working';
  return (
    <details data-testid="remove-data" style={{ margin: '24px 0 0' }}>
      <summary>Remove SLA data from this project</summary>
      <p className="muted">
        Deletes this project&apos;s SLA policy, the SLA values stored on its issues (filters and dashboards that use them will find nothing) and
        everything SLA Clock keeps for the project. Type <strong>{REMOVE_DATA_CONFIRMATION}</strong> to confirm.
      </p>
      <input aria-label="Type the confirmation word" value={typed} onChange={(e) => setTyped(e.target.value)} disabled={working} data-testid="remove-data-confirm" />{' '}
      <button type="button" className="danger" disabled={typed !== REMOVE_DATA_CONFIRMATION || working} onClick={() => void remove()} data-testid="remove-data-button">
        Remove SLA data
      </button>
      {working && <p role="status">Removing… {state.removed} issues cleared so far.</p>}
      {state.kind === 'done' && <p role="status">Removed: the SLA data of {state.removed} issues and the project&apos;s SLA settings.</p>}
      {state.kind === 'error' && <p role="alert" className="error">{state.message}</p>}
    </details>
  );
}
