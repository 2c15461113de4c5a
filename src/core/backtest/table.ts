/**
 * The backtest report for people (a plain-text table) and for spreadsheets (CSV rows). Instants are
 * shown in the report's zone, to the minute.
 */
import { DateTime } from 'luxon';
import type { Instant } from '../time';
import type { BacktestReport, ChangedOutcome, OutcomeSide, Tally } from './compare';

const showTally = (t: Tally | null): string => (t === null ? '—' : `${t.met}/${t.met + t.breached} ${t.percentMet === null ? '' : `${t.percentMet.toFixed(1)}%`}`.trim());

function delta(a: Tally | null, b: Tally | null): string {
  if (a?.percentMet == null || b?.percentMet == null) return '';
  const d = b.percentMet - a.percentMet;
  return `${d > 0 ? '+' : ''}${d.toFixed(1)}`;
}

export function formatInstant(at: Instant | null, timeZone: string): string {
  return at === null ? '—' : DateTime.fromMillis(at, { zone: timeZone }).toFormat('yyyy-MM-dd HH:mm');
}

/** Columns padded to their widest cell. */
function grid(rows: string[][]): string {
  const widths = (rows[0] ?? []).map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join('  ').trimEnd()).join('\n');
}

const showSide = (s: OutcomeSide, zone: string): string => `${s.outcome}${s.goalId ? ` (${s.goalId})` : ''}, due ${formatInstant(s.dueAt, zone)}`;

/** Comparison rows as CSV cells, with a header. */
export function comparisonCsvRows(report: BacktestReport): string[][] {
  const cells = (t: Tally | null) => (t === null ? ['', '', ''] : [String(t.met), String(t.breached), t.percentMet === null ? '' : String(t.percentMet)]);
  return [
    ['month', 'metric', 'goal', 'current_met', 'current_breached', 'current_percent_met', 'proposed_met', 'proposed_breached', 'proposed_percent_met'],
    ...report.rows.map((r) => [r.month, r.metricKey, r.goalId ?? '', ...cells(r.current), ...cells(r.proposed)]),
  ];
}

/** Changed outcomes as CSV cells, with a header; instants in ISO 8601 UTC. */
export function changedCsvRows(report: BacktestReport): string[][] {
  const iso = (t: Instant | null) => (t === null ? '' : new Date(t).toISOString());
  return [
    ['issue', 'metric', 'cycle', 'current_outcome', 'current_goal', 'current_due', 'proposed_outcome', 'proposed_goal', 'proposed_due'],
    ...report.changed.map((c: ChangedOutcome) => [
      c.issueKey, c.metricKey, String(c.cycle), c.current.outcome, c.current.goalId ?? '', iso(c.current.dueAt), c.proposed.outcome, c.proposed.goalId ?? '', iso(c.proposed.dueAt),
    ]),
  ];
}

/**
 * The report as text: compliance per month × metric × goal, the changed outcomes, the totals.
 * @example formatBacktestTable(report).split('\n')[0] // "Compliance (met/counted %), months in Europe/Berlin"
 */
export function formatBacktestTable(report: BacktestReport): string {
  const zone = report.timeZone;
  const rows = report.rows.map((r) => [r.month, r.metricKey, r.goalId ?? '—', showTally(r.current), showTally(r.proposed), delta(r.current, r.proposed)]);
  const changed = report.changed.map((c) => [c.issueKey, c.cycle > 0 ? `${c.metricKey}#${c.cycle + 1}` : c.metricKey, showSide(c.current, zone), showSide(c.proposed, zone)]);
  const t = report.totals;
  return [
    `Compliance (met/counted %), months in ${zone}`,
    grid([['MONTH', 'METRIC', 'GOAL', 'CURRENT', 'PROPOSED', 'Δ PTS'], ...rows]),
    '',
    `Outcomes that change (${report.changed.length})`,
    report.changed.length === 0 ? '(none)' : grid([['ISSUE', 'METRIC', 'CURRENT', 'PROPOSED'], ...changed]),
    '',
    `Totals: ${t.issues} issues; current ${showTally(t.current)}; proposed ${showTally(t.proposed)}; met→breached ${t.metToBreached}, breached→met ${t.breachedToMet}, other changes ${t.otherChanges}`,
  ].join('\n');
}
