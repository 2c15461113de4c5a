/** Date overrides (special hours on one date) and exclusion windows (announced maintenance). */
import type { DateOverride, ExclusionWindow } from '@core/browser';
import { removeAt, replaceAt } from '../model/edit';
import { Button } from '../../../shared/ui';
import { Field } from '../ui/Field';
import { useStableKeys } from '../ui/useStableKeys';
import { instantOf, wallTimeOf } from './wallTime';
import { RangeEditor } from './WeekGrid';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

interface OverridesProps { overrides: DateOverride[]; path: string; onChange: (o: DateOverride[]) => void }

export function Overrides({ overrides, path, onChange }: OverridesProps) {
  const add = () => onChange([...overrides, { date: '', hours: [] }]);
  const keys = useStableKeys(overrides.length);
  return (
    <fieldset>
      <legend>Special dates</legend>
      <p className="field-help">Hours for one date replace that weekday's hours, e.g. a short day on 2026-12-31. No hours means closed all day.</p>
      {overrides.map((o, i) => (
        <OverrideRow key={keys.at(i)} override={o} path={`${path}[${i}]`} onChange={(n) => onChange(replaceAt(overrides, i, n))}
          onRemove={() => { keys.removed(i); onChange(removeAt(overrides, i)); }} />
      ))}
      <Button appearance="subtle" onClick={add}>+ Special date</Button>
    </fieldset>
  );
}

interface OverrideRowProps { override: DateOverride; path: string; onChange: (o: DateOverride) => void; onRemove: () => void }

function OverrideRow({ override: o, path, onChange, onRemove }: OverrideRowProps) {
  const label = `Special date ${o.date || '(new)'}`;
  return (
    <div className="card" role="group" aria-label={label}>
      <div className="row">
        <Field label="Date" path={`${path}.date`} localError={DATE.test(o.date) ? null : 'Use YYYY-MM-DD, e.g. 2026-12-31.'} render={(p) => (
          <input {...p} className="input input-date" value={o.date} placeholder="2026-12-31" onChange={(e) => onChange({ ...o, date: e.target.value })} />
        )} />
        <Field label="Note" render={(p) => <input {...p} className="input" value={o.note ?? ''} onChange={(e) => onChange({ ...o, note: e.target.value })} />} />
        <Button appearance="subtle" className="icon-button" aria-label={`Remove ${label}`} onClick={onRemove}>×</Button>
      </div>
      {o.hours.length === 0 && <span className="muted">Closed all day</span>}
      {o.hours.map((r, i) => (
        <RangeEditor key={i} label={`${label} interval ${i + 1}`} range={r} path={`${path}.hours[${i}]`}
          onChange={(n) => onChange({ ...o, hours: replaceAt(o.hours, i, n) })} onRemove={() => onChange({ ...o, hours: removeAt(o.hours, i) })} />
      ))}
      <Button appearance="subtle" onClick={() => onChange({ ...o, hours: [...o.hours, { start: '09:00', end: '14:00' }] })}>+ Hours</Button>
    </div>
  );
}

interface ExclusionsProps { exclusions: ExclusionWindow[]; path: string; zone: string; onChange: (x: ExclusionWindow[]) => void }

/**
 * Exclusion windows picked with the browser's date-time pickers, read and written in the calendar's
 * zone (stored as UTC instants, the form the engine requires), so nobody types ISO text.
 */
export function Exclusions({ exclusions, path, zone, onChange }: ExclusionsProps) {
  const add = () => onChange([...exclusions, { start: '', end: '', reason: 'Planned maintenance' }]);
  const keys = useStableKeys(exclusions.length);
  const set = (i: number, x: ExclusionWindow) => onChange(replaceAt(exclusions, i, x));
  return (
    <fieldset>
      <legend>Exclusion windows</legend>
      <p className="field-help">No SLA time counts between these two moments, e.g. an announced maintenance window. Times are in {zone}.</p>
      {exclusions.map((x, i) => (
        <div key={keys.at(i)} className="row" role="group" aria-label={`Exclusion window ${i + 1}`}>
          <Field label={`From (${zone})`} path={`${path}[${i}].start`} localError={x.start ? null : 'Pick the date and time it starts.'} render={(p) => (
            <input {...p} type="datetime-local" className="input" value={wallTimeOf(x.start, zone)} onChange={(e) => set(i, { ...x, start: instantOf(e.target.value, zone) })} />
          )} />
          <Field label={`Until (${zone})`} path={`${path}[${i}].end`} localError={x.end ? null : 'Pick the date and time it ends.'} render={(p) => (
            <input {...p} type="datetime-local" className="input" value={wallTimeOf(x.end, zone)} onChange={(e) => set(i, { ...x, end: instantOf(e.target.value, zone) })} />
          )} />
          <Field label="Reason" render={(p) => <input {...p} className="input" value={x.reason ?? ''} onChange={(e) => set(i, { ...x, reason: e.target.value })} />} />
          <Button appearance="subtle" className="icon-button" aria-label={`Remove exclusion window ${i + 1}`} onClick={() => { keys.removed(i); onChange(removeAt(exclusions, i)); }}>×</Button>
        </div>
      ))}
      <Button appearance="subtle" onClick={add}>+ Exclusion window</Button>
    </fieldset>
  );
}
