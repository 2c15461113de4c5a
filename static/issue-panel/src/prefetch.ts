/**
 * The panel's first SLA read, started as soon as the issue is known so it overlaps the theme load
 * instead of following it (first paint is the two waits overlapped, not added up). The answer may
 * be consumed later than it arrived: its serverNow is moved forward by that delay, so the clock-skew
 * correction (clock.ts) still measures the real offset.
 */
import type { DataOf, Envelope } from '@contract';

type PanelEnvelope = Envelope<DataOf<'panel.getSla'>>;
export type FirstRead = () => Promise<PanelEnvelope>;

export function prefetch(read: () => Promise<PanelEnvelope>, now: () => number = Date.now): FirstRead {
  const arrived = read().then((res) => ({ res, at: now() }));
  return async () => {
    const { res, at } = await arrived;
    if (!res.ok) return res;
    return { ok: true, data: { ...res.data, serverNow: res.data.serverNow + (now() - at) } };
  };
}
