/**
 * Keeps the report aggregates in step with recomputes: files an issue's counted cycles under the UTC
 * month of their stop, replacing whatever it had filed before (settings change, reopened issue,
 * moved issue). The UTC month is only a storage bucket: reports re-bucket by stop instant in their
 * own zone, reading one extra month at each end.
 */
import { createHash } from 'node:crypto';
import type { SlaSnapshot } from '../core';
import { fileIssues, getFiling, setFiling, type FiledIssue, type IssueFiling, type PackedCycle } from '../store/reportAggregates';

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

export interface Filing {
  projectId: string | null;
  issue: ReportedIssue;
  snapshot: SlaSnapshot | null;
}

type Changes = Map<string, Map<string, FiledIssue | null>>;

/** Adds an issue's shard changes (removals from months it leaves, its entry in each month it has) to the per project-month groups. */
function plan(changes: Changes, issueId: string, before: IssueFiling | undefined, projectId: string | null, entries: Map<string, FiledIssue>): void {
  const add = (project: string, month: string, entry: FiledIssue | null) => {
    const key = JSON.stringify([project, month]);
    changes.set(key, (changes.get(key) ?? new Map<string, FiledIssue | null>()).set(issueId, entry));
  };
  for (const month of before?.months ?? []) if (before?.projectId !== projectId || !entries.has(month)) add(before?.projectId ?? '', month, null);
  for (const [month, entry] of entries) add(projectId ?? '', month, entry);
}

/**
 * Files many issues' counted cycles at once; a null snapshot (issue gone or project unconfigured)
 * removes an issue's. Each shard the issues touch is read and written once for the whole batch. An
 * issue's filing record is written after its shards, so an interrupted update is completed by the next one.
 */
export async function fileReports(filings: readonly Filing[]): Promise<Map<string, FilingOutcome>> {
  const outcomes = new Map<string, FilingOutcome>();
  const changes: Changes = new Map();
  const records = new Map<string, IssueFiling | null>();
  for (const { projectId, issue, snapshot } of filings) {
    const entries = projectId === null ? new Map<string, FiledIssue>() : entriesByMonth(issue, snapshot);
    const before = await getFiling(issue.id);
    const hash = projectId === null ? '' : hashOf(projectId, entries);
    const unchanged = before === undefined ? entries.size === 0 : before.hash === hash && before.projectId === projectId;
    outcomes.set(issue.id, unchanged ? 'unchanged' : 'filed');
    if (unchanged) continue;
    plan(changes, issue.id, before, projectId, entries);
    records.set(issue.id, entries.size === 0 || projectId === null ? null : { projectId, months: [...entries.keys()].sort(), hash });
  }
  for (const [key, byIssue] of changes) {
    const [project, month] = JSON.parse(key) as [string, string];
    for (const id of await fileIssues(project, month, byIssue)) outcomes.set(id, 'contended');
  }
  for (const [id, record] of records) if (outcomes.get(id) === 'filed') await setFiling(id, record);
  return outcomes;
}

/** Files one issue's counted cycles (see fileReports). */
export async function fileReport(projectId: string | null, issue: ReportedIssue, snapshot: SlaSnapshot | null): Promise<FilingOutcome> {
  return (await fileReports([{ projectId, issue, snapshot }])).get(issue.id) ?? 'unchanged';
}
