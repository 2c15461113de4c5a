/**
 * The tab panels of the settings editor. A panel is mounted the first time its tab is opened and
 * then stays mounted (hidden while another tab is shown), so what a field keeps locally — a typed
 * target that does not parse yet, and the local problem it reports — survives switching tabs.
 */
import { useCallback, useState } from 'react';
import type { PresetSummary } from '@contract';
import type { PolicySpec } from '@core/browser';
import { TabPanel } from '../../shared/ui';
import { CalendarsTab } from './calendars/CalendarsTab';
import { GoalsTab } from './goals/GoalsTab';
import { MetricsTab } from './metrics/MetricsTab';
import type { TabId } from './model/tabs';
import type { AppliedPreset } from './presets/PresetList';
import { PresetsTab } from './presets/PresetsTab';
import { PreviewTab } from './preview/PreviewTab';
import { ProblemScope } from './ui/ProblemScope';
import type { Remote } from './ui/useRemote';
import { WarningsTab } from './warnings/WarningsTab';
import { WhatIfTab } from './whatif/WhatIfTab';

export interface BodyProps {
  draft: PolicySpec; onChange: (p: PolicySpec) => void; canEdit: boolean;
  presets: Remote<{ presets: PresetSummary[] }>; onRetryPresets: () => void; onApplied: (a: AppliedPreset) => void;
}

interface PanelsProps extends BodyProps {
  ids: readonly TabId[];
  selected: TabId;
  /** Changes when the whole draft is replaced: the panels are then mounted afresh. */
  epoch: number;
  onLocalProblems: (tab: TabId, count: number) => void;
}

export function EditorPanels({ ids, selected, epoch, onLocalProblems, ...body }: PanelsProps) {
  const [visited, setVisited] = useState<ReadonlySet<TabId>>(() => new Set([selected]));
  if (!visited.has(selected)) setVisited(new Set([...visited, selected]));
  const report = useCallback((scope: string, count: number) => onLocalProblems(scope as TabId, count), [onLocalProblems]);
  return (
    <fieldset className="editor" disabled={!body.canEdit} aria-label="SLA settings">
      {ids.map((id) => (
        <TabPanel key={id} id={id} selected={id === selected}>
          {(visited.has(id) || id === selected) && (
            <ProblemScope key={epoch} scope={id} onCount={report}>
              <TabBody tab={id} {...body} />
            </ProblemScope>
          )}
        </TabPanel>
      ))}
    </fieldset>
  );
}

function TabBody({ tab, draft, onChange, canEdit, presets, onRetryPresets, onApplied }: BodyProps & { tab: TabId }) {
  switch (tab) {
    case 'calendars': return <CalendarsTab policy={draft} onChange={onChange} />;
    case 'metrics': return <MetricsTab policy={draft} onChange={onChange} />;
    case 'goals': return <GoalsTab policy={draft} onChange={onChange} />;
    case 'warnings': return <WarningsTab policy={draft} onChange={onChange} />;
    case 'presets': return <PresetsTab presets={presets} onRetry={onRetryPresets} disabled={!canEdit} onApplied={onApplied} />;
    case 'preview': return <PreviewTab policy={draft} />;
    case 'whatif': return <WhatIfTab policy={draft} />;
  }
}
