/**
 * Whether a save also recomputes resolved issues. Open issues always are; resolved ones keep the
 * values the old settings gave them unless the admin asks (all of them, or those resolved since a
 * date). Either way each issue keeps its current value until its own rewrite.
 */
import { useId } from 'react';
import { RESOLVED_ALL } from '@contract';

export type ResolvedMode = 'none' | 'all' | 'since';
export interface ResolvedChoiceValue { mode: ResolvedMode; since: string }

/** The save payload's recomputeResolvedSince; null also for "since" without a valid date. */
export function resolvedSince(v: ResolvedChoiceValue): string | null {
  if (v.mode === 'all') return RESOLVED_ALL;
  return v.mode === 'since' && /^\d{4}-\d{2}-\d{2}$/.test(v.since) ? v.since : null;
}

export function ResolvedChoice({ value, onChange }: { value: ResolvedChoiceValue; onChange: (v: ResolvedChoiceValue) => void }) {
  const name = useId();
  const option = (mode: ResolvedMode, label: string) => (
    <label className="row">
      <input type="radio" name={name} checked={value.mode === mode} onChange={() => onChange({ ...value, mode })} data-testid={`resolved-${mode === 'since' ? 'since-option' : mode}`} />
      {label}
    </label>
  );
  return (
    <fieldset className="resolved-choice" data-testid="resolved-choice">
      <legend>When saving, recalculate resolved issues too?</legend>
      {option('none', 'No: only open issues (resolved issues keep their values)')}
      {option('all', 'Yes, every resolved issue')}
      <div className="row">
        {option('since', 'Yes, those resolved since')}
        <input type="date" className="input" aria-label="Resolved since" value={value.since} disabled={value.mode !== 'since'}
          onChange={(e) => onChange({ mode: 'since', since: e.target.value })} data-testid="resolved-since" />
      </div>
    </fieldset>
  );
}
