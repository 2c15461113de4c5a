/**
 * POST/GET /rest/api/3/search/jql with nextPageToken paging and ids-only default fields, the
 * approximate count, and the retired /search endpoints answering 410 as Jira does.
 */
import { issueJson, parseFieldList } from './format-issue';
import { compileJql } from './jql/evaluate';
import { JqlError } from './jql/lexer';
import type { Issue } from './model';
import { canBrowse } from './permissions';
import { isCustomer } from './routes-issue';
import { jiraError, route, type JiraRequest, type JiraResponse, type Route, type RouteContext } from './router';

interface SearchInput { jql: string; nextPageToken: string | null; maxResults: number; fields: string[] | null; properties: string[]; expand: string[] }

function input(r: JiraRequest): SearchInput {
  if (r.method === 'GET') {
    return {
      jql: r.query.get('jql') ?? '', nextPageToken: r.query.get('nextPageToken'), maxResults: Number(r.query.get('maxResults') ?? 50) || 50,
      fields: parseFieldList(r.query.getAll('fields').join(',') || undefined, ['id']),
      properties: (r.query.get('properties') ?? '').split(',').filter(Boolean), expand: (r.query.get('expand') ?? '').split(','),
    };
  }
  const b = (r.body ?? {}) as Partial<Record<keyof SearchInput, unknown>>;
  const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? v.split(',') : []);
  return {
    jql: typeof b.jql === 'string' ? b.jql : '', nextPageToken: typeof b.nextPageToken === 'string' ? b.nextPageToken : null,
    maxResults: typeof b.maxResults === 'number' ? b.maxResults : 50,
    fields: parseFieldList(list(b.fields), ['id']), properties: list(b.properties), expand: list(b.expand),
  };
}

export function runJql(ctx: RouteContext, jql: string, accountId: string): Issue[] | JqlError {
  const user = ctx.site.user(accountId);
  try {
    const q = compileJql(jql, ctx.site.data, { now: ctx.now(), accountId, zone: user?.timeZone ?? 'UTC', indexes: ctx.indexes() });
    return ctx.site.data.issues.filter((i) => canBrowse(ctx.site, accountId, i) && q.match(i)).sort((a, b) => q.compare(a, b));
  } catch (e) {
    if (e instanceof JqlError) return e;
    throw e;
  }
}

/** Tokens are opaque to callers; here they carry the offset and the query they belong to. */
function encodeToken(offset: number, jql: string): string {
  return Buffer.from(JSON.stringify({ o: offset, q: jql })).toString('base64url');
}

function decodeToken(token: string, jql: string): number | null {
  try {
    const t = JSON.parse(Buffer.from(token, 'base64url').toString()) as { o?: unknown; q?: unknown };
    return typeof t.o === 'number' && t.q === jql ? t.o : null;
  } catch {
    return null;
  }
}

function search(r: JiraRequest, _p: string[], ctx: RouteContext): JiraResponse {
  const s = input(r);
  if (s.properties.length > 5) return jiraError(400, 'You can request at most 5 issue properties.');
  const found = runJql(ctx, s.jql, r.actor.accountId);
  if (found instanceof JqlError) return jiraError(400, found.message);
  const offset = s.nextPageToken === null ? 0 : decodeToken(s.nextPageToken, s.jql);
  if (offset === null) return jiraError(400, 'The nextPageToken is invalid or does not belong to this query.');
  const max = Math.min(Math.max(1, s.maxResults), 5000);
  const slice = found.slice(offset, offset + max);
  const more = offset + slice.length < found.length;
  const view = { fields: s.fields, expandChangelog: s.expand.includes('changelog'), properties: s.properties, publicCommentsOnly: isCustomer(ctx, r) };
  return {
    status: 200,
    body: {
      issues: slice.map((i) => issueJson(ctx.base, ctx.site.data, i, view)),
      isLast: !more,
      ...(more ? { nextPageToken: encodeToken(offset + slice.length, s.jql) } : {}),
    },
  };
}

const GONE = 'The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046';

export const searchRoutes: Route[] = [
  route('POST', '/rest/api/3/search/jql', search),
  route('GET', '/rest/api/3/search/jql', search),
  route('POST', '/rest/api/3/search/approximate-count', (r, _p, ctx) => {
    const jql = (r.body as { jql?: unknown } | null)?.jql;
    const found = runJql(ctx, typeof jql === 'string' ? jql : '', r.actor.accountId);
    return found instanceof JqlError ? jiraError(400, found.message) : { status: 200, body: { count: found.length } };
  }),
  route('GET', '/rest/api/3/search', () => jiraError(410, GONE)),
  route('POST', '/rest/api/3/search', () => jiraError(410, GONE)),
];
