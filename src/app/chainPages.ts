/**
 * Where a project-wide recompute gets its issues, one page of up to 100 at a time, in issue-id order
 * so a chain resumes from the last id it finished (no storage cursor or Jira token is persisted):
 * - `mirror`: the history mirror (storage only, no Jira read), kept to the recompute's scope:
 *   unresolved issues, plus those resolved since the chosen date;
 * - `jira` (backfill): search/jql with only the fields the policy needs, the comments and the stored
 *   `sla` property, then one changelog bulkfetch for the page; the records are built here.
 */
import { readStored } from './property';
import { integrityKey } from '../store/integrity';
import { SLA_PROPERTY_KEY, type ProjectConfig } from '../contract';
import type { JiraClient } from '../jira/client';
import type { JiraError } from '../jira/http';
import type { IssueBundle } from '../jira/issueReads';
import { commentPageSchema, type RawHistory } from '../jira/schemas';
import { listProjectMirrors, type MirrorRecord } from '../store/historyMirror';
import { readFields } from './history';
import { fromBundle, type MirrorData } from './mirrorData';
import { newRev } from './mirrorSync';

export const CHAIN_PAGE = 100;

export interface Page {
  records: MirrorRecord[];
  /** Issues the page could not build (comments beyond what search inlines): recomputed singly from Jira. */
  fallback: string[];
  /** The last issue id the page covered; the next page starts after it. */
  last: number;
  end: boolean;
  /** Records built from Jira just now (backfill): saved whatever the recompute finds. */
  fresh: boolean;
}

/** When the mirror record's issue was last resolved (ms), or null while unresolved. */
function resolvedAt(data: MirrorData): number | null {
  const resolution = data.fields.resolution;
  if (resolution === null || resolution === undefined) return null;
  const change = [...data.histories].reverse().find(([, , items]) => items.some((i) => i[0] === 'resolution' && i[2] !== null));
  return change ? change[1] : Date.parse(String(data.fields.created ?? ''));
}

export function inScope(data: MirrorData, resolvedSince: string | null): boolean {
  const at = resolvedAt(data);
  return at === null || (resolvedSince !== null && at >= Date.parse(resolvedSince));
}

export async function mirrorPage(projectId: string, resolvedSince: string | null, after: number): Promise<Page> {
  const records = await listProjectMirrors(projectId, after, CHAIN_PAGE);
  const last = records.length ? (records[records.length - 1]?.issueNum ?? after) : after;
  return { records: records.filter((r) => inScope(r.data, resolvedSince)), fallback: [], last, end: records.length < CHAIN_PAGE, fresh: false };
}

export function backfillJql(projectId: string, phase: 'open' | 'resolved', resolvedSince: string | null, after: number): string {
  const scope = phase === 'open' ? 'resolution is EMPTY' : `resolution is not EMPTY AND resolved >= "${resolvedSince ?? ''}"`;
  return `project = ${projectId} AND ${scope} AND id > ${after} ORDER BY id ASC`;
}

const byDate = (a: RawHistory, b: RawHistory) => Date.parse(a.created) - Date.parse(b.created) || Number(a.id) - Number(b.id);

export async function jiraPage(jira: JiraClient, projectId: string, config: ProjectConfig, jql: string, after: number): Promise<Page | { error: JiraError }> {
  const fields = readFields(config.policy);
  const found = await jira.searchIssues(jql, [...fields, 'comment'], null, CHAIN_PAGE, [SLA_PROPERTY_KEY]);
  if (!found.ok) return { error: found.error };
  const issues = found.value.issues;
  const changelogFields = fields.filter((f) => f !== 'created' && f !== 'reporter');
  const logs = issues.length ? await jira.bulkChangelogs(issues.map((i) => i.id), changelogFields) : { ok: true as const, value: new Map<string, RawHistory[]>() };
  if (!logs.ok) return { error: logs.error };
  const records: MirrorRecord[] = [];
  const fallback: string[] = [];
  const key = await integrityKey();
  for (const issue of issues) {
    const comments = commentPageSchema.safeParse(issue.fields.comment);
    const complete = comments.success && (comments.data.total === undefined || comments.data.comments.length >= comments.data.total);
    if (!complete) {
      fallback.push(issue.id);
      continue;
    }
    const bundle: IssueBundle = { id: issue.id, key: issue.key, fields: issue.fields, histories: [...(logs.value.get(issue.id) ?? [])].sort(byDate), comments: [...comments.data.comments].sort((a, b) => Date.parse(a.created) - Date.parse(b.created)), slaProperty: undefined };
    const stored = readStored(issue.properties?.[SLA_PROPERTY_KEY], issue.id, key);
    records.push({ issueId: issue.id, projectId, issueNum: Number(issue.id), rev: newRev(), data: fromBundle(bundle, fields), sla: stored });
  }
  const last = issues.length ? Number(issues[issues.length - 1]?.id) : after;
  return { records, fallback, last, end: found.value.nextPageToken === null, fresh: true };
}
