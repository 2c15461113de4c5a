/** Entry of the issue panel: read the host context, apply the host theme, render. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { enableTheme } from '../../shared/theme';
import { App } from './App';
import { loadContext } from './host';

async function start(): Promise<void> {
  const context = await loadContext();
  await enableTheme(context.raw);
  const el = document.getElementById('root');
  if (!el) return;
  createRoot(el).render(
    <StrictMode>
      <App context={context} />
    </StrictMode>,
  );
}

void start();
