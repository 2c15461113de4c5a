/** The editable settings: one draft policy shared by all tabs, saved as a whole. */
import { useMemo, useState } from 'react';
import type { FieldIssue, PresetSummary, ProjectConfig } from '../../../src/contract';
import type { PolicySpec } from '../../../src/core/policy/types';
import { Tabs } from '../../shared/ui';
import { CalendarsTab } from './calendars/CalendarsTab';
import { GoalsTab } from './goals/GoalsTab';
import { MetricsTab } from './metrics/MetricsTab';
import { indexIssues, IssuesContext } from './model/issues';
import { LocalProblemsContext } from './model/localProblems';
import { type AppliedPreset } from './presets/PresetList';
import { PresetsTab, UnmatchedNotice } from './presets/PresetsTab';
import { PreviewTab } from './preview/PreviewTab';
import { tabOfPath, type TabId } from './model/tabs';
import { SaveBar } from './save/SaveBar';
import { useSave } from './save/useSave';
import type { Remote } from './ui/useRemote';
import { useProblemRegistry } from './ui/useProblemRegistry';
import { WarningsTab } from './warnings/WarningsTab';

const TABS: Array<{ id: TabId; label: string }> = [
  { id: 'calendars', label: 'Calendars' },
  { id: 'metrics', label: 'SLA metrics' },
  { id: 'goals', label: 'Goals' },
  { id: 'warnings', label: 'Warnings & actions' },
  { id: 'presets', label: 'Presets' },
  { id: 'preview', label: 'Preview' },
];

interface Props {
  config: ProjectConfig | null;
  initialDraft: PolicySpec;
  /** A preset chosen on the start screen, whose unmatched names still need attention. */
  initialApplied?: AppliedPreset;
  canEdit: boolean;
  presets: Remote<{ presets: PresetSummary[] }>;
  onRetryPresets: () => void;
  onReload: () => void;
}

export function Editor({ config, initialDraft, initialApplied, canEdit, presets, onRetryPresets, onReload }: Props) {
  const [base, setBase] = useState(config);
  const [draft, setDraft] = useState(initialDraft);
  const [tab, setTab] = useState<TabId>('calendars');
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [applied, setApplied] = useState<{ applied: AppliedPreset; previous: PolicySpec | null } | null>(
    initialApplied ? { applied: initialApplied, previous: null } : null);
  const problems = useProblemRegistry();
  const index = useMemo(() => indexIssues(issues), [issues]);
  const saved = base?.policy;
  const dirty = useMemo(() => saved === undefined || JSON.stringify(saved) !== JSON.stringify(draft), [saved, draft]);
  const { state, save, reset } = useSave({ baseVersion: base?.version ?? 0, onSaved: (c) => { setBase(c); setDraft(c.policy); setApplied(null); }, onIssues: setIssues });
  const edit = (next: PolicySpec) => { setDraft(next); if (state.status === 'saved') reset(); };
  const onApplied = (a: AppliedPreset) => { setApplied({ applied: a, previous: draft }); edit(a.policy); setIssues([]); setTab('calendars'); };
  const tabs = TABS.map((t) => {
    const count = index.all.filter((i) => tabOfPath(i.path) === t.id).length;
    return count > 0 ? { ...t, label: `${t.label} (${count} to fix)` } : t;
  });
  return (
    <IssuesContext.Provider value={index}>
      <LocalProblemsContext.Provider value={problems.registry}>
        {applied && <UnmatchedNotice applied={applied.applied} onUndo={applied.previous ? () => { if (applied.previous) edit(applied.previous); setApplied(null); } : undefined} />}
        <Tabs tabs={tabs} selected={tab} onSelect={(id) => setTab(id as TabId)} label="SLA settings sections">
          <fieldset className="editor" disabled={!canEdit} aria-label="SLA settings">
            <TabBody tab={tab} draft={draft} onChange={edit} presets={presets} onRetryPresets={onRetryPresets} canEdit={canEdit} onApplied={onApplied} />
          </fieldset>
        </Tabs>
        {canEdit && (
          <SaveBar state={state} dirty={dirty} localProblems={problems.count} issues={index.all} onSave={() => void save(draft)}
            onDiscard={() => { setDraft(saved ?? initialDraft); setIssues([]); setApplied(null); reset(); }} onReload={onReload} onShowTab={setTab} />
        )}
      </LocalProblemsContext.Provider>
    </IssuesContext.Provider>
  );
}

interface BodyProps {
  tab: TabId; draft: PolicySpec; onChange: (p: PolicySpec) => void; canEdit: boolean;
  presets: Props['presets']; onRetryPresets: () => void; onApplied: (a: AppliedPreset) => void;
}

function TabBody({ tab, draft, onChange, canEdit, presets, onRetryPresets, onApplied }: BodyProps) {
  switch (tab) {
    case 'calendars': return <CalendarsTab policy={draft} onChange={onChange} />;
    case 'metrics': return <MetricsTab policy={draft} onChange={onChange} />;
    case 'goals': return <GoalsTab policy={draft} onChange={onChange} />;
    case 'warnings': return <WarningsTab policy={draft} onChange={onChange} />;
    case 'presets': return <PresetsTab presets={presets} onRetry={onRetryPresets} disabled={!canEdit} onApplied={onApplied} />;
    case 'preview': return <PreviewTab policy={draft} />;
  }
}
