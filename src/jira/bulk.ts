/**
 * Jira's bulk endpoints, for backfilling the history mirror and writing many `sla` properties at once:
 * - search/jql with only the fields the policy needs (and the comments), up to 100 issues a page;
 * - changelog bulkfetch: the changelogs of up to 1,000 issues a request, optionally filtered to at
 *   most 10 field ids, paged with nextPageToken;
 * - bulk set issue properties by issue (`/issue/properties/multi`): per-issue values for up to 100
 *   issues, asynchronous and non-transactional, so the task is polled and its result checked;
 * - bulk delete issue property (`DELETE /issue/properties/{key}` with an `entityIds` filter), answered
 *   and checked the same way (removing the project's SLA data).
 */
import { route } from '@forge/api';
import { z } from 'zod';
import type { JiraResult } from './http';
import { andThen, type Requester } from './request';
import { historySchema, type RawHistory } from './schemas';

export const CHANGELOG_BULK_MAX_ISSUES = 1000;
export const CHANGELOG_BULK_MAX_FIELDS = 10;
export const PROPERTY_BULK_MAX_ISSUES = 100;
export const SEARCH_MAX_WITH_FIELDS = 100;

const searchIssuesSchema = z.object({
  issues: z.array(z.object({ id: z.string(), key: z.string(), fields: z.record(z.string(), z.unknown()).default({}), properties: z.record(z.string(), z.unknown()).optional() })),
  nextPageToken: z.string().nullable().optional(),
});

const bulkChangelogSchema = z.object({
  issueChangeLogs: z.array(z.object({ issueId: z.string(), changeHistories: z.array(historySchema).default([]) })).default([]),
  nextPageToken: z.string().nullable().optional(),
});

/** Jira answers an accepted bulk write with a task reference (303 See Other). */
const taskRefSchema = z.union([z.object({ taskId: z.string() }), z.object({ id: z.string() })]);

const taskSchema = z.object({
  id: z.string(),
  status: z.string(),
  result: z.unknown().optional(),
});

export type TaskState = 'pending' | 'complete' | 'failed';

export interface TaskOutcome {
  state: TaskState;
  /** Issues the task reports as not updated (non-transactional: the rest were). */
  failedIssueIds: string[];
}

export interface SearchPage {
  issues: Array<{ id: string; key: string; fields: Record<string, unknown>; properties?: Record<string, unknown> }>;
  nextPageToken: string | null;
}

const post = (body: unknown) => ({ method: 'POST' as const, body: JSON.stringify(body) });

export async function searchIssues(req: Requester, jql: string, fields: string[], nextPageToken: string | null, maxResults: number, properties: string[] = []): Promise<JiraResult<SearchPage>> {
  const body = { jql, fields, ...(properties.length ? { properties } : {}), maxResults: Math.min(maxResults, SEARCH_MAX_WITH_FIELDS), ...(nextPageToken ? { nextPageToken } : {}) };
  const res = await req.json(searchIssuesSchema, route`/rest/api/3/search/jql`, post(body));
  return andThen(res, (p) => ({ issues: p.issues, nextPageToken: p.nextPageToken ?? null }));
}

/** Every change history of the given issues (≤1,000), following pages; a filter of more than 10 fields is dropped. */
export async function bulkChangelogs(req: Requester, issueIds: string[], fieldIds: string[]): Promise<JiraResult<Map<string, RawHistory[]>>> {
  const out = new Map<string, RawHistory[]>(issueIds.map((id) => [id, []]));
  const filter = fieldIds.length <= CHANGELOG_BULK_MAX_FIELDS ? { fieldIds } : {};
  let token: string | null = null;
  do {
    const body: Record<string, unknown> = { issueIdsOrKeys: issueIds.slice(0, CHANGELOG_BULK_MAX_ISSUES), maxResults: 1000, ...filter, ...(token ? { nextPageToken: token } : {}) };
    const res: JiraResult<z.infer<typeof bulkChangelogSchema>> = await req.json(bulkChangelogSchema, route`/rest/api/3/changelog/bulkfetch`, post(body));
    if (!res.ok) return res;
    for (const log of res.value.issueChangeLogs) out.get(log.issueId)?.push(...log.changeHistories);
    token = res.value.nextPageToken ?? null;
  } while (token);
  return { ok: true, value: out };
}

/** Starts one bulk write of per-issue values of `key`; answers the task id to poll. */
export async function setPropertiesMulti(req: Requester, key: string, entries: Array<{ issueId: string; value: unknown }>): Promise<JiraResult<string>> {
  if (entries.length > PROPERTY_BULK_MAX_ISSUES) throw new Error(`at most ${PROPERTY_BULK_MAX_ISSUES} issues per bulk property write`);
  const issues = entries.map((e) => ({ issueID: Number(e.issueId), properties: { [key]: e.value } }));
  const res = await req.json(taskRefSchema, route`/rest/api/3/issue/properties/multi`, post({ issues }));
  return andThen(res, (t) => ('taskId' in t ? t.taskId : t.id));
}

/** Starts one bulk delete of `key` from the given issues (≤100 a request, the app's own bound); answers the task id. */
export async function deletePropertyBulk(req: Requester, key: string, issueIds: string[]): Promise<JiraResult<string>> {
  if (issueIds.length > PROPERTY_BULK_MAX_ISSUES) throw new Error(`at most ${PROPERTY_BULK_MAX_ISSUES} issues per bulk property delete`);
  const res = await req.json(taskRefSchema, route`/rest/api/3/issue/properties/${key}`, { method: 'DELETE', body: JSON.stringify({ entityIds: issueIds.map(Number) }) });
  return andThen(res, (t) => ('taskId' in t ? t.taskId : t.id));
}

/**
 * Bulk delete with no filter criteria: Jira deletes the property from every issue the caller can see
 * and edit (Jira REST v3 "Bulk delete issue property"). Used only at uninstall, as the app.
 */
export async function deletePropertyEverywhere(req: Requester, key: string): Promise<JiraResult<string>> {
  const res = await req.json(taskRefSchema, route`/rest/api/3/issue/properties/${key}`, { method: 'DELETE', body: JSON.stringify({}) });
  return andThen(res, (t) => ('taskId' in t ? t.taskId : t.id));
}

/** Reads the failed issue ids of a finished task's result; an unreadable result fails every issue. */
function failedIn(result: unknown, all: string[]): string[] {
  if (result === undefined || result === null) return [];
  const r = result as { failedIssues?: unknown };
  if (Array.isArray(r.failedIssues)) return r.failedIssues.map(String);
  if (r.failedIssues && typeof r.failedIssues === 'object') return Object.keys(r.failedIssues);
  return typeof result === 'object' ? [] : all;
}

export async function getTask(req: Requester, taskId: string, issueIds: string[]): Promise<JiraResult<TaskOutcome>> {
  const res = await req.json(taskSchema, route`/rest/api/3/task/${taskId}`);
  return andThen(res, (t): TaskOutcome => {
    if (t.status === 'COMPLETE') return { state: 'complete', failedIssueIds: failedIn(t.result, issueIds) };
    if (t.status === 'ENQUEUED' || t.status === 'RUNNING') return { state: 'pending', failedIssueIds: [] };
    return { state: 'failed', failedIssueIds: issueIds };
  });
}
