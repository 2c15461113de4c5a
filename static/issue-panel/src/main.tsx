/** Entry of the issue panel: read the host context, apply the host theme, render. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { enableTheme } from '../../shared/theme';
import { App } from './App';
import { call } from '../../shared/api';
import { loadContext } from './host';
import { prefetch } from './prefetch';

async function start(): Promise<void> {
  const context = await loadContext();
  const { issueId } = context;
  // The SLA read and the theme load overlap (see prefetch.ts).
  const firstRead = issueId ? prefetch(() => call('panel.getSla', { issueId })) : undefined;
  await enableTheme(context.raw);
  const el = document.getElementById('root');
  if (!el) return;
  createRoot(el).render(
    <StrictMode>
      <App context={context} firstRead={firstRead} />
    </StrictMode>,
  );
}

void start();
