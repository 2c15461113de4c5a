/** The Goals section: per metric, an ordered table where the first matching goal applies. */
import { useEffect, useState } from 'react';
import type { Goal, MetricSpec, PolicySpec } from '@core/browser';
import { Button, EmptyState } from '../../../shared/ui';
import { newGoal } from '../model/defaults';
import { moveItem, removeAt, replaceAt } from '../model/edit';
import { IssuesAt } from '../ui/Field';
import { GoalRow } from './GoalRow';

interface Props { policy: PolicySpec; onChange: (p: PolicySpec) => void }

export function GoalsTab({ policy, onChange }: Props) {
  const setMetric = (i: number, m: MetricSpec) => onChange({ ...policy, metrics: replaceAt(policy.metrics, i, m) });
  return (
    <section aria-labelledby="goals-heading">
      <h2 id="goals-heading">Goals</h2>
      <p className="field-help">
        For each issue the first goal whose criteria all match applies, so put specific goals first and a catch-all (no criteria) last.
        A target is a number of minutes, hours or business days on the goal's calendar, or "track only" to measure without a goal.
        Hours are business hours: 24 hours on a 9–17 calendar take three working days; pick business days when you mean days.
      </p>
      {policy.metrics.length === 0 && <EmptyState title="No metrics yet">Add a metric on the SLA metrics tab first.</EmptyState>}
      {policy.metrics.map((m, i) => (
        <GoalTable key={i} metric={m} path={`metrics[${i}]`} policy={policy} onChange={(n) => setMetric(i, n)} />
      ))}
    </section>
  );
}

interface TableProps { metric: MetricSpec; path: string; policy: PolicySpec; onChange: (m: MetricSpec) => void }

function GoalTable({ metric, path, policy, onChange }: TableProps) {
  const [focus, setFocus] = useState<{ id: string; dir: 'up' | 'down' } | null>(null);
  useEffect(() => {
    if (!focus) return;
    const wanted = document.getElementById(`goal-move-${focus.dir}-${focus.id}`) as HTMLButtonElement | null;
    const other = document.getElementById(`goal-move-${focus.dir === 'up' ? 'down' : 'up'}-${focus.id}`);
    // At the top or bottom the pressed button is disabled; keep the keyboard user on the row.
    (wanted && !wanted.disabled ? wanted : other)?.focus();
    setFocus(null);
  }, [focus]);
  const setGoals = (goals: Goal[]) => onChange({ ...metric, goals });
  const move = (i: number, dir: 'up' | 'down') => {
    const goal = metric.goals[i];
    setGoals(moveItem(metric.goals, i, dir === 'up' ? -1 : 1));
    if (goal) setFocus({ id: goal.id, dir });
  };
  const add = () => setGoals([...metric.goals, newGoal(metric.goals.map((g) => g.id), policy.calendars[0]?.id ?? '')]);
  return (
    <div className="card" data-testid={`goals-${metric.key}`}>
      <h3>{metric.name}</h3>
      <IssuesAt path={`${path}.goals`} />
      <table className="goal-table">
        <caption className="visually-hidden">Goals of {metric.name}, first match wins</caption>
        <thead>
          <tr><th scope="col">Order</th><th scope="col">Name</th><th scope="col">Applies to</th><th scope="col">Target</th><th scope="col">Calendar</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr>
        </thead>
        <tbody>
          {metric.goals.map((g, i) => (
            <GoalRow key={g.id} goal={g} index={i} count={metric.goals.length} path={`${path}.goals[${i}]`} calendars={policy.calendars}
              onChange={(n) => setGoals(replaceAt(metric.goals, i, n))} onMove={(dir) => move(i, dir)} onRemove={() => setGoals(removeAt(metric.goals, i))} />
          ))}
        </tbody>
      </table>
      {metric.goals.length === 0 && <p className="muted">No goals: this metric is not measured against any target.</p>}
      <Button onClick={add}>+ Goal</Button>
    </div>
  );
}
