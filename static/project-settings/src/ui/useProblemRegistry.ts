/**
 * Counts the fields currently reporting a local problem (see model/localProblems). Registries nest:
 * each one also reports to the registry above it, so the save bar counts the whole page while a
 * tab or a calendar card counts only what it contains.
 */
import { useContext, useMemo, useRef, useState } from 'react';
import { LocalProblemsContext, type LocalProblems } from '../model/localProblems';

export function useProblemRegistry(): { registry: LocalProblems; count: number } {
  const parent = useContext(LocalProblemsContext);
  const active = useRef(new Set<string>());
  const [count, setCount] = useState(0);
  const registry = useMemo<LocalProblems>(() => ({
    set(id, on) {
      parent.set(id, on);
      const had = active.current.has(id);
      if (on === had) return;
      if (on) active.current.add(id);
      else active.current.delete(id);
      setCount(active.current.size);
    },
  }), [parent]);
  return { registry, count };
}
