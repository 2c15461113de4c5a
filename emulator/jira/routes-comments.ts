/**
 * Comments (public or internal via JSM's `sd.public.comment` property or `jsdPublic`; customers
 * never see internal ones), issue properties (Jira's size limits, keys stored prototype-safe) and
 * /notify.
 */
import { adfText, commentJson } from './format';
import type { Comment, Issue } from './model';
import { ownGet, ownHas, ownSet } from './own';
import { canChangeComment } from './permissions';
import { requirePermission, withIssue } from './routes-issue';
import { fieldError, jiraError, page, route, type JiraRequest, type JiraResponse, type Route, type RouteContext } from './router';

/** Jira's documented limit on an issue property value (JSON text), in characters. */
export const PROPERTY_MAX_CHARS = 32_768;
/** Jira Cloud's limit on comment text, in characters. */
export const COMMENT_MAX_CHARS = 32_767;

type CommentBody = { body?: unknown; jsdPublic?: unknown; properties?: Array<{ key?: string; value?: { internal?: unknown } }>; visibility?: unknown };

/** A comment is internal when JSM's property says so or jsdPublic is false; visibility is not emulated. */
function isPublic(b: CommentBody): boolean {
  const prop = b.properties?.find((p) => p.key === 'sd.public.comment');
  if (prop?.value?.internal === true) return false;
  return b.jsdPublic !== false;
}

function visibleComments(ctx: RouteContext, r: JiraRequest, issue: Issue): Comment[] {
  const customer = ctx.site.user(r.actor.accountId)?.role === 'customer';
  return customer ? issue.comments.filter((c) => c.public) : issue.comments;
}

function listComments(r: JiraRequest, [id]: string[], ctx: RouteContext): JiraResponse {
  return withIssue(ctx, r, id, (issue) => {
    const visible = visibleComments(ctx, r, issue);
    const ordered = r.query.get('orderBy') === '-created' ? [...visible].reverse() : visible;
    const pg = page(ordered, r.query, 5000);
    return { status: 200, body: { startAt: pg.startAt, maxResults: pg.maxResults, total: pg.total, comments: pg.slice.map((c) => commentJson(ctx.base, ctx.site.data, issue, c)) } };
  });
}

/** The comment text, or Jira's 400 for a body that is not ADF, is empty or is too long. */
function commentText(b: CommentBody): string | JiraResponse {
  if (b.visibility !== undefined) return jiraError(400, 'not emulated: comment visibility restrictions (use sd.public.comment)');
  if (typeof b.body === 'string') return jiraError(400, 'Comment body is not valid! The v3 API expects Atlassian Document Format (ADF).');
  const text = adfText(b.body);
  if (!text.trim()) return jiraError(400, 'Comment body can not be empty!');
  if (text.length > COMMENT_MAX_CHARS) return fieldError(400, { comment: `The entered text is too long. It exceeds the allowed limit of ${COMMENT_MAX_CHARS.toLocaleString('en-US')} characters.` });
  return text;
}

function addComment(r: JiraRequest, [id]: string[], ctx: RouteContext): JiraResponse {
  return withIssue(ctx, r, id, (issue) => {
    const denied = requirePermission(ctx, r, 'ADD_COMMENTS', issue);
    if (denied) return denied;
    const b = (r.body ?? {}) as CommentBody;
    const text = commentText(b);
    if (typeof text !== 'string') return text;
    const commentId = ctx.site.addComment(issue, text, isPublic(b), r.actor);
    const c = issue.comments.find((x) => x.id === commentId);
    return { status: 201, body: c ? commentJson(ctx.base, ctx.site.data, issue, c) : {} };
  });
}

