/** The SLA metrics section: what each clock measures, via start, pause and stop conditions. */
import type { GoalChangeMode, MetricSpec, PolicySpec } from '@core/browser';
import { Button } from '../../../shared/ui';
import { newMetric } from '../model/defaults';
import { removeAt, replaceAt } from '../model/edit';
import { useIssuesUnder } from '../model/issues';
import { Field, IssuesAt } from '../ui/Field';
import { ConditionList } from './ConditionList';

interface Props { policy: PolicySpec; onChange: (p: PolicySpec) => void }

export function MetricsTab({ policy, onChange }: Props) {
  const setMetrics = (metrics: MetricSpec[]) => onChange({ ...policy, metrics });
  const calendarId = policy.calendars[0]?.id ?? '';
  const add = () => setMetrics([...policy.metrics, { ...newMetric(policy.metrics.map((m) => m.key), calendarId), name: 'New metric' }]);
  return (
    <section aria-labelledby="metrics-heading">
      <h2 id="metrics-heading">SLA metrics</h2>
      <p className="field-help">Each metric is one clock, such as "Time to first response" or "Time to resolution". It starts, pauses and stops on the conditions below.</p>
      <IssuesAt path="metrics" />
      {policy.metrics.map((m, i) => (
        <MetricCard key={i} metric={m} path={`metrics[${i}]`} onChange={(n) => setMetrics(replaceAt(policy.metrics, i, n))}
          onRemove={() => setMetrics(removeAt(policy.metrics, i))} />
      ))}
      <Button onClick={add}>+ Metric</Button>
    </section>
  );
}

/** Same rule as the policy model: the key becomes part of JQL aliases such as slaResponseState. */
const METRIC_KEY = /^[a-z][a-zA-Z0-9]{0,23}$/;

const GOAL_CHANGE_LABELS: Record<GoalChangeMode, string> = {
  keepElapsed: 'Switch to the new goal, keep the time already spent',
  restart: 'Restart the clock',
  keepOriginal: 'Keep the goal the issue started with',
};

interface CardProps { metric: MetricSpec; path: string; onChange: (m: MetricSpec) => void; onRemove: () => void }

function MetricCard({ metric: m, path, onChange, onRemove }: CardProps) {
  const problems = useIssuesUnder(path).length;
  return (
    <div className="card" role="group" aria-label={`Metric ${m.name}`} data-testid={`metric-${m.key}`}>
      <div className="card-head">
        <h3>{m.name || 'Unnamed metric'}</h3>
        {problems > 0 && <span className="badge-error">{problems} to fix</span>}
        <Button appearance="subtle" onClick={onRemove}>Delete metric</Button>
      </div>
      <IssuesAt path={path} />
      <div className="row">
        <Field label="Name" path={`${path}.name`} render={(p) => <input {...p} className="input" value={m.name} onChange={(e) => onChange({ ...m, name: e.target.value })} />} />
        <Field label="Key" path={`${path}.key`} localError={METRIC_KEY.test(m.key) ? null : 'Start with a lower-case letter; then up to 23 letters or digits.'} help="Short id used in JQL, e.g. slaResponseState. Letters and digits, starting lower-case." render={(p) => (
          <input {...p} className="input input-short" value={m.key} onChange={(e) => onChange({ ...m, key: e.target.value })} />
        )} />
        <Field label="Repeats" path={`${path}.mode`} help="Recurring: each stop starts the next interval at once, for update cadences." render={(p) => (
          <select {...p} className="input" value={m.mode} onChange={(e) => onChange({ ...m, mode: e.target.value === 'recurring' ? 'recurring' : 'once' })}>
            <option value="once">Once per cycle</option>
            <option value="recurring">Recurring</option>
          </select>
        )} />
        <Field label="When the goal changes" path={`${path}.onGoalChange`} help="E.g. when the priority is raised." render={(p) => (
          <select {...p} className="input" value={m.onGoalChange ?? 'keepElapsed'} onChange={(e) => onChange({ ...m, onGoalChange: e.target.value as GoalChangeMode })}>
            {(Object.keys(GOAL_CHANGE_LABELS) as GoalChangeMode[]).map((k) => <option key={k} value={k}>{GOAL_CHANGE_LABELS[k]}</option>)}
          </select>
        )} />
      </div>
      <div className="conditions-grid">
        <ConditionList title="Start" help="The clock starts when any of these happens." conditions={m.start} path={`${path}.start`} defaultKind="issueCreated" onChange={(start) => onChange({ ...m, start })} />
        <ConditionList title="Pause" help="The clock holds while any of these is true, e.g. waiting for the customer." conditions={m.pause} path={`${path}.pause`} defaultKind="inStatus" onChange={(pause) => onChange({ ...m, pause })} />
        <ConditionList title="Stop" help="The clock stops, and the goal is met or missed, when any of these happens." conditions={m.stop} path={`${path}.stop`} defaultKind="resolutionSet" onChange={(stop) => onChange({ ...m, stop })} />
      </div>
    </div>
  );
}
