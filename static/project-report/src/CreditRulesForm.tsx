/**
 * Edits the credit rules (project admins): the uptime target and "below X % → N days" rows. The
 * server validates (CRD_* codes) and refuses a stale revision; its messages are shown as they come.
 */
import { useState, type CSSProperties } from 'react';
import type { CreditRules } from '@core/browser';
import { call } from '../../shared/api';
import { Button, colors, Notice, space } from '../../shared/ui';

const input: CSSProperties = { font: 'inherit', width: '6em', padding: '4px 6px', color: colors.text, background: colors.surface, border: `1px solid ${colors.border}`, borderRadius: '3px' };

interface Row { below: string; creditDays: string }

/** The rows as numbers; an empty or non-numeric field is sent as null, so the server names it with its code. */
export function rulesFrom(target: string, rows: readonly Row[]): { targetPercent: number | null; thresholds: Array<{ below: number | null; creditDays: number | null }> } {
  const num = (s: string) => (s.trim() === '' || !Number.isFinite(Number(s)) ? null : Number(s));
  return { targetPercent: num(target), thresholds: rows.map((r) => ({ below: num(r.below), creditDays: num(r.creditDays) })) };
}

export function CreditRulesForm({ rev, rules, onSaved }: { rev: number; rules: CreditRules; onSaved: () => void }) {
  const [target, setTarget] = useState(String(rules.targetPercent));
  const [rows, setRows] = useState<Row[]>(rules.thresholds.map((t) => ({ below: String(t.below), creditDays: String(t.creditDays) })));
  const [error, setError] = useState<string | null>(null);
  const setRow = (i: number, k: keyof Row, v: string) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, [k]: v } : r)));
  const save = async () => {
    const res = await call('uptime.saveRules', { expectedRev: rev, rules: rulesFrom(target, rows) });
    if (!res.ok) return setError(res.error.details?.map((d) => d.message).join(' ') || res.error.message);
    setError(null);
    onSaved();
  };
  return (
    <form aria-label="Credit rules" data-testid="credit-rules" onSubmit={(e) => { e.preventDefault(); void save(); }} style={{ margin: `${space.s100} 0`, display: 'grid', gap: space.s050 }}>
      <label>Uptime target (%) <input style={input} inputMode="decimal" value={target} onChange={(e) => setTarget(e.target.value)} data-testid="rules-target" /></label>
      {rows.map((r, i) => (
        <div key={i} style={{ display: 'flex', flexWrap: 'wrap', gap: space.s100, alignItems: 'center' }}>
          <label>Below (%) <input style={input} inputMode="decimal" value={r.below} onChange={(e) => setRow(i, 'below', e.target.value)} data-testid={`rules-below-${i}`} /></label>
          <label>Credit (days) <input style={input} inputMode="numeric" value={r.creditDays} onChange={(e) => setRow(i, 'creditDays', e.target.value)} data-testid={`rules-days-${i}`} /></label>
          <Button appearance="subtle" onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))} aria-label={`Remove rule ${i + 1}`}>Remove</Button>
        </div>
      ))}
      <div style={{ display: 'flex', gap: space.s100, flexWrap: 'wrap' }}>
        <Button onClick={() => setRows((rs) => [...rs, { below: '', creditDays: '' }])}>Add rule</Button>
        <Button type="submit" appearance="primary" data-testid="rules-save">Save rules</Button>
      </div>
      {error && <Notice tone="warning" testId="rules-error">{error}</Notice>}
    </form>
  );
}
