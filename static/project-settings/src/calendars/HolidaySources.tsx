/** Public holidays from a country / region, with that year's holidays previewed from the backend. */
import { useState } from 'react';
import type { HolidaySource } from '@core/browser';
import { removeAt, replaceAt } from '../model/edit';
import { Button, LoadingState } from '../../../shared/ui';
import { byEnglishName } from '../../../shared/regions';
import { Field } from '../ui/Field';
import { useRemote } from '../ui/useRemote';
import { RemoteError } from '../ui/states';

interface Props { sources: HolidaySource[]; path: string; onChange: (s: HolidaySource[]) => void }

export function HolidaySources({ sources, path, onChange }: Props) {
  return (
    <fieldset>
      <legend>Public holidays</legend>
      <p className="field-help">The clock stops on the public holidays of these regions. Pick the region your team works in.</p>
      {sources.map((s, i) => (
        <SourceRow key={i} source={s} path={`${path}[${i}]`} onChange={(n) => onChange(replaceAt(sources, i, n))} onRemove={() => onChange(removeAt(sources, i))} />
      ))}
      <Button appearance="subtle" onClick={() => onChange([...sources, { country: '' }])}>+ Holiday region</Button>
    </fieldset>
  );
}

interface RowProps { source: HolidaySource; path: string; onChange: (s: HolidaySource) => void; onRemove: () => void }

function SourceRow({ source, path, onChange, onRemove }: RowProps) {
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const payload = { year, ...(source.country ? { country: source.country } : {}), ...(source.state ? { state: source.state } : {}) };
  const { state, retry } = useRemote('settings.holidays', payload, [source.country, source.state, year]);
  if (state.status === 'loading') return <LoadingState label="Loading holiday regions…" />;
  if (state.status === 'error') return <RemoteError what="holiday regions" message={state.message} code={state.code} onRetry={retry} />;
  const { countries, states, holidays } = state.data;
  return (
    <div className="card" data-testid="holiday-source">
      <div className="row">
        <Field label="Country" path={`${path}.country`} render={(p) => (
          <select {...p} className="input" value={source.country} onChange={(e) => onChange({ country: e.target.value, types: source.types })}>
            <option value="">Choose a country…</option>
            {byEnglishName(countries).map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        )} />
        {states.length > 0 && (
          <Field label="Region" path={`${path}.state`} help="Leave as national to use only nationwide holidays." render={(p) => (
            <select {...p} className="input" value={source.state ?? ''} onChange={(e) => onChange(withState(source, e.target.value))}>
              <option value="">National holidays only</option>
              {states.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </select>
          )} />
        )}
        {source.country && (
          <Field label="Show holidays of" render={(p) => (
            <select {...p} className="input input-short" value={year} onChange={(e) => setYear(Number(e.target.value))}>
              {[thisYear, thisYear + 1].map((y) => <option key={y} value={y}>{y}</option>)}
            </select>
          )} />
        )}
        <Button appearance="subtle" onClick={onRemove}>Remove region</Button>
      </div>
      {source.country && <HolidayPreview year={year} holidays={holidays} />}
    </div>
  );
}

function withState(source: HolidaySource, state: string): HolidaySource {
  const { state: _old, ...rest } = source;
  return state ? { ...rest, state } : rest;
}

function HolidayPreview({ year, holidays }: { year: number; holidays: Array<{ date: string; name: string; type: string }> }) {
  if (holidays.length === 0) return <p className="muted">No public holidays found for {year}.</p>;
  return (
    <details className="holiday-preview">
      <summary>{holidays.length} holidays in {year}</summary>
      <ul data-testid="holiday-preview">
        {holidays.map((h) => <li key={h.date + h.name}><span className="mono">{h.date.slice(0, 10)}</span> {h.name}{h.type !== 'public' ? ` (${h.type})` : ''}</li>)}
      </ul>
    </details>
  );
}
