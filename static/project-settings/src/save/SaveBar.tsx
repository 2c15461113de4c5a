/** Save, discard, and everything that can happen on save: validation issues, conflicts, refusal, recompute. */
import type { FieldIssue } from '@contract';
import { useState } from 'react';
import { Button, ErrorState, Notice } from '../../../shared/ui';
import { ResolvedChoice, resolvedSince, type ResolvedChoiceValue } from './ResolvedChoice';
import { RecomputeStatus } from './RecomputeStatus';
import type { SaveState } from './useSave';

interface Props {
  state: SaveState;
  dirty: boolean;
  localProblems: number;
  issues: readonly FieldIssue[];
  /** Saves; the argument is the save payload's recomputeResolvedSince. */
  onSave: (recomputeResolvedSince: string | null) => void;
  onCheck: () => void;
  onDiscard: () => void;
  onReload: () => void;
  /** Opens the tab showing the issue's field and focuses it. */
  onShowIssue: (path: string) => void;
}

/** One count for the whole page: fields whose text does not parse yet plus every listed problem. */
export function problemsLine(total: number, dirty: boolean): string {
  if (total > 0) return `Fix ${total} problem${total === 1 ? '' : 's'} before saving.`;
  return dirty ? 'You have unsaved changes.' : 'All changes saved.';
}

export function SaveBar({ state, dirty, localProblems, issues, onSave: saveWith, onCheck, onDiscard, onReload, onShowIssue }: Props) {
  const [resolved, setResolved] = useState<ResolvedChoiceValue>({ mode: 'none', since: '' });
  const onSave = () => saveWith(resolvedSince(resolved));
  const saving = state.status === 'saving' || state.status === 'checking';
  const total = localProblems + issues.length;
  return (
    <div className="save-bar" data-testid="save-bar">
      {dirty && <ResolvedChoice value={resolved} onChange={setResolved} />}
      <div className="row">
        <Button appearance="primary" onClick={onSave} disabled={!dirty || saving || total > 0} data-testid="save">{saving ? 'Saving…' : 'Save'}</Button>
        <Button onClick={onCheck} disabled={saving || localProblems > 0} data-testid="check">{state.status === 'checking' ? 'Checking…' : 'Check for problems'}</Button>
        <Button appearance="subtle" onClick={onDiscard} disabled={!dirty || saving}>Discard changes</Button>
        <span className="muted" role="status" data-testid="problem-count">{problemsLine(total, dirty)}</span>
      </div>
      <div className="save-outcome">
        <SaveOutcome state={state} issues={issues} onSave={onSave} onReload={onReload} onShowIssue={onShowIssue} />
      </div>
    </div>
  );
}

type OutcomeProps = Pick<Props, 'state' | 'issues' | 'onReload' | 'onShowIssue'> & { onSave: () => void };

function SaveOutcome({ state, issues, onSave, onReload, onShowIssue }: OutcomeProps) {
  switch (state.status) {
    case 'saved':
      return <RecomputeStatus initial={state.recompute} />;
    case 'checked':
      return <Notice tone="success" testId="check-ok">No problems found. Press Save to apply these settings.</Notice>;
    case 'invalid':
      if (issues.length === 0) return <Notice testId="issues-edited">Every problem found is fixed now. Press Save to apply these settings.</Notice>;
      return <IssueList saving={state.saving} issues={issues} onShowIssue={onShowIssue} />;
    case 'conflict':
      return (
        <div className="banner-warning" role="alert" data-testid="version-conflict">
          <strong>Someone else saved these settings while you were editing.</strong> Your changes were not saved, so theirs are not overwritten.
          Load their version to continue (your unsaved changes on this page will be lost).
          <div><Button appearance="primary" onClick={onReload} data-testid="reload-latest">Load the latest settings</Button></div>
        </div>
      );
    case 'failed':
      return state.code === 'FORBIDDEN'
        ? <ErrorState title="You cannot change these settings" message="Only project admins can save SLA settings. Ask a project admin to make this change." code={state.code} />
        : <ErrorState title="Could not save" message={state.message} code={state.code} onRetry={onSave} />;
    default:
      return issues.length > 0 ? <IssueList saving={false} issues={issues} onShowIssue={onShowIssue} /> : null;
  }
}

function IssueList({ saving, issues, onShowIssue }: { saving: boolean; issues: readonly FieldIssue[]; onShowIssue: (path: string) => void }) {
  const count = `${issues.length} problem${issues.length === 1 ? '' : 's'} to fix`;
  return (
    <div role={saving ? 'alert' : undefined} data-testid="save-issues">
      <Notice tone="warning">
        <strong>{saving ? `Not saved: ${count}.` : `${count.charAt(0).toUpperCase()}${count.slice(1)}:`}</strong>
        <ul>
          {issues.map((i) => (
            <li key={i.path + i.code}>
              <Button appearance="link" onClick={() => onShowIssue(i.path)}>{i.message}</Button>
            </li>
          ))}
        </ul>
      </Notice>
    </div>
  );
}
