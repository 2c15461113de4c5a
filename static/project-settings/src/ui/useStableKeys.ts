/**
 * Stable React keys for a list edited by position: rows keep state (typed text), so keying them by
 * index would move that state to the neighbouring row when an earlier row is removed.
 */
import { useRef } from 'react';

export function useStableKeys(length: number): { at: (i: number) => number; removed: (i: number) => void } {
  const next = useRef(0);
  const keys = useRef<number[]>([]);
  // Rows added (or the list replaced) since the last render get fresh keys; extra keys are dropped.
  while (keys.current.length < length) keys.current.push(next.current++);
  if (keys.current.length > length) keys.current.length = length;
  return {
    at: (i) => keys.current[i] ?? -1 - i,
    removed: (i) => { keys.current.splice(i, 1); },
  };
}
