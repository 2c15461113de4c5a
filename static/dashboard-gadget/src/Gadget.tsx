/**
 * The gadget: breached-now and due-soon issues of one metric with live countdowns, and this month's
 * compliance. It reloads every minute and when Jira asks it to refresh; countdowns tick every
 * second from the server's clock (its offset from the browser is taken at each answer).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { events } from '@forge/bridge';
import type { DataOf, GadgetIssueDto } from '@contract';
import { call } from '../../shared/api';
import { formatDuration } from '../../shared/format';
import { useEnvelope } from '../../shared/useEnvelope';
import { colors, EmptyState, ErrorState, LoadingState, space } from '../../shared/ui';
import { monthLabel, type GadgetContext } from './config';

export const RELOAD_MS = 60_000;

function useTick(ms: number): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(t);
  }, [ms]);
  return now;
}

function IssueList({ title, issues, testId, siteUrl, render }: { title: string; issues: GadgetIssueDto[]; testId: string; siteUrl: string; render: (i: GadgetIssueDto) => string }) {
  return (
    <section aria-label={title} data-testid={testId}>
      <h2 style={{ fontSize: '14px', margin: `${space.s150} 0 ${space.s050}` }}>{title} ({issues.length})</h2>
      {issues.length === 0 ? <p style={{ color: colors.textSubtle, margin: 0 }}>None.</p> : (
        <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {issues.map((i) => (
            <li key={i.key} style={{ display: 'flex', flexWrap: 'wrap', gap: space.s100, padding: `${space.s050} 0`, borderBottom: `1px solid ${colors.border}` }}>
              <a href={`${siteUrl}/browse/${i.key}`} target="_top" style={{ color: colors.link, fontWeight: 600 }}>{i.key}</a>
              <span style={{ flex: '1 1 8em', minWidth: 0, overflowWrap: 'anywhere' }}>{i.summary}</span>
              <span style={{ whiteSpace: 'nowrap' }}>{render(i)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Compliance({ c, locale }: { c: DataOf<'gadget.get'>['compliance']; locale: string }) {
  const month = monthLabel(c.month, locale);
  if (c.scope === 'withheld') {
    return <p data-testid="gadget-compliance" style={{ margin: 0, color: colors.textSubtle }}>{month}: compliance withheld, because some issues of this project are hidden from you.</p>;
  }
  const text = c.percentMet === null ? 'No completed cycles yet' : `${c.percentMet}% met`;
  return (
    <p data-testid="gadget-compliance" style={{ margin: 0, color: colors.textSubtle }}>
      {month}: <strong style={{ color: colors.text }}>{text}</strong> ({c.met} met, {c.breached} breached{c.scope === 'visible' ? ', issues you can open' : ''})
    </p>
  );
}

export function Gadget({ context }: { context: GadgetContext }) {
  const config = context.config;
  const load = useMemo(() => (config ? () => call('gadget.get', { ...config, timeZone: context.timeZone }) : null), [config, context.timeZone]);
  const { state, reload } = useEnvelope<DataOf<'gadget.get'>>(load);
  const refresh = useCallback(() => void reload(), [reload]);
  useEffect(() => {
    const t = setInterval(refresh, RELOAD_MS);
    const sub = events.on('JIRA_DASHBOARD_GADGET_REFRESH', refresh);
    return () => { clearInterval(t); void sub.then((s) => s.unsubscribe()); };
  }, [refresh]);
  const tick = useTick(1000);
  if (!config) return <EmptyState title="Configure this gadget">Edit the gadget to choose a project and a metric.</EmptyState>;
  if (state.status === 'loading') return <LoadingState label="Loading SLA status…" />;
  if (state.status === 'error') return <ErrorState title="Could not load the SLA status" message={state.message} code={state.code} onRetry={refresh} />;
  const serverNow = state.data.serverNow + (tick - state.receivedAt);
  return (
    <main data-testid="sla-gadget" aria-label="SLA gadget" style={{ padding: space.s100, maxWidth: '100%', overflowX: 'hidden' }}>
      <Compliance c={state.data.compliance} locale={context.locale} />
      <IssueList title="Breached now" testId="gadget-breached" issues={state.data.breached} siteUrl={context.siteUrl}
        render={(i) => (i.breachedAt === null ? 'breached' : `breached ${formatDuration(serverNow - i.breachedAt, { seconds: true })} ago`)} />
      <IssueList title={`Due in the next ${config.dueWithinHours} h`} testId="gadget-due" issues={state.data.dueSoon} siteUrl={context.siteUrl}
        render={(i) => (i.dueAt === null ? '' : i.dueAt > serverNow ? `${formatDuration(i.dueAt - serverNow, { seconds: true })} left` : 'due now')} />
      {state.data.more && <p style={{ color: colors.textSubtle }}>Showing the first 50; open the issue navigator for the rest.</p>}
    </main>
  );
}
