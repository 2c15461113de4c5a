/**
 * Keeps the report aggregates in step with recomputes: files an issue's counted cycles under the UTC
 * month of their stop, replacing whatever it had filed before (settings change, reopened issue,
 * moved issue). The UTC month is only a storage bucket: reports re-bucket by stop instant in their
 * own zone, reading one extra month at each end.
 */
import { createHash } from 'node:crypto';
import type { SlaSnapshot } from '../core';
import { fileIssue, getFiling, setFiling, type FiledIssue, type PackedCycle } from '../store/reportAggregates';

export interface ReportedIssue {
  id: string;
  key: string;
  priorityId: string | null;
}

export type FilingOutcome = 'unchanged' | 'filed' | 'contended';

const utcMonth = (at: number) => new Date(at).toISOString().slice(0, 7);

/** The issue's counted cycles (met or breached, and stopped), packed and grouped by UTC month of the stop. */
export function entriesByMonth(issue: ReportedIssue, snapshot: SlaSnapshot | null): Map<string, FiledIssue> {
  const out = new Map<string, FiledIssue>();
  for (const metric of snapshot?.metrics ?? []) {
    for (const c of metric.cycles) {
      if (c.met === null || c.stoppedAt === null) continue;
      const packed: PackedCycle = [metric.key, c.goalId, c.startedAt, c.stoppedAt, c.elapsedMs, c.goalMs, c.met ? 1 : 0, c.breachedAt];
      const month = utcMonth(c.stoppedAt);
      const entry = out.get(month) ?? { k: issue.key, p: issue.priorityId, c: [] };
      entry.c.push(packed);
      out.set(month, entry);
    }
  }
  return out;
}

function hashOf(projectId: string, entries: Map<string, FiledIssue>): string {
  const text = JSON.stringify([projectId, [...entries.entries()].sort(([a], [b]) => (a < b ? -1 : 1))]);
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

/**
 * Files the issue's counted cycles; a null snapshot (issue gone or project unconfigured) removes them.
 * The filing record is written last, so an interrupted update is completed by the next one.
 */
export async function fileReport(projectId: string | null, issue: ReportedIssue, snapshot: SlaSnapshot | null): Promise<FilingOutcome> {
  const entries = projectId === null ? new Map<string, FiledIssue>() : entriesByMonth(issue, snapshot);
  const before = await getFiling(issue.id);
  const hash = projectId === null ? '' : hashOf(projectId, entries);
  if (before === undefined && entries.size === 0) return 'unchanged';
  if (before !== undefined && before.hash === hash && before.projectId === projectId) return 'unchanged';
  const stale = before === undefined ? [] : before.months.filter((m) => before.projectId !== projectId || !entries.has(m));
  for (const month of stale) if (!(await fileIssue(before?.projectId ?? '', month, issue.id, null))) return 'contended';
  for (const [month, entry] of entries) if (!(await fileIssue(projectId ?? '', month, issue.id, entry))) return 'contended';
  await setFiling(issue.id, entries.size === 0 || projectId === null ? null : { projectId, months: [...entries.keys()].sort(), hash });
  return 'filed';
}
