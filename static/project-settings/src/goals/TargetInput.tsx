/**
 * A goal's target: a whole number and a unit, or "track only". Only a valid target reaches the
 * draft; an unusually long one must be confirmed first (until then it counts as a problem).
 */
import { useState } from 'react';
import type { Goal } from '@core/browser';
import { describeTarget, isUnusualTarget, partsToTarget, targetToParts, UNIT_LABEL, type TargetParts, type TargetUnit } from '../model/target';
import { Field } from '../ui/Field';

interface Props { goal: Goal; label: string; path: string; onChange: (g: Goal) => void }

const UNITS = Object.keys(UNIT_LABEL) as TargetUnit[];

export function TargetInput({ goal, label, path, onChange }: Props) {
  const [parts, setParts] = useState<TargetParts>(() => targetToParts(goal.target));
  // A stored target was accepted when it was saved: it is not asked about again.
  const [confirmed, setConfirmed] = useState<string | null>(() => (isUnusualTarget(goal.target) ? JSON.stringify(goal.target) : null));
  const parsed = partsToTarget(parts);
  const unusual = parsed.ok && isUnusualTarget(parsed.value) && confirmed !== JSON.stringify(parsed.value);
  const update = (next: TargetParts) => {
    setParts(next);
    const res = partsToTarget(next);
    if (res.ok && !(isUnusualTarget(res.value) && confirmed !== JSON.stringify(res.value))) onChange({ ...goal, target: res.value });
  };
  const confirm = () => {
    if (!parsed.ok) return;
    setConfirmed(JSON.stringify(parsed.value));
    onChange({ ...goal, target: parsed.value });
  };
  const error = !parsed.ok ? parsed.error : unusual ? `${describeTarget(parsed.value)} is unusually long for an SLA; confirm it or correct it.` : null;
  return (
    <div className="target">
      <Field label={`Target of ${label}`} hideLabel path={path} localError={error} help={parsed.ok && !unusual ? describeTarget(parsed.value) : undefined} render={(p) => (
        <span className="target-row">
          {parts.unit !== 'trackOnly' && (
            <input {...p} className="input input-short" type="number" min={1} step={1} inputMode="numeric" value={parts.amount}
              data-testid={`goal-target-${goal.id}`} onChange={(e) => update({ ...parts, amount: e.target.value })} />
          )}
          <select className="input" aria-label={`Unit of the target of ${label}`} data-testid={`goal-unit-${goal.id}`} value={parts.unit}
            {...(parts.unit === 'trackOnly' ? { id: p.id, 'data-path': p['data-path'] } : {})}
            onChange={(e) => update({ amount: parts.amount || '1', unit: e.target.value as TargetUnit })}>
            {UNITS.map((u) => <option key={u} value={u}>{UNIT_LABEL[u]}</option>)}
          </select>
        </span>
      )} />
      {unusual && (
        <label className="check" data-testid={`goal-confirm-${goal.id}`}>
          <input type="checkbox" checked={false} onChange={confirm} /> Yes, {describeTarget(parsed.value)} is intended
        </label>
      )}
    </div>
  );
}
