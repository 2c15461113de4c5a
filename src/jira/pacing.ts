/**
 * Pacing by Jira's rate-limit headers rather than only by 429s. Jira reports the hourly points quota
 * as `Beta-RateLimit: "<policy>";r=<remaining>;t=<seconds to reset>` (limit in `Beta-RateLimit-Policy:
 * "<policy>";q=<limit>;w=<window s>`) and the per-second burst budget of the endpoint as
 * `X-RateLimit-Limit` / `X-RateLimit-Remaining`. A paced transport records the latest values; bulk
 * work asks `quotaWait` before each unit of work and stops (handing the rest to a delayed event) when
 * the quota would drop below a reserve kept for the app's other work and other tenants.
 */
import type { JiraTransport, ResponseLike } from './http';

export interface LimitState {
  quotaRemaining: number | null;
  quotaLimit: number | null;
  /** Epoch ms at which the quota window resets. */
  quotaResetAt: number | null;
  burstRemaining: number | null;
  /** Epoch ms of the response the burst budget was read from. */
  burstAt: number | null;
}

const param = (header: string | null, name: string): number | null => {
  const m = header ? new RegExp(`(?:^|;)\\s*${name}=(\\d+)`).exec(header) : null;
  return m ? Number(m[1]) : null;
};

const num = (v: string | null): number | null => (v !== null && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : null);

export function readLimitHeaders(res: ResponseLike, now: number, prev: LimitState): LimitState {
  const quota = res.headers.get('Beta-RateLimit');
  const policy = res.headers.get('Beta-RateLimit-Policy');
  const r = param(quota, 'r');
  const t = param(quota, 't');
  const burst = num(res.headers.get('X-RateLimit-Remaining'));
  return {
    quotaRemaining: r ?? prev.quotaRemaining,
    quotaLimit: param(policy, 'q') ?? prev.quotaLimit,
    quotaResetAt: t !== null ? now + t * 1000 : prev.quotaResetAt,
    burstRemaining: burst ?? prev.burstRemaining,
    burstAt: burst !== null ? now : prev.burstAt,
  };
}

export const NO_LIMITS: LimitState = { quotaRemaining: null, quotaLimit: null, quotaResetAt: null, burstRemaining: null, burstAt: null };

/** Share of the hourly quota bulk work leaves untouched for events, the UI and other tenants. */
export const QUOTA_RESERVE = 0.2;

export interface Pacer {
  readonly state: LimitState;
  transport(inner: JiraTransport): JiraTransport;
  /** Ms to wait before spending `points` more: 0 when the quota allows it now. */
  quotaWait(points: number, now: number): number;
  /** Ms to wait before the next request so the endpoint's burst budget is not exceeded. */
  burstWait(now: number): number;
}

/** `sleep` (when given) holds a request back while the endpoint's burst budget is spent. */
export function createPacer(now: () => number, sleep?: (ms: number) => Promise<void>): Pacer {
  let state = NO_LIMITS;
  const pacer: Pacer = {
    get state() {
      return state;
    },
    transport: (inner) => async (r, init) => {
      const wait = pacer.burstWait(now());
      if (wait > 0 && sleep) await sleep(wait);
      const res = await inner(r, init);
      state = readLimitHeaders(res, now(), state);
      return res;
    },
    quotaWait(points, at) {
      const { quotaRemaining, quotaLimit, quotaResetAt } = state;
      if (quotaRemaining === null || quotaResetAt === null || at >= quotaResetAt) return 0;
      const reserve = quotaLimit === null ? 0 : Math.ceil(quotaLimit * QUOTA_RESERVE);
      return quotaRemaining - points >= reserve ? 0 : quotaResetAt - at;
    },
    burstWait(at) {
      const { burstRemaining, burstAt } = state;
      if (burstRemaining === null || burstAt === null || burstRemaining > 1) return 0;
      return Math.max(0, burstAt + 1000 - at);
    },
  };
  return pacer;
}
