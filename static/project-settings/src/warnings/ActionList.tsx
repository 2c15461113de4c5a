/** Actions fired once per metric cycle on warning or breach: comment, label or notify. */
import type { SlaAction } from '@core/browser';
import { Button } from '../../../shared/ui';
import { removeAt, replaceAt, toggleValue } from '../model/edit';
import { Field, IssuesAt } from '../ui/Field';

interface Props { title: string; help: string; actions: SlaAction[]; path: string; onChange: (a: SlaAction[]) => void }

type Recipient = 'assignee' | 'watchers' | 'reporter';
const RECIPIENTS: Recipient[] = ['assignee', 'reporter', 'watchers'];

function actionOfKind(kind: SlaAction['kind']): SlaAction {
  if (kind === 'label') return { kind, label: 'sla-breached' };
  if (kind === 'notify') return { kind, to: ['assignee'], subject: 'SLA needs attention' };
  return { kind: 'comment', body: 'This issue has breached its SLA.', internal: true };
}

export function ActionList({ title, help, actions, path, onChange }: Props) {
  return (
    <fieldset data-testid={`actions-${path}`}>
      <legend>{title}</legend>
      <p className="field-help">{help}</p>
      <IssuesAt path={path} />
      {actions.length === 0 && <p className="muted">No actions.</p>}
      {actions.map((a, i) => (
        <ActionRow key={i} action={a} label={`${title} action ${i + 1}`} path={`${path}[${i}]`}
          onChange={(n) => onChange(replaceAt(actions, i, n))} onRemove={() => onChange(removeAt(actions, i))} />
      ))}
      <Button appearance="subtle" onClick={() => onChange([...actions, actionOfKind('comment')])}>+ Action</Button>
    </fieldset>
  );
}

interface RowProps { action: SlaAction; label: string; path: string; onChange: (a: SlaAction) => void; onRemove: () => void }

function ActionRow({ action, label, path, onChange, onRemove }: RowProps) {
  return (
    <div className="row" role="group" aria-label={label}>
      <Field label="Do" path={path} render={(p) => (
        <select {...p} aria-label={`${label} kind`} className="input" value={action.kind} onChange={(e) => onChange(actionOfKind(e.target.value as SlaAction['kind']))}>
          <option value="comment">Add a comment</option>
          <option value="label">Add a label</option>
          <option value="notify">Send a notification</option>
        </select>
      )} />
      <ActionParams action={action} label={label} path={path} onChange={onChange} />
      <Button appearance="subtle" className="icon-button" aria-label={`Remove ${label}`} onClick={onRemove}>×</Button>
    </div>
  );
}

function ActionParams({ action: a, label, path, onChange }: Omit<RowProps, 'onRemove'>) {
  if (a.kind === 'label') {
    return <Field label="Label" path={`${path}.label`} render={(p) => <input {...p} aria-label={`${label} label`} className="input" value={a.label} onChange={(e) => onChange({ ...a, label: e.target.value })} />} />;
  }
  if (a.kind === 'comment') {
    return (
      <>
        <Field label="Comment" path={`${path}.body`} render={(p) => <textarea {...p} aria-label={`${label} comment`} className="input" rows={2} value={a.body} onChange={(e) => onChange({ ...a, body: e.target.value })} />} />
        <label className="check"><input type="checkbox" checked={a.internal ?? false} onChange={(e) => onChange({ ...a, internal: e.target.checked })} /> Internal note (agents only)</label>
      </>
    );
  }
  return (
    <>
      <fieldset className="inline" aria-label={`${label} recipients`}>
        {RECIPIENTS.map((r) => (
          <label key={r} className="check"><input type="checkbox" checked={a.to.includes(r)} onChange={(e) => onChange({ ...a, to: toggleValue(a.to, r, e.target.checked) as Recipient[] })} /> {r}</label>
        ))}
      </fieldset>
      <Field label="Subject" path={`${path}.subject`} render={(p) => <input {...p} aria-label={`${label} subject`} className="input" value={a.subject} onChange={(e) => onChange({ ...a, subject: e.target.value })} />} />
    </>
  );
}
