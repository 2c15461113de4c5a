/**
 * Issue routes: read (fields, changelog, properties), create, edit, transition, assign, delete.
 */
import { historyJson, statusJson } from './format';
import { issueJson, parseFieldList } from './format-issue';
import { parseIssueInput } from './issue-input';
import type { Issue } from './model';
import { canBrowse, hasPermission } from './permissions';
import { fieldError, jiraError, page, route, type JiraRequest, type JiraResponse, type Route, type RouteContext } from './router';

/** An issue the caller cannot browse answers exactly like one that does not exist, as in Jira. */
export function withIssue(ctx: RouteContext, r: JiraRequest, idOrKey: string | undefined, fn: (issue: Issue) => JiraResponse): JiraResponse {
  const issue = ctx.site.issue(idOrKey ?? '');
  return issue && canBrowse(ctx.site, r.actor.accountId, issue) ? fn(issue) : jiraError(404, 'Issue does not exist or you do not have permission to see it.');
}

export function requirePermission(ctx: RouteContext, r: JiraRequest, permission: string, issue?: Issue): JiraResponse | null {
  const project = issue ? ctx.site.project(issue.projectId) : undefined;
  return hasPermission(ctx.site, r.actor.accountId, permission, project, issue) ? null : jiraError(403, `You do not have the permission ${permission} for this issue.`);
}

export function isCustomer(ctx: RouteContext, r: JiraRequest): boolean {
  return ctx.site.user(r.actor.accountId)?.role === 'customer';
}

function getIssue(r: JiraRequest, [id]: string[], ctx: RouteContext): JiraResponse {
  return withIssue(ctx, r, id, (issue) => {
    const expand = (r.query.get('expand') ?? '').split(',');
    const properties = (r.query.get('properties') ?? '').split(',').filter(Boolean);
    const fields = parseFieldList(r.query.getAll('fields').join(',') || undefined, null);
    return { status: 200, body: issueJson(ctx.base, ctx.site.data, issue, { fields, expandChangelog: expand.includes('changelog'), properties, publicCommentsOnly: isCustomer(ctx, r) }) };
  });
}

function createIssue(r: JiraRequest, _p: string[], ctx: RouteContext): JiraResponse {
  const input = parseIssueInput(ctx.site.data, r.body);
  const project = input.projectRef ? ctx.site.project(input.projectRef) : undefined;
  if (!project) input.errors.project = 'Specify a valid project ID or key';
  const { summary, issuetype } = input.patch;
  if (!summary) input.errors.summary ??= 'You must specify a summary of the issue.';
  if (!issuetype) input.errors.issuetype ??= 'Specify an issue type';
  if (Object.keys(input.errors).length || !project || !summary || !issuetype) return fieldError(400, input.errors);
  const issue = ctx.site.createIssue(project.id, { ...input.patch, summary, issuetype }, r.actor);
  return { status: 201, body: { id: issue.id, key: issue.key, self: `${ctx.base}/rest/api/3/issue/${issue.id}` } };
}

function editIssue(r: JiraRequest, [id]: string[], ctx: RouteContext): JiraResponse {
  return withIssue(ctx, r, id, (issue) => {
    const denied = requirePermission(ctx, r, 'EDIT_ISSUES', issue);
    if (denied) return denied;
    const input = parseIssueInput(ctx.site.data, r.body, issue.fields.labels);
    if (input.projectRef) input.errors.project = 'not emulated: moving issues between projects';
    if (Object.keys(input.errors).length) return fieldError(400, input.errors);
    ctx.site.editIssue(issue, input.patch, r.actor);
    return { status: 204 };
  });
}

function transitions(r: JiraRequest, [id]: string[], ctx: RouteContext): JiraResponse {
  return withIssue(ctx, r, id, (issue) => ({
    status: 200,
    body: {
      expand: 'transitions',
      transitions: ctx.site.data.statuses.filter((s) => s.id !== issue.fields.status).map((s) => ({
        id: s.id, name: s.name, to: statusJson(ctx.base, s), hasScreen: false, isGlobal: true, isInitial: false, isAvailable: true, isConditional: false, isLooped: false,
      })),
    },
  }));
}

function doTransition(r: JiraRequest, [id]: string[], ctx: RouteContext): JiraResponse {
  return withIssue(ctx, r, id, (issue) => {
    const denied = requirePermission(ctx, r, 'TRANSITION_ISSUES', issue);
    if (denied) return denied;
    const body = (r.body ?? {}) as { transition?: { id?: string }; fields?: { resolution?: { id?: string; name?: string } } };
    const target = ctx.site.data.statuses.find((s) => s.id === body.transition?.id);
    if (!target) return jiraError(400, `Transition id '${body.transition?.id}' is not valid for this issue.`);
    const res = body.fields?.resolution;
    const resolution = res ? ctx.site.data.resolutions.find((x) => x.id === res.id || x.name === res.name)?.id : undefined;
    ctx.site.transition(issue, target.id, r.actor, resolution);
    return { status: 204 };
  });
}

function assign(r: JiraRequest, [id]: string[], ctx: RouteContext): JiraResponse {
  return withIssue(ctx, r, id, (issue) => {
    const denied = requirePermission(ctx, r, 'ASSIGN_ISSUES', issue);
    if (denied) return denied;
    const accountId = (r.body as { accountId?: string | null } | null)?.accountId ?? null;
    if (accountId !== null && !ctx.site.user(accountId)) return fieldError(400, { assignee: `User '${accountId}' does not exist.` });
    ctx.site.editIssue(issue, { assignee: accountId }, r.actor);
    return { status: 204 };
  });
}

function changelog(r: JiraRequest, [id]: string[], ctx: RouteContext): JiraResponse {
  return withIssue(ctx, r, id, (issue) => {
    const pg = page(issue.changelog, r.query, 100);
    return {
      status: 200,
      body: {
        self: `${ctx.base}/rest/api/3/issue/${issue.id}/changelog?startAt=${pg.startAt}&maxResults=${pg.maxResults}`,
        maxResults: pg.maxResults, startAt: pg.startAt, total: pg.total, isLast: pg.isLast,
        values: pg.slice.map((h) => historyJson(ctx.base, ctx.site.data, h)),
      },
    };
  });
}

function deleteIssue(r: JiraRequest, [id]: string[], ctx: RouteContext): JiraResponse {
  return withIssue(ctx, r, id, (issue) => {
    const denied = requirePermission(ctx, r, 'ADMINISTER_PROJECTS', issue);
    if (denied) return denied;
    ctx.site.deleteIssue(issue, r.actor);
    return { status: 204 };
  });
}

export const issueRoutes: Route[] = [
  route('POST', '/rest/api/3/issue', createIssue),
  route('GET', '/rest/api/3/issue/{idOrKey}', getIssue),
  route('PUT', '/rest/api/3/issue/{idOrKey}', editIssue),
  route('DELETE', '/rest/api/3/issue/{idOrKey}', deleteIssue),
  route('GET', '/rest/api/3/issue/{idOrKey}/transitions', transitions),
  route('POST', '/rest/api/3/issue/{idOrKey}/transitions', doTransition),
  route('PUT', '/rest/api/3/issue/{idOrKey}/assignee', assign),
  route('GET', '/rest/api/3/issue/{idOrKey}/changelog', changelog),
];
