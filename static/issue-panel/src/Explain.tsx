/**
 * "Explain this SLA", expandable under the panel: where every minute of each cycle went, loaded only
 * when opened (it evaluates the issue's whole history), and downloadable as CSV for a dispute.
 */
import { useState } from 'react';
import type { DataOf } from '@contract';
import type { CycleExplanation, ExplainPart } from '@core/browser';
import { call } from '../../shared/api';
import { formatDateTime, formatDuration } from '../../shared/format';
import { Button, colors, ErrorState, LoadingState, space } from '../../shared/ui';

type Data = DataOf<'explain.get'>;
type State = { status: 'closed' } | { status: 'loading' } | { status: 'ok'; data: Data } | { status: 'error'; message: string };

const KIND_LABEL: Record<ExplainPart['kind'], string> = {
  counted: 'Counted', outsideHours: 'Outside hours', holiday: 'Holiday', maintenance: 'Maintenance', paused: 'Paused',
};

function reason(p: ExplainPart, statusNames: Record<string, string>): string {
  if (p.kind === 'counted') return 'business time';
  if (p.kind === 'outsideHours') return p.calendarName;
  if (p.kind === 'holiday') return p.holiday;
  if (p.kind === 'maintenance') return p.reason;
  return p.statusId === null ? p.condition : statusNames[p.statusId] ?? p.statusId;
}

/** A goal by name; one the settings no longer have (renamed or removed since) is said to be so. */
function goalName(data: Data, metricKey: string, goalId: string | null): string {
  if (goalId === null) return 'no goal';
  return data.goalNames[metricKey]?.[goalId] ?? 'a goal no longer in the settings';
}

function Cycle({ c, data, zone }: { c: CycleExplanation; data: Data; zone: string }) {
  const totals = new Map<string, number>();
  for (const p of c.parts) totals.set(p.kind, (totals.get(p.kind) ?? 0) + (p.to - p.from));
  return (
    <section data-testid="explain-cycle" style={{ marginBottom: space.s150 }}>
      <h4 style={{ margin: 0, fontSize: '13px' }}>{c.metricName}{c.cycleIndex > 0 ? ` (cycle ${c.cycleIndex + 1})` : ''}{c.met === false || c.breachedAt !== null ? ' · breached' : ''}</h4>
      <p style={{ margin: '2px 0', fontSize: '12px', color: colors.textSubtle }}>
        {[...totals.entries()].map(([k, ms]) => `${KIND_LABEL[k as ExplainPart['kind']]} ${formatDuration(ms)}`).join(' · ')}
      </p>
      <ol style={{ margin: 0, paddingLeft: '18px', fontSize: '12px' }}>
        {c.parts.map((p) => (
          <li key={p.from}>{formatDateTime(p.from, zone)} – {formatDateTime(p.to, zone)}: <strong>{KIND_LABEL[p.kind]}</strong> ({reason(p, data.statusNames)}), {formatDuration(p.to - p.from)}</li>
        ))}
        {c.goalChanges.map((g) => <li key={`g${g.at}`}>{formatDateTime(g.at, zone)}: goal changed to {goalName(data, c.metricKey, g.toGoalId)}</li>)}
      </ol>
    </section>
  );
}

function download(data: Data): void {
  const url = URL.createObjectURL(new Blob([data.csv.csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = data.csv.filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function Explain({ issueId, zone }: { issueId: string; zone: string }) {
  const [state, setState] = useState<State>({ status: 'closed' });
  const toggle = async () => {
    if (state.status !== 'closed') return setState({ status: 'closed' });
    setState({ status: 'loading' });
    const res = await call('explain.get', { issueId, timeZone: zone });
    setState(res.ok ? { status: 'ok', data: res.data } : { status: 'error', message: res.error.message });
  };
  return (
    <div style={{ marginTop: space.s150, borderTop: `1px solid ${colors.border}`, paddingTop: space.s100 }}>
      <Button appearance="subtle" aria-expanded={state.status !== 'closed'} onClick={() => void toggle()} data-testid="explain-toggle">
        {state.status === 'closed' ? '▸' : '▾'} Explain this SLA
      </Button>
      {state.status === 'loading' && <LoadingState label="Explaining…" />}
      {state.status === 'error' && <ErrorState title="Could not explain" message={state.message} />}
      {state.status === 'ok' && (
        <div data-testid="explain">
          {state.data.cycles.map((c) => <Cycle key={`${c.metricKey}-${c.cycleIndex}`} c={c} data={state.data} zone={zone} />)}
          <Button onClick={() => download(state.data)} data-testid="explain-csv">Download explanation (CSV)</Button>
        </div>
      )}
    </div>
  );
}
