/** Warning thresholds and the actions fired on warning and on breach, per metric. */
import type { MetricSpec, PolicySpec, WarningThreshold } from '@core/browser';
import { Button, EmptyState } from '../../../shared/ui';
import { removeAt, replaceAt } from '../model/edit';
import { Field, IssuesAt } from '../ui/Field';
import { ActionList } from './ActionList';

interface Props { policy: PolicySpec; onChange: (p: PolicySpec) => void }

export function WarningsTab({ policy, onChange }: Props) {
  const setMetric = (i: number, m: MetricSpec) => onChange({ ...policy, metrics: replaceAt(policy.metrics, i, m) });
  return (
    <section aria-labelledby="warnings-heading">
      <h2 id="warnings-heading">Warnings & actions</h2>
      <p className="field-help">A warning turns the issue panel amber before a breach. Actions run once per cycle when a warning or breach happens.</p>
      {policy.metrics.length === 0 && <EmptyState title="No metrics yet">Add a metric on the SLA metrics tab first.</EmptyState>}
      {policy.metrics.map((m, i) => (
        <div key={i} className="card" data-testid={`warnings-${m.key}`}>
          <h3>{m.name}</h3>
          <Thresholds warnings={m.warnings ?? []} path={`metrics[${i}].warnings`} onChange={(warnings) => setMetric(i, { ...m, warnings })} />
          <ActionList title="On warning" help="Runs when the first warning threshold is crossed." actions={m.warningActions ?? []} path={`metrics[${i}].warningActions`} onChange={(warningActions) => setMetric(i, { ...m, warningActions })} />
          <ActionList title="On breach" help="Runs when the goal is missed." actions={m.breachActions ?? []} path={`metrics[${i}].breachActions`} onChange={(breachActions) => setMetric(i, { ...m, breachActions })} />
        </div>
      ))}
    </section>
  );
}

function Thresholds({ warnings, path, onChange }: { warnings: WarningThreshold[]; path: string; onChange: (w: WarningThreshold[]) => void }) {
  return (
    <fieldset>
      <legend>Warning thresholds</legend>
      <IssuesAt path={path} />
      {warnings.length === 0 && <p className="muted">No warnings: the panel goes straight from on track to breached.</p>}
      {warnings.map((w, i) => (
        <ThresholdRow key={i} warning={w} index={i} path={`${path}[${i}]`} onChange={(n) => onChange(replaceAt(warnings, i, n))} onRemove={() => onChange(removeAt(warnings, i))} />
      ))}
      <Button appearance="subtle" onClick={() => onChange([...warnings, { kind: 'percent', percent: 75 }])}>+ Threshold</Button>
    </fieldset>
  );
}

interface RowProps { warning: WarningThreshold; index: number; path: string; onChange: (w: WarningThreshold) => void; onRemove: () => void }

function ThresholdRow({ warning: w, index, path, onChange, onRemove }: RowProps) {
  const amount = w.kind === 'percent' ? w.percent : w.minutes;
  const key = w.kind === 'percent' ? 'percent' : 'minutes';
  const bad = !Number.isFinite(amount) || amount <= 0 || (w.kind === 'percent' && amount >= 100);
  const setAmount = (n: number) => onChange(w.kind === 'percent' ? { kind: 'percent', percent: n } : { kind: 'beforeBreach', minutes: n });
  const setKind = (kind: string) => onChange(kind === 'percent' ? { kind: 'percent', percent: 75 } : { kind: 'beforeBreach', minutes: 30 });
  return (
    <div className="row" role="group" aria-label={`Warning threshold ${index + 1}`}>
      <Field label="Amount" path={`${path}.${key}`} localError={bad ? (w.kind === 'percent' ? 'Between 1 and 99.' : 'More than 0 minutes.') : null} render={(p) => (
        <input {...p} type="number" min={1} className="input input-short" value={Number.isFinite(amount) ? amount : ''} onChange={(e) => setAmount(Number(e.target.value))} />
      )} />
      <Field label="Unit" path={`${path}.kind`} render={(p) => (
        <select {...p} className="input" value={w.kind} onChange={(e) => setKind(e.target.value)}>
          <option value="percent">% of the goal used</option>
          <option value="beforeBreach">minutes before breach</option>
        </select>
      )} />
      <Button appearance="subtle" className="icon-button" aria-label={`Remove warning threshold ${index + 1}`} onClick={onRemove}>×</Button>
    </div>
  );
}
