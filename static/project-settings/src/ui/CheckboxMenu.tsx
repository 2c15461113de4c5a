/**
 * A compact any-of picker: a disclosure button summarising the choice ("Any priority", "High,
 * Highest") that opens a list of labelled checkboxes. Native <details> keeps it keyboard accessible.
 */
import type { NamedRef } from '@contract';
import { toggleValue } from '../model/edit';
import type { ControlProps } from './Field';

interface CheckboxMenuProps extends Partial<ControlProps> {
  options: readonly NamedRef[];
  value: readonly string[];
  onChange: (ids: string[]) => void;
  /** Summary when nothing is chosen, e.g. "Any priority". */
  emptyText: string;
  /** Accessible name of the disclosure button; the current choice is appended. */
  label: string;
  testId?: string;
}

function summary(options: readonly NamedRef[], value: readonly string[], emptyText: string): string {
  if (value.length === 0) return emptyText;
  const names = value.map((id) => options.find((o) => o.id === id)?.name ?? 'a value deleted in Jira');
  return names.length > 3 ? `${names.slice(0, 3).join(', ')} +${names.length - 3}` : names.join(', ');
}

export function CheckboxMenu({ options, value, onChange, emptyText, label, testId, ...control }: CheckboxMenuProps) {
  return (
    <details className="menu" data-testid={testId}>
      <summary className="menu-summary" {...control} aria-label={`${label}: ${summary(options, value, emptyText)}`}>
        {summary(options, value, emptyText)}
      </summary>
      <div className="menu-list">
        {options.length === 0 && <div className="field-help">Nothing to choose from in this project.</div>}
        {options.map((o) => (
          <label key={o.id} className="menu-item">
            <input type="checkbox" checked={value.includes(o.id)} onChange={(e) => onChange(toggleValue(value, o.id, e.target.checked))} />
            {o.name}
          </label>
        ))}
      </div>
    </details>
  );
}
