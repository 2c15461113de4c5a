/**
 * Problems found in the browser before asking the backend (an unparseable target, a malformed
 * time). Fields register them here so the save bar can refuse to save a draft that would not
 * survive validation, and say how many fields need attention.
 */
import { createContext, useContext, useEffect, useId } from 'react';

export interface LocalProblems {
  set(id: string, active: boolean): void;
}

export const LocalProblemsContext = createContext<LocalProblems>({ set: () => undefined });

export function useLocalProblem(active: boolean): void {
  const id = useId();
  const registry = useContext(LocalProblemsContext);
  useEffect(() => {
    registry.set(id, active);
    return () => registry.set(id, false);
  }, [registry, id, active]);
}
