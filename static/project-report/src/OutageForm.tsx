/** Records an outage (project admins). Times are entered in the browser's zone and sent with their offset. */
import { useState, type CSSProperties } from 'react';
import type { Envelope } from '@contract';
import { call } from '../../shared/api';
import { Button, colors, Notice, space } from '../../shared/ui';

const input: CSSProperties = { font: 'inherit', padding: '4px 6px', color: colors.text, background: colors.surface, border: `1px solid ${colors.border}`, borderRadius: '3px' };
const label: CSSProperties = { display: 'flex', flexDirection: 'column', gap: '2px', fontSize: '12px', color: colors.textSubtle };

const toIso = (local: string): string | null => {
  const ms = Date.parse(local);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
};

export function OutageForm({ rev, onSaved }: { rev: number; onSaved: () => void }) {
  const [form, setForm] = useState({ service: '', customer: '', start: '', end: '', description: '' });
  const [error, setError] = useState<string | null>(null);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));
  const submit = async () => {
    const start = toIso(form.start);
    const end = toIso(form.end);
    if (!start || !end) return setError('Enter a start and an end.');
    const res: Envelope<unknown> = await call('uptime.saveOutage', {
      expectedRev: rev, outage: { service: form.service, customer: form.customer.trim() || null, start, end, description: form.description },
    });
    if (!res.ok) return setError(res.error.details?.map((d) => d.message).join(' ') || res.error.message);
    setError(null);
    setForm({ service: form.service, customer: '', start: '', end: '', description: '' });
    onSaved();
  };
  return (
    <form aria-label="Record an outage" onSubmit={(e) => { e.preventDefault(); void submit(); }} style={{ display: 'flex', flexWrap: 'wrap', gap: space.s100, alignItems: 'flex-end', margin: `${space.s100} 0` }}>
      <label style={label}>Service<input style={input} value={form.service} onChange={set('service')} required data-testid="outage-service" /></label>
      <label style={label}>Customer (optional)<input style={input} value={form.customer} onChange={set('customer')} data-testid="outage-customer" /></label>
      <label style={label}>Start<input style={input} type="datetime-local" value={form.start} onChange={set('start')} required data-testid="outage-start" /></label>
      <label style={label}>End<input style={input} type="datetime-local" value={form.end} onChange={set('end')} required data-testid="outage-end" /></label>
      <label style={label}>Description<input style={input} value={form.description} onChange={set('description')} data-testid="outage-description" /></label>
      <Button type="submit" appearance="primary" data-testid="outage-save">Record outage</Button>
      {error && <div style={{ width: '100%' }}><Notice tone="warning" testId="outage-error">{error}</Notice></div>}
    </form>
  );
}
