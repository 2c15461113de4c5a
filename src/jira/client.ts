/**
 * The Jira surface the app uses, behind one interface so tests and the emulator can replace it.
 * `createJiraClient` binds it to a transport (asApp or asUser requestJira) and a retry budget.
 */
import { route } from '@forge/api';
import { z } from 'zod';
import type { JiraMetadata, NamedRef, StatusRef } from '../contract';
import { ok } from '../core';
import type { JiraResult, JiraTransport, RetryPolicy } from './http';
import { bulkChangelogs, deletePropertyBulk, deletePropertyEverywhere, getTask, searchIssues, setPropertiesMulti, type SearchPage, type TaskOutcome } from './bulk';
import { readIssueBundle, type IssueBundle } from './issueReads';
import { readMetadata } from './metadata';
import { searchBundles, type BundlePage } from './searchBundles';
import { andThen, createRequester } from './request';
import { fieldSchema, permissionsSchema, searchPageSchema, statusSchema, type RawHistory } from './schemas';
import { searchIssueStates, type IssueState } from './searchStates';

export type NotifyRecipient = 'assignee' | 'watchers' | 'reporter';

export interface JiraClient {
  /** Fields, full changelog, all comments and the `sla` property of one issue. */
  getIssueBundle(issueId: string, fieldIds: string[]): Promise<JiraResult<IssueBundle>>;
  getStatuses(): Promise<JiraResult<StatusRef[]>>;
  /** Site metadata, with the select-field options of one project (id or key). */
  getMetadata(project: string): Promise<JiraResult<JiraMetadata>>;
  /** One page of issue ids matching `jql` (POST /rest/api/3/search/jql). */
  searchIssueIds(jql: string, nextPageToken: string | null, maxResults?: number): Promise<JiraResult<{ ids: string[]; nextPageToken: string | null }>>;
  approximateCount(jql: string): Promise<JiraResult<number>>;
  /** Every field of the site with its schema type ("datetime", "string", "option", …; null when absent). */
  getFields(): Promise<JiraResult<Array<{ id: string; name: string; type: string | null }>>>;
  /** One page of issues matching `jql` with their `updated` instant and `sla` property (reconciliation). */
  searchIssueStates(jql: string, nextPageToken: string | null, maxResults: number): Promise<JiraResult<{ issues: IssueState[]; nextPageToken: string | null }>>;
  /** One page of issues with fields, whole changelog and comments (see searchBundles.ts). */
  searchIssueBundles(jql: string, fieldIds: string[], nextPageToken: string | null, maxResults?: number): Promise<JiraResult<BundlePage>>;
  /** One page (≤100) of issues with the given fields and issue properties (backfill). */
  searchIssues(jql: string, fields: string[], nextPageToken: string | null, maxResults: number, properties?: string[]): Promise<JiraResult<SearchPage>>;
  /** Every change history of up to 1,000 issues, by issue id (backfill). */
  bulkChangelogs(issueIds: string[], fieldIds: string[]): Promise<JiraResult<Map<string, RawHistory[]>>>;
  /** Starts an asynchronous bulk write of per-issue property values (≤100 issues); answers the task id. */
  setPropertiesMulti(key: string, entries: Array<{ issueId: string; value: unknown }>): Promise<JiraResult<string>>;
  getTask(taskId: string, issueIds: string[]): Promise<JiraResult<TaskOutcome>>;
  /** Starts an asynchronous bulk delete of one property from up to 100 issues; answers the task id. */
  deletePropertyBulk(key: string, issueIds: string[]): Promise<JiraResult<string>>;
  /** Bulk delete of a property from every issue the caller can edit (no filter); answers the task id. */
  deletePropertyEverywhere(key: string): Promise<JiraResult<string>>;
  putIssueProperty(issueId: string, key: string, value: unknown): Promise<JiraResult<void>>;
  deleteIssueProperty(issueId: string, key: string): Promise<JiraResult<void>>;
  /** The caller's permissions on a project (projectId) or an issue (issueId). */
  myPermissions(scope: { projectId: string } | { issueId: string }, permissions: string[]): Promise<JiraResult<Record<string, boolean>>>;
  addComment(issueId: string, text: string, internal: boolean): Promise<JiraResult<void>>;
  addLabel(issueId: string, label: string): Promise<JiraResult<void>>;
  notify(issueId: string, subject: string, text: string, to: NotifyRecipient[]): Promise<JiraResult<void>>;
}

const toCategory = (key: string | undefined): StatusRef['category'] =>
  key === 'done' ? 'done' : key === 'new' ? 'new' : 'indeterminate';

