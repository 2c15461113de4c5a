/**
 * The emulated Jira REST API: one entry point used by the HTTP server and by the Forge runtime's
 * in-process requestJira.
 */
import { bulkRoutes } from './routes-bulk';
import { commentRoutes } from './routes-comments';
import { createMetaRoutes } from './routes-createmeta';
import { issueRoutes } from './routes-issue';
import { metaRoutes } from './routes-meta';
import { searchRoutes } from './routes-search';
import { dispatch, type JiraRequest, type JiraResponse, type RouteContext } from './router';

const ROUTES = [...bulkRoutes, ...createMetaRoutes, ...searchRoutes, ...commentRoutes, ...issueRoutes, ...metaRoutes];

/** Jira's answer to a request whose credentials name no user. */
export const UNAUTHENTICATED: JiraResponse = { status: 401, body: { errorMessages: ['Client must be authenticated to access this resource.'], errors: {} } };

export function handleJira(req: JiraRequest, ctx: RouteContext): JiraResponse {
  if (!ctx.site.user(req.actor.accountId)) return UNAUTHENTICATED;
  return dispatch(ROUTES, req, ctx);
}

export type { JiraRequest, JiraResponse, RouteContext };
