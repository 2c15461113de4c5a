/**
 * Outages from issues (project admins): the issue type and the two date-time fields that hold an
 * outage's start and end, the service the outages belong to (or a field naming it per issue), and
 * optionally a field naming the affected customer. Choices come from the site (uptime.sourceFields).
 */
import { useMemo, useState, type CSSProperties } from 'react';
import type { DataOf, OutageSourceDto } from '@contract';
import type { NamedRef } from '@core/browser';
import { call } from '../../shared/api';
import { useEnvelope } from '../../shared/useEnvelope';
import { Button, colors, ErrorState, LoadingState, Notice, space } from '../../shared/ui';

const control: CSSProperties = { font: 'inherit', padding: '4px 6px', color: colors.text, background: colors.surface, border: `1px solid ${colors.border}`, borderRadius: '3px', maxWidth: '100%' };

function Pick({ label, value, options, onChange, optional, testId }: { label: string; value: string; options: NamedRef[]; onChange: (v: string) => void; optional?: boolean; testId: string }) {
  return (
    <label style={{ display: 'flex', flexWrap: 'wrap', gap: space.s100, alignItems: 'center' }}>{label}
      <select style={control} value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        <option value="">{optional ? 'None' : 'Choose…'}</option>
        {options.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
      </select>
    </label>
  );
}

const EMPTY: OutageSourceDto = { issueTypeId: '', startFieldId: '', endFieldId: '', service: '', serviceFieldId: null, customerFieldId: null };

export function OutageSourceForm({ source, onSaved }: { source: OutageSourceDto | null; onSaved: () => void }) {
  const load = useMemo(() => () => call('uptime.sourceFields', {}), []);
  const { state } = useEnvelope<DataOf<'uptime.sourceFields'>>(load);
  const [draft, setDraft] = useState<OutageSourceDto>(source ?? EMPTY);
  const [error, setError] = useState<string | null>(null);
  const set = (k: keyof OutageSourceDto, v: string) => setDraft((d) => ({ ...d, [k]: k.endsWith('FieldId') && k !== 'startFieldId' && k !== 'endFieldId' && v === '' ? null : v }));
  const save = async (next: OutageSourceDto | null) => {
    const res = await call('uptime.saveSource', { source: next });
    setError(res.ok ? null : res.error.details?.map((d) => d.message).join(' ') || res.error.message);
    if (res.ok) onSaved();
  };
  if (state.status === 'loading') return <LoadingState label="Loading fields…" />;
  if (state.status === 'error') return <ErrorState title="Could not load the fields" message={state.message} code={state.code} />;
  const f = state.data;
  return (
    <form aria-label="Outages from issues" data-testid="outage-source" onSubmit={(e) => { e.preventDefault(); void save(draft); }} style={{ margin: `${space.s100} 0`, display: 'grid', gap: space.s050 }}>
      <Pick label="Issue type" value={draft.issueTypeId} options={f.issueTypes} onChange={(v) => set('issueTypeId', v)} testId="source-type" />
      <Pick label="Start field" value={draft.startFieldId} options={f.dateTimeFields} onChange={(v) => set('startFieldId', v)} testId="source-start" />
      <Pick label="End field" value={draft.endFieldId} options={f.dateTimeFields} onChange={(v) => set('endFieldId', v)} testId="source-end" />
      <label style={{ display: 'flex', flexWrap: 'wrap', gap: space.s100, alignItems: 'center' }}>Service
        <input style={control} value={draft.service} onChange={(e) => set('service', e.target.value)} data-testid="source-service" />
      </label>
      <Pick label="Service field" value={draft.serviceFieldId ?? ''} options={f.otherFields} onChange={(v) => set('serviceFieldId', v)} optional testId="source-service-field" />
      <Pick label="Customer field" value={draft.customerFieldId ?? ''} options={f.otherFields} onChange={(v) => set('customerFieldId', v)} optional testId="source-customer-field" />
      <div style={{ display: 'flex', gap: space.s100, flexWrap: 'wrap' }}>
        <Button type="submit" appearance="primary" data-testid="source-save">Read outages from these issues</Button>
        {source && <Button onClick={() => void save(null)}>Stop reading issues</Button>}
      </div>
      {error && <Notice tone="warning" testId="source-error">{error}</Notice>}
    </form>
  );
}
