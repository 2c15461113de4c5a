/**
 * "Try on past issues": the unsaved draft replayed over the project's issues resolved in the last N
 * days, compared with the saved policy, before saving. N is capped by the backend (one resolver call
 * must answer within Forge's time limit); the answer says when not every issue could be read.
 */
import { useState } from 'react';
import type { DataOf } from '@contract';
import type { PolicySpec } from '@core/browser';
import { call } from '../../../shared/api';
import { viewerTimeZone } from '../../../shared/format';
import { Button, EmptyState, ErrorState, LoadingState, Notice } from '../../../shared/ui';
import { Field } from '../ui/Field';
import { ChangedOutcomes, ComparisonTable } from './WhatIfResults';

type Result = DataOf<'settings.whatIf'>;
type State = { status: 'idle' | 'loading' } | { status: 'error'; message: string; code: string } | { status: 'ready'; data: Result };

const MAX_DAYS = 90;

export function WhatIfTab({ policy }: { policy: PolicySpec }) {
  const timeZone = viewerTimeZone();
  const [days, setDays] = useState('30');
  const [state, setState] = useState<State>({ status: 'idle' });
  const n = Number(days);
  const valid = Number.isInteger(n) && n >= 1 && n <= MAX_DAYS;
  const run = async () => {
    setState({ status: 'loading' });
    const res = await call('settings.whatIf', { policy, days: n });
    setState(res.ok ? { status: 'ready', data: res.data } : { status: 'error', message: res.error.message, code: res.error.code });
  };
  return (
    <section aria-labelledby="whatif-heading">
      <h2 id="whatif-heading">Try on past issues</h2>
      <p className="field-help">Replays this project&apos;s recently resolved issues under the settings on this page and compares them with the saved settings. Nothing is saved or changed.</p>
      <div className="row">
        <Field label={`Issues resolved in the last (days, at most ${MAX_DAYS})`} render={(p) => (
          <input {...p} className="input" type="number" min={1} max={MAX_DAYS} value={days} onChange={(e) => setDays(e.target.value)} data-testid="whatif-days" />
        )} />
        <Button appearance="primary" onClick={() => void run()} disabled={!valid || state.status === 'loading'} data-testid="whatif-run">Try on past issues</Button>
      </div>
      {state.status === 'loading' && <LoadingState label="Replaying past issues…" />}
      {state.status === 'error' && <ErrorState title="Could not try the settings" message={state.message} code={state.code} onRetry={() => void run()} />}
      {state.status === 'ready' && <WhatIfSummary data={state.data} timeZone={timeZone} policy={policy} />}
    </section>
  );
}

function WhatIfSummary({ data, timeZone, policy }: { data: Result; timeZone: string; policy: PolicySpec }) {
  const t = data.report.totals;
  if (data.issues === 0) return <EmptyState title="No resolved issues">No issue of this project was resolved in the last {data.days} days.</EmptyState>;
  return (
    <div data-testid="whatif-results">
      <p role="status" data-testid="whatif-summary">
        {`${data.issues} issues resolved in the last ${data.days} days, compared with the saved settings (${data.currentPolicyName}): `}
        {`${t.metToBreached} would newly breach, ${t.breachedToMet} would newly be met, ${t.otherChanges} other changes.`}
        {data.source === 'mirror' ? ' Read from the histories SLA Clock keeps, without asking Jira.' : ''}
      </p>
      {data.truncated && <Notice tone="warning">Only the {data.issues} most recently resolved issues were read; try fewer days for a complete picture.</Notice>}
      <ComparisonTable rows={data.report.rows} policy={policy} />
      <ChangedOutcomes changed={data.report.changed} timeZone={timeZone} policy={policy} />
    </div>
  );
}
