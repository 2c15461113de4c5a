/** Entry of the project SLA report page: read the host context, apply the host theme, render. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { hostContext } from '../../shared/hostContext';
import { enableTheme } from '../../shared/theme';
import { App } from './App';
import { parseContext } from './context';

async function start(): Promise<void> {
  const raw = await hostContext();
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
