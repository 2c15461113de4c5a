/**
 * Jira's bulk endpoints the app uses at scale:
 * - POST /rest/api/3/changelog/bulkfetch: changelogs of up to 1,000 issues, oldest first then by
 *   issue id, optionally only items of up to 10 field ids, `maxResults` histories a page with a
 *   nextPageToken;
 * - POST /rest/api/3/issue/properties/multi: per-issue property values for up to 100 issues,
 *   non-transactional and asynchronous: answered 303 with the task's Location. The emulator applies
 *   the writes at once and reports them through GET /rest/api/3/task/{id}; Jira documents only that
 *   failures are "available in the task result", so the emulator's result names them as
 *   `{failedIssues: {<issueId>: <message>}}` (an assumption, see docs/reference/scale.md).
 * - DELETE /rest/api/3/issue/properties/{propertyKey}: bulk delete of one property from the issues a
 *   filter names (`entityIds`, optionally only where the value equals `currentValue`), asynchronous
 *   like the bulk set; issues that do not exist or cannot be edited are reported the same way. With
 *   no `entityIds`, every issue the caller can see and edit is eligible, as Jira documents.
 */
import type { Issue, SiteData } from './model';
import { historyJson } from './format';
import { ownSet } from './own';
import { canBrowse } from './permissions';
import { requirePermission } from './routes-issue';
import { PROPERTY_MAX_CHARS } from './routes-comments';
import { jiraError, route, type JiraRequest, type JiraResponse, type Route, type RouteContext } from './router';

interface Task { id: string; submitted: number; failedIssues: Record<string, string>; count: number; description: string }

const tasksBySite = new WeakMap<SiteData, Map<string, Task>>();
const tasks = (ctx: RouteContext): Map<string, Task> => {
  let t = tasksBySite.get(ctx.site.data);
  if (!t) tasksBySite.set(ctx.site.data, (t = new Map()));
  return t;
};

const token = (offset: number): string => Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
function offsetOf(raw: unknown): number | null {
  if (raw === undefined || raw === null) return 0;
  try {
    const t = JSON.parse(Buffer.from(String(raw), 'base64url').toString()) as { o?: unknown };
    return typeof t.o === 'number' ? t.o : null;
  } catch {
    return null;
  }
}

type BulkBody = { issueIdsOrKeys?: unknown; fieldIds?: unknown; maxResults?: unknown; nextPageToken?: unknown };
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

function bulkChangelogs(r: JiraRequest, _p: string[], ctx: RouteContext): JiraResponse {
  const b = (r.body ?? {}) as BulkBody;
  const ids = strings(b.issueIdsOrKeys);
  const fieldIds = strings(b.fieldIds);
  if (ids.length === 0 || ids.length > 1000) return jiraError(400, 'issueIdsOrKeys must name between 1 and 1000 issues.');
  if (fieldIds.length > 10) return jiraError(400, 'fieldIds can name at most 10 fields.');
  const offset = offsetOf(b.nextPageToken);
  if (offset === null) return jiraError(400, 'The nextPageToken is invalid.');
  const max = Math.min(1000, Math.max(1, typeof b.maxResults === 'number' ? b.maxResults : 1000));
  const issues = ids.map((id) => ctx.site.issue(id)).filter((i): i is Issue => i !== undefined && canBrowse(ctx.site, r.actor.accountId, i));
  const keep = (h: Issue['changelog'][number]) => (fieldIds.length ? { ...h, items: h.items.filter((i) => fieldIds.includes(i.fieldId)) } : h);
  const all = issues
    .flatMap((issue) => issue.changelog.map((h) => ({ issue, h: keep(h) })))
    .filter((x) => x.h.items.length > 0)
    .sort((a, b) => a.h.created - b.h.created || Number(a.issue.id) - Number(b.issue.id));
  const slice = all.slice(offset, offset + max);
  const byIssue = new Map<string, unknown[]>();
  for (const { issue, h } of slice) byIssue.set(issue.id, [...(byIssue.get(issue.id) ?? []), historyJson(ctx.base, ctx.site.data, h)]);
  const more = offset + slice.length < all.length;
  return {
    status: 200,
    body: { issueChangeLogs: [...byIssue].map(([issueId, changeHistories]) => ({ issueId, changeHistories })), nextPageToken: more ? token(offset + slice.length) : null },
  };
}

