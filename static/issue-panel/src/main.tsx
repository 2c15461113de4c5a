/**
 * Entry of the issue panel. First paint does not wait for anything: the loading shell renders as
 * the script runs, while the host context, the token stylesheets and (once the issue is known) the
 * SLA read load side by side; the panel replaces the shell when the theme is in place.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { enableTheme, preloadTokenCss } from '../../shared/theme';
import { App, PanelShell } from './App';
import { call } from '../../shared/api';
import { loadContext } from './host';
import { prefetch } from './prefetch';

async function start(): Promise<void> {
  const tokenCss = preloadTokenCss();
  const el = document.getElementById('root');
  if (!el) return;
  const root = createRoot(el);
  root.render(<PanelShell />);
  const context = await loadContext();
  const { issueId } = context;
  // The SLA read and the theme load overlap (see prefetch.ts).
  const firstRead = issueId ? prefetch(() => call('panel.getSla', { issueId })) : undefined;
  await enableTheme(context.raw, tokenCss);
  root.render(
    <StrictMode>
      <App context={context} firstRead={firstRead} />
    </StrictMode>,
  );
}

void start();
