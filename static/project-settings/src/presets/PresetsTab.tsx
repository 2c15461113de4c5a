/** The Presets section: replace the draft with a seed policy, then review and save it. */
import type { PresetSummary } from '@contract';
import { RemoteError } from '../ui/states';
import type { Remote } from '../ui/useRemote';
import { Button, LoadingState } from '../../../shared/ui';
import { PresetList, type AppliedPreset } from './PresetList';

interface Props {
  presets: Remote<{ presets: PresetSummary[] }>;
  onRetry: () => void;
  disabled: boolean;
  onApplied: (applied: AppliedPreset) => void;
}

export function PresetsTab({ presets, onRetry, disabled, onApplied }: Props) {
  return (
    <section aria-labelledby="presets-heading">
      <h2 id="presets-heading">Presets</h2>
      <p className="field-help">
        A preset fills in calendars, metrics and goals from a typical support contract. Applying one replaces the settings on this page
        (nothing is saved until you press Save), so you can review every tab first.
      </p>
      {presets.status === 'loading' && <LoadingState label="Loading presets…" />}
      {presets.status === 'error' && <RemoteError what="presets" message={presets.message} code={presets.code} onRetry={onRetry} />}
      {presets.status === 'ready' && <PresetList presets={presets.data.presets} disabled={disabled} onApplied={onApplied} />}
    </section>
  );
}

/** Tells the admin which preset names found no status, priority or field on this site. */
export function UnmatchedNotice({ applied, onUndo }: { applied: AppliedPreset; onUndo?: () => void }) {
  return (
    <div className="notice" role="status" data-testid="preset-applied">
      <strong>Preset "{applied.preset.name}" applied — not saved yet.</strong> Review the tabs, then press Save.
      {applied.unmatched.length > 0 && (
        <div data-testid="preset-unmatched">
          These names from the preset have no match in this project, so their conditions or criteria were left empty: {applied.unmatched.join(', ')}.
          Pick the right ones on the SLA metrics and Goals tabs.
        </div>
      )}
      {onUndo && <Button appearance="link" onClick={onUndo}>Undo</Button>}
    </div>
  );
}
