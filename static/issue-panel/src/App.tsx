import { useCallback, useMemo, useRef } from 'react';
import type { DataOf } from '@contract';
import { call } from '../../shared/api';
import { useEnvelope } from '../../shared/useEnvelope';
import { viewerTimeZone, formatDateTime } from '../../shared/format';
import { Button, colors, ErrorState, GlobalStyles, LoadingState, space } from '../../shared/ui';
import { clockOffset, useNow } from './clock';
import type { CalendarCompiler } from './engine';
import { openSettings, type PanelContext } from './host';
import { CustomerView } from './CustomerView';
import { Explain } from './Explain';
import { PanelView } from './PanelView';
import type { FirstRead } from './prefetch';
import { useRefreshTriggers } from './refresh';

export interface AppProps {
  context: PanelContext;
  compile?: CalendarCompiler;
  /** The first read, already started by main.tsx (see prefetch.ts); later reads call the resolver. */
  firstRead?: FirstRead;
}

export function App({ context, compile, firstRead }: AppProps) {
  const { issueId } = context;
  const first = useRef(firstRead);
  const load = useMemo(() => (issueId ? () => {
    const pending = first.current;
    first.current = undefined;
    return pending ? pending() : call('panel.getSla', { issueId });
  } : null), [issueId]);
  const { state, reload } = useEnvelope<DataOf<'panel.getSla'>>(load);
  const refresh = useCallback(() => void reload(), [reload]);
  useRefreshTriggers(issueId, refresh);
  const offset = state.status === 'ok' ? clockOffset(state.data.serverNow, state.receivedAt) : 0;
  const now = useNow(offset);
  const zone = viewerTimeZone(context.timeZone);
  return (
    <main data-testid="sla-panel" aria-label="SLA Clock" style={{ padding: space.s050 }}>
      <GlobalStyles />
      {!issueId && <ErrorState title="No issue here" message="This panel shows the SLAs of an issue; open it from an issue view." />}
      {issueId && state.status === 'loading' && <LoadingState label="Loading SLAs…" />}
      {issueId && state.status === 'error' && state.code !== 'NOT_SHOWN' && (
        <ErrorState title="Could not load the SLAs" message={state.message} code={state.code} onRetry={refresh} />
      )}
      {issueId && state.status === 'ok' && state.data.view === 'customer' && <CustomerView data={state.data} now={now} viewerZone={zone} />}
      {issueId && state.status === 'ok' && state.data.view === 'agent' && (
        <>
          <PanelView data={state.data} now={now} viewerZone={zone} compile={compile} onOpenSettings={() => void openSettings(context.projectKey)} />
          {state.data.configured && <Explain issueId={issueId} zone={zone} />}
          <Footer refreshing={state.refreshing} evaluatedAt={state.data.configured ? state.data.snapshot?.evaluatedAt ?? null : null} zone={zone} onRefresh={refresh} />
        </>
      )}
    </main>
  );
}

/** What the panel shows before the host context and the theme are in: the same frame, loading. */
export function PanelShell() {
  return (
    <main data-testid="sla-panel" aria-label="SLA Clock" aria-busy="true" style={{ padding: space.s050 }}>
      <GlobalStyles />
      <LoadingState label="Loading SLAs…" />
    </main>
  );
}

function Footer({ refreshing, evaluatedAt, zone, onRefresh }: { refreshing: boolean; evaluatedAt: number | null; zone: string; onRefresh: () => void }) {
  return (
    <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginTop: space.s100, fontSize: '12px', color: colors.textSubtlest }}>
      <span role="status" aria-live="polite">
        {refreshing ? 'Refreshing…' : evaluatedAt !== null ? `Calculated ${formatDateTime(evaluatedAt, zone)}` : ''}
      </span>
      <Button appearance="subtle" onClick={onRefresh} disabled={refreshing} data-testid="sla-refresh" aria-label="Refresh SLAs">Refresh</Button>
    </div>
  );
}
