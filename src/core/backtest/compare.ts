/**
 * Backtest: the same issue histories replayed under the current and a proposed policy, compared.
 * The core evaluates (history, policy, now) purely, so replaying last quarter under new hours or goals
 * is just evaluating again; nothing is stored. Pure: `now` is the caller's.
 */
import type { Instant } from '../time';
import { summarizeCompliance, type ComplianceRow } from '../compliance/summary';
import { evaluate } from '../evaluate/evaluate';
import type { CycleSnapshot, IssueHistory, SlaSnapshot } from '../evaluate/types';
import type { CompiledPolicy } from '../policy/compiled';

export interface BacktestIssue {
  key: string;
  history: IssueHistory;
}

export interface Tally {
  met: number;
  breached: number;
  /** met / (met + breached) × 100, 2 decimals; null when nothing was counted. */
  percentMet: number | null;
}

/** One metric × goal × month (of the cycle's stop, as compliance reports count it). */
export interface ComparisonRow {
  month: string;
  metricKey: string;
  goalId: string | null;
  current: Tally | null;
  proposed: Tally | null;
}

/** 'none': no goal applied (track only, or no goal matched); 'running': not stopped and not breached by `now`. */
export type Outcome = 'met' | 'breached' | 'running' | 'none';

export interface OutcomeSide {
  outcome: Outcome;
  goalId: string | null;
  /** When the goal was (or would have been) breached; null without a goal. */
  dueAt: Instant | null;
}

export interface ChangedOutcome {
  issueKey: string;
  issueId: string;
  metricKey: string;
  /** 0 for the first cycle of the metric (reopened issues have more). */
  cycle: number;
  current: OutcomeSide;
  proposed: OutcomeSide;
}

export interface BacktestTotals {
  issues: number;
  current: Tally;
  proposed: Tally | null;
  metToBreached: number;
  breachedToMet: number;
  otherChanges: number;
}

export interface BacktestReport {
  evaluatedAt: Instant;
  timeZone: string;
  rows: ComparisonRow[];
  changed: ChangedOutcome[];
  totals: BacktestTotals;
}

const tally = (met: number, breached: number): Tally => ({
  met, breached, percentMet: met + breached === 0 ? null : Math.round((met / (met + breached)) * 10_000) / 100,
});

function outcomeOf(cycle: CycleSnapshot | undefined): Outcome {
  if (cycle === undefined) return 'none';
  if (cycle.met === true) return 'met';
  if (cycle.met === false || cycle.breachedAt !== null) return 'breached';
  return cycle.goalMs === null ? 'none' : cycle.stoppedAt === null ? 'running' : 'none';
}

/** The breach instant; for a met cycle, when the goal would have run out had the clock kept running from the stop. */
function dueOf(cycle: CycleSnapshot | undefined, policy: CompiledPolicy): Instant | null {
  if (cycle === undefined || cycle.goalMs === null) return null;
  if (cycle.dueAt !== null) return cycle.dueAt;
  const calendar = cycle.calendarId === null ? undefined : policy.calendars.get(cycle.calendarId);
  if (cycle.stoppedAt === null || cycle.remainingMs === null) return null;
  return calendar ? calendar.addBusinessMillis(cycle.stoppedAt, cycle.remainingMs) : cycle.stoppedAt + cycle.remainingMs;
}

const side = (cycle: CycleSnapshot | undefined, policy: CompiledPolicy): OutcomeSide => ({
  outcome: outcomeOf(cycle), goalId: cycle?.goalId ?? null, dueAt: dueOf(cycle, policy),
});

/** Every cycle (by metric key and index) whose outcome differs between the two snapshots. */
function changesOf(issue: BacktestIssue, a: SlaSnapshot, b: SlaSnapshot, current: CompiledPolicy, proposed: CompiledPolicy): ChangedOutcome[] {
  const out: ChangedOutcome[] = [];
  const keys = new Set([...a.metrics.map((m) => m.key), ...b.metrics.map((m) => m.key)]);
  for (const metricKey of keys) {
    const ca = a.metrics.find((m) => m.key === metricKey)?.cycles ?? [];
    const cb = b.metrics.find((m) => m.key === metricKey)?.cycles ?? [];
    for (let i = 0; i < Math.max(ca.length, cb.length); i++) {
      const before = side(ca[i], current);
      const after = side(cb[i], proposed);
      if (before.outcome === after.outcome) continue;
      out.push({ issueKey: issue.key, issueId: issue.history.issueId, metricKey, cycle: i, current: before, proposed: after });
    }
  }
  return out;
}

const rowKey = (r: ComplianceRow): string => JSON.stringify([r.month, r.metricKey, r.goalId]);

function mergeRows(current: ComplianceRow[], proposed: ComplianceRow[] | null): ComparisonRow[] {
  const rows = new Map<string, ComparisonRow>();
  for (const r of current) rows.set(rowKey(r), { month: r.month, metricKey: r.metricKey, goalId: r.goalId, current: tally(r.met, r.breached), proposed: null });
  for (const r of proposed ?? []) {
    const row = rows.get(rowKey(r)) ?? { month: r.month, metricKey: r.metricKey, goalId: r.goalId, current: null, proposed: null };
    rows.set(rowKey(r), { ...row, proposed: tally(r.met, r.breached) });
  }
  return [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r);
}

function sum(rows: readonly ComplianceRow[]): Tally {
  return tally(rows.reduce((n, r) => n + r.met, 0), rows.reduce((n, r) => n + r.breached, 0));
}

/**
 * Replays every issue under the current policy and, when given, the proposed one.
 * @example backtest(issues, current, proposed, now, { timeZone: 'Europe/Berlin' }).totals.metToBreached // 3
 */
export function backtest(
  issues: readonly BacktestIssue[], current: CompiledPolicy, proposed: CompiledPolicy | null, now: Instant, opts: { timeZone?: string } = {},
): BacktestReport {
  const timeZone = opts.timeZone ?? 'UTC';
  const before = issues.map((i) => evaluate(i.history, current, now));
  const after = proposed ? issues.map((i) => evaluate(i.history, proposed, now)) : null;
  const changed = after && proposed ? issues.flatMap((issue, k) => changesOf(issue, before[k] as SlaSnapshot, after[k] as SlaSnapshot, current, proposed)) : [];
  const currentRows = summarizeCompliance(before, { timeZone });
  const proposedRows = after ? summarizeCompliance(after, { timeZone }) : null;
  const is = (c: ChangedOutcome, from: Outcome, to: Outcome) => c.current.outcome === from && c.proposed.outcome === to;
  const metToBreached = changed.filter((c) => is(c, 'met', 'breached')).length;
  const breachedToMet = changed.filter((c) => is(c, 'breached', 'met')).length;
  return {
    evaluatedAt: now,
    timeZone,
    rows: mergeRows(currentRows, proposedRows),
    changed,
    totals: {
      issues: issues.length, current: sum(currentRows), proposed: proposedRows ? sum(proposedRows) : null,
      metToBreached, breachedToMet, otherChanges: changed.length - metToBreached - breachedToMet,
    },
  };
}
