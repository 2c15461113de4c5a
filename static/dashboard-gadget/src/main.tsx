/** Entry of the dashboard gadget: the edit view when the host opens it for editing, else the gadget. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { view } from '@forge/bridge';
import { enableTheme } from '../../shared/theme';
import { GlobalStyles } from '../../shared/ui';
import { parseGadgetContext } from './config';
import { EditView } from './EditView';
import { Gadget } from './Gadget';

async function start(): Promise<void> {
  let raw: unknown = null;
  try {
    raw = await view.getContext();
  } catch {
    // Outside a host: the gadget asks to be configured.
  }
  await enableTheme(raw);
  const el = document.getElementById('root');
  if (!el) return;
  const ctx = parseGadgetContext(raw);
  createRoot(el).render(
    <StrictMode>
      <GlobalStyles />
      {ctx.editing ? <EditView initial={ctx.config} /> : <Gadget context={ctx} />}
    </StrictMode>,
  );
}

void start();
