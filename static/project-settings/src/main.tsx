/** Entry of the settings page: apply the host theme before the first render, then render. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { hostContext } from '../../shared/hostContext';
import { enableTheme } from '../../shared/theme';
import { GlobalStyles } from '../../shared/ui';
import { App } from './App';
import { SettingsStyles } from './ui/SettingsStyles';

async function start(): Promise<void> {
  await enableTheme(await hostContext());
  const el = document.getElementById('root');
  if (!el) return;
  createRoot(el).render(
    <StrictMode>
      <GlobalStyles />
      <SettingsStyles />
      <App />
    </StrictMode>,
  );
}

void start();
