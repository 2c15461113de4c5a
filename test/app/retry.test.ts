import { retryFor } from '../../src/app/retry';
import type { JiraError } from '../../src/jira/http';

const error = (code: JiraError['code'], retryAfterMs?: number): JiraError => ({ code, status: 503, message: 'x', ...(retryAfterMs === undefined ? {} : { retryAfterMs }) });

describe('when a Jira failure is retried later', () => {
  it('retries only throttling and outages, never a refusal or a missing issue', () => {
    expect(retryFor(error('RATE_LIMITED', 2000))).toEqual({ retryAfterS: 2, reason: 'RATE_LIMITED' });
    expect(retryFor(error('UNAVAILABLE', 2000))).toEqual({ retryAfterS: 2, reason: 'UNAVAILABLE' });
    for (const code of ['NOT_FOUND', 'FORBIDDEN', 'REJECTED', 'BAD_RESPONSE'] as const) expect(retryFor(error(code, 2000))).toBeUndefined();
  });

  it("rounds Jira's wait up to whole seconds and waits 30 s when Jira names none", () => {
    expect(retryFor(error('RATE_LIMITED', 1001))?.retryAfterS).toBe(2);
    expect(retryFor(error('RATE_LIMITED'))?.retryAfterS).toBe(30);
  });

  it("keeps the wait within Forge's bounds for a handed-back event, 1 to 900 s", () => {
    expect(retryFor(error('UNAVAILABLE', 0))?.retryAfterS).toBe(1);
    expect(retryFor(error('UNAVAILABLE', 3_600_000))?.retryAfterS).toBe(900);
  });
});
