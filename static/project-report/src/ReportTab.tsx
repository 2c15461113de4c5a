/** Compliance tab: filters, the month table, the 12-month trend, breached cycles and CSV downloads. */
import { useMemo, useState } from 'react';
import type { DataOf, ReportFiltersDto } from '@contract';
import { call } from '../../shared/api';
import { useEnvelope } from '../../shared/useEnvelope';
import { Button, colors, EmptyState, ErrorState, LoadingState, Notice, space } from '../../shared/ui';
import { addMonths, monthIn, type PageContext } from './context';
import { downloadCsv } from './download';
import { Filters } from './Filters';
import { BreachedTable, ComplianceTable, namesOf } from './tables';
import { TrendChart } from './TrendChart';

function monthsFrom(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to && out.length < 25; m = addMonths(m, 1)) out.push(m);
  return out;
}

export function ReportTab({ options, context }: { options: DataOf<'report.options'>; context: PageContext }) {
  const thisMonth = monthIn(options.serverNow, context.timeZone);
  const [filters, setFilters] = useState<ReportFiltersDto>({
    fromMonth: addMonths(thisMonth, -11), toMonth: thisMonth, timeZone: context.timeZone, metricKey: null, goalId: null, priorityId: null,
  });
  const [csvError, setCsvError] = useState<string | null>(null);
  const load = useMemo(() => () => call('report.get', filters), [filters]);
  const { state, reload } = useEnvelope<DataOf<'report.get'>>(load);
  const names = namesOf(options);
  const csv = async (kind: 'cycles' | 'compliance') => {
    const res = await call('report.csv', { ...filters, kind });
    if (res.ok) downloadCsv(res.data);
    setCsvError(res.ok ? null : res.error.message);
  };
  if (!options.configured) return <EmptyState title="No SLA policy yet">An admin sets up SLAs in the project settings; the report fills as issues are recomputed.</EmptyState>;
  return (
    <section aria-label="Compliance">
      <Filters options={options} value={filters} onApply={setFilters} />
      <div style={{ display: 'flex', gap: space.s100, marginBottom: space.s200 }}>
        <Button onClick={() => void csv('compliance')} data-testid="csv-compliance">Download figures (CSV)</Button>
        <Button onClick={() => void csv('cycles')} data-testid="csv-cycles">Download cycles (CSV)</Button>
      </div>
      {csvError && <Notice tone="warning">{csvError}</Notice>}
      {state.status === 'loading' && <LoadingState label="Counting cycles…" />}
      {state.status === 'error' && <ErrorState title="Could not build the report" message={state.message} code={state.code} onRetry={() => void reload()} />}
      {state.status === 'ok' && state.data.scope === 'withheld' && (
        <Notice tone="warning" testId="scope-notice">Some issues of this project are hidden from you, and you can open too many others to count them one by one, so the figures are withheld. Ask an admin for the report.</Notice>
      )}
      {state.status === 'ok' && state.data.scope !== 'withheld' && (
        <>
          {state.data.scope === 'visible' && (
            <Notice tone="information" testId="scope-notice">Some issues of this project are hidden from you: these figures, the list and the CSV count only the issues you can open.</Notice>
          )}
          <p style={{ color: colors.textSubtle, fontSize: '13px' }} data-testid="cycle-count">{state.data.cycleCount} completed cycles, months in {filters.timeZone}.</p>
          <ComplianceTable rows={state.data.rows} names={names} />
          <h2 style={{ fontSize: '16px' }}>Trend</h2>
          <TrendChart points={state.data.trend} months={monthsFrom(filters.fromMonth, filters.toMonth)} names={names.metrics} />
          <h2 style={{ fontSize: '16px' }}>Breached cycles ({state.data.breachedTotal})</h2>
          {state.data.jql && (
            <p><a href={`${context.siteUrl}/issues/?jql=${encodeURIComponent(state.data.jql)}`} target="_top" style={{ color: colors.link }} data-testid="breached-jql">Open these issues in the issue navigator</a></p>
          )}
          <BreachedTable rows={state.data.breached} names={names} zone={filters.timeZone} siteUrl={context.siteUrl} />
        </>
      )}
    </section>
  );
}
