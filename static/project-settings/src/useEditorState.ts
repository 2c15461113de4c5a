/** State of the settings editor: the saved config, the draft, backend issues and the applied preset. */
import { useEffect, useMemo, useState } from 'react';
import type { FieldIssue, ProjectConfig } from '@contract';
import type { PolicySpec } from '@core/browser';
import { explainIssues } from './model/explain';
import { indexIssues, normalizePath } from './model/issues';
import { issuesStillOpen } from './model/paths';
import { tabOfPath, type TabId } from './model/tabs';
import { focusPath } from './ui/focusPath';
import type { AppliedPreset } from './presets/PresetList';
import { validateDraft } from './model/validateDraft';
import { useSave } from './save/useSave';

interface Input { config: ProjectConfig | null; initialDraft: PolicySpec; initialApplied?: AppliedPreset }

/** The selected tab, and "show this issue": open its tab, then focus its field once rendered. */
function useTabs() {
  const [tab, setTab] = useState<TabId>('calendars');
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  useEffect(() => {
    // Runs after the tab switch has rendered the field.
    if (focusTarget !== null) { focusPath(focusTarget); setFocusTarget(null); }
  }, [focusTarget, tab]);
  const showIssue = (path: string) => { setTab(tabOfPath(path)); setFocusTarget(path); };
  return { tab, setTab, showIssue };
}

export function useEditorState({ config, initialDraft, initialApplied }: Input) {
  const [base, setBase] = useState(config);
  const [draft, setDraft] = useState(initialDraft);
  const { tab, setTab, showIssue } = useTabs();
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [applied, setApplied] = useState<{ applied: AppliedPreset; previous: PolicySpec | null } | null>(
    initialApplied ? { applied: initialApplied, previous: null } : null);
  // Bumped when the whole draft is replaced, so the tabs start afresh (typed texts kept by fields included).
  const [epoch, setEpoch] = useState(0);
  // The core validator runs on every draft; server issues it does not also report are kept until edited.
  const clientIssues = useMemo(() => validateDraft(draft), [draft]);
  const index = useMemo(() => indexIssues(mergeIssues(clientIssues, issues)), [clientIssues, issues]);
  const saved = base?.policy;
  const dirty = useMemo(() => saved === undefined || JSON.stringify(saved) !== JSON.stringify(draft), [saved, draft]);
  const saving = useSave({
    baseVersion: base?.version ?? 0,
    onSaved: (c) => { setBase(c); setDraft(c.policy); setApplied(null); },
    onIssues: (list, policy) => setIssues(explainIssues(list.map((i) => ({ ...i, path: normalizePath(i.path) })), policy)),
  });
  const edit = (next: PolicySpec) => {
    setIssues((open) => (open.length === 0 ? open : issuesStillOpen(open, draft, next)));
    setDraft(next);
    if (saving.state.status === 'saved' || saving.state.status === 'checked') saving.reset();
  };
  const replace = (next: PolicySpec) => { edit(next); setEpoch((n) => n + 1); };
  const applyPreset = (a: AppliedPreset) => { setApplied({ applied: a, previous: draft }); replace(a.policy); setIssues([]); setTab('calendars'); };
  const undoPreset = applied?.previous ? () => { if (applied.previous) replace(applied.previous); setApplied(null); } : undefined;
  const discard = () => { replace(saved ?? initialDraft); setIssues([]); setApplied(null); saving.reset(); };
  return { base, draft, edit, epoch, tab, setTab, showIssue, index, dirty, saving, applied, applyPreset, undoPreset, discard };
}

/** One list, one count: an issue both sides report (same path and code) is shown once, in the browser's words. */
export function mergeIssues(client: readonly FieldIssue[], server: readonly FieldIssue[]): FieldIssue[] {
  const seen = new Set(client.map((i) => `${i.path}|${i.code}`));
  return [...client, ...server.filter((i) => !seen.has(`${i.path}|${i.code}`))];
}
