/** The compliance table and the breached-cycles table of the report. */
import type { CSSProperties } from 'react';
import type { BreachedCycleDto, DataOf } from '@contract';
import type { ComplianceRow } from '@core/browser';
import { formatDateTime, formatDuration, monthLabel } from '../../shared/format';
import { colors, space } from '../../shared/ui';

export const cell: CSSProperties = { padding: `${space.s050} ${space.s100}`, borderBottom: `1px solid ${colors.border}`, textAlign: 'left', fontSize: '13px' };
const num: CSSProperties = { ...cell, textAlign: 'right', fontVariantNumeric: 'tabular-nums' };
const wrap: CSSProperties = { overflowX: 'auto', marginBottom: space.s200 };

export interface Names { metrics: Record<string, string>; goals: Record<string, string> }

export function namesOf(o: DataOf<'report.options'>): Names {
  return { metrics: Object.fromEntries(o.metrics.map((m) => [m.id, m.name])), goals: Object.fromEntries(o.goals.map((g) => [g.id, g.name])) };
}

const dur = (ms: number | null) => (ms === null ? '—' : formatDuration(ms));

export function ComplianceTable({ rows, names }: { rows: ComplianceRow[]; names: Names }) {
  return (
    <div style={wrap}>
      <table style={{ borderCollapse: 'collapse', width: '100%' }} data-testid="compliance-table">
        <thead>
          <tr>{['Month', 'Metric', 'Goal', 'Met', 'Breached', '% met', 'Median to meet', '90th pct to meet'].map((h) => <th key={h} style={cell} scope="col">{h}</th>)}</tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.month}-${r.metricKey}-${r.goalId ?? ''}`} data-testid="compliance-row">
              <td style={cell}>{monthLabel(r.month)}</td>
              <td style={cell}>{names.metrics[r.metricKey] ?? r.metricKey}</td>
              <td style={cell}>{r.goalId === null ? '—' : names.goals[r.goalId] ?? r.goalId}</td>
              <td style={num}>{r.met}</td>
              <td style={num}>{r.breached}</td>
              <td style={num}>{r.percentMet === null ? '—' : `${r.percentMet}%`}</td>
              <td style={num}>{dur(r.medianToMeetMs)}</td>
              <td style={num}>{dur(r.p90ToMeetMs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function BreachedTable({ rows, names, zone, siteUrl }: { rows: BreachedCycleDto[]; names: Names; zone: string; siteUrl: string }) {
  return (
    <div style={wrap}>
      <table style={{ borderCollapse: 'collapse', width: '100%' }} data-testid="breached-table">
        <thead>
          <tr>{['Issue', 'Metric', 'Goal', 'Started', 'Breached at', 'Elapsed', 'Target'].map((h) => <th key={h} style={cell} scope="col">{h}</th>)}</tr>
        </thead>
        <tbody>
          {rows.map((b) => (
            <tr key={`${b.issueKey}-${b.metricKey}-${b.startedAt}`}>
              <td style={cell}><a href={`${siteUrl}/browse/${encodeURIComponent(b.issueKey)}`} target="_top" style={{ color: colors.link }}>{b.issueKey}</a></td>
              <td style={cell}>{names.metrics[b.metricKey] ?? b.metricKey}</td>
              <td style={cell}>{b.goalId === null ? '—' : names.goals[b.goalId] ?? b.goalId}</td>
              <td style={cell}>{formatDateTime(b.startedAt, zone)}</td>
              <td style={cell}>{b.breachedAt === null ? '—' : formatDateTime(b.breachedAt, zone)}</td>
              <td style={num}>{dur(b.elapsedMs)}</td>
              <td style={num}>{dur(b.goalMs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
