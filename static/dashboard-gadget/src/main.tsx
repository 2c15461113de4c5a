/** Entry of the dashboard gadget: the edit view when the host opens it for editing, else the gadget. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { hostContext } from '../../shared/hostContext';
import { enableTheme } from '../../shared/theme';
import { GlobalStyles } from '../../shared/ui';
import { parseGadgetContext } from './config';
import { EditView } from './EditView';
import { Gadget } from './Gadget';

async function start(): Promise<void> {
  const raw = await hostContext();
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
