/**
 * The issue sidebar summary (jira:issueContext): the panel's own resolver, one line for the most
 * urgent clock ("2 h 10 m left", "Breached 1 h ago", "Paused"), ticking like the panel. A customer
 * gets the promise's summary from the customer DTO; a project that hides SLAs from customers shows
 * nothing.
 */
import { useMemo } from 'react';
import type { AgentPanelData, DataOf } from '@contract';
import { call } from '../../shared/api';
import { useEnvelope } from '../../shared/useEnvelope';
import { colors, GlobalStyles, space } from '../../shared/ui';
import { clockOffset, useNow } from './clock';
import type { BusinessCalendar } from '@core/browser';
import type { CalendarCompiler } from './engine';
import { useCalendars } from './useCalendars';
import type { PanelContext } from './host';
import { liveMetric } from './live';
import { summarise, summarisePromises, type Summary, type SummaryTone } from './summary';

const COLOR: Record<SummaryTone, string> = {
  default: colors.textInformation, warning: colors.textWarning, danger: colors.textDanger, success: colors.textSuccess, paused: colors.textSubtle,
};

function agentSummary(data: AgentPanelData, now: number, calendars: Map<string, BusinessCalendar>): Summary | null {
  if (!data.configured || !data.snapshot) return null;
  const { snapshot } = data;
  const live = snapshot.metrics.map((m) => {
    const id = m.calendarId ?? m.current?.calendarId ?? null;
    return liveMetric(m, snapshot.evaluatedAt, now, id ? calendars.get(id) ?? null : null, data.warnings[m.key] ?? []);
  });
  return summarise(live, now);
}

export function ContextApp({ context, compile }: { context: PanelContext; compile?: CalendarCompiler }) {
  const { issueId } = context;
  const load = useMemo(() => (issueId ? () => call('panel.getSla', { issueId }) : null), [issueId]);
  const { state } = useEnvelope<DataOf<'panel.getSla'>>(load);
  const now = useNow(state.status === 'ok' ? clockOffset(state.data.serverNow, state.receivedAt) : 0);
  // Compiled once per answer, not on every tick.
  const calendars = useCalendars(state.status === 'ok' && state.data.view === 'agent' ? state.data.calendars : null, compile);
  let summary: Summary | null = null;
  if (state.status === 'ok') summary = state.data.view === 'agent' ? agentSummary(state.data, now, calendars) : summarisePromises(state.data.promises, now);
  const text = state.status === 'loading' ? 'Loading…' : state.status === 'error' ? (state.code === 'NOT_SHOWN' ? '' : 'Could not load the SLA') : summary?.text ?? 'No SLA';
  return (
    <main data-testid="sla-context" aria-label="SLA summary" style={{ padding: space.s050 }}>
      <GlobalStyles />
      {text && <span data-testid={state.status === 'ok' ? 'sla-context-summary' : 'sla-context-state'} role="status" style={{ fontWeight: 600, color: summary ? COLOR[summary.tone] : colors.textSubtle }}>{text}</span>}
    </main>
  );
}