function writeOne(r: JiraRequest, ctx: RouteContext, entry: { issueID?: unknown; properties?: unknown }): string | null {
  const issue = ctx.site.issue(String(entry.issueID ?? ''));
  if (!issue || !canBrowse(ctx.site, r.actor.accountId, issue)) return 'Issue does not exist or you do not have permission to see it.';
  if (requirePermission(ctx, r, 'EDIT_ISSUES', issue)) return 'You do not have the permission EDIT_ISSUES for this issue.';
  const props = entry.properties && typeof entry.properties === 'object' ? Object.entries(entry.properties as Record<string, unknown>) : [];
  if (props.length === 0 || props.length > 10) return 'Between 1 and 10 properties can be set per issue.';
  for (const [key, value] of props) {
    const text = JSON.stringify(value ?? null);
    if (text.length > PROPERTY_MAX_CHARS) return `The property value exceeds the maximum length of ${PROPERTY_MAX_CHARS} characters (${text.length}).`;
    ownSet(issue.properties, key, JSON.parse(text) as unknown);
  }
  return null;
}

function setMulti(r: JiraRequest, _p: string[], ctx: RouteContext): JiraResponse {
  const entries = (r.body as { issues?: unknown } | null)?.issues;
  if (!Array.isArray(entries) || entries.length === 0 || entries.length > 100) return jiraError(400, 'issues must list between 1 and 100 issues.');
  const task: Task = { id: String(10000 + tasks(ctx).size), submitted: ctx.now(), failedIssues: {}, count: entries.length, description: 'Bulk set issue properties by issue' };
  for (const e of entries as Array<{ issueID?: unknown; properties?: unknown }>) {
    const failure = writeOne(r, ctx, e);
    if (failure) ownSet(task.failedIssues, String(e.issueID), failure);
  }
  return started(ctx, task);
}

function started(ctx: RouteContext, task: Task): JiraResponse {
  tasks(ctx).set(task.id, task);
  const location = `${ctx.base}/rest/api/3/task/${task.id}`;
  return { status: 303, headers: { Location: location }, body: { taskId: task.id, self: location } };
}

function deleteOne(r: JiraRequest, ctx: RouteContext, id: string, key: string, filter: { currentValue?: unknown }): string | null {
  const issue = ctx.site.issue(id);
  if (!issue || !canBrowse(ctx.site, r.actor.accountId, issue)) return 'Issue does not exist or you do not have permission to see it.';
  if (requirePermission(ctx, r, 'EDIT_ISSUES', issue)) return 'You do not have the permission EDIT_ISSUES for this issue.';
  const has = Object.prototype.hasOwnProperty.call(issue.properties, key);
  if (has && ('currentValue' in filter ? JSON.stringify(issue.properties[key]) === JSON.stringify(filter.currentValue) : true)) delete issue.properties[key];
  return null;
}

/** Without `entityIds`, every issue the caller can see and edit is eligible; the others are simply not. */
const editable = (r: JiraRequest, ctx: RouteContext): string[] =>
  ctx.site.data.issues.filter((i) => canBrowse(ctx.site, r.actor.accountId, i) && !requirePermission(ctx, r, 'EDIT_ISSUES', i)).map((i) => i.id);

function deleteBulk(r: JiraRequest, [key]: string[], ctx: RouteContext): JiraResponse {
  const filter = (r.body ?? {}) as { entityIds?: unknown; currentValue?: unknown };
  const given = filter.entityIds;
  if (given !== undefined && (!Array.isArray(given) || given.length === 0)) return jiraError(400, 'entityIds must list at least one issue id.');
  const ids = Array.isArray(given) ? given.map(String) : editable(r, ctx);
  const task: Task = { id: String(10000 + tasks(ctx).size), submitted: ctx.now(), failedIssues: {}, count: ids.length, description: 'Bulk delete issue property' };
  for (const id of ids) {
    const failure = deleteOne(r, ctx, id, key ?? '', filter);
    if (failure) ownSet(task.failedIssues, id, failure);
  }
  return started(ctx, task);
}

function getTask(_r: JiraRequest, [id]: string[], ctx: RouteContext): JiraResponse {
  const t = tasks(ctx).get(id ?? '');
  if (!t) return jiraError(404, `Task ${id} does not exist.`);
  return {
    status: 200,
    body: {
      self: `${ctx.base}/rest/api/3/task/${t.id}`, id: t.id, description: t.description, status: 'COMPLETE',
      result: { failedIssues: t.failedIssues }, submittedBy: 0, progress: 100, elapsedRuntime: 1, submitted: t.submitted,
      started: t.submitted, finished: t.submitted, lastUpdate: t.submitted,
    },
  };
}

export const bulkRoutes: Route[] = [
  route('POST', '/rest/api/3/changelog/bulkfetch', bulkChangelogs),
  route('POST', '/rest/api/3/issue/properties/multi', setMulti),
  route('GET', '/rest/api/3/task/{taskId}', getTask),
  route('DELETE', '/rest/api/3/issue/properties/{propertyKey}', deleteBulk),
];
