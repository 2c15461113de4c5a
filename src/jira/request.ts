/** Typed requests: one exchange, then the body parsed against the schema of the slice we use. */
import type { Route } from '@forge/api';
import type { z } from 'zod';
import { err, ok } from '../core';
import { exchange, type JiraResult, type JiraTransport, type RequestInitLike, type RetryPolicy } from './http';

export interface Requester {
  /** Parses the response body with `schema`; BAD_RESPONSE when it does not fit. */
  json<S extends z.ZodType>(schema: S, route: Route, init?: RequestInitLike): Promise<JiraResult<z.infer<S>>>;
  /** For writes whose body we do not need. */
  send(route: Route, init: RequestInitLike): Promise<JiraResult<number>>;
}

const JSON_HEADERS = { Accept: 'application/json', 'Content-Type': 'application/json' };

/**
 * A requester serves one invocation, so its exchanges share one retry budget: time slept by earlier
 * (or concurrent) calls is not available to later ones (a page of 50 issues must not sleep 50 budgets).
 * `exchange` compares its own waits with `budgetMs`, so each gets what the other exchanges left.
 */
function sharedBudget(policy: RetryPolicy): () => RetryPolicy {
  let slept = 0;
  return () => {
    let own = 0;
    const sleep = (ms: number) => {
      own += ms;
      slept += ms;
      return policy.sleep(ms);
    };
    return {
      ...policy,
      sleep,
      get budgetMs() {
        return policy.budgetMs - slept + own;
      },
    };
  };
}

export function createRequester(transport: JiraTransport, policy: RetryPolicy): Requester {
  const budget = sharedBudget(policy);
  const call = (route: Route, init: RequestInitLike) =>
    exchange(() => transport(route, { ...init, headers: { ...JSON_HEADERS, ...init.headers } }), budget());
  return {
    async json(schema, route, init = { method: 'GET' }) {
      const res = await call(route, init);
      if (!res.ok) return res;
      const parsed = schema.safeParse(res.value.body);
      if (parsed.success) return ok(parsed.data);
      const message = `Unexpected Jira response for ${route.value}: ${parsed.error.issues[0]?.message ?? 'shape mismatch'}`;
      return err({ code: 'BAD_RESPONSE', status: res.value.status, message });
    },
    async send(route, init) {
      const res = await call(route, init);
      return res.ok ? ok(res.value.status) : res;
    },
  };
}

/** Chains results: stops at the first failure. */
export function andThen<A, B>(r: JiraResult<A>, f: (a: A) => B): JiraResult<B> {
  return r.ok ? ok(f(r.value)) : r;
}
