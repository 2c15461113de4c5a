/** The what-if comparison (month × metric × goal) and the issues whose outcome changes. */
import type { WhatIfResult } from '@contract';
import type { PolicySpec } from '@core/browser';
import { formatDateTime } from '../../../shared/format';

type Report = WhatIfResult['report'];
type Tally = Report['rows'][number]['current'];

const share = (t: Tally): string => (t === null ? '—' : `${t.met} of ${t.met + t.breached} met${t.percentMet === null ? '' : ` (${t.percentMet}%)`}`);

/**
 * Metric and goal names for the report's keys and ids, from the settings on the page; a goal only
 * the saved settings have is described as such rather than shown by its id.
 */
export function namesOf(policy: PolicySpec) {
  const metric = (key: string) => policy.metrics.find((m) => m.key === key);
  return {
    metric: (key: string): string => metric(key)?.name ?? key,
    goal: (metricKey: string, goalId: string | null): string =>
      goalId === null ? '—' : metric(metricKey)?.goals.find((g) => g.id === goalId)?.name ?? 'a goal of the saved settings',
  };
}

export function ComparisonTable({ rows, policy }: { rows: Report['rows']; policy: PolicySpec }) {
  const names = namesOf(policy);
  if (rows.length === 0) return <p className="muted">No clock completed in this period under either settings.</p>;
  return (
    <table className="goal-table" data-testid="whatif-table">
      <thead><tr><th>Month</th><th>Metric</th><th>Goal</th><th>Saved settings</th><th>These settings</th></tr></thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.month}/${r.metricKey}/${r.goalId ?? ''}`}>
            <td>{r.month}</td><td>{names.metric(r.metricKey)}</td><td>{names.goal(r.metricKey, r.goalId)}</td><td>{share(r.current)}</td><td>{share(r.proposed)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const OUTCOME: Record<string, string> = { met: 'met', breached: 'breached', running: 'still running', none: 'no goal' };

export function ChangedOutcomes({ changed, timeZone, policy }: { changed: Report['changed']; timeZone: string; policy: PolicySpec }) {
  const names = namesOf(policy);
  if (changed.length === 0) return <p data-testid="whatif-unchanged">No issue&apos;s outcome would change.</p>;
  const due = (at: number | null) => (at === null ? 'no due time' : `due ${formatDateTime(at, timeZone)}`);
  return (
    <>
      <h3>Outcomes that change</h3>
      <ul data-testid="whatif-changed">
        {changed.map((c) => (
          <li key={`${c.issueKey}/${c.metricKey}/${c.cycle}`} data-testid={`whatif-change-${c.issueKey}`}>
            <strong>{c.issueKey}</strong> {names.metric(c.metricKey)}: {OUTCOME[c.current.outcome]} ({due(c.current.dueAt)}) → {OUTCOME[c.proposed.outcome]} ({due(c.proposed.dueAt)})
          </li>
        ))}
      </ul>
    </>
  );
}
