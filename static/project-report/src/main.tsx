/** Entry of the project SLA report page: read the host context, apply the host theme, render. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { view } from '@forge/bridge';
import { enableTheme } from '../../shared/theme';
import { App } from './App';
import { parseContext } from './context';

async function start(): Promise<void> {
  let raw: unknown = null;
  try {
    raw = await view.getContext();
  } catch {
    // Outside a host: the app shows its own "no project" state.
  }
  await enableTheme(raw);
  const el = document.getElementById('root');
  if (!el) return;
  createRoot(el).render(
    <StrictMode>
      <App context={parseContext(raw)} />
    </StrictMode>,
  );
}

void start();
