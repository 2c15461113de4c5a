/** The project SLA report page: compliance and uptime/credits tabs. */
import { useMemo, useState } from 'react';
import { call } from '../../shared/api';
import { useEnvelope } from '../../shared/useEnvelope';
import { ErrorState, GlobalStyles, LoadingState, space, Tabs } from '../../shared/ui';
import type { DataOf } from '@contract';
import type { PageContext } from './context';
import { ReportTab } from './ReportTab';
import { UptimeTab } from './UptimeTab';

const TABS = [{ id: 'compliance', label: 'Compliance' }, { id: 'uptime', label: 'Uptime and credits' }];

export function App({ context }: { context: PageContext }) {
  const [tab, setTab] = useState('compliance');
  const load = useMemo(() => () => call('report.options', {}), []);
  const { state, reload } = useEnvelope<DataOf<'report.options'>>(load);
  return (
    <main data-testid="sla-report" aria-label="SLA report" style={{ padding: space.s200, maxWidth: '1100px' }}>
      <GlobalStyles />
      <h1 style={{ fontSize: '20px', margin: `0 0 ${space.s200}` }}>SLA report{context.projectKey ? ` · ${context.projectKey}` : ''}</h1>
      {state.status === 'loading' && <LoadingState label="Loading the report…" />}
      {state.status === 'error' && <ErrorState title="Could not load the report" message={state.message} code={state.code} onRetry={() => void reload()} />}
      {state.status === 'ok' && (
        <Tabs tabs={TABS} selected={tab} onSelect={setTab} label="Report sections">
          {tab === 'compliance' ? <ReportTab options={state.data} context={context} /> : <UptimeTab context={context} canEdit={state.data.canEdit} serverNow={state.data.serverNow} />}
        </Tabs>
      )}
    </main>
  );
}
