/**
 * A labelled control with helper text and the validation messages for its JSON path. The control
 * is rendered by the caller through `render(props)` so any input, select or menu gets the same
 * id, aria-describedby and aria-invalid wiring.
 */
import { useId, type ReactNode } from 'react';
import { useIssuesAt } from '../model/issues';
import { useLocalProblem } from '../model/localProblems';

export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
  /** The JSON path the control edits, so a validation message can take the keyboard to it. */
  'data-path'?: string;
}

interface FieldProps {
  label: string;
  /** JSON path into the policy; backend issues at this path show under the control. */
  path?: string;
  help?: ReactNode;
  /** A message found locally (e.g. an unparseable target) before the backend is asked. */
  localError?: string | null;
  hideLabel?: boolean;
  render: (props: ControlProps) => ReactNode;
}

export function Field({ label, path, help, localError, hideLabel, render }: FieldProps) {
  const id = useId();
  const remote = useIssuesAt(path ?? '\u0000');
  // When the validator also reports this field, its issue is the one counted (one problem, one count);
  // the field still shows its own, shorter message.
  useLocalProblem(Boolean(localError) && remote.length === 0);
  const errors = localError ? [localError] : remote.map((i) => i.message);
  const helpId = help ? `${id}-help` : undefined;
  const errorId = errors.length > 0 ? `${id}-error` : undefined;
  const describedBy = [helpId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : 'field-label'}>{label}</label>
      {render({ id, 'aria-describedby': describedBy, 'aria-invalid': errors.length > 0 || undefined, 'data-path': path })}
      {help && <div id={helpId} className="field-help">{help}</div>}
      {errorId && (
        <div id={errorId} className="field-error" data-testid={path ? `error-${path}` : undefined}>
          {errors.map((e) => <div key={e}>{e}</div>)}
        </div>
      )}
    </div>
  );
}

/** A message for issues that belong to a whole row or card rather than one control. */
export function IssuesAt({ path }: { path: string }) {
  const issues = useIssuesAt(path);
  if (issues.length === 0) return null;
  return (
    <div className="field-error" role="alert" data-testid={`error-${path}`}>
      {issues.map((i) => <div key={i.code + i.message}>{i.message}</div>)}
    </div>
  );
}
