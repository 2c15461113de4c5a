import { prefetch } from '../../../static/issue-panel/src/prefetch';
import type { AgentPanelData } from '@contract';

const data = (serverNow: number) => ({ view: 'agent', configured: false, projectId: '1', snapshot: null, calendars: [], warnings: {}, serverNow, actionFailures: [] }) satisfies AgentPanelData;

describe('the first SLA read', () => {
  it('starts at once and, consumed later, moves serverNow by the wait so the clock-skew correction stays exact', async () => {
    let clock = 1_000;
    const read = jest.fn(async () => ({ ok: true as const, data: data(5_000) }));
    const first = prefetch(read, () => clock);
    expect(read).toHaveBeenCalledTimes(1);
    await Promise.resolve();
    await Promise.resolve();
    clock = 1_400; // consumed 400 ms after it arrived (the theme was still loading)
    const res = await first();
    expect(res.ok && res.data.serverNow).toBe(5_400);
    // serverNow - consumption time is the offset measured at arrival: 5000 - 1000.
    expect(res.ok && res.data.serverNow - clock).toBe(4_000);
  });

  it('hands an error through unchanged', async () => {
    const error = { ok: false as const, error: { code: 'FORBIDDEN' as const, message: 'no' } };
    expect(await prefetch(async () => error)()).toBe(error);
  });
});
