/**
 * Create-issue metadata (Jira Cloud REST v3 "Get create metadata issue types for a project" and "Get
 * create field metadata for a project and issue type id"): the issue types a caller can create in a
 * project, and each type's create-screen fields with their allowed values, paginated with
 * startAt/maxResults. Every project offers every site issue type with the same fields, and a select
 * field's allowed values are its options (`{self, value, id}`), as Jira sends them.
 */
import { allFields, type FieldMeta } from './fields';
import { issueTypeJson, priorityJson, projectJson } from './format';
import type { Project } from './model';
import { hasPermission } from './permissions';
import { jiraError, page, route, type JiraRequest, type JiraResponse, type Route, type RouteContext } from './router';

const CREATE_FIELDS = ['summary', 'issuetype', 'project', 'reporter', 'assignee', 'priority', 'labels'];
const OPERATIONS: Record<string, string[]> = { issuetype: [], labels: ['add', 'set', 'remove'] };

/** The project the caller may create issues in; Jira answers 404 for one the caller cannot see. */
function creatableProject(req: JiraRequest, ctx: RouteContext, idOrKey: string): Project | JiraResponse {
  const project = ctx.site.project(idOrKey);
  if (project && hasPermission(ctx.site, req.actor.accountId, 'BROWSE_PROJECTS', project)) return project;
  return jiraError(404, `No project could be found with key '${idOrKey}'.`);
}

function allowedValues(ctx: RouteContext, project: Project, f: FieldMeta): unknown[] | undefined {
  const data = ctx.site.data;
  if (f.id === 'priority') return data.priorities.map((p) => priorityJson(ctx.base, p));
  if (f.id === 'issuetype') return data.issueTypes.map((t) => issueTypeJson(ctx.base, t));
  if (f.id === 'project') return [projectJson(ctx.base, project)];
  const select = data.selectFields.find((s) => s.id === f.id);
  return select?.options.map((o) => ({ self: `${ctx.base}/rest/api/3/customFieldOption/${o.id}`, value: o.value, id: o.id }));
}

function fieldJson(ctx: RouteContext, project: Project, f: FieldMeta): Record<string, unknown> {
  const values = allowedValues(ctx, project, f);
  return {
    required: ['summary', 'issuetype', 'project', 'reporter'].includes(f.id), schema: f.schema, name: f.name, fieldId: f.id, key: f.id,
    hasDefaultValue: f.id === 'priority', operations: OPERATIONS[f.id] ?? ['set'],
    ...(values ? { allowedValues: values } : {}),
    ...(f.id === 'priority' && values?.[1] ? { defaultValue: values[1] } : {}),
  };
}

const pageBody = <T>(pg: ReturnType<typeof page<T>>, key: string, items: unknown[]) =>
  ({ maxResults: pg.maxResults, startAt: pg.startAt, total: pg.total, [key]: items });

export const createMetaRoutes: Route[] = [
  route('GET', '/rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes', (r, [ref], ctx) => {
    const project = creatableProject(r, ctx, ref ?? '');
    if ('status' in project) return project;
    const pg = page(ctx.site.data.issueTypes, r.query);
    return { status: 200, body: pageBody(pg, 'issueTypes', pg.slice.map((t) => issueTypeJson(ctx.base, t))) };
  }),
  route('GET', '/rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes/{issueTypeId}', (r, [ref, typeId], ctx) => {
    const project = creatableProject(r, ctx, ref ?? '');
    if ('status' in project) return project;
    if (!ctx.site.data.issueTypes.some((t) => t.id === typeId)) return jiraError(404, `Issue type with id '${typeId}' does not exist or is not valid for this project.`);
    const fields = allFields(ctx.site.data).filter((f) => f.custom || CREATE_FIELDS.includes(f.id));
    const pg = page(fields, r.query);
    return { status: 200, body: pageBody(pg, 'fields', pg.slice.map((f) => fieldJson(ctx, project, f))) };
  }),
];
