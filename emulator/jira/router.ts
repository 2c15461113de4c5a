/**
 * A tiny request router for the emulated Jira REST API. Requests arrive already parsed (from the
 * HTTP server or in-process from the Forge runtime's requestJira), so the same routes serve both.
 */
import type { JiraSite } from './site';
import type { PropertyIndex } from './jql/values';

export interface JiraRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  /** The account making the call; `self` marks the app's own calls (ignoreSelf). */
  actor: { accountId: string; self: boolean };
}

export interface JiraResponse { status: number; body?: unknown; headers?: Record<string, string> }

export interface RouteContext {
  site: JiraSite;
  base: string;
  now: () => number;
  indexes: () => PropertyIndex[];
  /** Platform limits and counters (emulator/limits); absent means every call goes straight through. */
  meter?: RequestMeter;
}

/** Sees every routed call by its route template: may refuse it first and rewrite the answer after. */
export interface RequestMeter {
  admit(req: JiraRequest, template: string, params: string[]): JiraResponse | null;
  settle(req: JiraRequest, template: string, params: string[], res: JiraResponse): JiraResponse;
}

export type Handler = (req: JiraRequest, params: string[], ctx: RouteContext) => JiraResponse;
export interface Route { method: string; template: string; pattern: RegExp; handler: Handler }

export function route(method: string, path: string, handler: Handler): Route {
  const pattern = new RegExp(`^${path.replace(/\{[^}]+\}/g, '([^/]+)')}/?$`);
  return { method, template: path, pattern, handler };
}

export function jiraError(status: number, ...messages: string[]): JiraResponse {
  return { status, body: { errorMessages: messages, errors: {} } };
}

export function fieldError(status: number, errors: Record<string, string>): JiraResponse {
  return { status, body: { errorMessages: [], errors } };
}

export function dispatch(routes: Route[], req: JiraRequest, ctx: RouteContext): JiraResponse {
  let pathMatched = false;
  for (const r of routes) {
    const m = r.pattern.exec(req.path);
    if (!m) continue;
    pathMatched = true;
    if (r.method !== req.method) continue;
    const params = m.slice(1).map((s) => decodeURIComponent(s));
    const refused = ctx.meter?.admit(req, r.template, params) ?? null;
    if (refused) return refused;
    const res = r.handler(req, params, ctx);
    return ctx.meter ? ctx.meter.settle(req, r.template, params, res) : res;
  }
  if (pathMatched) return jiraError(405, `not emulated: ${req.method} ${req.path}`);
  return jiraError(404, `not emulated: ${req.method} ${req.path} is not part of the emulated Jira API`);
}

/** Jira's startAt/maxResults paging over an in-memory list. */
export function page<T>(items: T[], query: URLSearchParams, defaultMax = 50): { startAt: number; maxResults: number; total: number; isLast: boolean; slice: T[] } {
  const startAt = Math.max(0, Number(query.get('startAt') ?? 0) || 0);
  const maxResults = Math.min(5000, Math.max(1, Number(query.get('maxResults') ?? defaultMax) || defaultMax));
  const slice = items.slice(startAt, startAt + maxResults);
  return { startAt, maxResults, total: items.length, isLast: startAt + slice.length >= items.length, slice };
}
