/** Goal criteria pickers: priority, issue type, one select field's options, and labels. All must match. */
import type { GoalMatch } from '@core/browser';
import { useMetadata } from '../model/metadata';
import { CheckboxMenu } from '../ui/CheckboxMenu';
import { Field } from '../ui/Field';

interface Props { match: GoalMatch; label: string; path: string; onChange: (m: GoalMatch) => void }

/** Drops empty lists so "any priority" is stored as no criterion rather than an impossible empty any-of. */
function withList<K extends 'priorityIds' | 'issueTypeIds' | 'labels'>(match: GoalMatch, key: K, ids: string[]): GoalMatch {
  const { [key]: _old, ...rest } = match;
  return ids.length > 0 ? { ...rest, [key]: ids } : rest;
}

export function Criteria({ match, label, path, onChange }: Props) {
  const meta = useMetadata();
  return (
    <div className="criteria">
      <Field label="Priority" path={`${path}.priorityIds`} render={(p) => (
        <CheckboxMenu {...p} label={`${label} priority`} options={meta.priorities} value={match.priorityIds ?? []} emptyText={match.priorityIds ? 'None chosen' : 'Any priority'}
          onChange={(ids) => onChange(withList(match, 'priorityIds', ids))} />
      )} />
      <Field label="Issue type" path={`${path}.issueTypeIds`} render={(p) => (
        <CheckboxMenu {...p} label={`${label} issue type`} options={meta.issueTypes} value={match.issueTypeIds ?? []} emptyText={match.issueTypeIds ? 'None chosen' : 'Any issue type'}
          onChange={(ids) => onChange(withList(match, 'issueTypeIds', ids))} />
      )} />
      {meta.selectFields.length > 0 && <FieldCriterion match={match} label={label} path={`${path}.field`} onChange={onChange} />}
      <Field label="Labels" path={`${path}.labels`} help="Comma-separated; any of them." render={(p) => (
        <input {...p} className="input" value={(match.labels ?? []).join(', ')} placeholder="any labels"
          onChange={(e) => onChange(withList(match, 'labels', e.target.value.split(',').map((s) => s.trim()).filter(Boolean)))} />
      )} />
    </div>
  );
}

function FieldCriterion({ match, label, path, onChange }: Props) {
  const fields = useMetadata().selectFields;
  const current = match.field;
  const field = fields.find((f) => f.id === current?.fieldId);
  const setField = (fieldId: string) => {
    const { field: _old, ...rest } = match;
    onChange(fieldId ? { ...rest, field: { fieldId, optionIds: [] } } : rest);
  };
  return (
    <>
      <Field label="Field" path={`${path}.fieldId`} render={(p) => (
        <select {...p} className="input" aria-label={`${label} field`} value={current?.fieldId ?? ''} onChange={(e) => setField(e.target.value)}>
          <option value="">Any field value</option>
          {fields.map((f) => <option key={f.id} value={f.id}>{f.name}</option>)}
        </select>
      )} />
      {current && (
        <Field label={`${field?.name ?? current.fieldId} is`} path={`${path}.optionIds`} render={(p) => (
          <CheckboxMenu {...p} label={`${label} ${field?.name ?? 'field'} values`} options={field?.options ?? []} value={current.optionIds}
            emptyText="Choose values…" onChange={(optionIds) => onChange({ ...match, field: { fieldId: current.fieldId, optionIds } })} />
        )} />
      )}
    </>
  );
}
