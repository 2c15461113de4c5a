/** One any-of list of clock conditions (start, pause or stop) with pickers fed by Jira metadata. */
import type { Condition, ConditionKind, StatusCategory } from '@core/browser';
import { Button } from '../../../shared/ui';
import { CATEGORY_LABELS, CONDITION_KINDS, conditionOfKind, kindInfo } from '../model/conditions';
import { removeAt, replaceAt } from '../model/edit';
import { useMetadata } from '../model/metadata';
import { CheckboxMenu } from '../ui/CheckboxMenu';
import { Field, IssuesAt } from '../ui/Field';

interface Props {
  title: string;
  help: string;
  conditions: Condition[];
  path: string;
  /** The kind a new row starts with, e.g. "inStatus" for pause conditions. */
  defaultKind: ConditionKind;
  onChange: (c: Condition[]) => void;
}

export function ConditionList({ title, help, conditions, path, defaultKind, onChange }: Props) {
  return (
    <fieldset className="conditions" data-testid={`conditions-${path}`}>
      <legend>{title}</legend>
      <p className="field-help">{help}</p>
      <IssuesAt path={path} />
      {conditions.length === 0 && <p className="muted">None.</p>}
      {conditions.map((c, i) => (
        <ConditionRow key={i} condition={c} label={`${title} condition ${i + 1}`} path={`${path}[${i}]`}
          onChange={(n) => onChange(replaceAt(conditions, i, n))} onRemove={() => onChange(removeAt(conditions, i))} />
      ))}
      <Button appearance="subtle" onClick={() => onChange([...conditions, conditionOfKind(defaultKind)])}>+ Condition</Button>
    </fieldset>
  );
}

interface RowProps { condition: Condition; label: string; path: string; onChange: (c: Condition) => void; onRemove: () => void }

function ConditionRow({ condition, label, path, onChange, onRemove }: RowProps) {
  return (
    <div className="row" role="group" aria-label={label}>
      <Field label="When" hideLabel path={path} render={(p) => (
        <select {...p} aria-label={`${label} kind`} className="input" value={condition.kind}
          onChange={(e) => onChange(conditionOfKind(e.target.value as ConditionKind, condition))}>
          {CONDITION_KINDS.map((k) => <option key={k.kind} value={k.kind}>{k.label}</option>)}
        </select>
      )} />
      <ConditionParams condition={condition} label={label} path={path} onChange={onChange} />
      <Button appearance="subtle" className="icon-button" aria-label={`Remove ${label}`} onClick={onRemove}>×</Button>
    </div>
  );
}

const CATEGORY_REFS = (Object.keys(CATEGORY_LABELS) as StatusCategory[]).map((id) => ({ id, name: CATEGORY_LABELS[id] }));

function ConditionParams({ condition: c, label, path, onChange }: Omit<RowProps, 'onRemove'>) {
  const meta = useMetadata();
  switch (kindInfo(c.kind).params) {
    case 'statuses':
      if (!('statusIds' in c)) return null;
      return <Field label="Statuses" hideLabel path={`${path}.statusIds`} render={(p) => (
        <CheckboxMenu {...p} label={`${label} statuses`} options={meta.statuses} value={c.statusIds} emptyText="Choose statuses…" onChange={(statusIds) => onChange({ ...c, statusIds })} />
      )} />;
    case 'categories':
      if (!('categories' in c)) return null;
      return <Field label="Status categories" hideLabel path={`${path}.categories`} render={(p) => (
        <CheckboxMenu {...p} label={`${label} categories`} options={CATEGORY_REFS} value={c.categories} emptyText="Choose categories…"
          onChange={(ids) => onChange({ ...c, categories: ids as StatusCategory[] })} />
      )} />;
    case 'field':
      return c.kind === 'fieldChanged' ? <FieldChangedParams condition={c} label={label} path={path} onChange={onChange} /> : null;
    case 'label':
      return c.kind === 'labelAdded' ? (
        <Field label="Label" hideLabel path={`${path}.label`} render={(p) => (
          <input {...p} aria-label={`${label} label`} className="input" placeholder="any label" value={c.label ?? ''}
            onChange={(e) => onChange(e.target.value ? { kind: 'labelAdded', label: e.target.value } : { kind: 'labelAdded' })} />
        )} />
      ) : null;
    default:
      return null;
  }
}

type FieldChanged = Extract<Condition, { kind: 'fieldChanged' }>;

function FieldChangedParams({ condition: c, label, path, onChange }: { condition: FieldChanged; label: string; path: string; onChange: (c: Condition) => void }) {
  const fields = useMetadata().selectFields;
  const field = fields.find((f) => f.id === c.fieldId);
  return (
    <>
      <Field label="Field" hideLabel path={`${path}.fieldId`} render={(p) => (
        <select {...p} aria-label={`${label} field`} className="input" value={c.fieldId} onChange={(e) => onChange({ kind: 'fieldChanged', fieldId: e.target.value })}>
          <option value="">Choose a field…</option>
          {fields.map((f) => <option key={f.id} value={f.id}>{f.name}</option>)}
        </select>
      )} />
      {field && (
        <Field label="To value" hideLabel path={`${path}.toValue`} render={(p) => (
          <select {...p} aria-label={`${label} value`} className="input" value={c.toValue ?? ''}
            onChange={(e) => onChange(e.target.value ? { ...c, toValue: e.target.value } : { kind: 'fieldChanged', fieldId: c.fieldId })}>
            <option value="">to any value</option>
            {field.options.map((o) => <option key={o.id} value={o.id}>to {o.name}</option>)}
          </select>
        )} />
      )}
    </>
  );
}
