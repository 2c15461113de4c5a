/**
 * Comments (public or internal via JSM's `sd.public.comment` property or `jsdPublic`), issue
 * properties (32 KB limit, as Jira enforces) and /notify.
 */
import { adfText, commentJson } from './format';
import type { Issue } from './model';
import { requirePermission, withIssue } from './routes-issue';
import { jiraError, page, route, type JiraRequest, type JiraResponse, type Route, type RouteContext } from './router';

export const PROPERTY_MAX_CHARS = 32_768;

type CommentBody = { body?: unknown; jsdPublic?: unknown; properties?: Array<{ key?: string; value?: { internal?: unknown } }>; visibility?: unknown };

/** A comment is internal when JSM's property says so or jsdPublic is false; visibility is not emulated. */
function isPublic(b: CommentBody): boolean {
  const prop = b.properties?.find((p) => p.key === 'sd.public.comment');
  if (prop?.value?.internal === true) return false;
  return b.jsdPublic !== false;
}

function listComments(r: JiraRequest, [id]: string[], ctx: RouteContext): JiraResponse {
  return withIssue(ctx, id, (issue) => {
    const ordered = r.query.get('orderBy') === '-created' ? [...issue.comments].reverse() : issue.comments;
    const pg = page(ordered, r.query, 5000);
    return { status: 200, body: { startAt: pg.startAt, maxResults: pg.maxResults, total: pg.total, comments: pg.slice.map((c) => commentJson(ctx.base, ctx.site.data, issue, c)) } };
  });
}

function addComment(r: JiraRequest, [id]: string[], ctx: RouteContext): JiraResponse {
  return withIssue(ctx, id, (issue) => {
    const denied = requirePermission(ctx, r, 'ADD_COMMENTS', issue);
    if (denied) return denied;
    const b = (r.body ?? {}) as CommentBody;
    if (b.visibility !== undefined) return jiraError(400, 'not emulated: comment visibility restrictions (use sd.public.comment)');
    if (typeof b.body === 'string') return jiraError(400, 'Comment body is not valid! The v3 API expects Atlassian Document Format (ADF).');
    const text = adfText(b.body);
    if (!text.trim()) return jiraError(400, 'Comment body can not be empty!');
    const commentId = ctx.site.addComment(issue, text, isPublic(b), r.actor);
    const c = issue.comments.find((x) => x.id === commentId);
    return { status: 201, body: c ? commentJson(ctx.base, ctx.site.data, issue, c) : {} };
  });
}

function oneComment(issue: Issue, commentId: string | undefined, fn: (c: Issue['comments'][number]) => JiraResponse): JiraResponse {
  const c = issue.comments.find((x) => x.id === commentId);
  return c ? fn(c) : jiraError(404, 'Can not find a comment for the id: ' + commentId + '.');
}

function propertyRoute(method: 'GET' | 'PUT' | 'DELETE') {
  return (r: JiraRequest, [id, key]: string[], ctx: RouteContext): JiraResponse => withIssue(ctx, id, (issue) => {
    const k = key ?? '';
    if (method === 'GET') {
      return k in issue.properties ? { status: 200, body: { key: k, value: issue.properties[k] } } : jiraError(404, `The property with key '${k}' does not exist.`);
    }
    const denied = requirePermission(ctx, r, 'EDIT_ISSUES', issue);
    if (denied) return denied;
    if (method === 'DELETE') {
      if (!(k in issue.properties)) return jiraError(404, `The property with key '${k}' does not exist.`);
      delete issue.properties[k];
      return { status: 204 };
    }
    if (k.length > 255) return jiraError(400, 'The property key cannot be longer than 255 characters.');
    const text = JSON.stringify(r.body ?? null);
    if (text.length > PROPERTY_MAX_CHARS) return jiraError(400, `The property value exceeds the maximum length of ${PROPERTY_MAX_CHARS} characters (${text.length}).`);
    const existed = k in issue.properties;
    issue.properties[k] = JSON.parse(text) as unknown;
    return { status: existed ? 200 : 201 };
  });
}

export const commentRoutes: Route[] = [
  route('GET', '/rest/api/3/issue/{idOrKey}/comment', listComments),
  route('POST', '/rest/api/3/issue/{idOrKey}/comment', addComment),
  route('GET', '/rest/api/3/issue/{idOrKey}/comment/{id}', (_r, [id, cid], ctx) =>
    withIssue(ctx, id, (issue) => oneComment(issue, cid, (c) => ({ status: 200, body: commentJson(ctx.base, ctx.site.data, issue, c) })))),
  route('DELETE', '/rest/api/3/issue/{idOrKey}/comment/{id}', (r, [id, cid], ctx) =>
    withIssue(ctx, id, (issue) => oneComment(issue, cid, () => (ctx.site.deleteComment(issue, cid ?? '', r.actor), { status: 204 })))),
  route('GET', '/rest/api/3/issue/{idOrKey}/properties', (_r, [id], ctx) =>
    withIssue(ctx, id, (issue) => ({ status: 200, body: { keys: Object.keys(issue.properties).map((key) => ({ self: `${ctx.base}/rest/api/3/issue/${issue.id}/properties/${key}`, key })) } }))),
  route('GET', '/rest/api/3/issue/{idOrKey}/properties/{key}', propertyRoute('GET')),
  route('PUT', '/rest/api/3/issue/{idOrKey}/properties/{key}', propertyRoute('PUT')),
  route('DELETE', '/rest/api/3/issue/{idOrKey}/properties/{key}', propertyRoute('DELETE')),
  route('POST', '/rest/api/3/issue/{idOrKey}/notify', (r, [id], ctx) => withIssue(ctx, id, (issue) => {
    ctx.site.notifications.push({ issueId: issue.id, at: ctx.now(), body: r.body });
    return { status: 204 };
  })),
];
