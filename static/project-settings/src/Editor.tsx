/** The editable settings: one draft policy shared by all tabs, saved as a whole. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PresetSummary, ProjectConfig } from '@contract';
import type { PolicySpec } from '@core/browser';
import { formatDateTime } from '../../shared/format';
import { Tabs } from '../../shared/ui';
import { EditorPanels } from './EditorPanels';
import { IssuesContext, type IssueIndex } from './model/issues';
import { LocalProblemsContext } from './model/localProblems';
import { type AppliedPreset } from './presets/PresetList';
import { UnmatchedNotice } from './presets/PresetsTab';
import { tabOfPath, type TabId } from './model/tabs';
import { ConfirmNoMatch } from './save/ConfirmNoMatch';
import { SaveBar } from './save/SaveBar';
import { useMetadata } from './model/metadata';
import { metricsMatchingNothing } from './presets/mapping';
import type { Remote } from './ui/useRemote';
import { useProblemRegistry } from './ui/useProblemRegistry';
import { useEditorState } from './useEditorState';

const TABS: Array<{ id: TabId; label: string }> = [
  { id: 'calendars', label: 'Calendars' },
  { id: 'metrics', label: 'SLA metrics' },
  { id: 'goals', label: 'Goals' },
  { id: 'warnings', label: 'Warnings & actions' },
  { id: 'presets', label: 'Presets' },
  { id: 'preview', label: 'Preview' },
  { id: 'whatif', label: 'Try on past issues' },
];
const TAB_IDS = TABS.map((t) => t.id);

interface Props {
  config: ProjectConfig | null;
  initialDraft: PolicySpec;
  /** A preset chosen on the start screen, whose unmatched names still need attention. */
  initialApplied?: AppliedPreset;
  canEdit: boolean;
  presets: Remote<{ presets: PresetSummary[] }>;
  onRetryPresets: () => void;
  onReload: () => void;
  /** The viewer's time zone, for the "saved" time. */
  timeZone: string;
}

/** Tab labels with the number of backend issues and locally invalid fields each tab holds. */
function tabLabels(index: IssueIndex, local: Partial<Record<TabId, number>>) {
  return TABS.map((t) => {
    const count = index.all.filter((i) => tabOfPath(i.path) === t.id).length + (local[t.id] ?? 0);
    return count > 0 ? { ...t, label: `${t.label} (${count} to fix)` } : t;
  });
}

export function Editor({ config, initialDraft, initialApplied, canEdit, presets, onRetryPresets, onReload, timeZone }: Props) {
  const st = useEditorState({ config, initialDraft, initialApplied });
  const problems = useProblemRegistry();
  const [local, setLocal] = useState<Partial<Record<TabId, number>>>({});
  const onLocalProblems = useCallback((tab: TabId, n: number) => setLocal((c) => (c[tab] === n ? c : { ...c, [tab]: n })), []);
  const meta = useMetadata();
  useLeavePrompt(canEdit && st.dirty);
  // Metrics that would match no issue are named and confirmed before the save is sent.
  const [asking, setAsking] = useState<string[] | null>(null);
  // The resolved-issues choice of the save being confirmed.
  const pendingSince = useRef<string | null>(null);
  const save = (confirmed: boolean, resolvedSince: string | null) => {
    const empty = metricsMatchingNothing(st.draft, meta);
    pendingSince.current = resolvedSince;
    if (!confirmed && empty.length > 0) return setAsking(empty);
    setAsking(null);
    void st.saving.save(st.draft, resolvedSince);
  };
  return (
    <IssuesContext.Provider value={st.index}>
      <LocalProblemsContext.Provider value={problems.registry}>
        <p className="muted" data-testid="config-version">
          {st.base ? `Version ${st.base.version}, saved ${formatDateTime(Date.parse(st.base.updatedAt), timeZone)}.` : 'Not saved yet.'}
        </p>
        {st.applied && <UnmatchedNotice applied={st.applied.applied} onUndo={st.undoPreset} />}
        <Tabs tabs={tabLabels(st.index, local)} selected={st.tab} onSelect={(id) => st.setTab(id as TabId)} label="SLA settings sections" ownPanels>
          <EditorPanels ids={TAB_IDS} selected={st.tab} epoch={st.epoch} onLocalProblems={onLocalProblems} draft={st.draft} onChange={st.edit}
            canEdit={canEdit} presets={presets} onRetryPresets={onRetryPresets} onApplied={st.applyPreset} />
        </Tabs>
        {canEdit && asking && <ConfirmNoMatch metrics={asking} onConfirm={() => save(true, pendingSince.current)} onCancel={() => setAsking(null)} />}
        {canEdit && (
          <SaveBar state={st.saving.state} dirty={st.dirty} localProblems={problems.count} issues={st.index.all}
            onSave={(since) => save(false, since)} onCheck={() => void st.saving.check(st.draft)}
            onDiscard={st.discard} onReload={onReload} onShowIssue={st.showIssue} />
        )}
      </LocalProblemsContext.Provider>
    </IssuesContext.Provider>
  );
}

/** While there are unsaved changes, leaving or reloading the page asks first (the browser's own prompt). */
function useLeavePrompt(active: boolean): void {
  useEffect(() => {
    if (!active) return undefined;
    const ask = (e: BeforeUnloadEvent) => { e.preventDefault(); e.returnValue = ''; };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [active]);
}
