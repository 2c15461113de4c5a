/** Entry of the issue sidebar summary (jira:issueContext): the issue panel's component, its own small build. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { enableTheme } from '../../shared/theme';
import { ContextApp } from '../../issue-panel/src/ContextApp';
import { loadContext } from '../../issue-panel/src/host';

async function start(): Promise<void> {
  const context = await loadContext();
  await enableTheme(context.raw);
  const el = document.getElementById('root');
  if (!el) return;
  createRoot(el).render(
    <StrictMode>
      <ContextApp context={context} />
    </StrictMode>,
  );
}

void start();
