/** First visit: no policy yet. Suggests a preset (fastest) or a small working policy to edit. */
import type { PresetSummary } from '@contract';
import type { PolicySpec } from '@core/browser';
import { Button, EmptyState, LoadingState } from '../../shared/ui';
import { newPolicy } from './model/defaults';
import { PresetList, type AppliedPreset } from './presets/PresetList';
import { RemoteError } from './ui/states';
import type { Remote } from './ui/useRemote';

export interface Started { policy: PolicySpec; applied?: AppliedPreset }

interface Props {
  presets: Remote<{ presets: PresetSummary[] }>;
  onRetryPresets: () => void;
  onStart: (started: Started) => void;
}

export function StartScreen({ presets, onRetryPresets, onStart }: Props) {
  return (
    <div data-testid="start-screen">
      <EmptyState title="This project has no SLA policy yet">
        SLA Clock measures how long issues take against goals such as "respond within 4 business hours". The quickest start is a preset
        below: it sets up calendars, metrics and goals that you can then adjust. Nothing is saved until you press Save.
      </EmptyState>
      <h2>Start from a preset</h2>
      {presets.status === 'loading' && <LoadingState label="Loading presets…" />}
      {presets.status === 'error' && <RemoteError what="presets" message={presets.message} code={presets.code} onRetry={onRetryPresets} />}
      {presets.status === 'ready' && <PresetList presets={presets.data.presets} onApplied={(a) => onStart({ policy: a.policy, applied: a })} />}
      <h2>Or start from scratch</h2>
      <p className="field-help">Creates one Monday–Friday 09:00–17:00 calendar in your time zone and a "Time to first response" metric with an 8 h goal.</p>
      <Button onClick={() => onStart({ policy: newPolicy() })} data-testid="start-from-scratch">Start from scratch</Button>
    </div>
  );
}
