/** Seed policies offered as one-click starting points, bound to this site's names by the backend. */
import { useState } from 'react';
import type { PresetSummary } from '@contract';
import type { PolicySpec } from '@core/browser';
import { call } from '../../../shared/api';
import { Button, ErrorState } from '../../../shared/ui';
import { PresetMapping } from './PresetMapping';

export interface AppliedPreset { preset: PresetSummary; policy: PolicySpec; unmatched: string[] }

interface Props {
  presets: readonly PresetSummary[];
  disabled?: boolean;
  onApplied: (applied: AppliedPreset) => void;
}

export function PresetList({ presets, disabled, onApplied }: Props) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<{ id: string; message: string; code: string } | null>(null);
  // The preset as the backend bound it, waiting for the admin's mapping and confirmations.
  const [pending, setPending] = useState<AppliedPreset | null>(null);
  const apply = async (preset: PresetSummary) => {
    setBusy(preset.id);
    setError(null);
    const res = await call('settings.applyPreset', { presetId: preset.id });
    setBusy(null);
    if (res.ok) setPending({ preset, policy: res.data.policy, unmatched: res.data.unmatched });
    else setError({ id: preset.id, message: res.error.message, code: res.error.code });
  };
  if (presets.length === 0) return <p className="muted">No presets are available.</p>;
  if (pending) {
    return <PresetMapping name={pending.preset.name} policy={pending.policy} onCancel={() => setPending(null)}
      onUse={(policy) => { setPending(null); onApplied({ ...pending, policy, unmatched: [] }); }} />;
  }
  return (
    <ul className="preset-list">
      {presets.map((p) => (
        <li key={p.id} className="card" data-testid={`preset-${p.id}`}>
          <div className="card-head">
            <h3>{p.name}</h3>
            <Button appearance="primary" disabled={disabled || busy !== null} onClick={() => void apply(p)} aria-label={`Apply preset ${p.name}`}>
              {busy === p.id ? 'Applying…' : 'Apply'}
            </Button>
          </div>
          <p>{p.description}</p>
          {error?.id === p.id && <ErrorState title="Could not apply this preset" message={error.message} code={error.code} onRetry={() => void apply(p)} />}
        </li>
      ))}
    </ul>
  );
}