/** Plain text as the Atlassian Document Format Jira v3 requires for comment bodies. */
export function adfText(text: string): unknown {
  const paragraphs = text.split(/\n{2,}/).map((p) => ({ type: 'paragraph', content: p ? [{ type: 'text', text: p }] : [] }));
  return { type: 'doc', version: 1, content: paragraphs };
}

const statusesSchema = z.array(statusSchema);
const countSchema = z.object({ count: z.number() });
const done = <T>(r: JiraResult<T>): JiraResult<void> => andThen(r, () => undefined);

export function createJiraClient(transport: JiraTransport, policy: RetryPolicy): JiraClient {
  const req = createRequester(transport, policy);
  const post = (body: unknown) => ({ method: 'POST' as const, body: JSON.stringify(body) });
  return {
    getIssueBundle: (issueId, fieldIds) => readIssueBundle(req, issueId, fieldIds),
    getStatuses: async () =>
      andThen(await req.json(statusesSchema, route`/rest/api/3/status`), (list) =>
        list.map((s) => ({ id: s.id, name: s.name, category: toCategory(s.statusCategory?.key) })),
      ),
    getMetadata: (project) => readMetadata(req, project),
    async searchIssueIds(jql, nextPageToken, maxResults = 50) {
      const body = { jql, maxResults, fields: ['id'], ...(nextPageToken ? { nextPageToken } : {}) };
      const res = await req.json(searchPageSchema, route`/rest/api/3/search/jql`, post(body));
      return andThen(res, (p) => ({ ids: p.issues.map((i) => i.id), nextPageToken: p.nextPageToken ?? null }));
    },
    searchIssueStates: (jql, nextPageToken, maxResults) => searchIssueStates(req, jql, nextPageToken, maxResults),
    searchIssueBundles: (jql, fieldIds, nextPageToken, maxResults = 100) =>
      searchBundles(req, { readBundle: (id) => readIssueBundle(req, id, fieldIds), bulkChangelogs: (ids, f) => bulkChangelogs(req, ids, f) }, jql, fieldIds, nextPageToken, maxResults),
    approximateCount: async (jql) =>
      andThen(await req.json(countSchema, route`/rest/api/3/search/approximate-count`, post({ jql })), (c) => c.count),
    getFields: async () =>
      andThen(await req.json(z.array(fieldSchema), route`/rest/api/3/field`), (list) => list.map((f) => ({ id: f.id, name: f.name, type: f.schema?.type ?? null }))),
    searchIssues: (jql, fields, token, max, properties) => searchIssues(req, jql, fields, token, max, properties),
    bulkChangelogs: (ids, fieldIds) => bulkChangelogs(req, ids, fieldIds),
    setPropertiesMulti: (key, entries) => setPropertiesMulti(req, key, entries),
    getTask: (taskId, ids) => getTask(req, taskId, ids),
    deletePropertyBulk: (key, ids) => deletePropertyBulk(req, key, ids),
    deletePropertyEverywhere: (key) => deletePropertyEverywhere(req, key),
    putIssueProperty: async (issueId, key, value) =>
      done(await req.send(route`/rest/api/3/issue/${issueId}/properties/${key}`, { method: 'PUT', body: JSON.stringify(value) })),
    deleteIssueProperty: async (issueId, key) => {
      const res = await req.send(route`/rest/api/3/issue/${issueId}/properties/${key}`, { method: 'DELETE' });
      return !res.ok && res.error.code === 'NOT_FOUND' ? ok(undefined) : done(res);
    },
    async myPermissions(scope, permissions) {
      const q = new URLSearchParams({ ...scope, permissions: permissions.join(',') });
      const res = await req.json(permissionsSchema, route`/rest/api/3/mypermissions?${q}`);
      return andThen(res, (p) => Object.fromEntries(permissions.map((k) => [k, p.permissions[k]?.havePermission === true])));
    },
    async addComment(issueId, text, internal) {
      const properties = internal ? [{ key: 'sd.public.comment', value: { internal: true } }] : undefined;
      return done(await req.send(route`/rest/api/3/issue/${issueId}/comment`, post({ body: adfText(text), properties })));
    },
    addLabel: async (issueId, label) =>
      done(await req.send(route`/rest/api/3/issue/${issueId}`, { method: 'PUT', body: JSON.stringify({ update: { labels: [{ add: label }] } }) })),
    async notify(issueId, subject, text, to) {
      const body = { subject, textBody: text, to: Object.fromEntries(to.map((r) => [r, true])) };
      return done(await req.send(route`/rest/api/3/issue/${issueId}/notify`, post(body)));
    },
  };
}

export type { IssueBundle, NamedRef };