/** One comment the caller can see; with `change`, one they may also edit or delete. */
function oneComment(ctx: RouteContext, r: JiraRequest, [id, cid]: string[], change: boolean, fn: (issue: Issue, c: Comment) => JiraResponse): JiraResponse {
  return withIssue(ctx, r, id, (issue) => {
    const c = visibleComments(ctx, r, issue).find((x) => x.id === cid);
    if (!c) return jiraError(404, `Can not find a comment for the id: ${cid}.`);
    if (change && !canChangeComment(ctx.site, r.actor.accountId, c)) return jiraError(403, 'You do not have the permission to edit or delete this comment.');
    return fn(issue, c);
  });
}

function editComment(r: JiraRequest, params: string[], ctx: RouteContext): JiraResponse {
  return oneComment(ctx, r, params, true, (issue, c) => {
    const text = commentText((r.body ?? {}) as CommentBody);
    if (typeof text !== 'string') return text;
    ctx.site.editComment(issue, c.id, text, r.actor);
    return { status: 200, body: commentJson(ctx.base, ctx.site.data, issue, c) };
  });
}

function propertyRoute(method: 'GET' | 'PUT' | 'DELETE') {
  return (r: JiraRequest, [id, key]: string[], ctx: RouteContext): JiraResponse => withIssue(ctx, r, id, (issue) => {
    const k = key ?? '';
    const missing = () => jiraError(404, `The property with key '${k}' does not exist.`);
    if (method === 'GET') return ownHas(issue.properties, k) ? { status: 200, body: { key: k, value: ownGet(issue.properties, k) } } : missing();
    const denied = requirePermission(ctx, r, 'EDIT_ISSUES', issue);
    if (denied) return denied;
    if (method === 'DELETE') {
      if (!ownHas(issue.properties, k)) return missing();
      delete issue.properties[k];
      return { status: 204 };
    }
    if (k.length > 255) return jiraError(400, 'The property key cannot be longer than 255 characters.');
    const text = JSON.stringify(r.body ?? null);
    if (text.length > PROPERTY_MAX_CHARS) return jiraError(400, `The property value exceeds the maximum length of ${PROPERTY_MAX_CHARS} characters (${text.length}).`);
    const existed = ownHas(issue.properties, k);
    ownSet(issue.properties, k, JSON.parse(text) as unknown);
    return { status: existed ? 200 : 201 };
  });
}

export const commentRoutes: Route[] = [
  route('GET', '/rest/api/3/issue/{idOrKey}/comment', listComments),
  route('POST', '/rest/api/3/issue/{idOrKey}/comment', addComment),
  route('GET', '/rest/api/3/issue/{idOrKey}/comment/{id}', (r, params, ctx) =>
    oneComment(ctx, r, params, false, (issue, c) => ({ status: 200, body: commentJson(ctx.base, ctx.site.data, issue, c) }))),
  route('PUT', '/rest/api/3/issue/{idOrKey}/comment/{id}', editComment),
  route('DELETE', '/rest/api/3/issue/{idOrKey}/comment/{id}', (r, params, ctx) =>
    oneComment(ctx, r, params, true, (issue, c) => (ctx.site.deleteComment(issue, c.id, r.actor), { status: 204 }))),
  route('GET', '/rest/api/3/issue/{idOrKey}/properties', (r, [id], ctx) =>
    withIssue(ctx, r, id, (issue) => ({ status: 200, body: { keys: Object.keys(issue.properties).map((key) => ({ self: `${ctx.base}/rest/api/3/issue/${issue.id}/properties/${encodeURIComponent(key)}`, key })) } }))),
  route('GET', '/rest/api/3/issue/{idOrKey}/properties/{key}', propertyRoute('GET')),
  route('PUT', '/rest/api/3/issue/{idOrKey}/properties/{key}', propertyRoute('PUT')),
  route('DELETE', '/rest/api/3/issue/{idOrKey}/properties/{key}', propertyRoute('DELETE')),
  route('POST', '/rest/api/3/issue/{idOrKey}/notify', (r, [id], ctx) => withIssue(ctx, r, id, (issue) => {
    ctx.site.notifications.push({ issueId: issue.id, at: ctx.now(), body: r.body });
    return { status: 204 };
  })),
];
