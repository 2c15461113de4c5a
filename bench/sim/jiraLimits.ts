/**
 * Jira Cloud's three 2026 rate limiters in front of the emulated Jira, for the simulation, with the
 * headers Jira sends (forge.md section 5): a points quota per hour (1 point per request plus 1 per
 * object returned; writes cost the base point only), a per-second burst limit per endpoint and method,
 * and a per-issue write limit (20 writes per 2 s, 100 per 30 s). Counts requests, points and 429s by
 * endpoint and reason. This is a small adapter until the emulator's own limiters land in main.
 */
export interface LimitSettings {
  quotaPerHour: number;
  burstPerSecond: number;
  perIssueWrites: Array<{ windowMs: number; max: number }>;
}

/** 3P figures quoted in forge.md section 5; Atlassian publishes no burst value, 100/s is an assumption. */
export const DOCUMENTED_LIMITS: LimitSettings = { quotaPerHour: 65_000, burstPerSecond: 100, perIssueWrites: [{ windowMs: 2_000, max: 20 }, { windowMs: 30_000, max: 100 }] };

export interface EndpointCount { requests: number; points: number }

export interface Tally {
  requests: number;
  points: number;
  byEndpoint: Record<string, EndpointCount>;
  http429: Record<string, number>;
}

export const emptyTally = (): Tally => ({ requests: 0, points: 0, byEndpoint: {}, http429: {} });

/** Route template of a path: ids and keys become {id}, so counts group by endpoint. */
export function endpointOf(method: string, path: string): string {
  const [, prefix = '', rest = path] = /^(\/rest\/api\/\d+)(.*)$/.exec(path) ?? [];
  const template = rest.replace(/\/[A-Z][A-Z0-9]+-\d+(?=\/|$)/g, '/{id}').replace(/\/\d+(?=\/|$)/g, '/{id}').replace(/\/properties\/(?!multi$)[^/]+$/, '/properties/{key}');
  return `${method} ${prefix}${template}`;
}

/** Objects a response returns, for the points model. */
export function objectsIn(body: unknown): number {
  if (!body || typeof body !== 'object') return 0;
  const b = body as Record<string, unknown>;
  if (Array.isArray(b.issues)) return b.issues.reduce((n: number, i) => n + objectsIn(i), 0);
  if (Array.isArray(b.issueChangeLogs)) return b.issueChangeLogs.reduce((n: number, l) => n + ((l as { changeHistories?: unknown[] }).changeHistories?.length ?? 0), 0);
  if (Array.isArray(b.values)) return b.values.length;
  if (Array.isArray(b.comments)) return b.comments.length;
  if (Array.isArray(body)) return body.length;
  const fields = b.fields as Record<string, unknown> | undefined;
  const histories = (b.changelog as { histories?: unknown[] } | undefined)?.histories?.length ?? 0;
  const comments = (fields?.comment as { comments?: unknown[] } | undefined)?.comments?.length ?? 0;
  return 1 + histories + comments;
}

export interface Verdict { ok: boolean; headers: Record<string, string>; reason?: string; retryAfterS?: number }

export class JiraLimiter {
  /** Counts per tag (what the simulation is doing: a phase, or events vs sweep). */
  readonly tallies = new Map<string, Tally>();
  private windowStart = 0;
  private used = 0;
  private readonly burst = new Map<string, { second: number; n: number }>();
  private readonly writes = new Map<string, number[]>();

  constructor(private readonly settings: LimitSettings, private readonly now: () => number, private readonly tag: () => string) {}

  tally(tag: string): Tally {
    let t = this.tallies.get(tag);
    if (!t) this.tallies.set(tag, (t = emptyTally()));
    return t;
  }

  private quotaHeaders(at: number): Record<string, string> {
    const reset = Math.max(0, Math.ceil((this.windowStart + 3_600_000 - at) / 1000));
    return {
      'Beta-RateLimit-Policy': `"global-app-quota";q=${this.settings.quotaPerHour};w=3600`,
      'Beta-RateLimit': `"global-app-quota";r=${Math.max(0, this.settings.quotaPerHour - this.used)};t=${reset}`,
    };
  }

  private refuse(endpoint: string, reason: string, retryAfterS: number, headers: Record<string, string>): Verdict {
    const t = this.tally(this.tag());
    t.http429[reason] = (t.http429[reason] ?? 0) + 1;
    this.count(endpoint, 1);
    return { ok: false, reason, retryAfterS, headers: { ...headers, 'Retry-After': String(retryAfterS), 'RateLimit-Reason': reason } };
  }

  private count(endpoint: string, points: number): void {
    const t = this.tally(this.tag());
    t.requests++;
    t.points += points;
    const e = (t.byEndpoint[endpoint] ??= { requests: 0, points: 0 });
    e.requests++;
    e.points += points;
  }

  /** Decides whether a request may pass; the cost of a passed request is charged by `charge`. */
  admit(method: string, path: string, issueIds: string[]): Verdict {
    const at = this.now();
    if (at - this.windowStart >= 3_600_000) {
      this.windowStart = at - (at % 3_600_000);
      this.used = 0;
    }
    const endpoint = endpointOf(method, path);
    const headers = this.quotaHeaders(at);
    if (this.used + 1 > this.settings.quotaPerHour) return this.refuse(endpoint, 'jira-quota-global-based', Math.ceil((this.windowStart + 3_600_000 - at) / 1000), headers);
    const second = Math.floor(at / 1000);
    const b = this.burst.get(endpoint);
    const n = b && b.second === second ? b.n + 1 : 1;
    this.burst.set(endpoint, { second, n });
    headers['X-RateLimit-Limit'] = String(this.settings.burstPerSecond);
    headers['X-RateLimit-Remaining'] = String(Math.max(0, this.settings.burstPerSecond - n));
    if (n > this.settings.burstPerSecond) return this.refuse(endpoint, 'jira-burst-based', 1, headers);
    if (method !== 'GET') {
      for (const id of issueIds) {
        const times = (this.writes.get(id) ?? []).filter((t) => at - t < 30_000);
        const over = this.settings.perIssueWrites.find((w) => times.filter((t) => at - t < w.windowMs).length >= w.max);
        if (over) return this.refuse(endpoint, 'jira-per-issue-on-write', Math.ceil(over.windowMs / 1000), headers);
        this.writes.set(id, [...times, at]);
      }
    }
    return { ok: true, headers };
  }

  /** Charges a passed request: the base point, plus returned objects for reads. */
  charge(method: string, path: string, body: unknown): Record<string, string> {
    const points = 1 + (method === 'GET' || path.endsWith('/search/jql') || path.endsWith('/bulkfetch') ? objectsIn(body) : 0);
    this.used += points;
    this.count(endpointOf(method, path), points);
    return this.quotaHeaders(this.now());
  }
}
