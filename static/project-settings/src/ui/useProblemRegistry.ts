/** Counts the fields currently reporting a local problem (see model/localProblems). */
import { useMemo, useRef, useState } from 'react';
import type { LocalProblems } from '../model/localProblems';

export function useProblemRegistry(): { registry: LocalProblems; count: number } {
  const active = useRef(new Set<string>());
  const [count, setCount] = useState(0);
  const registry = useMemo<LocalProblems>(() => ({
    set(id, on) {
      const had = active.current.has(id);
      if (on === had) return;
      if (on) active.current.add(id);
      else active.current.delete(id);
      setCount(active.current.size);
    },
  }), []);
  return { registry, count };
}
