/**
 * A skew-corrected clock: the browser's clock can be minutes off, and a countdown that disagrees
 * with the server's breach time would be wrong in front of the agent. The offset is measured when
 * a response arrives (serverNow is stamped as the response is built; latency is well under a tick).
 */
import { useEffect, useState } from 'react';

export function clockOffset(serverNow: number, receivedAt: number): number {
  return Number.isFinite(serverNow) ? serverNow - receivedAt : 0;
}

/** Re-renders every `intervalMs` with the corrected current instant. */
export function useNow(offsetMs: number, intervalMs = 1000, read: () => number = Date.now): number {
  const [now, setNow] = useState(() => read() + offsetMs);
  useEffect(() => {
    setNow(read() + offsetMs);
    const id = setInterval(() => setNow(read() + offsetMs), intervalMs);
    return () => clearInterval(id);
  }, [offsetMs, intervalMs, read]);
  return now;
}
