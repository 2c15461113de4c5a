/** Save, discard, and everything that can happen on save: validation issues, conflicts, refusal, recompute. */
import type { FieldIssue } from '../../../../src/contract';
import { Button, ErrorState, Notice } from '../../../shared/ui';
import { RecomputeStatus } from './RecomputeStatus';
import type { SaveState } from './useSave';

interface Props {
  state: SaveState;
  dirty: boolean;
  localProblems: number;
  issues: readonly FieldIssue[];
  onSave: () => void;
  onCheck: () => void;
  onDiscard: () => void;
  onReload: () => void;
  /** Opens the tab showing the issue's field and focuses it. */
  onShowIssue: (path: string) => void;
}

export function SaveBar({ state, dirty, localProblems, issues, onSave, onCheck, onDiscard, onReload, onShowIssue }: Props) {
  const saving = state.status === 'saving' || state.status === 'checking';
  return (
    <div className="save-bar" data-testid="save-bar">
      <div className="row">
        <Button appearance="primary" onClick={onSave} disabled={!dirty || saving || localProblems > 0} data-testid="save">{saving ? 'Saving…' : 'Save'}</Button>
        <Button onClick={onCheck} disabled={saving || localProblems > 0} data-testid="check">{state.status === 'checking' ? 'Checking…' : 'Check for problems'}</Button>
        <Button appearance="subtle" onClick={onDiscard} disabled={!dirty || saving}>Discard changes</Button>
        <span className="muted" role="status">
          {localProblems > 0 ? `Fix ${localProblems} field${localProblems === 1 ? '' : 's'} marked in red before saving.` : dirty ? 'You have unsaved changes.' : 'All changes saved.'}
        </span>
      </div>
      <div className="save-outcome">
        <SaveOutcome state={state} issues={issues} onSave={onSave} onReload={onReload} onShowIssue={onShowIssue} />
      </div>
    </div>
  );
}

type OutcomeProps = Pick<Props, 'state' | 'issues' | 'onSave' | 'onReload' | 'onShowIssue'>;

function SaveOutcome({ state, issues, onSave, onReload, onShowIssue }: OutcomeProps) {
  switch (state.status) {
    case 'saved':
      return <RecomputeStatus initial={state.recompute} />;
    case 'checked':
      return <Notice tone="success" testId="check-ok">No problems found. Press Save to apply these settings.</Notice>;
    case 'invalid':
      if (issues.length === 0) return <Notice testId="issues-edited">You changed every field that had a problem. Press Save (or Check for problems) again.</Notice>;
      return <IssueList message={state.message} issues={issues} onShowIssue={onShowIssue} />;
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
      return null;
  }
}

function IssueList({ message, issues, onShowIssue }: { message: string; issues: readonly FieldIssue[]; onShowIssue: (path: string) => void }) {
  return (
    <div role="alert" data-testid="save-issues">
      <Notice tone="warning">
        <strong>Not saved: {issues.length > 0 ? `${issues.length} thing${issues.length === 1 ? '' : 's'} to fix.` : message}</strong>
        <ul>
          {issues.map((i) => (
            <li key={i.path + i.code}>
              <Button appearance="link" onClick={() => onShowIssue(i.path)}>{i.message}</Button> <span className="mono muted">{i.path}</span>
            </li>
          ))}
        </ul>
      </Notice>
    </div>
  );
}
