/** The editable settings: one draft policy shared by all tabs, saved as a whole. */
import type { PresetSummary, ProjectConfig } from '../../../src/contract';
import type { PolicySpec } from '../../../src/core/policy/types';
import { Tabs } from '../../shared/ui';
import { CalendarsTab } from './calendars/CalendarsTab';
import { GoalsTab } from './goals/GoalsTab';
import { MetricsTab } from './metrics/MetricsTab';
import { IssuesContext } from './model/issues';
import { LocalProblemsContext } from './model/localProblems';
import { type AppliedPreset } from './presets/PresetList';
import { PresetsTab, UnmatchedNotice } from './presets/PresetsTab';
import { PreviewTab } from './preview/PreviewTab';
import { tabOfPath, type TabId } from './model/tabs';
import { SaveBar } from './save/SaveBar';
import type { Remote } from './ui/useRemote';
import { useProblemRegistry } from './ui/useProblemRegistry';
import { useEditorState } from './useEditorState';
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
  const st = useEditorState({ config, initialDraft, initialApplied });
  const problems = useProblemRegistry();
  const tabs = TABS.map((t) => {
    const count = st.index.all.filter((i) => tabOfPath(i.path) === t.id).length;
    return count > 0 ? { ...t, label: `${t.label} (${count} to fix)` } : t;
  });
  return (
    <IssuesContext.Provider value={st.index}>
      <LocalProblemsContext.Provider value={problems.registry}>
        <p className="muted" data-testid="config-version">
          {st.base ? `Version ${st.base.version}, saved ${new Date(st.base.updatedAt).toLocaleString()}.` : 'Not saved yet.'}
        </p>
        {st.applied && <UnmatchedNotice applied={st.applied.applied} onUndo={st.undoPreset} />}
        <Tabs tabs={tabs} selected={st.tab} onSelect={(id) => st.setTab(id as TabId)} label="SLA settings sections">
          <fieldset className="editor" disabled={!canEdit} aria-label="SLA settings">
            <TabBody tab={st.tab} draft={st.draft} onChange={st.edit} presets={presets} onRetryPresets={onRetryPresets} canEdit={canEdit} onApplied={st.applyPreset} />
          </fieldset>
        </Tabs>
        {canEdit && (
          <SaveBar state={st.saving.state} dirty={st.dirty} localProblems={problems.count} issues={st.index.all}
            onSave={() => void st.saving.save(st.draft)} onCheck={() => void st.saving.check(st.draft)}
            onDiscard={st.discard} onReload={onReload} onShowIssue={st.showIssue} />
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
