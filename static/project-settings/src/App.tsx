/** The project settings page: loads configuration, Jira metadata and presets, then hands over to the editor. */
import { useState, type ReactNode } from 'react';
import { EmptyState, ErrorState, LoadingState, Notice } from '../../shared/ui';
import { CustomerSwitch } from './CustomerSwitch';
import { RemoveData } from './RemoveData';
import { Editor } from './Editor';
import { EMPTY_METADATA, MetadataContext } from './model/metadata';
import { StartScreen, type Started } from './StartScreen';
import { useRemote } from './ui/useRemote';
import { useViewerZone } from './ui/useViewerZone';

export function App() {
  const config = useRemote('settings.getConfig', {});
  const metadata = useRemote('settings.metadata', {});
  const presets = useRemote('settings.presets', {});
  const timeZone = useViewerZone();
  const [started, setStarted] = useState<Started | null>(null);
  const [reloads, setReloads] = useState(0);
  const reload = () => { setStarted(null); setReloads((n) => n + 1); config.retry(); };
  const c = config.state;
  if (c.status === 'loading') return <Page><LoadingState label="Loading SLA settings…" /></Page>;
  if (c.status === 'error') {
    return <Page>{c.code === 'FORBIDDEN'
      ? <ErrorState title="Only project admins can open SLA settings" message="You do not have permission to view or change this project's SLA settings. Ask a project admin for access." code={c.code} />
      : <ErrorState title="Could not load SLA settings" message={c.message} code={c.code} onRetry={config.retry} />}</Page>;
  }
  const { config: saved, canEdit, showCustomers } = c.data;
  // Viewers may be refused Jira metadata; the read-only page then shows ids, which is not worth an error box.
  const draft = saved?.policy ?? started?.policy;
  return (
    <MetadataContext.Provider value={metadata.state.status === 'ready' ? metadata.state.data : EMPTY_METADATA}>
      <Page>
        {!canEdit && <Notice testId="read-only">You can view these SLA settings, but only project admins can change them.</Notice>}
        {metadata.state.status === 'error' && metadata.state.code !== 'FORBIDDEN' && (
          <ErrorState title="Could not load statuses, priorities and fields" message={`${metadata.state.message} Pickers stay empty until they load.`} code={metadata.state.code} onRetry={metadata.retry} />
        )}
        {saved && <CustomerSwitch initial={showCustomers} canEdit={canEdit} />}
        {draft
          ? <Editor key={`${saved?.version ?? 0}-${reloads}`} config={saved} initialDraft={draft} initialApplied={saved ? undefined : started?.applied} canEdit={canEdit} presets={presets.state} onRetryPresets={presets.retry} onReload={reload} timeZone={timeZone} />
          : canEdit
            ? <StartScreen presets={presets.state} onRetryPresets={presets.retry} onStart={setStarted} />
            : <EmptyState title="No SLA policy yet">This project has no SLA settings. A project admin can set them up here.</EmptyState>}
        {saved && <RemoveData canEdit={canEdit} onRemoved={reload} />}
      </Page>
    </MetadataContext.Provider>
  );
}

function Page({ children }: { children: ReactNode }) {
  return (
    <main className="page" data-testid="settings-page">
      <h1>SLA Clock settings</h1>
      {children}
    </main>
  );
}
