/**
 * Site metadata routes: projects, priorities, statuses, issue types, fields and options, users,
 * and the caller's permissions.
 */
import { allFields } from './fields';
import { issueTypeJson, priorityJson, projectJson, statusJson, userJson } from './format';
import { canBrowse, hasPermission, knownPermission, PERMISSIONS } from './permissions';
import { ownGet } from './own';
import { jiraError, page, route, type Route } from './router';

export const metaRoutes: Route[] = [
  route('GET', '/rest/api/3/project', (_r, _p, ctx) => ({ status: 200, body: ctx.site.data.projects.map((p) => projectJson(ctx.base, p)) })),
  route('GET', '/rest/api/3/project/search', (r, _p, ctx) => {
    const pg = page(ctx.site.data.projects, r.query);
    return { status: 200, body: { self: `${ctx.base}/rest/api/3/project/search`, startAt: pg.startAt, maxResults: pg.maxResults, total: pg.total, isLast: pg.isLast, values: pg.slice.map((p) => projectJson(ctx.base, p)) } };
  }),
  route('GET', '/rest/api/3/project/{idOrKey}', (_r, [id], ctx) => {
    const p = ctx.site.project(id ?? '');
    return p ? { status: 200, body: projectJson(ctx.base, p) } : jiraError(404, `No project could be found with key '${id}'.`);
  }),
  route('GET', '/rest/api/3/priority', (_r, _p, ctx) => ({ status: 200, body: ctx.site.data.priorities.map((p) => priorityJson(ctx.base, p)) })),
  route('GET', '/rest/api/3/priority/search', (r, _p, ctx) => {
    const pg = page(ctx.site.data.priorities, r.query);
    return { status: 200, body: { self: `${ctx.base}/rest/api/3/priority/search`, startAt: pg.startAt, maxResults: pg.maxResults, total: pg.total, isLast: pg.isLast, values: pg.slice.map((p) => priorityJson(ctx.base, p)) } };
  }),
  route('GET', '/rest/api/3/status', (_r, _p, ctx) => ({ status: 200, body: ctx.site.data.statuses.map((s) => statusJson(ctx.base, s)) })),
  route('GET', '/rest/api/3/issuetype', (_r, _p, ctx) => ({ status: 200, body: ctx.site.data.issueTypes.map((t) => issueTypeJson(ctx.base, t)) })),
  route('GET', '/rest/api/3/resolution', (_r, _p, ctx) => ({ status: 200, body: ctx.site.data.resolutions.map((x) => ({ self: `${ctx.base}/rest/api/3/resolution/${x.id}`, id: x.id, name: x.name, description: '' })) })),
  route('GET', '/rest/api/3/field', (_r, _p, ctx) => ({
    status: 200,
    body: allFields(ctx.site.data).map((f) => ({
      id: f.id, key: f.id, name: f.name, custom: f.custom, orderable: true, navigable: true, searchable: true,
      clauseNames: f.custom ? [`cf[${f.id.replace('customfield_', '')}]`, f.name] : [f.id], schema: f.schema,
    })),
  })),
  route('GET', '/rest/api/3/field/{fieldId}/context', (r, [fieldId], ctx) => {
    const f = ctx.site.data.selectFields.find((x) => x.id === fieldId);
    if (!f) return jiraError(404, `The custom field was not found.`);
    const ctxId = String(10300 + ctx.site.data.selectFields.indexOf(f));
    const pg = page([{ id: ctxId, name: `Default Configuration Scheme for ${f.name}`, description: '', isGlobalContext: true, isAnyIssueType: true }], r.query);
    return { status: 200, body: { maxResults: pg.maxResults, startAt: pg.startAt, total: pg.total, isLast: pg.isLast, values: pg.slice } };
  }),
  route('GET', '/rest/api/3/field/{fieldId}/context/{contextId}/option', (r, [fieldId], ctx) => {
    const f = ctx.site.data.selectFields.find((x) => x.id === fieldId);
    if (!f) return jiraError(404, `The custom field was not found.`);
    const pg = page(f.options.map((o) => ({ id: o.id, value: o.value, disabled: false })), r.query, 100);
    return { status: 200, body: { maxResults: pg.maxResults, startAt: pg.startAt, total: pg.total, isLast: pg.isLast, values: pg.slice } };
  }),
  route('GET', '/rest/api/3/user', (r, _p, ctx) => {
    const id = r.query.get('accountId') ?? '';
    const u = ctx.site.user(id);
    return u ? { status: 200, body: userJson(ctx.base, u, id) } : jiraError(404, `Specified user does not exist or you do not have required permissions`);
  }),
  route('GET', '/rest/api/3/myself', (r, _p, ctx) => ({ status: 200, body: userJson(ctx.base, ctx.site.user(r.actor.accountId), r.actor.accountId) })),
  route('GET', '/rest/api/3/mypermissions', (r, _p, ctx) => {
    const wanted = (r.query.get('permissions') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    if (wanted.length === 0) return jiraError(400, 'The permissions query parameter is required.');
    const projectRef = r.query.get('projectKey') ?? r.query.get('projectId');
    const issueRef = r.query.get('issueKey') ?? r.query.get('issueId');
    const issue = issueRef ? ctx.site.issue(issueRef) : undefined;
    if (issueRef && (!issue || !canBrowse(ctx.site, r.actor.accountId, issue))) return jiraError(404, 'Issue does not exist or you do not have permission to see it.');
    const project = issue ? ctx.site.project(issue.projectId) : projectRef ? ctx.site.project(projectRef) : undefined;
    if (projectRef && !issue && !project) return jiraError(404, `No project could be found with key '${projectRef}'.`);
    const unknown = wanted.filter((w) => !knownPermission(w));
    if (unknown.length) return jiraError(400, `not emulated: permission key(s) ${unknown.join(', ')}`);
    const permissions = Object.fromEntries(wanted.map((key, i) => [key, {
      id: String(i + 10), key, name: ownGet(PERMISSIONS, key)?.name ?? key, type: 'PROJECT', description: ownGet(PERMISSIONS, key)?.name ?? key,
      havePermission: hasPermission(ctx.site, r.actor.accountId, key, project, issue),
    }]));
    return { status: 200, body: { permissions } };
  }),
  route('GET', '/rest/api/3/serverInfo', (_r, _p, ctx) => ({
    status: 200, body: { baseUrl: ctx.base, version: '1001.0.0-SNAPSHOT', versionNumbers: [1001, 0, 0], deploymentType: 'Cloud', buildNumber: 100000, serverTitle: 'SLA Clock emulator', serverTime: new Date(ctx.now()).toISOString().replace('Z', '+0000') },
  })),
];
