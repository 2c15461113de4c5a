import { createPacer, QUOTA_RESERVE } from '../../src/jira/pacing';
import type { ResponseLike } from '../../src/jira/http';

const answer = (headers: Record<string, string>): ResponseLike => ({ status: 200, headers: { get: (n) => headers[n] ?? null }, text: async () => '' });
const quota = (remaining: number, resetS: number) => ({ 'Beta-RateLimit-Policy': '"global-app-quota";q=65000;w=3600', 'Beta-RateLimit': `"global-app-quota";r=${remaining};t=${resetS}` });

async function paced(headers: Record<string, string>, now = 1_000_000) {
  const pacer = createPacer(() => now);
  await pacer.transport(async () => answer(headers))({ value: '/rest/api/3/task/1' } as never, { method: 'GET' });
  return pacer;
}

describe('pacing by Jira rate-limit headers', () => {
  it('lets work go on while the quota Jira reports stays above the reserve', async () => {
    const pacer = await paced(quota(40_000, 1200));
    expect(pacer.quotaWait(3_000, 1_000_000)).toBe(0);
  });

  it('waits for the quota window to reset before eating into the reserve', async () => {
    const reserve = 65_000 * QUOTA_RESERVE;
    const pacer = await paced(quota(reserve + 100, 1200));
    expect(pacer.quotaWait(3_000, 1_000_000)).toBe(1_200_000);
  });

  it('does not wait once the reported window has passed', async () => {
    const pacer = await paced(quota(10, 60));
    expect(pacer.quotaWait(3_000, 1_000_000 + 61_000)).toBe(0);
  });

  it('holds the next request to the rest of the second when the endpoint burst budget is spent', async () => {
    const pacer = await paced({ 'X-RateLimit-Limit': '100', 'X-RateLimit-Remaining': '0' });
    expect(pacer.burstWait(1_000_400)).toBe(600);
    expect(pacer.burstWait(1_001_000)).toBe(0);
  });

  it('paces nothing when Jira sends no limit headers', async () => {
    const pacer = await paced({});
    expect(pacer.quotaWait(1e9, 1_000_000)).toBe(0);
    expect(pacer.burstWait(1_000_000)).toBe(0);
  });
});
