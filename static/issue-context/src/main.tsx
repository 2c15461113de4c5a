/**
 * Entry of the issue sidebar summary (jira:issueContext): the issue panel's component, its own
 * small build. As in the panel, the stylesheet download starts with the script, beside the host
 * context.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { enableTheme, preloadTokenCss } from '../../shared/theme';
import { ContextApp } from '../../issue-panel/src/ContextApp';
import { loadContext } from '../../issue-panel/src/host';

async function start(): Promise<void> {
  const tokenCss = preloadTokenCss();
  const context = await loadContext();
  await enableTheme(context.raw, tokenCss);
  const el = document.getElementById('root');
  if (!el) return;
  createRoot(el).render(
    <StrictMode>
      <ContextApp context={context} />
    </StrictMode>,
  );
}

void start();
