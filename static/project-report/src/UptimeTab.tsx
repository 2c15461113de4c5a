/** Uptime and credits: monthly uptime per service against the target, the credit, outages as evidence. */
import { useMemo, useState } from 'react';
import type { DataOf } from '@contract';
import type { CreditStatement } from '@core/browser';
import { call } from '../../shared/api';
import { formatDateTime, formatDuration } from '../../shared/format';
import { useEnvelope } from '../../shared/useEnvelope';
import { Button, colors, EmptyState, ErrorState, LoadingState, Lozenge, space } from '../../shared/ui';
import { monthIn, type PageContext } from './context';
import { downloadCsv } from './download';
import { CreditRulesForm } from './CreditRulesForm';
import { OutageForm } from './OutageForm';
import { OutageSourceForm } from './OutageSourceForm';
import { cell } from './tables';

function Statement({ s, zone, canEdit, onDelete }: { s: CreditStatement; zone: string; canEdit: boolean; onDelete: (id: string) => void }) {
  const csv = async () => {
    const res = await call('uptime.statementCsv', { service: s.service, customer: s.customer, month: s.month, timeZone: s.timeZone });
    if (res.ok) downloadCsv(res.data);
  };
  return (
    <article data-testid="statement" style={{ border: `1px solid ${colors.border}`, borderRadius: '4px', padding: space.s150, marginBottom: space.s150 }}>
      <h3 style={{ margin: 0, fontSize: '15px' }}>{s.service}{s.customer ? ` · ${s.customer}` : ' · all customers'}</h3>
      <p style={{ margin: `${space.s050} 0` }}>
        Uptime <strong data-testid="statement-uptime">{s.uptimePercent}%</strong> (target {s.targetPercent}%) ·{' '}
        <Lozenge appearance={s.creditDays > 0 ? 'removed' : 'success'} testId="statement-credit">{s.creditDays > 0 ? `${s.creditDays} days credit` : 'no credit'}</Lozenge>{' '}
        · downtime {formatDuration(s.downtimeMs)}
      </p>
      <table style={{ borderCollapse: 'collapse', width: '100%' }}>
        <thead><tr>{['Start', 'End', 'Counted', 'Description', ''].map((h) => <th key={h} style={cell} scope="col">{h}</th>)}</tr></thead>
        <tbody>
          {s.evidence.map((e) => (
            <tr key={e.outage.id}>
              <td style={cell}>{formatDateTime(e.outage.start, zone)}</td>
              <td style={cell}>{formatDateTime(e.outage.end, zone)}</td>
              <td style={cell}>{formatDuration(e.addedMs)}</td>
              <td style={cell}>{e.outage.description}</td>
              <td style={cell}>{canEdit && !e.outage.id.startsWith('issue:') && <Button appearance="subtle" onClick={() => onDelete(e.outage.id)} aria-label={`Delete outage ${e.outage.description}`}>Delete</Button>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="no-print" style={{ marginTop: space.s100 }}><Button onClick={() => void csv()} data-testid="statement-csv">Statement (CSV)</Button></div>
    </article>
  );
}

export function UptimeTab({ context, canEdit, serverNow }: { context: PageContext; canEdit: boolean; serverNow: number }) {
  const [month, setMonth] = useState(monthIn(serverNow, context.timeZone));
  const load = useMemo(() => () => call('uptime.get', { month, timeZone: context.timeZone }), [month, context.timeZone]);
  const { state, reload } = useEnvelope<DataOf<'uptime.get'>>(load);
  const remove = async (id: string) => {
    if (state.status !== 'ok') return;
    await call('uptime.deleteOutage', { expectedRev: state.data.rev, id });
    void reload();
  };
  return (
    <section aria-label="Uptime and credits">
      <style>{'@media print { .no-print, [role="tablist"], form { display: none !important; } }'}</style>
      <div className="no-print" style={{ display: 'flex', gap: space.s100, alignItems: 'center' }}>
        <label>Month <input type="month" value={month} onChange={(e) => e.target.value && setMonth(e.target.value)} data-testid="uptime-month" /></label>
        <Button onClick={() => window.print()}>Printable statement</Button>
      </div>
      {state.status === 'loading' && <LoadingState label="Loading uptime…" />}
      {state.status === 'error' && <ErrorState title="Could not load uptime" message={state.message} code={state.code} onRetry={() => void reload()} />}
      {state.status === 'ok' && (
        <>
          {canEdit && <OutageForm rev={state.data.rev} onSaved={() => void reload()} />}
          <p style={{ fontSize: '12px', color: colors.textSubtle }}>
            Rules: {state.data.rules.thresholds.map((t) => `below ${t.below}% → ${t.creditDays} days`).join('; ')}. Overlapping outages count once; months are in {context.timeZone}.
          </p>
          {canEdit && (
            <details className="no-print" data-testid="credit-rules-editor">
              <summary>Edit credit rules</summary>
              <CreditRulesForm key={state.data.rev} rev={state.data.rev} rules={state.data.rules} onSaved={() => void reload()} />
            </details>
          )}
          {canEdit && (
            <details className="no-print" data-testid="outage-source-editor">
              <summary>Outages from issues{state.data.source ? ' (on)' : ''}</summary>
              <OutageSourceForm key={state.data.rev} source={state.data.source} onSaved={() => void reload()} />
            </details>
          )}
          {state.data.source && (
            <p style={{ fontSize: '12px', color: colors.textSubtle }} data-testid="issue-outages">
              {state.data.issueOutages.length} outage(s) this month read from issues you can open{state.data.issueOutagesMore ? '; more exist than one request reads' : ''}.
            </p>
          )}
          {state.data.statements.length === 0 && <EmptyState title="No outages this month">Recorded outages and the credit they earn appear here.</EmptyState>}
          {state.data.statements.map((s) => <Statement key={`${s.service}-${s.customer ?? ''}`} s={s} zone={context.timeZone} canEdit={canEdit} onDelete={(id) => void remove(id)} />)}
        </>
      )}
    </section>
  );
}
