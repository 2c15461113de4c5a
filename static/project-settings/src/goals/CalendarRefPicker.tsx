/** Which calendar a goal counts on: one fixed calendar, or one chosen by a select field's value. */
import type { CalendarSpec, CalendarRef } from '@core/browser';
import { useMetadata } from '../model/metadata';
import { Field } from '../ui/Field';

interface Props { value: CalendarRef; label: string; path: string; calendars: readonly CalendarSpec[]; onChange: (c: CalendarRef) => void }

const BY_FIELD = '__by-field__';

export function CalendarRefPicker({ value, label, path, calendars, onChange }: Props) {
  const fields = useMetadata().selectFields;
  const first = calendars[0]?.id ?? '';
  const choose = (id: string) => {
    if (id !== BY_FIELD) return onChange({ kind: 'fixed', calendarId: id });
    const fallback = value.kind === 'fixed' ? value.calendarId : value.fallbackCalendarId;
    onChange({ kind: 'fromField', fieldId: fields[0]?.id ?? '', map: {}, fallbackCalendarId: fallback || first });
  };
  const options = calendars.map((c) => <option key={c.id} value={c.id}>{c.name}</option>);
  return (
    <div>
      <Field label={`Calendar of ${label}`} hideLabel path={value.kind === 'fixed' ? `${path}.calendarId` : path} render={(p) => (
        <select {...p} className="input" value={value.kind === 'fixed' ? value.calendarId : BY_FIELD} onChange={(e) => choose(e.target.value)}>
          {value.kind === 'fixed' && !calendars.some((c) => c.id === value.calendarId) && <option value={value.calendarId}>Choose a calendar…</option>}
          {options}
          {fields.length > 0 && <option value={BY_FIELD}>Depends on a field…</option>}
        </select>
      )} />
      {value.kind === 'fromField' && <FieldMap value={value} label={label} path={path} calendars={calendars} onChange={onChange} />}
    </div>
  );
}

type FromField = Extract<CalendarRef, { kind: 'fromField' }>;

function FieldMap({ value, label, path, calendars, onChange }: Omit<Props, 'value'> & { value: FromField }) {
  const fields = useMetadata().selectFields;
  const field = fields.find((f) => f.id === value.fieldId);
  const setMapped = (optionId: string, calendarId: string) => {
    const { [optionId]: _old, ...rest } = value.map;
    onChange({ ...value, map: calendarId ? { ...rest, [optionId]: calendarId } : rest });
  };
  return (
    <div className="nested">
      <Field label="Field" path={`${path}.fieldId`} render={(p) => (
        <select {...p} className="input" value={value.fieldId} onChange={(e) => onChange({ ...value, fieldId: e.target.value, map: {} })}>
          {fields.map((f) => <option key={f.id} value={f.id}>{f.name}</option>)}
        </select>
      )} />
      {(field?.options ?? []).map((o) => (
        <Field key={o.id} label={`${label}: ${o.name}`} path={`${path}.map.${o.id}`} render={(p) => (
          <select {...p} className="input" value={value.map[o.id] ?? ''} onChange={(e) => setMapped(o.id, e.target.value)}>
            <option value="">Use the fallback</option>
            {calendars.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        )} />
      ))}
      <Field label="Otherwise" path={`${path}.fallbackCalendarId`} render={(p) => (
        <select {...p} className="input" value={value.fallbackCalendarId} onChange={(e) => onChange({ ...value, fallbackCalendarId: e.target.value })}>
          {calendars.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
        </select>
      )} />
    </div>
  );
}
