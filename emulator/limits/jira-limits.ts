/**
 * Jira Cloud's 2026 rate limiting for the app's own REST calls (requestJira, asApp and asUser):
 * three independent limiters (hourly points quota, per-second burst per endpoint and method, and
 * per-issue writes), each refusing with 429, its RateLimit-Reason and Retry-After. Every metered
 * call is also counted per endpoint (route template + method) in requests and points, whether the
 * limiters are on or off. Values and sources: docs/reference/emulator-limits.md.
 */
import type { JiraRequest, JiraResponse } from '../jira/router';
import { add, emptyWindows, peek, secondsUntil, take, type Windows } from './window';

export type JiraLimitReason = 'jira-quota-tenant-based' | 'jira-burst-based' | 'jira-per-issue-on-write';

export interface JiraLimitsConfig {
  quota: { enabled: boolean; pointsPerHour: number };
  burst: { enabled: boolean; perSecond: number };
  perIssueWrite: { enabled: boolean; perTwoSeconds: number; perThirtySeconds: number };
}

export interface EndpointUse { requests: number; points: number; refused: number }
export interface JiraMeterState { windows: Windows; endpoints: Record<string, EndpointUse>; refusals: Record<string, number> }

const HOUR = 3_600_000;
/** POSTs that only read: they cost points per returned object like a GET. */
const READ_POSTS = new Set(['/rest/api/3/search/jql', '/rest/api/3/search/approximate-count', '/rest/api/3/search', '/rest/api/3/issue/bulkfetch', '/rest/api/3/changelog/bulkfetch', '/rest/api/3/comment/list', '/rest/api/3/jql/match', '/rest/api/3/permissions/check', '/rest/api/3/issue/{idOrKey}/changelog/list']);
/** The list a response returns its objects in, for the points-per-object cost. */
const LIST_FIELDS = ['issues', 'values', 'comments', 'issueChangeLogs', 'histories', 'transitions', 'issueTypes', 'fields', 'keys'];

/** The documented values, every limiter off: `npm start` and the suites opt in (see the docs). */
export function defaultJiraLimits(): JiraLimitsConfig {
  return { quota: { enabled: false, pointsPerHour: 65_000 }, burst: { enabled: false, perSecond: 100 }, perIssueWrite: { enabled: false, perTwoSeconds: 20, perThirtySeconds: 100 } };
}

export function emptyJiraMeter(): JiraMeterState {
  return { windows: emptyWindows(), endpoints: Object.create(null) as Record<string, EndpointUse>, refusals: Object.create(null) as Record<string, number> };
}

export function isWrite(method: string, template: string): boolean {
  if (method === 'GET') return false;
  return !(method === 'POST' && READ_POSTS.has(template));
}

/** Points a call costs: 1 base point, plus one per object returned for reads. */
export function pointsFor(method: string, template: string, res: JiraResponse): number {
  if (isWrite(method, template) || res.status >= 300) return 1;
  const body = res.body;
  if (Array.isArray(body)) return 1 + body.length;
  if (!body || typeof body !== 'object') return 1;
  const list = LIST_FIELDS.map((f) => (body as Record<string, unknown>)[f]).find(Array.isArray);
  return 1 + (list ? list.length : 1);
}

function refusal(reason: JiraLimitReason, limit: number, resetAt: number, now: number): JiraResponse {
  return {
    status: 429,
    headers: {
      'Retry-After': String(secondsUntil(resetAt, now)), 'RateLimit-Reason': reason, 'X-RateLimit-Limit': String(limit),
      'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': new Date(resetAt).toISOString(), 'X-RateLimit-NearLimit': 'true',
    },
    body: { errorMessages: [`Rate limit exceeded (${reason}).`], errors: {} },
  };
}

export class JiraMeter {
  constructor(public config: JiraLimitsConfig, public state: JiraMeterState) {}

  private use(endpoint: string): EndpointUse {
    const e = this.state.endpoints;
    if (!Object.prototype.hasOwnProperty.call(e, endpoint)) e[endpoint] = { requests: 0, points: 0, refused: 0 };
    return e[endpoint] as EndpointUse;
  }

  /** Counts the call and refuses it when a limiter is exhausted; null lets it through. */
  admit(req: JiraRequest, template: string, issueKey: string | null, now: number): JiraResponse | null {
    const endpoint = `${req.method} ${template}`;
    const use = this.use(endpoint);
    use.requests++;
    const refused = this.check(endpoint, req.method, template, issueKey, now);
    if (!refused) return null;
    use.refused++;
    const reason = refused.headers?.['RateLimit-Reason'] ?? 'unknown';
    this.state.refusals[reason] = (this.state.refusals[reason] ?? 0) + 1;
    return refused;
  }

  private check(endpoint: string, method: string, template: string, issueKey: string | null, now: number): JiraResponse | null {
    const { quota, burst, perIssueWrite } = this.config;
    const w = this.state.windows;
    if (quota.enabled) {
      const q = peek(w, 'quota', now, HOUR);
      if (q.used >= quota.pointsPerHour) return refusal('jira-quota-tenant-based', quota.pointsPerHour, q.start + HOUR, now);
    }
    if (burst.enabled) {
      const b = take(w, `burst ${endpoint}`, now, 1000, burst.perSecond);
      if (!b.ok) return refusal('jira-burst-based', burst.perSecond, b.resetAt, now);
    }
    if (perIssueWrite.enabled && issueKey && isWrite(method, template)) {
      const short = take(w, `issue2s ${issueKey}`, now, 2000, perIssueWrite.perTwoSeconds);
      if (!short.ok) return refusal('jira-per-issue-on-write', perIssueWrite.perTwoSeconds, short.resetAt, now);
      const long = take(w, `issue30s ${issueKey}`, now, 30_000, perIssueWrite.perThirtySeconds);
      if (!long.ok) return refusal('jira-per-issue-on-write', perIssueWrite.perThirtySeconds, long.resetAt, now);
    }
    return null;
  }

  /** Charges the points of an answered call and adds the quota headers Jira sends on every answer. */
  settle(req: JiraRequest, template: string, res: JiraResponse, now: number): JiraResponse {
    const points = pointsFor(req.method, template, res);
    this.use(`${req.method} ${template}`).points += points;
    const q = add(this.state.windows, 'quota', now, HOUR, points);
    if (!this.config.quota.enabled) return res;
    const remaining = Math.max(0, this.config.quota.pointsPerHour - q.used);
    const headers = {
      ...res.headers,
      'Beta-RateLimit-Policy': `"jira-quota-tenant-based";q=${this.config.quota.pointsPerHour};w=3600`,
      'Beta-RateLimit': `"jira-quota-tenant-based";r=${remaining};t=${secondsUntil(q.start + HOUR, now)}`,
    };
    return { ...res, headers };
  }
}
